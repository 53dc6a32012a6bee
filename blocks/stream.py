"""The body stream every page type shares, and the list of its blocks plugins can extend."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from blocks.contact import ContactBlock
from blocks.links import CallToActionBlock
from blocks.media import AttachmentListBlock, EmbedBlock, ImageBlock
from blocks.text import FactBoxBlock, HeadingBlock, QuoteBlock, RichTextBlock


def shared_blocks() -> list[tuple[str, blocks.Block]]:
    """Fresh instances of the shared blocks, for a plugin composing its own stream."""
    return [
        ("heading", HeadingBlock()),
        ("text", RichTextBlock()),
        ("quote", QuoteBlock()),
        ("image", ImageBlock()),
        ("call_to_action", CallToActionBlock()),
        ("embed", EmbedBlock()),
        ("fact_box", FactBoxBlock()),
        ("contact", ContactBlock()),
        ("attachments", AttachmentListBlock()),
    ]


class BodyStreamBlock(blocks.StreamBlock):
    """The default body of a page: the shared blocks in any order."""

    def __init__(self, local_blocks=None, **kwargs):
        super().__init__([*shared_blocks(), *(local_blocks or [])], **kwargs)

    class Meta:
        label = _("Body")
