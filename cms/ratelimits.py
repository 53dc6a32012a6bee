"""Rate limits: one client-address policy and one counter (django-ratelimit) for all of them.

The API's limits per token and per anonymous address and the interest form's limit per
address all count here, in the shared cache (RATELIMIT_USE_CACHE, Redis in production), in
fixed windows.

The client's address: REMOTE_ADDR, unless TINGSTED_API_TRUST_X_FORWARDED_FOR says a proxy
in front sets X-Forwarded-For. Then it is the hop that proxy appended, counted from the
right: the last entry with one proxy (TINGSTED_TRUSTED_PROXY_COUNT = 1), the second last
behind two (a CDN, then a load balancer). Never the first entry: the client writes that one
itself, and a new made-up address per request would escape every limit.

A cache that fails lets every request through (RATELIMIT_FAIL_OPEN) and logs it: losing a
submission or an API answer is worse than a few requests over the limit.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}

#: Seconds between two "failing open" log lines of one process.
LOG_EVERY = 60.0
_last_logged = 0.0


@dataclass(frozen=True)
class Limited:
    limit: int
    period: int
    retry_after: int


def parse_rate(rate: str | None) -> tuple[int, int] | None:
    """``"120/minute"`` -> (120, 60); None or "" -> None (no limit)."""
    if not rate:
        return None
    count, _slash, period = rate.partition("/")
    try:
        return int(count), PERIODS[period.strip().rstrip("s")]
    except (ValueError, KeyError) as exc:
        raise ImproperlyConfigured(
            f"Rate '{rate}' is not '<number>/<second|minute|hour|day>'."
        ) from exc


def client_address(request: HttpRequest) -> str:
    """The caller's address, by the one policy above."""
    if getattr(settings, "TINGSTED_API_TRUST_X_FORWARDED_FOR", False):
        hops = [
            hop.strip()
            for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if hop.strip()
        ]
        proxies = max(1, getattr(settings, "TINGSTED_TRUSTED_PROXY_COUNT", 1))
        if len(hops) >= proxies:
            return hops[-proxies]
        if hops:
            return hops[0]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def address_key(group: str, request: HttpRequest) -> str:
    """django-ratelimit's key function for limits per client address."""
    return client_address(request)


def check(
    request: HttpRequest, group: str, rate: tuple[int, int], key=address_key
) -> Limited | None:
    """Count this request in ``group``; a :class:`Limited` when the caller is over ``rate``.

    ``rate`` is (requests, seconds); ``key`` a django-ratelimit key (function or string).
    """
    usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
    if usage is None:
        _log_if_failing_open(group)
        return None
    if not usage["should_limit"]:
        return None
    limit, period = rate
    return Limited(limit=limit, period=period, retry_after=max(1, usage["time_left"]))


def _log_if_failing_open(group: str) -> None:
    global _last_logged
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return
    cache = caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]
    if getattr(cache, "available", True):
        return
    now = time.monotonic()
    if now - _last_logged >= LOG_EVERY:
        _last_logged = now
        logger.warning("Rate limit %s not counted: the cache is unavailable (failing open).", group)
