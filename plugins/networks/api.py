"""API v3 routes of the networks plugin (a network's programme of meetings), and what a
list of network pages preloads for its API fields."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.http import HttpRequest
from django.utils import timezone, translation
from ninja import Router
from ninja.errors import HttpError

from api.access import pages_queryset
from api.v3 import BuiltSchema
from cms.public import site_time_zone
from plugins.meetings.interface import (
    ORGANISATIONS_FIELD,
    PEOPLE_FIELD,
    MeetingSchema,
    meeting_payloads,
    organisations_payload,
    people_payload,
    split_meetings,
)
from plugins.networks.models import NetworkModerator, NetworkPage
from plugins.people.interface import OrganisationData, Person, PersonEntryData

router = Router(tags=["networks"])


def attach_moderators(networks: list[NetworkPage], preload: Any, fields: set[str] | None) -> None:
    """A preload hook (cms/loading.py): every listed network's moderators in one query.

    ``moderators_data`` reads ``self.moderators.select_related("person")``, a query per
    network that no prefetch reaches. Handing each page its moderators as in-memory child
    rows (modelcluster's own mechanism, as for a revision) makes that read free, and the
    moderators' people are then preloaded with everything else.
    """
    if fields is not None and "moderators_data" not in fields:
        return
    need = [n for n in networks if "moderators" not in getattr(n, "_cluster_related_objects", {})]
    if not need:
        return
    by_page: dict[int, list[NetworkModerator]] = defaultdict(list)
    for moderator in NetworkModerator.objects.filter(page__in=need).select_related("person"):
        by_page[moderator.page_id].append(moderator)
    for network in need:
        network.moderators = by_page.get(network.pk, [])
    preload.want(Person, (m.person_id for rows in by_page.values() for m in rows))


class ProgrammeSchema(BuiltSchema):
    id: int
    title: str
    url: str | None
    locale: str
    upcoming: list[MeetingSchema]
    past: list[MeetingSchema]
    people: dict[str, PersonEntryData] = PEOPLE_FIELD
    organisations: dict[str, OrganisationData] = ORGANISATIONS_FIELD


@router.get(
    "/{network_id}/programme/",
    response=ProgrammeSchema,
    url_name="network_programme",
    summary="A network's programme: upcoming and past meetings",
    operation_id="networks_programme",
)
def programme(request: HttpRequest, network_id: int):
    """Upcoming meetings soonest first and past meetings latest first, fully resolved."""
    # Scoped like every page route: the request's site (or ?site=), and who may read what.
    network = (
        pages_queryset(request, NetworkPage)
        .live()
        .select_related("locale")
        .filter(pk=network_id)
        .first()
    )
    if network is None:
        raise HttpError(404, f"There is no published network with id {network_id} on this site.")
    zone = site_time_zone(network.get_site())
    locale = network.locale
    upcoming, past = split_meetings(network.meetings(), zone)
    parents = {meeting.pk: network for meeting in (*upcoming, *past)}
    with translation.override(locale.language_code), timezone.override(zone):
        return ProgrammeSchema(
            id=network.pk,
            title=network.title,
            url=network.get_full_url(request=request),
            locale=locale.language_code,
            upcoming=meeting_payloads(upcoming, request, locale, parents),
            past=meeting_payloads(past, request, locale, parents),
            people=people_payload([*upcoming, *past], request),
            organisations=organisations_payload([*upcoming, *past], request),
        )


def routers() -> list[tuple[str, Router]]:
    return [("networks", router)]
