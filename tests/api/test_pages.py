"""Every page type in both APIs, scoped to a site and a locale, with its translations."""

from __future__ import annotations

import pytest
from wagtail.models import Page, get_page_models

from api.fields import REFERENCE_MAPS
from cms.models import TingstedPage
from tests.factories import indexed_once
from tests.factories.blog import (
    BlogIndexPageFactory,
    BlogPostPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from tests.factories.cms import ContentPageFactory
from tests.factories.meetings import EventIndexPageFactory, MeetingPageFactory, session
from tests.factories.minutes import AgendaItemFactory, CouncilPageFactory, publish_meeting
from tests.factories.networks import (
    NetworkIndexPageFactory,
    NetworkModeratorFactory,
    NetworkPageFactory,
)
from tests.factories.people import PersonFactory, VenueFactory
from tests.factories.tingsted_example import ExamplePageFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["da", "sv", "nb", "en"]


def tingsted_page_types() -> list[str]:
    return [model._meta.label for model in get_page_models() if issubclass(model, TingstedPage)]


@pytest.fixture
@indexed_once
def one_page_of_each_type(home) -> dict[str, Page]:
    """One live page of every page type on the English site (``localhost``), keyed by type.

    Built with the factories in tests/factories/, each under a parent it allows; the home
    page is the site's own root. A page type without a page here fails the test below.
    """
    root = home("en")
    network_index = NetworkIndexPageFactory(parent=root)
    network = NetworkPageFactory(parent=network_index, fee_currency="EUR")
    NetworkModeratorFactory(page=network)
    meeting = MeetingPageFactory(
        parent=network,
        venue=VenueFactory(),
        programme=[session("09:30", "11:00", headline="Opening")],
    )
    blog = BlogIndexPageFactory(parent=root)
    news = NewsIndexPageFactory(parent=root)
    council = CouncilPageFactory(parent=root)
    pages = [
        root,
        network_index,
        network,
        meeting,
        EventIndexPageFactory(parent=root),
        blog,
        BlogPostPageFactory(parent=blog, authors=[PersonFactory()]),
        news,
        NewsPageFactory(parent=news),
        council,
        publish_meeting(council, [AgendaItemFactory.build()]),
        ExamplePageFactory(parent=root),
        ContentPageFactory(parent=root),
    ]
    return {page._meta.label: page for page in pages}


@pytest.mark.parametrize("page_type", tingsted_page_types())
def test_every_page_type_is_listed_and_filtered_by_type_in_both_apis(
    api, one_page_of_each_type, page_type
):
    assert page_type in one_page_of_each_type, (
        f"add a factory for {page_type} to tests/factories/ and a page to the fixture"
    )
    page = one_page_of_each_type[page_type]
    assert page.live and type(page)._meta.label == page_type
    names = [field.name for field in type(page).api_fields]
    assert names, f"{page_type} declares no api_fields"

    # v2: the list filtered by type holds this page and only pages of that type, every
    # declared field included with fields=*; the detail has them too.
    v2 = api.get(f"/api/v2/pages/?type={page_type}&fields=*&limit=100", site="en")
    assert v2.status_code == 200, v2.content
    items = v2.json()["items"]
    assert {item["meta"]["type"] for item in items} == {page_type}
    item = next((item for item in items if item["id"] == page.pk), None)
    assert item is not None, f"{page_type} {page.pk} missing from the v2 list"
    # A list gives the reference maps (people, organisations) once, beside its items.
    in_answer = {name for name in REFERENCE_MAPS if name in names and name in v2.json()}
    assert [name for name in names if name not in item and name not in in_answer] == []
    detail = api.get(f"/api/v2/pages/{page.pk}/", site="en")
    assert detail.status_code == 200, detail.content
    assert detail.json()["meta"]["type"] == page_type
    assert [name for name in names if name not in detail.json()] == []

    # v3: the list filtered by type (summaries), then the detail with every declared field.
    v3 = api.get(f"/api/v3/pages/?type={page_type}&limit=100", site="en")
    assert v3.status_code == 200, v3.content
    items = v3.json()["items"]
    assert {item["meta"]["type"] for item in items} == {page_type}
    assert page.pk in {item["id"] for item in items}
    detail = api.get(f"/api/v3/pages/{page.pk}/", site="en")
    assert detail.status_code == 200, detail.content
    assert detail.json()["meta"]["type"] == page_type
    assert [name for name in names if name not in detail.json()] == []


@pytest.mark.parametrize("site_language", LANGUAGES)
def test_results_are_scoped_to_the_requests_host(api, home, site_language):
    ids = {home(site_language, language).pk for language in LANGUAGES}
    for path in ["/api/v2/pages/", "/api/v3/pages/"]:
        items = api.get(path, site=site_language).json()["items"]
        assert {item["id"] for item in items} == ids


def test_site_and_locale_parameters_pick_one_site_and_language(api, home):
    wanted = home("sv", "nb")
    for path in ["/api/v2/pages/", "/api/v3/pages/"]:
        items = api.get(f"{path}?site=se.localhost&locale=nb", site="en").json()["items"]
        assert [item["id"] for item in items] == [wanted.pk]
        assert items[0]["meta"]["locale"] == "nb"


@pytest.mark.parametrize("path", ["/api/v2/pages/{id}/", "/api/v3/pages/{id}/"])
def test_each_page_lists_its_translations_with_locale_id_and_url(api, home, path):
    page = home("nb")
    translations = api.get(path.format(id=page.pk), site="nb").json()["translations"]
    assert [(item["locale"], item["id"]) for item in translations] == [
        ("da", home("nb", "da").pk),
        ("en", home("nb", "en").pk),
        ("sv", home("nb", "sv").pk),
    ]
    assert {item["url"] for item in translations} == {
        "http://no.localhost/da/",
        "http://no.localhost/en/",
        "http://no.localhost/sv/",
    }


@pytest.mark.parametrize("path", ["/api/v2/pages/{id}/", "/api/v3/pages/{id}/"])
def test_translations_are_asked_once_a_generation_and_a_change_shows_at_once(
    api, home, path, settings
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.TINGSTED_API_RESPONSE_CACHE = False
    page = home("nb")
    path = path.format(id=page.pk)

    def translations() -> tuple[int, list[str]]:
        with CaptureQueriesContext(connection) as queries:
            answer = api.get(path, site="nb").json()
        asked = [query for query in queries if '"translation_key" IN' in query["sql"]]
        return len(asked), [item["locale"] for item in answer["translations"]]

    assert translations() == (1, ["da", "en", "sv"])
    # Every detail and list item shows them, and they change only when a page does.
    assert translations() == (0, ["da", "en", "sv"])

    home("nb", "sv").unpublish()
    assert translations() == (1, ["da", "en"])


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v3/pages/"])
def test_a_renamed_or_moved_page_has_its_new_address_at_once(api, home, path, settings):
    """Page addresses are worked out once a content generation (cms/models/pages.py)."""
    from cms.models import ContentPage

    settings.TINGSTED_API_RESPONSE_CACHE = False
    parent = home("da").add_child(instance=ContentPage(title="Om os", slug="om-os"))
    page = parent.add_child(instance=ContentPage(title="Kontakt", slug="kontakt"))

    def address() -> str:
        items = api.get(f"{path}?type=cms.ContentPage", site="da").json()["items"]
        (found,) = [item for item in items if item["id"] == page.pk]
        return found["meta"]["html_url"]

    assert address() == address() == "http://dk.localhost/om-os/kontakt/"
    page.slug = "skriv-til-os"
    page.save_revision().publish()
    assert address() == "http://dk.localhost/om-os/skriv-til-os/"
    page.move(home("da"), pos="last-child")
    assert address() == "http://dk.localhost/skriv-til-os/"


def test_v2_lists_include_translations_for_every_item(api):
    items = api.get("/api/v2/pages/?type=cms.HomePage&fields=translations", site="da").json()[
        "items"
    ]
    assert all(len(item["translations"]) == 3 for item in items)


def test_a_detail_url_stays_on_the_pages_own_site(api, home):
    page = home("sv")
    item = api.get("/api/v3/pages/", site="sv").json()["items"][0]
    assert item["meta"]["detail_url"].startswith("http://se.localhost/api/v3/pages/")
    assert api.get(f"/api/v3/pages/{page.pk}/", site="sv").status_code == 200
    # Another site's page is not part of this site's API.
    assert api.get(f"/api/v3/pages/{page.pk}/", site="da").status_code == 404


@pytest.mark.parametrize(
    ("path", "parameter", "status"),
    [
        ("/api/v2/pages/?site=nowhere.example", "site", 400),
        ("/api/v3/pages/?site=nowhere.example", "site", 400),
        ("/api/v2/pages/?locale=xx", "locale", 400),
        ("/api/v3/pages/?locale=xx", "locale", 400),
        ("/api/v2/pages/?type=nope.Nothing", "type", 400),
        ("/api/v3/pages/?type=nope.Nothing", "type", 422),
        ("/api/v2/pages/?limit=101", "limit", 400),
        ("/api/v3/pages/?limit=101", "limit", 400),
        ("/api/v2/pages/?limit=many", "limit", 400),
        ("/api/v3/pages/?limit=many", "limit", 422),
        ("/api/v2/pages/?order=nonsense", "order", 400),
        ("/api/v2/pages/?colour=blue", "colour", 400),
        ("/api/v2/images/?limit=-1", "limit", 400),
        ("/api/v3/pages/1/?version=draft", "version", 401),
    ],
)
def test_bad_input_is_a_json_4xx_that_names_the_parameter(api, path, parameter, status):
    response = api.get(path)
    assert response.status_code == status
    body = response.json()
    if path.startswith("/api/v3/"):
        assert response["Content-Type"] == "application/problem+json"
        assert body["status"] == status
        assert any(parameter in error["loc"] for error in body["errors"])
    else:
        assert body["status"] == status
        assert body["parameter"] == parameter
        assert body["message"]


@pytest.mark.parametrize(
    "header", ["Bearer not-a-token", "Token abc", "Bearer wagtail_" + "A" * 33]
)
@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v3/pages/"])
def test_a_malformed_or_unknown_token_is_a_401_naming_the_header(api, path, header):
    response = api.get(path, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer error=")
    assert "Authorization" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


def test_a_revoked_token_is_refused(api, service_token):
    service_token.revoke()
    assert api.get("/api/v3/pages/", token=service_token).status_code == 401


def test_ordering_has_a_unique_tiebreaker_so_pages_never_repeat(api, home):
    from tests.api.conftest import add_page

    parent = home("da")
    for number in range(7):
        add_page(parent, f"Same title {number}", seo_title="same")
    seen = []
    for offset in range(0, 12, 3):
        items = api.get(f"/api/v2/pages/?order=seo_title&limit=3&offset={offset}").json()["items"]
        seen += [item["id"] for item in items]
    assert len(seen) == len(set(seen)) == 11


@pytest.mark.parametrize("path", ["/api/v2/pages/?locale=en", "/api/v3/pages/?locale=en"])
def test_links_use_the_pages_own_site_whatever_host_asks(api, home, path):
    """The English site asking for the Danish site's English page gets its /en/ address."""
    items = api.get(f"{path}&site=dk.localhost", site="en").json()["items"]
    assert [item["meta"]["html_url"] for item in items] == ["http://dk.localhost/en/"]
    detail = api.get(f"/api/v2/pages/{home('da').pk}/?site=dk.localhost", site="en").json()
    assert {t["locale"]: t["url"] for t in detail["translations"]}[
        "en"
    ] == "http://dk.localhost/en/"


def test_related_api_fields_are_fetched_with_the_list(monkeypatch):
    """Plugin page types' relations (an image, a venue, inline rows) cost no query per item."""
    from wagtail.api import APIField

    from api.v2 import related_api_fields
    from plugins.people.models import Person, Venue

    monkeypatch.setattr(
        Person, "api_fields", [APIField("name"), APIField("organisation"), APIField("photo")]
    )
    monkeypatch.setattr(Venue, "api_fields", [APIField("name"), APIField("rooms")])
    assert related_api_fields(Person) == (["organisation", "photo"], [])
    assert related_api_fields(Venue) == ([], ["rooms"])
