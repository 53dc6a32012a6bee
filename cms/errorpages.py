"""The site's page for a request that failed on the server: 500 for a fault of ours, 503 when
the database could not do its work.

A database restart, a failover or a full connection pool is a passing condition, not a
fault in the page: the visitor is told to try again shortly, and a load balancer, a CDN and
a crawler read ``503`` with ``Retry-After`` as "come back", where a 500 says the page is
broken. Either answer is ``private, no-store``: no cache in front may keep it after the
database is back. Meanwhile the pages and API answers already stored keep being served
(cms/pagecache.py and api/cache.py answer before anything asks the database).

Nothing here may ask the database, which may be what failed: the page's language comes from
the request when the site's middleware had set it, otherwise from the address alone (the
language prefix, then the host as settings.TINGSTED_SITES names it).
"""

from __future__ import annotations

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.template import loader
from django.utils import translation

#: Seconds a client is asked to wait before it tries again when the database is not answering.
RETRY_AFTER_SECONDS = 30

#: The DB-API's errors "related to the database's operation and not necessarily under the
#: control of the programmer" (a lost or refused connection, a lock or serialization
#: conflict, a statement cancelled by the server), and a connection already closed.
_UNAVAILABLE = (OperationalError, InterfaceError)


def database_unavailable(exception: BaseException | None = None) -> bool:
    """Whether ``exception`` (by default the one being handled) says the database could not
    answer, rather than that our code failed."""
    if exception is None:
        exception = sys.exc_info()[1]
    return isinstance(exception, _UNAVAILABLE)


def error_language(request: HttpRequest) -> str:
    """The language of an error page for ``request``, decided without the database."""
    languages = {code for code, _name in settings.LANGUAGES}
    chosen = getattr(request, "LANGUAGE_CODE", None)
    if chosen in languages:
        return chosen
    prefix = request.path_info.lstrip("/").split("/", 1)[0]
    if prefix in languages:
        return prefix
    # The raw header: get_host() raises for a host ALLOWED_HOSTS refuses, which is itself
    # answered with an error page.
    hostname = split_domain_port(request.META.get("HTTP_HOST", ""))[0]
    for site in getattr(settings, "TINGSTED_SITES", ()):
        if site.get("hostname") == hostname and site.get("language") in languages:
            return site["language"]
    return settings.LANGUAGE_CODE


def never_stored(response: HttpResponse) -> HttpResponse:
    """A failure's answer: no cache keeps it, and a 503 says when to try again."""
    response["Cache-Control"] = "private, no-store"
    if response.status_code == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error_page(request: HttpRequest) -> HttpResponse:
    """The HTML answer to a request whose handling raised (Django's handler500)."""
    unavailable = database_unavailable()
    template = "503.html" if unavailable else "500.html"
    with translation.override(error_language(request)):
        # No request context: its processors (the user, the site's menus) may need the database.
        body = loader.get_template(template).render()
    return never_stored(HttpResponse(body, status=503 if unavailable else 500))
