"""One source of absolute URLs (issue 16): the site record, or WAGTAILAPI_BASE_URL where it is
set, for pages, renditions, documents and exports alike; never the request's Host header."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from tests.factories.cms import DocumentFactory, ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_with_media(home):
    page = home("da")
    image = ImageFactory()
    document = DocumentFactory(title="Referat")
    page.body = [
        {"type": "image", "value": {"image": image.pk, "caption": ""}},
        {"type": "attachments", "value": {"title": "Bilag", "documents": [document.pk]}},
        {
            "type": "text",
            "value": f'<p><a linktype="document" id="{document.pk}">referatet</a></p>',
        },
    ]
    page.save_revision().publish()
    return page


@pytest.fixture
def dk_on_port_8000(db):
    site = Site.objects.get(hostname="dk.localhost")
    site.port = 8000
    site.save()
    return site


def _media_urls(body: list[dict]) -> list[str]:
    blocks = {block["type"]: block["value"] for block in body}
    urls = [rendition["url"] for rendition in blocks["image"]["renditions"]]
    urls += [document["url"] for document in blocks["attachments"]["documents"]]
    assert urls
    return urls


def _v2_body(client, page, **extra):
    response = client.get(f"/api/v2/pages/{page.pk}/", **extra)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_media_urls_use_the_site_record_when_the_host_header_has_no_port(
    client, page_with_media, dk_on_port_8000, version
):
    data = client.get(f"/api/{version}/pages/{page_with_media.pk}/", HTTP_HOST="dk.localhost")
    assert data.status_code == 200, data.content
    data = data.json()
    html_url = data["meta"]["html_url"]
    assert html_url.startswith("http://dk.localhost:8000/")
    for url in _media_urls(data["body"]):
        assert url.startswith("http://dk.localhost:8000/"), url
    assert 'href="http://dk.localhost:8000/documents/' in data["body"][2]["value"]


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_with_site_the_media_urls_are_on_that_site_like_its_pages(
    client, page_with_media, dk_on_port_8000, version
):
    response = client.get(
        f"/api/{version}/pages/{page_with_media.pk}/?site=dk.localhost", HTTP_HOST="se.localhost"
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["meta"]["html_url"].startswith("http://dk.localhost:8000/")
    for url in _media_urls(data["body"]):
        assert url.startswith("http://dk.localhost:8000/"), url


def test_wagtailapi_base_url_where_set_is_the_base_of_media_urls(client, page_with_media, settings):
    settings.WAGTAILAPI_BASE_URL = "https://api.example.org"
    data = client.get(f"/api/v3/pages/{page_with_media.pk}/", HTTP_HOST="dk.localhost").json()
    for url in _media_urls(data["body"]):
        assert url.startswith("https://api.example.org/"), url


def test_exports_use_the_site_record(client, dk_on_port_8000, home):
    # The export links of a council page (minutes plugin): its own and its calendar's.
    from plugins.minutes.models import CouncilPage

    council = CouncilPage(title="Rådet", slug="raadet-x", locale=home("da").locale)
    home("da").add_child(instance=council)
    council.save_revision().publish()
    response = client.get(f"/minutes/councils/{council.pk}.json", HTTP_HOST="dk.localhost")
    assert response.status_code == 200, response.content
    links = response.json()["links"]
    assert links["calendar"].startswith("http://dk.localhost:8000/"), links
