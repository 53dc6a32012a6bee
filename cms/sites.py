"""Facts about a site: its time zone (from settings) and the site a request is addressed to."""

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


_NO_SITE = "none"


def find_site(request: HttpRequest) -> Site | None:
    """``Site.find_for_request``, remembered in the shared cache per content generation.

    Wagtail looks the site up with a database query on every request; every page view and
    every API call (cache hits included) needs it first, and sites change rarely. Saving or
    deleting a site bumps the generation (api.signals), so the remembered answer is never
    stale in any process. The result is stored on the request where Wagtail looks for it,
    so later ``Site.find_for_request`` calls in the same request reuse it.
    """
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    from api.cache import api_cache, generation

    key = f"tingsted:site:{generation()}:{request._get_raw_host().lower()}:{request.get_port()}"
    cache = api_cache()
    site = cache.get(key)
    if site is None:
        site = Site._find_for_request(request)
        cache.set(key, site if site is not None else _NO_SITE, timeout=24 * 60 * 60)
    elif site == _NO_SITE:
        site = None
    request._wagtail_site = site
    return site


def request_time_zone(request: HttpRequest) -> ZoneInfo:
    return site_time_zone(Site.find_for_request(request))
