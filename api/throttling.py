"""Rate limits per API token and per anonymous client address (cms.ratelimits).

Rates are settings ("120/minute"): TINGSTED_API_RATE_ANONYMOUS and TINGSTED_API_RATE_TOKEN;
None turns a limit off. The client address follows the one policy of cms.ratelimits.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from cms.ratelimits import Limited, check, client_address, parse_rate

__all__ = ["Limited", "check_rate", "client_address", "parse_rate"]


def check_rate(request: HttpRequest, token=None) -> Limited | None:
    """Count this request; a :class:`Limited` when the caller is over its limit."""
    if token is not None:
        rate = parse_rate(getattr(settings, "TINGSTED_API_RATE_TOKEN", None))
        if rate is None:
            return None
        return check(request, "api:token", rate, key=lambda group, request: f"token:{token.pk}")
    rate = parse_rate(getattr(settings, "TINGSTED_API_RATE_ANONYMOUS", None))
    if rate is None:
        return None
    return check(request, "api:address", rate)
