"""Facts about a site: its time zone (from settings) and the site a request is addressed to."""

from __future__ import annotations

import copy
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Site

from cms import compat
from cms.generation import GenerationMemo


def site_time_zone(site: Site | None) -> ZoneInfo:
    """The zone a site's dates are shown in: its TINGSTED_SITES entry, else TIME_ZONE."""
    if site is not None:
        for spec in settings.TINGSTED_SITES:
            if spec["hostname"] == site.hostname and spec.get("time_zone"):
                return ZoneInfo(spec["time_zone"])
    return ZoneInfo(settings.TIME_ZONE)


_MISSING = object()

#: (host, port) -> Site, per process and content generation.
_SITES = GenerationMemo()


def find_site(request: HttpRequest) -> Site | None:
    """``Site.find_for_request``, remembered in this process per content generation.

    Wagtail looks the site up with a database query on every request; every page view and
    every API call (cache hits included) needs it first, and sites change rarely. Saving or
    deleting a site bumps the generation in the shared cache (api.signals), so every process
    drops its remembered answers on its next request. The result is stored on the request
    where Wagtail looks for it, so later ``Site.find_for_request`` calls reuse it.
    """
    remembered = compat.site_on_request(request, _MISSING)
    if remembered is not _MISSING:
        return remembered
    key = (request._get_raw_host().lower(), request.get_port())
    site = _SITES.get(request, key, lambda: compat.find_site_uncached(request))
    # A copy per request: related objects Django caches on it stay with this request.
    compat.remember_site(request, copy.copy(site) if site is not None else None)
    return compat.site_on_request(request)


def request_time_zone(request: HttpRequest) -> ZoneInfo:
    return site_time_zone(Site.find_for_request(request))
