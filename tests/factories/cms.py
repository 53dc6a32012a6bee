"""Factories for the core models: images, documents, content pages."""

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.models import ContentPage


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Image {n}")
    description = factory.LazyAttribute(lambda image: f"Alt text for {image.title}")
    caption = "A caption"
    credit = "Photo: Test Photographer"
    # Small, so generating and resizing it costs little; a test about rendition sizes
    # asks for a photo-sized original with ``ImageFactory(large=True)``.
    file = factory.django.ImageField(width=90, height=50, color="teal")

    class Params:
        large = factory.Trait(file=factory.django.ImageField(width=1800, height=1000, color="teal"))


class DocumentFactory(wagtail_factories.DocumentFactory):
    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyFunction(lambda: ContentFile(b"minutes attachment", name="attachment.pdf"))


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"Terms {n}")
    intro = "What you accept when you register your interest."
    body = factory.LazyFunction(lambda: [("text", "<p>We keep your details for a year.</p>")])
