"""Images need alt text unless decorative; documents are served through Wagtail's view."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories.cms import DocumentFactory, ImageFactory

ALT_TEXT_REQUIRED = "Describe the image for people who cannot see it, or mark it as decorative."


def png(name: str = "harbour.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "navy").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.mark.django_db
class TestAltText:
    def test_model_clean_requires_alt_text_unless_decorative(self):
        image = ImageFactory.build(description="  ", is_decorative=False)
        with pytest.raises(ValidationError) as raised:
            image.clean()
        assert raised.value.message_dict == {"description": [ALT_TEXT_REQUIRED]}
        ImageFactory.build(description="", is_decorative=True).clean()
        ImageFactory.build(description="A harbour at dawn").clean()

    def test_decorative_images_have_empty_alt(self):
        assert ImageFactory.build(description="ignored", is_decorative=True).alt == ""
        assert ImageFactory.build(description="A harbour").alt == "A harbour"

    def edit(self, admin_client, image, **data):
        form = {
            "title": image.title,
            "collection": image.collection_id,
            "description": "",
            "caption": "",
            "credit": "",
            "tags": "",
            **data,
        }
        return admin_client.post(f"/admin/images/{image.pk}/", form)

    def test_the_admin_edit_form_shows_the_message(self, admin_client):
        image = ImageFactory(description="Old alt text")
        response = self.edit(admin_client, image)
        assert response.status_code == 200
        assert ALT_TEXT_REQUIRED in response.content.decode()
        image.refresh_from_db()
        assert image.description == "Old alt text"  # nothing stored is lost

    def test_the_admin_edit_form_accepts_decorative_or_described_images(self, admin_client):
        image = ImageFactory()
        assert self.edit(admin_client, image, is_decorative="on").status_code == 302
        image.refresh_from_db()
        assert image.is_decorative
        assert self.edit(admin_client, image, description="Boats").status_code == 302
        image.refresh_from_db()
        assert (image.description, image.is_decorative) == ("Boats", False)


@pytest.mark.django_db
class TestMultipleUpload:
    """Wagtail 8 keeps an upload that lacks required metadata as an UploadedFile and
    asks for it in the uploader's edit form; the image exists once it is described."""

    def upload(self, admin_client) -> dict:
        response = admin_client.post(
            "/admin/images/multiple/add/",
            {"files[]": png(), "collection": Collection.get_first_root_node().pk},
        )
        assert response.status_code == 200
        return response.json()

    def test_an_image_without_alt_text_can_be_uploaded(self, admin_client):
        data = self.upload(admin_client)
        assert data["success"] is True
        assert "uploaded_file_id" in data
        assert "Description" in data["form"] or "description" in data["form"]
        assert get_image_model().objects.count() == 0

    def test_then_it_must_be_described(self, admin_client):
        upload_id = self.upload(admin_client)["uploaded_file_id"]
        url = f"/admin/images/multiple/create_from_uploaded_image/{upload_id}/"
        prefix = f"uploaded-image-{upload_id}"
        form = {
            f"{prefix}-title": "Harbour",
            f"{prefix}-collection": Collection.get_first_root_node().pk,
            f"{prefix}-tags": "",
        }
        refused = admin_client.post(url, {**form, f"{prefix}-description": ""}).json()
        assert refused["success"] is False
        assert ALT_TEXT_REQUIRED in refused["form"]
        assert get_image_model().objects.count() == 0

        created = admin_client.post(url, {**form, f"{prefix}-description": "Boats at dawn"})
        assert created.json()["success"] is True
        image = get_image_model().objects.get()
        assert (image.title, image.description, image.width) == ("Harbour", "Boats at dawn", 40)

    def test_a_described_upload_is_an_image_at_once(self, admin_client):
        """Decorative can be ticked in the uploader's edit form, the same way."""
        upload_id = self.upload(admin_client)["uploaded_file_id"]
        prefix = f"uploaded-image-{upload_id}"
        response = admin_client.post(
            f"/admin/images/multiple/create_from_uploaded_image/{upload_id}/",
            {
                f"{prefix}-title": "Pattern",
                f"{prefix}-collection": Collection.get_first_root_node().pk,
                f"{prefix}-is_decorative": "on",
            },
        )
        assert response.json()["success"] is True
        assert get_image_model().objects.get().alt == ""


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.django_db
class TestDocuments:
    def test_documents_are_served_through_wagtails_view(self, client):
        assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
        document = DocumentFactory()
        assert document.url == f"/documents/{document.pk}/attachment.pdf"
        assert "/media/" not in document.url
        response = client.get(document.url, HTTP_HOST="dk.localhost")
        assert response.status_code == 200
        assert body(response) == b"minutes attachment"

    def test_a_document_in_a_private_collection_is_denied_to_anonymous_visitors(
        self, client, admin_client
    ):
        private = Collection.get_first_root_node().add_child(name="Council only")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.LOGIN
        )
        document = DocumentFactory(collection=private)
        response = client.get(document.url, HTTP_HOST="dk.localhost")
        # Wagtail's front-end login, in the site's language, then back to the document.
        assert response.status_code == 302
        assert response["Location"] == f"/_util/login/?next={document.url}"
        login = client.get(response["Location"], HTTP_HOST="dk.localhost")
        assert login.status_code == 200
        assert "Log ind" in login.content.decode()
        assert b"minutes attachment" not in login.content
        # Signed in, the same address serves the file.
        allowed = admin_client.get(document.url, HTTP_HOST="dk.localhost")
        assert allowed.status_code == 200
        assert body(allowed) == b"minutes attachment"

    def test_documents_are_the_projects_model(self):
        assert get_document_model()._meta.label == "cms.TingstedDocument"


@pytest.mark.django_db
def test_an_images_texts_are_marked_with_their_language_on_pages_in_another(host_client, home):
    """Alt text and captions written in English showed under lang="da" unmarked."""
    from tests.factories.cms import ImageFactory
    from tests.factories.translation import child_page

    image = ImageFactory(description="A harbour bath", caption="Summer at the harbour")
    image.language = "en"
    image.save()
    page = child_page(home("da"), title="Havnebadet", body=[("image", {"image": image})])
    body = host_client.get("da", page.get_url()).content.decode()
    assert 'alt="A harbour bath" lang="en"' in body
    assert '<span class="caption" lang="en">Summer at the harbour</span>' in body
    english = child_page(home("en"), title="Harbour bath", body=[("image", {"image": image})])
    body = host_client.get("en", english.get_url()).content.decode()
    assert 'alt="A harbour bath" loading' in body and 'lang="en">Summer' not in body
