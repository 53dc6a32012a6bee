"""Images' and documents' API forms are built once a content generation (blocks/representation.py)
and a saved image or document shows at once, in every answer that names it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.cms import DocumentFactory, ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_with_media(home):
    page = home("da")
    image = ImageFactory(title="Havnen")
    document = DocumentFactory(title="Referat")
    document.get_file_size()  # recorded on upload in the admin (saving the document)
    page.body = [
        {"type": "image", "value": {"image": image.pk, "caption": ""}},
        {"type": "attachments", "value": {"title": "Bilag", "documents": [document.pk]}},
    ]
    page.save_revision().publish()
    return page, image, document


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_media_are_built_once_a_generation_and_a_saved_change_shows_at_once(
    api, page_with_media, settings, version
):
    settings.TINGSTED_API_RESPONSE_CACHE = False
    page, image, document = page_with_media

    def media() -> tuple[int, str, str]:
        with CaptureQueriesContext(connection) as queries:
            answer = api.get(f"/api/{version}/pages/{page.pk}/", site="da").json()
        blocks = {block["type"]: block["value"] for block in answer["body"]}
        asked = [query for query in queries if "rendition" in query["sql"]]
        return len(asked), blocks["image"]["title"], blocks["attachments"]["documents"][0]["title"]

    first, *titles = media()
    assert first > 0 and titles == ["Havnen", "Referat"]
    # The renditions (and the documents' sizes and URLs) are the same for every visitor.
    assert media() == (0, "Havnen", "Referat")

    image.title = "Havnen om aftenen"
    image.save()
    assert media()[1:] == ("Havnen om aftenen", "Referat")
    document.title = "Referat, godkendt"
    document.save()
    assert media()[1:] == ("Havnen om aftenen", "Referat, godkendt")
