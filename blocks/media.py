"""Media blocks: image with caption and credit, embed, attachment list."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageChooserBlock

from blocks.representation import (
    DocumentData,
    ImageData,
    document_data,
    image_data,
    prefetch_renditions,
)
from cms.loading import current


class EmbedData(BaseModel):
    url: str
    title: str
    caption: str


class AttachmentListData(BaseModel):
    title: str
    documents: list[DocumentData]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(
        label=_("Image"),
        help_text=_("Alt text and photographer credit come from the image itself."),
    )
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=300,
        help_text=_("Leave empty to use the image's own caption."),
    )

    def bulk_to_python(self, values):
        # A stream converts all its image blocks at once: fetch their renditions at once
        # too, so a page's query count does not grow with its number of images. Within a
        # request's preload, with the other images' when the first is read: an image's API
        # form is remembered per generation, and then needs none.
        struct_values = super().bulk_to_python(values)
        images = [value["image"] for value in struct_values if value["image"] is not None]
        preload = current()
        if preload is not None:
            preload.images.extend(images)
        else:
            prefetch_renditions(images)
        return struct_values

    def get_api_representation(self, value, context=None):
        super().get_api_representation(value, context)
        return image_data(value["image"], context, caption=value["caption"])

    def get_api_schema(self):
        # Null when the chosen image has since been deleted.
        return ImageData | None

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"
        description = _("An image with its caption and photographer credit.")


class EmbedBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        label=_("Address"),
        help_text=_("A video or post address, for example from YouTube or Vimeo."),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        help_text=_("Describes the embedded content for screen readers and as a fallback link."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        try:
            context["embed"] = embeds.get_embed(value["url"])
        except EmbedException:
            # Offline or an unknown provider: the template shows a plain link instead.
            context["embed"] = None
        return context

    def get_api_representation(self, value, context=None):
        # No oEmbed HTML here: fetching it would make the API depend on a third party.
        data = super().get_api_representation(value, context)
        return {"url": data["url"], "title": data["title"], "caption": data.get("caption") or ""}

    def get_api_schema(self) -> type:
        return EmbedData

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "blocks/embed.html"
        preview_value = {"url": "https://example.org/video", "title": "A short film"}
        description = _("A video or post from another site, with a link as fallback.")


class AttachmentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"), required=False, max_length=120, help_text=_("For example 'Attachments'.")
    )
    documents = blocks.ListBlock(
        DocumentChooserBlock(label=_("Document")),
        label=_("Documents"),
        min_num=1,
        help_text=_("Each document is listed with its title, file type and size."),
    )

    def clean(self, value):
        value = super().clean(value)
        ids = [document.pk for document in value["documents"] if document]
        if len(ids) != len(set(ids)):
            raise ValidationError(_("The same document is listed twice."))
        return value

    def get_api_representation(self, value, context=None):
        super().get_api_representation(value, context)
        return {
            "title": value["title"] or "",
            "documents": [document_data(doc, context) for doc in value["documents"] if doc],
        }

    def get_api_schema(self) -> type:
        return AttachmentListData

    class Meta:
        icon = "doc-full"
        label = _("Attachments")
        template = "blocks/attachment_list.html"
        description = _("A list of documents to download.")
