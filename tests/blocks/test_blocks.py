"""Every shared block: what a visitor sees (template) and what an API consumer gets.

STYLE.md habit 6: one test class per block; its render and API tests live together.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.blocks.struct_block import StructBlockValidationError

from blocks.contact import ContactBlock
from blocks.links import CallToActionBlock
from blocks.media import AttachmentListBlock, EmbedBlock, ImageBlock
from blocks.representation import IMAGE_WIDTHS
from blocks.stream import BodyStreamBlock, shared_blocks
from blocks.text import RICH_TEXT_FEATURES, FactBoxBlock, HeadingBlock, QuoteBlock, RichTextBlock
from tests.factories.cms import DocumentFactory, ImageFactory


def api_context(host: str = "dk.localhost") -> dict:
    """The context Wagtail's APIs pass to get_api_representation."""
    return {"request": RequestFactory().get("/api/v2/pages/", HTTP_HOST=host)}


def render(block, raw: dict | str, **context) -> str:
    return block.render(block.to_python(raw), context=context)


@pytest.mark.parametrize(("name", "block"), shared_blocks())
def test_every_shared_block_has_a_template_and_its_own_api_representation(name, block):
    assert block.meta.template, name
    assert "get_api_representation" in type(block).__dict__ or name == "heading"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "block"),
    [(name, block) for name, block in shared_blocks() if name not in {"image", "attachments"}],
)
def test_preview_values_render(name, block):
    """The admin's block preview renders each block's preview value."""
    html = block.render(block.get_preview_value())
    assert html.strip()


class TestHeadingBlock:
    block = HeadingBlock()

    def test_renders_the_chosen_level(self):
        html = render(self.block, {"text": "Agenda", "level": "h3"})
        assert html.strip() == '<h3 class="block-heading">Agenda</h3>'

    def test_api(self):
        value = self.block.to_python({"text": "Agenda", "level": "h3"})
        assert self.block.get_api_representation(value, api_context()) == {
            "text": "Agenda",
            "level": "h3",
        }


@pytest.mark.django_db
class TestRichTextBlock:
    block = RichTextBlock()

    def test_features_are_the_documented_list(self):
        assert self.block.features == RICH_TEXT_FEATURES

    def test_renders_internal_links_as_page_urls(self, home):
        page = home("da", "en")
        html = render(self.block, f'<p>See <a linktype="page" id="{page.pk}">the page</a>.</p>')
        assert '<div class="rich-text"><p>See <a href="' in html
        assert "/en/" in html
        assert 'linktype="page"' not in html

    def test_api_rewrites_internal_links_to_absolute_public_urls(self, home):
        english = home("da", "en")
        document = DocumentFactory(title="Budget")
        value = self.block.to_python(
            f'<p><a linktype="page" id="{english.pk}">English</a> and '
            f'<a linktype="document" id="{document.pk}">the budget</a> and '
            '<a href="https://example.org/x">outside</a>.</p>'
        )
        html = self.block.get_api_representation(value, api_context("se.localhost"))
        assert '<a href="http://dk.localhost/en/">English</a>' in html
        assert f'<a href="http://se.localhost/documents/{document.pk}/' in html
        assert '<a href="https://example.org/x">outside</a>' in html
        assert "linktype" not in html


class TestQuoteBlock:
    block = QuoteBlock()
    raw = {"text": "We listen.", "name": "Sigrid Holm", "role": "Chair", "organisation": ""}

    def test_renders_speaker_and_role(self):
        html = render(self.block, self.raw)
        assert "<blockquote><p>We listen.</p></blockquote>" in html
        assert (
            '<span class="quote-name">Sigrid Holm</span>, <span class="quote-role">Chair</span>'
            in html
        )
        assert "quote-organisation" not in html

    def test_api(self):
        value = self.block.to_python(self.raw)
        assert self.block.get_api_representation(value, api_context()) == self.raw


@pytest.mark.django_db
class TestImageBlock:
    block = ImageBlock()

    def test_renders_a_figure_with_srcset_alt_caption_and_credit(self):
        image = ImageFactory(
            large=True, description="Council members at the table", credit="Photo: Ane Berg"
        )
        html = render(self.block, {"image": image.pk, "caption": "The March meeting"})
        assert 'alt="Council members at the table"' in html
        assert 'srcset="/media/images/' in html
        assert all(f" {width}w" in html for width in IMAGE_WIDTHS[:2])
        assert 'width="960" height="533"' in html
        assert '<span class="caption">The March meeting</span>' in html
        assert '<span class="credit">Photo: Ane Berg</span>' in html

    def test_decorative_images_have_empty_alt_and_the_images_caption_is_the_default(self):
        image = ImageFactory(description="", is_decorative=True, caption="Pattern")
        html = render(self.block, {"image": image.pk, "caption": ""})
        assert 'alt=""' in html
        assert '<span class="caption">Pattern</span>' in html

    def test_api_gives_absolute_rendition_urls_with_sizes_alt_and_credit(self):
        image = ImageFactory(
            large=True, title="Council", description="Council members", credit="Photo: A"
        )
        value = self.block.to_python({"image": image.pk, "caption": ""})
        data = self.block.get_api_representation(value, api_context())
        renditions = data.pop("renditions")
        assert data == {
            "id": image.pk,
            "title": "Council",
            "alt": "Council members",
            "decorative": False,
            "caption": "A caption",
            "credit": "Photo: A",
            "width": 1800,
            "height": 1000,
        }
        assert [(r["width"], r["height"]) for r in renditions] == [
            (480, 266),
            (960, 533),
            (1600, 888),
        ]
        assert all(r["url"].startswith("http://dk.localhost/media/images/") for r in renditions)

    def test_page_query_count_does_not_grow_with_its_images(self, home, host_client):
        page = home("da")

        def queries_for(count: int) -> int:
            page.body = [("image", {"image": ImageFactory(), "caption": ""}) for _ in range(count)]
            page.save_revision().publish()
            host_client.get("da", "/")  # creates the renditions
            cache.clear()  # renditions from the database, not the cache
            with CaptureQueriesContext(connection) as captured:
                response = host_client.get("da", "/")
            assert response.content.decode().count("<figure") >= count
            return len(captured)

        assert queries_for(12) == queries_for(2)


@pytest.mark.django_db
class TestCallToActionBlock:
    block = CallToActionBlock()

    def test_renders_a_button_to_the_address(self):
        html = render(
            self.block, {"label": "Sign up", "url": "https://example.org/s", "page": None}
        )
        assert '<a class="button" href="https://example.org/s">Sign up</a>' in html

    def test_renders_a_button_to_a_page(self, home, rf):
        page = home("da", "en")
        request = rf.get("/", HTTP_HOST="dk.localhost")
        html = render(self.block, {"label": "Read", "page": page.pk, "url": ""}, request=request)
        assert '<a class="button" href="/en/">Read</a>' in html

    def test_api_gives_the_pages_url_on_its_own_site_and_title(self, home):
        page = home("da", "en")
        value = self.block.to_python({"label": "Read", "page": page.pk, "url": "", "text": "Hi"})
        data = self.block.get_api_representation(value, api_context("se.localhost"))
        assert data == {
            "label": "Read",
            "text": "Hi",
            "url": "http://dk.localhost/en/",
            "page": {
                "id": page.pk,
                "title": page.title,
                "url": "http://dk.localhost/en/",
                "type": "cms.HomePage",
            },
        }

    def test_api_with_an_address(self):
        value = self.block.to_python({"label": "Go", "page": None, "url": "https://example.org/"})
        data = self.block.get_api_representation(value, api_context())
        assert data == {"label": "Go", "text": "", "url": "https://example.org/", "page": None}

    def test_needs_a_page_or_an_address(self):
        with pytest.raises(StructBlockValidationError) as raised:
            self.block.clean(self.block.to_python({"label": "Go", "page": None, "url": ""}))
        assert raised.value.block_errors["url"].messages == [
            "Choose a page or give an address for the button."
        ]

    def test_not_both(self, home):
        value = self.block.to_python(
            {"label": "Go", "page": home("da").pk, "url": "https://example.org/"}
        )
        with pytest.raises(StructBlockValidationError) as raised:
            self.block.clean(value)
        assert raised.value.block_errors["page"].messages == [
            "Choose a page or give an address, not both."
        ]

    def test_a_draft_may_hold_a_button_still_being_filled_in(self):
        # Saving a draft (and autosave) defers the check to publishing: issue 15 finding 12.
        value = self.block.to_python({"label": "", "page": None, "url": ""})
        assert self.block.clean_deferred(value)["url"] == ""
        with pytest.raises(StructBlockValidationError):
            self.block.clean(value)


@pytest.mark.django_db
class TestEmbedBlock:
    block = EmbedBlock()
    raw = {"url": "https://example.org/video", "title": "A short film", "caption": "Spring"}

    def test_renders_a_link_when_the_provider_is_unknown(self):
        html = render(self.block, self.raw)
        assert '<a href="https://example.org/video">A short film</a>' in html
        assert "<figcaption>Spring</figcaption>" in html

    def test_api(self):
        value = self.block.to_python(self.raw)
        assert self.block.get_api_representation(value, api_context()) == self.raw


class TestFactBoxBlock:
    block = FactBoxBlock()
    raw = {"title": "Key facts", "items": ["Five meetings", "Ten towns"]}

    def test_renders_a_labelled_list(self):
        html = render(self.block, self.raw)
        assert 'aria-labelledby="fact-box-key-facts"' in html
        assert "<ul><li>Five meetings</li><li>Ten towns</li></ul>" in html

    def test_api(self):
        value = self.block.to_python(self.raw)
        assert self.block.get_api_representation(value, api_context()) == self.raw


class TestContactBlock:
    block = ContactBlock()
    raw = {
        "department": "Secretariat",
        "address": "Torvet 1\n1000 Eksempelby",
        "phone": "+45 12 34",
        "email": "sekretariat@example.org",
        "opening_hours": [{"days": "Mon–Thu", "hours": "10–15"}],
    }

    def test_renders_address_phone_email_and_hours(self):
        html = render(self.block, self.raw)
        assert "<address>Torvet 1<br>1000 Eksempelby</address>" in html
        assert '<a href="tel:+451234">+45 12 34</a>' in html
        assert '<a href="mailto:sekretariat@example.org">' in html
        assert "<li>Mon–Thu: 10–15</li>" in html

    def test_api(self):
        value = self.block.to_python(self.raw)
        assert self.block.get_api_representation(value, api_context()) == {
            "department": "Secretariat",
            "address_lines": ["Torvet 1", "1000 Eksempelby"],
            "phone": "+45 12 34",
            "email": "sekretariat@example.org",
            "opening_hours": [{"days": "Mon–Thu", "hours": "10–15"}],
        }


@pytest.mark.django_db
class TestAttachmentListBlock:
    block = AttachmentListBlock()

    def test_renders_title_type_and_size(self):
        document = DocumentFactory(title="Budget 2026")
        html = render(self.block, {"title": "Attachments", "documents": [document.pk]})
        assert "<h2>Attachments</h2>" in html
        assert f'<a href="/documents/{document.pk}/attachment' in html
        assert ">Budget 2026</a>" in html
        assert "(PDF, 18\xa0bytes)" in html

    def test_api_gives_url_title_and_size(self):
        document = DocumentFactory(title="Budget 2026")
        value = self.block.to_python({"title": "", "documents": [document.pk]})
        data = self.block.get_api_representation(value, api_context())
        assert data == {
            "title": "",
            "documents": [
                {
                    "id": document.pk,
                    "title": "Budget 2026",
                    "url": f"http://dk.localhost{document.url}",
                    "size": 18,
                    "extension": "pdf",
                }
            ],
        }
        assert document.url.startswith(f"/documents/{document.pk}/")

    def test_the_same_document_twice_is_refused(self):
        document = DocumentFactory()
        value = self.block.to_python({"title": "", "documents": [document.pk, document.pk]})
        with pytest.raises(ValidationError) as raised:
            self.block.clean(value)
        assert raised.value.messages == ["The same document is listed twice."]


@pytest.mark.django_db
def test_a_body_stream_renders_and_serialises_every_block_type():
    stream = BodyStreamBlock()
    value = stream.to_python(
        [
            {"type": "heading", "value": {"text": "Agenda", "level": "h2"}},
            {"type": "text", "value": "<p>Hello</p>"},
            {"type": "image", "value": {"image": ImageFactory().pk, "caption": ""}},
        ]
    )
    html = stream.render(value)
    assert '<h2 class="block-heading">Agenda</h2>' in html
    assert "<figure" in html
    data = stream.get_api_representation(value, api_context())
    assert [item["type"] for item in data] == ["heading", "text", "image"]
    assert data[1]["value"] == "<p>Hello</p>"
    assert data[2]["value"]["renditions"][0]["url"].startswith("http://dk.localhost/")
