"""What the network page's API properties return, typed for API v3's OpenAPI schema.

The properties (``membership``, ``moderators_data``, ``interest_form``) build plain dicts
for templates and API v2; these models say what the dicts hold, so a client generated from
/api/v3/openapi.json gets their shape instead of "any" (see :func:`api.fields.typed_property`).
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from api.types import choice_type
from plugins.networks.choices import Currency
from plugins.people.interface import PersonData


class MembershipFeeData(BaseModel):
    amount: str | None = Field(
        description="The fee per season as a decimal string, e.g. '18500.00'."
    )
    currency: choice_type(Currency) = Field(  # type: ignore[valid-type]
        description="ISO 4217 code: DKK, SEK, NOK or EUR."
    )
    vat_note: str


class MembershipData(BaseModel):
    """The terms of a season's membership of the network."""

    meetings_per_season: int | None
    season_label: str
    includes_overnight_meeting: bool
    fee: MembershipFeeData
    fee_includes: str
    text: str


class ModeratorData(BaseModel):
    """A moderator of the network, with a quote and a short presentation."""

    person: PersonData | None
    quote: str
    presentation: str


class InterestFormData(BaseModel):
    """How to ask to be contacted about membership of the network."""

    enabled: bool
    heading: str
    intro: str
    consent_text: str
    terms_version: str
    terms_url: str | None
    action_url: str | None = Field(description="Where the form is posted: the network page.")
    fields: list[str] = Field(description="The form's field names, in order.")
