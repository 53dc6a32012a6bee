"""The programme of a meeting: a stream of sessions, each with its time, place and speakers."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel, Field
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from api.types import LocalTime
from blocks.representation import rich_text_html
from blocks.text import RichTextBlock
from cms.public import PreloadedChooserMixin, localized
from plugins.people.interface import SpeakerBlock, SpeakerData, VenueData, venue_data


class SessionData(BaseModel):
    """What :meth:`SessionBlock.get_api_representation` returns."""

    #: Null for a session on the meeting's first day.
    day: datetime.date | None
    #: Local times (HH:MM:SS, no offset): see api.types.LocalTime.
    start_time: LocalTime
    end_time: LocalTime
    venue_id: int | None = Field(
        description="Where the session takes place, a key of the answer's `venues`; null "
        "when at the meeting's own venue."
    )
    room: str
    headline: str
    description: str = Field(description="HTML with absolute links.")
    speakers: list[SpeakerData]


class VenueChooserBlock(PreloadedChooserMixin, SnippetChooserBlock):
    """Chooses a Venue (preloaded for lists). Alone, the API gives the venue with its
    address; a session gives its id (:class:`SessionBlock`), the venue in a map."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Venue"))
        super().__init__("people.Venue", **kwargs)

    def get_api_representation(self, value, context=None):
        super().get_api_representation(value, context)
        return venue_data(value, context)

    def get_api_schema(self):
        # Null when no venue is chosen, or the chosen one has since been deleted.
        return VenueData | None


class SessionBlock(blocks.StructBlock):
    """One item of a meeting's programme: a talk, a debate, a visit."""

    day = blocks.DateBlock(
        label=_("Day"),
        required=False,
        help_text=_(
            "Only for meetings over several days: the date of this session. "
            "Leave empty for the meeting's first day."
        ),
    )
    start_time = blocks.TimeBlock(
        label=_("Starts at"), help_text=_("Local time, for example 09:30.")
    )
    end_time = blocks.TimeBlock(label=_("Ends at"), help_text=_("Local time, for example 10:15."))
    venue = VenueChooserBlock(
        required=False,
        help_text=_("Only if this session takes place somewhere else than the meeting."),
    )
    room = blocks.CharBlock(
        label=_("Room"),
        required=False,
        max_length=120,
        help_text=_("Optional, for example 'The Garden Room'."),
    )
    headline = blocks.CharBlock(
        label=_("Headline"),
        max_length=200,
        help_text=_("What the session is about, in a few words."),
    )
    description = RichTextBlock(
        label=_("Description"),
        required=False,
        help_text=_("What participants will hear and discuss."),
    )
    speakers = blocks.ListBlock(
        SpeakerBlock(),
        label=_("Speakers"),
        default=[],
        help_text=_(
            "People chosen from the register, or typed in with name, role and organisation."
        ),
    )

    def clean(self, value):
        value = super().clean(value)
        start, end = value.get("start_time"), value.get("end_time")
        # A draft may hold a session whose times are still being typed.
        if start and end and end <= start and not self.is_deferred_validation:
            raise StructBlockValidationError(
                block_errors={
                    "end_time": ValidationError(_("The session must end after it starts."))
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        # The venue by id, in the answer's language (the ``venues`` map of the page, or of
        # a list, holds it once): serialising it here gave it again in every session.
        children = self.child_blocks
        venue = localized(value["venue"]) if value["venue"] else None
        return {
            "day": children["day"].get_api_representation(value["day"], context),
            "start_time": children["start_time"].get_api_representation(
                value["start_time"], context
            ),
            "end_time": children["end_time"].get_api_representation(value["end_time"], context),
            "venue_id": venue.pk if venue is not None else None,
            "room": value["room"] or "",
            "headline": value["headline"],
            "description": rich_text_html(value["description"].source, context)
            if value["description"]
            else "",
            "speakers": children["speakers"].get_api_representation(value["speakers"], context),
        }

    def get_api_schema(self) -> type:
        return SessionData

    class Meta:
        icon = "time"
        label = _("Session")
        template = "meetings/blocks/session.html"
        preview_value = {
            "start_time": "09:30",
            "end_time": "10:15",
            "headline": "Why newcomers join local associations",
            "description": "<p>A researcher presents a survey of forty associations.</p>",
            "speakers": [{"name": "Karin Lindqvist", "role": "Researcher", "organisation": ""}],
        }
        description = _("A session with its time, place, headline, description and speakers.")


class ProgrammeBlock(blocks.StreamBlock):
    """The sessions of a meeting in the order they happen."""

    session = SessionBlock()

    class Meta:
        label = _("Programme")
        template = "meetings/blocks/programme.html"
