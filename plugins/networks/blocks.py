"""Blocks that belong to network pages only: notices."""

from typing import Literal

from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel, Field
from wagtail import blocks

from blocks.representation import rich_text_html
from blocks.text import RichTextBlock


class NoticeData(BaseModel):
    """What :meth:`NoticeBlock.get_api_representation` returns."""

    kind: Literal["info", "practical", "health", "warning"]
    heading: str
    text: str = Field(description="HTML with absolute links.")


class NoticeBlock(blocks.StructBlock):
    """A short notice for participants: health, practical matters, changes."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("info", _("Information")),
            ("practical", _("Practical")),
            ("health", _("Health")),
            ("warning", _("Important")),
        ],
        default="info",
        help_text=_("Tells readers what the notice is about; 'Important' is highlighted."),
    )
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = RichTextBlock(label=_("Text"))

    def get_api_representation(self, value, context=None):
        super().get_api_representation(value, context)
        return {
            "kind": value["kind"],
            "heading": value["heading"],
            "text": rich_text_html(value["text"].source if value["text"] else "", context),
        }

    def get_api_schema(self) -> type:
        return NoticeData

    class Meta:
        icon = "warning"
        label = _("Notice")
        template = "networks/blocks/notice.html"
        preview_value = {
            "kind": "practical",
            "heading": "Coffee from 9:00",
            "text": "<p>The doors open half an hour before the meeting starts.</p>",
        }
        description = _("A short notice, for example about health or practical matters.")


class NoticeStreamBlock(blocks.StreamBlock):
    notice = NoticeBlock()

    class Meta:
        label = _("Notices")
