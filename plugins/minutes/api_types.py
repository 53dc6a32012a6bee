"""What the minutes plugin's API answers hold, as pydantic models: the one source of both.

plugins/minutes/presentation.py builds each answer by validating one of these models and
dumping it, and the API v2/v3 fields (serializers.py) and routes (api.py) declare them as
their types, so the JSON and its OpenAPI types cannot differ. Closed items the caller may
not see are :class:`AgendaItemOut` with number, title and ``closed`` only.
"""

from __future__ import annotations

import datetime

from pydantic import BaseModel, Field

from api.types import choice_type
from plugins.minutes.choices import Attendance, DocumentStatus, MemberRole, Outcome

DocumentStatusValue = choice_type(DocumentStatus)
MemberRoleValue = choice_type(MemberRole)
AttendanceValue = choice_type(Attendance)
OutcomeValue = choice_type(Outcome)


class MemberOut(BaseModel):
    """A member of a council, in the language of the answer."""

    name: str
    person_id: int = Field(description="A key of the answer's `people`.")
    role: MemberRoleValue  # type: ignore[valid-type]
    role_label: str
    represents: str
    organisation_id: int | None = Field(description="A key of the answer's `organisations`.")
    period_start: datetime.date | None
    period_end: datetime.date | None


class AttendanceOut(BaseModel):
    """Whether a member attended a meeting."""

    name: str
    role: str
    person_id: int = Field(description="A key of the answer's `people`.")
    status: AttendanceValue  # type: ignore[valid-type]
    notice_given: bool | None = Field(description="For an absent member only; null otherwise.")


class ParticipantOut(BaseModel):
    """Someone who took part in an item: a chosen person, or a name typed in."""

    name: str
    role: str
    person_id: int | None = Field(
        description="The person chosen from the register (a key of the answer's `people`), "
        "or null for a name typed in."
    )


class DecisionOut(BaseModel):
    """What was decided on an item."""

    outcome: OutcomeValue | None  # type: ignore[valid-type]
    label: str | None = Field(description="The outcome in the language of the answer.")
    text: str = Field(description="HTML with absolute links.")


class AttachmentOut(BaseModel):
    """A document attached to an item."""

    title: str
    url: str
    #: Bytes; null when the file is missing from storage.
    size: int | None
    extension: str


class CouncilLinksOut(BaseModel):
    """Where a council's meetings are available as data."""

    export: str = Field(description="The JSON export of the council's meetings.")
    calendar: str = Field(description="The iCalendar feed of the council's meetings.")


class AgendaItemOut(BaseModel):
    """An agenda item in the API. Closed items the caller may not see carry number, title
    and ``closed`` only; every other field is then absent (or null in generic schemas)."""

    number: str
    title: str
    closed: bool
    case_number: str | None = None
    summary: str | None = None
    recommendation: str | None = None
    participants: list[ParticipantOut] | None = None
    participants_note: str | None = None
    decision: DecisionOut | None = None
    attachments: list[AttachmentOut] | None = None
