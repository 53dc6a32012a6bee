"""Rendered pages are kept in the shared response cache for anonymous visitors only
(cms/pagecache.py): served again without a query, invalidated by every content change,
answered 304 on a matching ETag, and never stored for or served to a session or credential.
"""

from __future__ import annotations

import gzip
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from plugins.networks.models import InterestSubmission
from tests.factories.networks import INTEREST_FORM, NetworkIndexPageFactory, NetworkPageFactory
from tests.factories.people import PersonFactory

DA = {"HTTP_HOST": "dk.localhost"}


@pytest.fixture
def network(home):
    return NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da")),
        title="Inclusion",
        lead="A forum for newcomers' guides.",
        contact_person=PersonFactory(name="Signe Holm"),
        contact_email="contact@example.org",
    )


def queries(request) -> tuple:
    """``(response, number of queries)`` of ``request()``."""
    with CaptureQueriesContext(connection) as captured:
        response = request()
    return response, len(captured)


@pytest.mark.django_db
def test_a_second_anonymous_view_comes_from_the_cache(
    client, network, django_assert_num_queries, settings
):
    first = client.get(network.url, **DA)
    assert first.status_code == 200
    # Its interest form holds the visitor's CSRF token: no shared cache may keep it.
    assert first["Cache-Control"] == "private, no-cache"
    assert first.has_header("ETag") and first.has_header("Last-Modified")

    with django_assert_num_queries(0):
        second = client.get(network.url, **DA)
    assert second.status_code == 200
    assert "Signe Holm" in second.content.decode()
    assert second["ETag"] == first["ETag"]
    assert second["Content-Language"] == "da"
    # What the middleware in front of the cache adds, a hit carries too.
    assert second.has_header("Content-Security-Policy")
    assert second["X-Frame-Options"] == first["X-Frame-Options"]
    assert second["Vary"] == first["Vary"]

    # Another site (host) or address is another entry.
    _other, count = queries(lambda: client.get(network.url, HTTP_HOST="se.localhost"))
    assert count > 0


@pytest.mark.django_db
def test_a_page_without_a_form_is_public_and_revalidated_on_every_visit(client, home, settings):
    client.get("/", **DA)
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/", **DA)
    assert len(captured) == 0
    # Shared, but a browser asks again each visit (a 304 when nothing changed), so a
    # published correction shows at once.
    assert response["Cache-Control"] == "public, max-age=0"
    assert "Cookie" in response["Vary"]
    assert not response.cookies

    # Switched off (`make bench`'s cold runs, debugging), every view renders afresh.
    settings.TINGSTED_PAGE_CACHE = False
    _response, count = queries(lambda: client.get("/", **DA))
    assert count > 0


@pytest.mark.django_db
def test_a_stored_page_is_sent_gzipped_to_those_who_accept_it(client, home):
    client.get("/", **DA)
    plain = client.get("/", **DA)
    zipped = client.get("/", HTTP_ACCEPT_ENCODING="gzip", **DA)
    assert zipped["Content-Encoding"] == "gzip"
    assert zipped["ETag"] == "W/" + plain["ETag"]
    assert "Accept-Encoding" in zipped["Vary"]


@pytest.mark.django_db
def test_a_matching_etag_gets_a_304_without_a_query(client, network, django_assert_num_queries):
    etag = client.get(network.url, **DA)["ETag"]
    with django_assert_num_queries(0):
        response = client.get(network.url, HTTP_IF_NONE_MATCH=etag, **DA)
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response["Cache-Control"] == "private, no-cache"
    assert response.content == b""


@pytest.mark.django_db
def test_publishing_shows_the_change_at_once_and_changes_the_etag(client, network):
    etag = client.get(network.url, **DA)["ETag"]
    page = network.specific
    page.lead = "A forum for newcomers' mentors."
    page.save_revision().publish()

    response = client.get(network.url, HTTP_IF_NONE_MATCH=etag, **DA)
    assert response.status_code == 200
    assert "mentors" in response.content.decode()
    assert response["ETag"] != etag


@pytest.mark.django_db
def test_editing_a_snippet_shown_on_the_page_shows_at_once(
    client, network, django_assert_num_queries
):
    client.get(network.url, **DA)
    with django_assert_num_queries(0):
        assert "Signe Holm" in client.get(network.url, **DA).content.decode()
    person = network.contact_person
    person.name = "Signe Holm-Berg"
    person.save()
    assert "Signe Holm-Berg" in client.get(network.url, **DA).content.decode()


@pytest.mark.django_db
def test_a_logged_in_user_is_never_served_nor_stores_the_cached_copy(
    client, network, admin_user, django_assert_num_queries
):
    editor = Client()
    editor.force_login(admin_user)
    # First in: what the editor is answered is not stored for the anonymous visitor.
    answered = editor.get(network.url, **DA)
    assert answered["Cache-Control"] == "private, no-store"
    assert not answered.has_header("ETag")
    _response, count = queries(lambda: client.get(network.url, **DA))
    assert count > 0
    with django_assert_num_queries(0):
        client.get(network.url, **DA)

    # Now stored: the editor still gets a page rendered for them, privately.
    answered, count = queries(lambda: editor.get(network.url, **DA))
    assert count > 0
    assert answered["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_any_session_or_credential_makes_the_answer_private(client, network, settings):
    client.get(network.url, **DA)
    for extra in (
        {"HTTP_COOKIE": f"{settings.SESSION_COOKIE_NAME}=whatever"},
        {"HTTP_AUTHORIZATION": "Bearer nonsense"},
    ):
        response, count = queries(lambda extra=extra: Client().get(network.url, **DA, **extra))
        assert count > 0, extra
        assert response["Cache-Control"] == "private, no-store", extra


@pytest.mark.django_db
def test_a_password_protected_page_is_never_stored(client, network, django_assert_num_queries):
    client.get(network.url, **DA)
    with django_assert_num_queries(0):
        client.get(network.url, **DA)
    restriction = PageViewRestriction.objects.create(
        page=network, restriction_type=PageViewRestriction.PASSWORD, password="sesam"
    )
    form = client.get(network.url, **DA)
    assert "Signe Holm" not in form.content.decode()
    assert "private" in form["Cache-Control"]

    visitor = Client()
    action = f"/_util/authenticate_with_password/{restriction.pk}/{network.pk}/"
    visitor.post(action, {"password": "sesam", "return_url": network.url}, **DA)
    opened = visitor.get(network.url, **DA)
    assert "Signe Holm" in opened.content.decode()
    assert {"private", "no-store"} <= set(opened["Cache-Control"].split(", "))

    # The visitor without the password still gets the form, never the opened page.
    for _ in range(2):
        again, count = queries(lambda: Client().get(network.url, **DA))
        assert "Signe Holm" not in again.content.decode()
        assert count > 0


@pytest.mark.django_db
def test_the_interest_form_works_for_two_visitors_after_caching(network, django_assert_num_queries):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    page = first.get(network.url, **DA)
    with django_assert_num_queries(0):
        cached = second.get(network.url, **DA)
    assert cached["Cache-Control"] == "private, no-cache"
    for visitor, answer in ((second, cached), (first, page)):
        (token,) = re.findall(
            r'name="csrfmiddlewaretoken" value="([^"]+)"', answer.content.decode()
        )
        response = visitor.post(network.url, {**INTEREST_FORM, "csrfmiddlewaretoken": token}, **DA)
        assert response.status_code == 302, response.content[:300]
    assert InterestSubmission.objects.count() == 2


@pytest.mark.django_db
def test_a_page_with_a_form_is_sent_gzipped_from_the_cache_with_the_visitors_own_token(network):
    """A browser takes gzip: a page with a form, from its first view on, is as small as any
    other page, and its token is the visitor's own, one the form's post is accepted with."""
    gzipped = {**DA, "HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
    tokens = []
    for number in range(3):
        visitor = Client(enforce_csrf_checks=True)
        # The first view renders and stores the page; it is sent as the hits are.
        hit, count = queries(lambda visitor=visitor: visitor.get(network.url, **gzipped))
        assert (count > 0) == (number == 0)
        assert hit["Content-Encoding"] == "gzip"
        assert int(hit["Content-Length"]) == len(hit.content)
        text = gzip.decompress(hit.content).decode()
        assert "Signe Holm" in text
        assert len(hit.content) < len(text) / 2
        (token,) = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
        tokens.append(token)
        response = visitor.post(network.url, {**INTEREST_FORM, "csrfmiddlewaretoken": token}, **DA)
        assert response.status_code == 302, response.content[:300]
    assert len(set(tokens)) == 3
    assert InterestSubmission.objects.count() == 3


@pytest.mark.django_db
def test_a_page_is_sent_gzipped_from_its_first_view(client, home):
    gzipped = {**DA, "HTTP_ACCEPT_ENCODING": "gzip"}
    first = client.get("/", **gzipped)
    second = client.get("/", **gzipped)
    assert first["Content-Encoding"] == second["Content-Encoding"] == "gzip"
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]
    assert gzip.decompress(first.content) == client.get("/", **DA).content
