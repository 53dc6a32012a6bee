"""Facts about a site that live in settings rather than the database: its time zone."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Site


def site_time_zone(site: Site | None) -> ZoneInfo:
    """The zone a site's dates are shown in: its TINGSTED_SITES entry, else TIME_ZONE."""
    if site is not None:
        for spec in settings.TINGSTED_SITES:
            if spec["hostname"] == site.hostname and spec.get("time_zone"):
                return ZoneInfo(spec["time_zone"])
    return ZoneInfo(settings.TIME_ZONE)


def request_time_zone(request: HttpRequest) -> ZoneInfo:
    return site_time_zone(Site.find_for_request(request))
