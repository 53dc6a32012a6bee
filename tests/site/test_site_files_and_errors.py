"""What every site answers beside its pages: error pages in its language, robots.txt, a
favicon, a sitemap with every translation, and a search form in every page's header
(issue 17, "Public site").

pytest-django runs with DEBUG = False, as production does: Django's error handlers render
the project's templates.
"""

from __future__ import annotations

import re

import pytest
from django.db import OperationalError, connection
from django.test import Client
from wagtail.models import PageViewRestriction

from cms.i18n.localize import translate
from cms.models.pages import HomePage
from tests.conftest import HOSTS
from tests.factories.translation import child_page

pytestmark = pytest.mark.django_db

NOT_FOUND = {
    "en": "Page not found",
    "da": "Siden blev ikke fundet",
    "sv": "Sidan hittades inte",
    "nb": "Fant ikke siden",
}


@pytest.mark.parametrize("language", list(HOSTS))
def test_a_missing_page_answers_in_the_sites_language_with_its_navigation(sites, client, language):
    response = client.get("/no-such-page/", HTTP_HOST=HOSTS[language])
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{NOT_FOUND[language]}</h1>" in html
    assert '<main id="main"' in html
    assert 'class="site-header"' in html and 'role="search"' in html
    assert sites[language].root_page.title in html  # the site's name links home


@pytest.mark.parametrize(
    ("language", "heading"), [("da", "Noget gik galt"), ("sv", "Något gick fel")]
)
def test_a_server_error_answers_in_the_sites_language(sites, monkeypatch, language, heading):
    def fail(self, request, *args, **kwargs):
        raise RuntimeError("the page's template failed")

    monkeypatch.setattr(HomePage, "serve", fail)
    client = Client(raise_request_exception=False)
    response = client.get("/", HTTP_HOST=HOSTS[language], follow=True)
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert '<main id="main"' in html and "<nav" in html
    # A CDN in front keeps no copy of a failure.
    assert response["Cache-Control"] == "private, no-store"


UNAVAILABLE = {
    "en": "Briefly unavailable",
    "da": "Kortvarigt utilgængelig",
    "sv": "Tillfälligt otillgänglig",
    "nb": "Midlertidig utilgjengelig",
}


@pytest.fixture
def database_refuses(monkeypatch):
    """The first database work of every request (finding its site) fails as PostgreSQL's
    refused connection does. tests/cms/test_database_outage.py stops a real one."""

    def refuse(request):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')

    monkeypatch.setattr("cms.middleware.find_site", refuse)


@pytest.mark.parametrize(
    ("host_language", "path", "language"),
    [("da", "/", "da"), ("sv", "/", "sv"), ("nb", "/en/", "en"), ("en", "/admin/login/", "en")],
)
def test_a_database_outage_is_a_503_to_try_again_in_the_addresss_language(
    sites, database_refuses, host_language, path, language
):
    response = Client(raise_request_exception=False).get(path, HTTP_HOST=HOSTS[host_language])
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "private, no-store"
    html = response.content.decode()
    # No site could be looked up: the language comes from the prefix, else the host.
    assert f'<html lang="{language}">' in html
    assert f"<h1>{UNAVAILABLE[language]}</h1>" in html


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v3/pages/"])
def test_a_database_outage_is_a_503_problem_in_the_api(sites, database_refuses, path):
    response = Client(raise_request_exception=False).get(path, HTTP_HOST="dk.localhost")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "private, no-store"
    problem = response.json()
    assert problem["status"] == 503 and problem["title"] == "Service Unavailable"
    assert "not answering" in problem["detail"]


def test_robots_txt_points_at_the_sites_sitemap(sites, client):
    response = client.get("/robots.txt", HTTP_HOST="dk.localhost")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "User-agent: *" in text
    assert "Disallow: /admin/" in text
    assert f"Sitemap: {sites['da'].root_url}/sitemap.xml" in text


def test_favicon(sites, client):
    response = client.get("/favicon.ico", HTTP_HOST="dk.localhost")
    assert response.status_code == 301
    assert response["Location"].endswith("/favicon.ico")
    page = client.get("/", HTTP_HOST="dk.localhost", follow=True).content.decode()
    assert 'rel="icon"' in page


@pytest.fixture
def translated(home):
    """A Danish page translated into Swedish and Norwegian, and one translated page that is
    private in every language (restrictions are shared by translations)."""
    page = child_page(home("da"), title="Havnebad", intro="Om havnebadet.")
    swedish, _ = translate(page, "sv", title="Hamnbad", intro="Om hamnbadet.")
    norwegian, _ = translate(page, "nb", title="Havnebad nb", intro="Om havnebadet.")
    private = child_page(home("da"), title="Lukket", intro="Kun for medlemmer.")
    private_sv, _ = translate(private, "sv", title="Stängd", intro="Bara för medlemmar.")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return page, swedish, norwegian, private_sv


def _alternates(sitemap: str, location: str) -> dict[str, str]:
    entry = re.search(rf"<url>\s*<loc>{re.escape(location)}</loc>(.*?)</url>", sitemap, re.S)
    assert entry, location
    return dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry.group(1)))


def test_the_sitemap_lists_every_translation_with_alternates(translated, client):
    page, swedish, norwegian, private_sv = translated
    response = client.get("/sitemap.xml", HTTP_HOST="dk.localhost")
    assert response.status_code == 200
    sitemap = response.content.decode()
    danish_url, swedish_url = page.get_full_url(), swedish.get_full_url()
    assert "/sv/" in swedish_url
    assert f"<loc>{swedish_url}</loc>" in sitemap
    expected = {
        "da": danish_url,
        "sv": swedish_url,
        "nb": norwegian.get_full_url(),
        "x-default": danish_url,
    }
    assert _alternates(sitemap, swedish_url) == expected
    assert _alternates(sitemap, danish_url) == expected
    assert private_sv.get_full_url() not in sitemap
    assert "Lukket" not in sitemap and "lukket" not in sitemap


def test_the_page_head_names_x_default(translated, client):
    _page, swedish, _norwegian, _private = translated
    html = client.get(swedish.url, HTTP_HOST="dk.localhost").content.decode()
    assert re.search(r'hreflang="x-default" href="[^"]+/havnebad/"', html), html[:1500]


def test_every_page_has_a_search_form_in_its_header(translated, client):
    page, *_rest = translated
    html = client.get(page.url, HTTP_HOST="dk.localhost").content.decode()
    header = html[html.index('<header class="site-header"') : html.index("</header>")]
    form = re.search(r'<form class="site-search" method="get" action="([^"]+)"', header)
    assert form and form.group(1).endswith("/search/")
    results = client.get(form.group(1), {"q": "Havnebad"}, HTTP_HOST="dk.localhost")
    assert results.status_code == 200
    text = results.content.decode()
    assert "“Havnebad”" in text  # as typed, not lower-cased
    assert 'action=""' not in text
    assert text.count('role="search"') == 1  # the results page has its own form only


def test_search_results_keep_the_summarys_line_breaks(home, client):
    """Flattened lists read "… - Kaffe - Oplæg …" on one line in the results."""
    page = child_page(home("da"), title="Havnebadet åbner", intro="")
    page.search_description = "Program:\n- Kaffe\n- Oplæg"
    page.save_revision().publish()
    html = client.get("/search/", {"q": "havnebadet"}, HTTP_HOST="dk.localhost").content.decode()
    assert "Program:<br>- Kaffe<br>- Oplæg" in html


@pytest.mark.parametrize(
    ("failure", "status"),
    [(RuntimeError("a bug of ours"), 500), (OperationalError("server closed the connection"), 503)],
)
def test_a_v3_field_that_fails_while_the_answer_is_built_is_the_servers_failure(
    sites, monkeypatch, failure, status
):
    """pydantic catches what a field raises and django-ninja reported it as a 422, blaming
    the request and quoting the exception."""

    def fail(self, *args, **kwargs):
        raise failure

    monkeypatch.setattr(HomePage, "get_url_parts", fail)
    page = sites["da"].root_page
    response = Client(raise_request_exception=False).get(
        f"/api/v3/pages/{page.pk}/", HTTP_HOST="dk.localhost"
    )
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    assert response["Cache-Control"] == "private, no-store"
    assert str(failure) not in response.content.decode()


@pytest.fixture
def broken_statement(monkeypatch):
    """The first database work of every request runs a statement that names a column no
    table has: a bug of ours, as the blog categories' admin search once was on SQLite."""

    def run_broken_statement(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT no_such_column FROM wagtailcore_page")

    monkeypatch.setattr("cms.middleware.find_site", run_broken_statement)


@pytest.mark.parametrize("path", ["/", "/api/v2/pages/", "/api/v3/pages/"])
def test_a_statement_the_database_cannot_run_is_a_500_not_a_503(sites, broken_statement, path):
    # SQLite reports it as an OperationalError, which said "try again in 30 seconds".
    response = Client(raise_request_exception=False).get(path, HTTP_HOST="dk.localhost")
    assert response.status_code == 500
    assert "Retry-After" not in response
