"""An image whose original file is missing leaves the answer without that image, not a 500.

A database restored without its media, or an object deleted from the bucket: every page and
API answer showing such an image (with renditions not made yet) answered 500. The answer now
goes on without it, is never stored by the page or API cache, and is whole again as soon as
the file is back, with no publish (cms/renditions.py).
"""

from __future__ import annotations

import logging

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from tests.factories.blog import BlogIndexPageFactory, BlogPostPageFactory
from tests.factories.cms import ImageFactory
from tests.factories.translation import child_page

pytestmark = pytest.mark.django_db


def lose_file(image) -> bytes:
    """Delete the image's original from its storage; returns its bytes, to put back."""
    with image.file.storage.open(image.file.name) as file:
        content = file.read()
    image.file.storage.delete(image.file.name)
    return content


def put_back(image, content: bytes) -> None:
    assert image.file.storage.save(image.file.name, ContentFile(content)) == image.file.name


@pytest.fixture
def visitor() -> Client:
    return Client(raise_request_exception=False)


@pytest.fixture
def page_and_image(home):
    image = ImageFactory(large=True, description="Harbour at dawn", caption="Havnen")
    page = child_page(
        home("da"),
        title="Havnen",
        body=[("text", "<p>Om havnen.</p>"), ("image", {"image": image})],
    )
    return page, image


def test_a_page_goes_on_without_an_image_whose_file_is_missing(page_and_image, visitor, caplog):
    page, image = page_and_image
    content = lose_file(image)

    with caplog.at_level(logging.WARNING, logger="cms.renditions"):
        response = visitor.get(page.get_url(), HTTP_HOST="dk.localhost")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Om havnen." in html and 'class="figure"' not in html
    assert response["Cache-Control"] == "private, no-store"
    assert f"Image {image.pk}" in caplog.text and "no original file" in caplog.text

    # Back without a publish: the next visitor gets the page whole (nothing of the first
    # answer was stored).
    put_back(image, content)
    whole = visitor.get(page.get_url(), HTTP_HOST="dk.localhost")
    assert whole.status_code == 200 and 'class="figure"' in whole.content.decode()


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_the_api_gives_the_image_without_renditions_and_keeps_no_copy(
    page_and_image, visitor, version
):
    page, image = page_and_image
    content = lose_file(image)
    url = f"/api/{version}/pages/{page.pk}/"

    response = visitor.get(url, HTTP_HOST="dk.localhost")

    assert response.status_code == 200, response.content[:300]
    (block,) = [block for block in response.json()["body"] if block["type"] == "image"]
    assert block["value"]["id"] == image.pk
    assert block["value"]["alt"] == "Harbour at dawn"
    assert block["value"]["renditions"] == []
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response

    put_back(image, content)
    whole = visitor.get(url, HTTP_HOST="dk.localhost").json()
    (block,) = [block for block in whole["body"] if block["type"] == "image"]
    assert len(block["value"]["renditions"]) == 3


def test_a_blog_post_and_its_feeds_go_on_without_a_missing_hero_image(home, visitor):
    blog = BlogIndexPageFactory(parent=home("da"), title="Blog", slug="blog")
    post = BlogPostPageFactory(parent=blog, title="Et indlæg", hero_image=ImageFactory())
    lose_file(post.hero_image)

    page = visitor.get(post.get_url(), HTTP_HOST="dk.localhost")
    assert page.status_code == 200
    assert "Et indlæg" in page.content.decode()
    for kind in ("rss", "atom"):
        feed = visitor.get(f"/blog/feed/{kind}/", HTTP_HOST="dk.localhost")
        assert feed.status_code == 200, kind
        assert "Et indlæg" in feed.content.decode()
