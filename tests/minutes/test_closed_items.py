"""Closed items never leak: every channel, for every kind of caller without the permission.

The callers: an anonymous visitor, an API token whose user lacks the permission, and a
logged-in editor who may edit pages but lacks it. The same checks with a reader who has
the permission prove that each channel does carry the content when it may (so the
negative checks cannot pass by accident).
"""

from __future__ import annotations

import pytest
from wagtail.search.backends import get_search_backend

from plugins.minutes.models import MinutesPage
from tests.minutes.conftest import OPEN_WORD, SECRETS, assert_all_secrets, assert_no_secret

pytestmark = pytest.mark.django_db

HOST = "dk.localhost"
CALLERS = ["anonymous", "token_without_permission", "editor_without_permission"]


@pytest.fixture
def call(client, actors):
    """``call(caller, path)``: GET on the Danish site as the named caller."""

    def get(caller: str, path: str, **extra):
        client.logout()
        if caller == "editor_without_permission":
            client.force_login(actors.editor)
        elif caller == "reader_session":
            client.force_login(actors.reader)
        elif caller == "token_without_permission":
            extra["HTTP_AUTHORIZATION"] = f"Bearer {actors.editor_token}"
        elif caller == "reader_token":
            extra["HTTP_AUTHORIZATION"] = f"Bearer {actors.reader_token}"
        return client.get(path, HTTP_HOST=HOST, **extra)

    return get


def page_path(page) -> str:
    return page.get_url()


# --- rendered page ------------------------------------------------------------------------


@pytest.mark.parametrize("caller", CALLERS)
def test_page_shows_only_number_title_and_closed_label(setup, call, caller):
    response = call(caller, page_path(setup.meeting))
    assert response.status_code == 200
    html = response.content.decode()
    assert_no_secret(html)
    assert "Nomination of a member" in html
    assert "Lukket punkt" in html  # "Closed item" on the Danish site
    assert setup.closed_document.url not in html
    assert OPEN_WORD in html
    assert setup.open_document.url in html


@pytest.mark.parametrize("caller", ["reader_session", "reader_token"])
def test_page_shows_closed_content_to_a_reader(setup, call, caller):
    response = call(caller, page_path(setup.meeting))
    html = response.content.decode()
    assert_all_secrets(html)
    assert "no-store" in response["Cache-Control"]
    assert setup.closed_document.url in html


def test_superuser_sees_closed_content(setup, client, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", password="pw")
    client.force_login(admin)
    html = client.get(page_path(setup.meeting), HTTP_HOST=HOST).content.decode()
    assert_all_secrets(html)


# --- Wagtail's page APIs: always the public view ------------------------------------------


PAGE_API_PATHS = [
    "/api/v2/pages/?type=minutes.MinutesPage&fields=*",
    "/api/v2/pages/{id}/",
    "/api/v3/pages/?type=minutes.MinutesPage",
    "/api/v3/pages/{id}/",
    "/api/v2/pages/?type=minutes.MinutesPage&fields=*&search=Nomination",
]


@pytest.mark.parametrize("caller", [*CALLERS, "reader_token", "reader_session"])
def test_page_apis_never_carry_closed_content(setup, call, caller):
    for path in PAGE_API_PATHS:
        response = call(caller, path.format(id=setup.meeting.pk))
        assert response.status_code == 200, (path, response.content)
        if "{id}" in path or ("fields=*" in path and "search" not in path):
            assert "Nomination of a member" in response.content.decode(), path
        assert_no_secret(response.content.decode())


def test_page_api_detail_types_the_closed_item(setup, call):
    v2 = call("anonymous", f"/api/v2/pages/{setup.meeting.pk}/").json()
    assert v2["agenda"][1] == {"number": "2", "title": "Nomination of a member", "closed": True}
    assert v2["agenda"][0]["attachments"][0]["url"].startswith("http://dk.localhost/documents/")
    v3 = call("reader_token", f"/api/v3/pages/{setup.meeting.pk}/").json()
    assert v3["agenda"][1]["closed"] is True
    assert v3["agenda"][1]["summary"] is None
    assert v3["agenda"][0]["summary"].startswith("<p>")


# --- the minutes routes of API v3 ---------------------------------------------------------


@pytest.mark.parametrize("caller", CALLERS)
def test_minutes_route_redacts_closed_items(setup, call, caller):
    response = call(caller, f"/api/v3/minutes/meetings/{setup.meeting.pk}/")
    assert response.status_code == 200
    assert_no_secret(response.content.decode())
    data = response.json()
    assert data["agenda"][1] == {"number": "2", "title": "Nomination of a member", "closed": True}
    assert data["closed_items_visible"] is False


def test_minutes_route_gives_a_reader_token_everything(setup, call):
    response = call("reader_token", f"/api/v3/minutes/meetings/{setup.meeting.pk}/")
    assert_all_secrets(response.content.decode())
    assert response.json()["closed_items_visible"] is True
    assert "no-store" in response["Cache-Control"]


def test_minutes_route_ignores_a_reader_session_without_token(setup, call):
    # API v3 authenticates by token only; a session cookie must not open closed items.
    response = call("reader_session", f"/api/v3/minutes/meetings/{setup.meeting.pk}/")
    assert_no_secret(response.content.decode())


@pytest.mark.parametrize("caller", CALLERS)
def test_minutes_lists_carry_no_item_content(setup, call, caller):
    for path in (
        "/api/v3/minutes/councils/",
        f"/api/v3/minutes/councils/{setup.council.pk}/meetings/",
    ):
        response = call(caller, path)
        assert response.status_code == 200
        assert_no_secret(response.content.decode())


# --- search -------------------------------------------------------------------------------


def test_closed_text_is_not_in_the_page_search_index(setup):
    # Documents have their own (admin-only) index entries; pages are what the public searches.
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    entries = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(MinutesPage))
    # SQLite keeps the text, PostgreSQL a tsvector of stemmed, lower-case lexemes: compare
    # lower-case word stems so the check means the same on both.
    bodies = " ".join(
        f"{entry.title} {entry.body} {entry.autocomplete}" for entry in entries
    ).lower()
    assert "heronlibr" in bodies
    for stem in ("zanzibar", "quokka", "marzipan", "pelican", "narwhal", "okapi"):
        assert stem not in bodies


@pytest.mark.parametrize("secret", SECRETS[:4])
def test_search_for_closed_text_finds_nothing(setup, secret):
    results = get_search_backend().search(secret, MinutesPage)
    assert list(results) == []


def test_search_for_open_text_finds_the_meeting(setup):
    from django.utils import translation

    # In the meeting's language, as the site search asks (PostgreSQL stems per language).
    with translation.override("da"):
        assert list(get_search_backend().search(OPEN_WORD, MinutesPage)) == [setup.meeting]


@pytest.mark.parametrize("caller", [*CALLERS, "reader_token"])
def test_api_search_for_closed_text_finds_nothing(setup, call, caller):
    for path in (
        "/api/v2/pages/?search=Zanzibarsecret",
        "/api/v3/pages/?search=Zanzibarsecret",
    ):
        response = call(caller, path)
        assert response.status_code == 200
        body = response.json()
        assert (body.get("items") or []) == [], path


# --- feeds, sitemap -----------------------------------------------------------------------


@pytest.mark.parametrize("caller", CALLERS)
def test_calendar_feed_lists_titles_only(setup, call, caller, settings):
    setup.meeting.start = setup.meeting.start.replace(year=2099)
    setup.meeting.save_revision().publish()
    response = call(caller, f"/minutes/councils/{setup.council.pk}.ics")
    # Unfold iCalendar's 75-octet lines before reading the text.
    text = response.content.decode().replace("\r\n ", "")
    assert response.status_code == 200
    assert "Nomination of a member" in text
    assert_no_secret(text)


def test_sitemap_lists_pages_and_nothing_of_closed_items(setup, call):
    text = call("anonymous", "/sitemap.xml").content.decode()
    assert setup.meeting.get_full_url() in text
    assert "item-2" not in text
    assert_no_secret(text)


# --- JSON export --------------------------------------------------------------------------


@pytest.mark.parametrize("caller", CALLERS)
def test_exports_redact_closed_items(setup, call, caller):
    for path in (
        f"/minutes/meetings/{setup.meeting.pk}.json",
        f"/minutes/councils/{setup.council.pk}.json",
    ):
        response = call(caller, path)
        assert response.status_code == 200
        assert_no_secret(response.content.decode())
        assert "Nomination of a member" in response.content.decode()


def test_exports_give_a_readers_token_everything_privately(setup, call):
    response = call("reader_token", f"/minutes/meetings/{setup.meeting.pk}.json")
    assert_all_secrets(response.content.decode(), SECRETS[:6])
    assert response["Cache-Control"] == "private, no-store"


def test_exports_are_a_machine_channel_where_a_session_opens_nothing(setup, call):
    """docs/access.md: exports read as a token's user; a browser session counts for no
    more than anonymous there, and its answer is still nobody else's."""
    response = call("reader_session", f"/minutes/meetings/{setup.meeting.pk}.json")
    assert_no_secret(response.content.decode())
    assert response["Cache-Control"] == "private, no-store"


# --- attachment documents -----------------------------------------------------------------


@pytest.mark.parametrize("caller", CALLERS)
def test_closed_attachment_document_is_denied(setup, call, caller):
    response = call(caller, setup.closed_document.url)
    assert response.status_code in (302, 403)
    assert b"minutes attachment" not in b"".join(getattr(response, "streaming_content", []))
    assert b"minutes attachment" not in (response.content if not response.streaming else b"")


def test_closed_attachment_lives_in_the_private_collection(setup):
    from plugins.minutes.access import CLOSED_COLLECTION_NAME

    assert setup.closed_document.collection.name == CLOSED_COLLECTION_NAME
    assert setup.closed_document.collection.get_view_restrictions().exists()
    assert setup.open_document.collection.name != CLOSED_COLLECTION_NAME


def test_closed_attachment_document_is_served_to_a_reader(setup, call):
    response = call("reader_session", setup.closed_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"minutes attachment"


def test_open_attachment_document_is_public(setup, call):
    response = call("anonymous", setup.open_document.url)
    assert response.status_code == 200


@pytest.mark.parametrize("caller", CALLERS)
def test_documents_apis_leave_out_closed_attachments(setup, call, caller):
    for path in ("/api/v2/documents/", "/api/v3/documents/"):
        response = call(caller, path)
        assert response.status_code == 200, path
        assert "Pelicanmemo" not in response.content.decode(), path


def test_document_of_a_closed_item_outside_the_private_collection_is_denied(setup, call, actors):
    # An attachment moved back to a public collection by hand is still refused.
    from wagtail.models import Collection

    document = setup.closed_document
    document.collection = Collection.get_first_root_node()
    document.save()
    assert call("anonymous", document.url).status_code == 403
    assert call("editor_without_permission", document.url).status_code == 403


# --- feeds advertised in the head ---------------------------------------------------------


def test_page_head_advertises_the_council_calendar(setup, call):
    html = call("anonymous", page_path(setup.meeting)).content.decode()
    calendar_url = f"/minutes/councils/{setup.council.pk}.ics"
    assert 'type="text/calendar" title="Integrationsrådet' in html
    assert calendar_url in html


def test_the_council_calendar_answers_a_poll_with_304(setup, call):
    path = f"/minutes/councils/{setup.council.pk}.ics"
    first = call("anonymous", path)
    assert first["Cache-Control"] == "public, max-age=900" and first["ETag"]
    assert call("anonymous", path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_council_events_carry_a_sequence_that_grows_with_each_publication(setup, call):
    from icalendar import Calendar

    setup.meeting.start = setup.meeting.start.replace(year=2099)
    setup.meeting.save_revision().publish()
    path = f"/minutes/councils/{setup.council.pk}.ics"
    [event] = Calendar.from_ical(call("anonymous", path).content).walk("VEVENT")
    before = int(event["SEQUENCE"])
    setup.meeting.save_revision().publish()
    [event] = Calendar.from_ical(call("anonymous", path).content).walk("VEVENT")
    assert int(event["SEQUENCE"]) == before + 1
