"""Rate limits per API token and per anonymous client address, counted in the shared cache.

Fixed windows: simple, one cache round trip per request, and shared by every app process
through the cache (Redis in production). Rates are settings ("120/minute"):
TINGSTED_API_RATE_ANONYMOUS and TINGSTED_API_RATE_TOKEN; None turns a limit off.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


@dataclass(frozen=True)
class Limited:
    limit: int
    period: int
    retry_after: int


def parse_rate(rate: str | None) -> tuple[int, int] | None:
    if not rate:
        return None
    count, _slash, period = rate.partition("/")
    try:
        return int(count), PERIODS[period.strip().rstrip("s")]
    except (ValueError, KeyError) as exc:
        raise ImproperlyConfigured(
            f"API rate '{rate}' is not '<number>/<second|minute|hour|day>'."
        ) from exc


def client_address(request: HttpRequest) -> str:
    """The caller's address; behind a proxy, the first X-Forwarded-For hop when trusted."""
    if getattr(settings, "TINGSTED_API_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def check_rate(request: HttpRequest, token=None) -> Limited | None:
    """Count this request; a :class:`Limited` when the caller is over its limit."""
    if token is not None:
        rate = parse_rate(getattr(settings, "TINGSTED_API_RATE_TOKEN", None))
        who = f"token:{token.pk}"
    else:
        rate = parse_rate(getattr(settings, "TINGSTED_API_RATE_ANONYMOUS", None))
        who = f"address:{client_address(request)}"
    if rate is None:
        return None
    limit, period = rate
    now = int(time.time())
    window = now - now % period
    key = f"tingsted:api:rate:{who}:{period}:{window}"
    cache = caches[getattr(settings, "TINGSTED_API_CACHE", "default")]
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period + 1)
        count = 1
    if count > limit:
        return Limited(limit=limit, period=period, retry_after=max(1, window + period - now))
    return None
