"""API v3 routes of the networks plugin: a network's programme of meetings."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone, translation
from ninja import Router, Schema
from ninja.errors import HttpError

from cms.sites import site_time_zone
from plugins.meetings.api import MeetingSchema, meeting_payloads
from plugins.meetings.models import split_meetings
from plugins.networks.models import NetworkPage

router = Router(tags=["networks"])


class ProgrammeSchema(Schema):
    id: int
    title: str
    url: str | None
    locale: str
    upcoming: list[MeetingSchema]
    past: list[MeetingSchema]


@router.get(
    "/{network_id}/programme/",
    response=ProgrammeSchema,
    url_name="network_programme",
    summary="A network's programme: upcoming and past meetings",
    operation_id="networks_programme",
)
def programme(request: HttpRequest, network_id: int):
    """Upcoming meetings soonest first and past meetings latest first, fully resolved."""
    network = (
        NetworkPage.objects.live().public().select_related("locale").filter(pk=network_id).first()
    )
    if network is None:
        raise HttpError(404, f"There is no published network with id {network_id}.")
    zone = site_time_zone(network.get_site())
    locale = network.locale
    upcoming, past = split_meetings(network.meetings(), zone)
    parents = {meeting.pk: network for meeting in (*upcoming, *past)}
    with translation.override(locale.language_code), timezone.override(zone):
        return {
            "id": network.pk,
            "title": network.title,
            "url": network.get_full_url(request=request),
            "locale": locale.language_code,
            "upcoming": meeting_payloads(upcoming, request, locale, parents),
            "past": meeting_payloads(past, request, locale, parents),
        }


def routers() -> list[tuple[str, Router]]:
    return [("networks", router)]
