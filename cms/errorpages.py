"""The site's page for a request that failed on the server: 500 for a fault of ours, 503 when
a service the answer needs (the database, the object storage) could not do its work.

A database restart or failover, a full connection pool, or an object storage that does not
answer is a passing condition, not a fault in the page: the visitor is told to try again
shortly, and a load balancer, a CDN and a crawler read ``503`` with ``Retry-After`` as "come
back", where a 500 says the page is broken. Either answer is ``private, no-store``: no cache
in front may keep it after the service is back. Meanwhile the pages and API answers already
stored keep being served (cms/pagecache.py and api/cache.py answer before anything asks the
database or the storage).

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

#: Seconds a client is asked to wait before it tries again when a service is not answering.
RETRY_AFTER_SECONDS = 30


def _unavailable_errors() -> tuple[type[BaseException], ...]:
    """The errors that say a service could not answer, rather than that our code failed.

    The database: the DB-API's errors "related to the database's operation and not
    necessarily under the control of the programmer" (a lost or refused connection, a lock or
    serialization conflict, a statement the server cancelled), and a connection already
    closed. The object storage (MEDIA_STORAGE=s3): botocore's failures to connect and its
    connections cut or timed out.
    """
    errors: list[type[BaseException]] = [OperationalError, InterfaceError]
    try:
        from botocore.exceptions import ConnectionError as StorageConnectionError
        from botocore.exceptions import HTTPClientError
    except ImportError:  # installed with django-storages' S3 backend only
        pass
    else:
        errors += [StorageConnectionError, HTTPClientError]
    return tuple(errors)


_UNAVAILABLE = _unavailable_errors()

#: SQLite reports a fault in the statement itself (a missing column or table, bad syntax) as
#: an OperationalError, where PostgreSQL raises ProgrammingError: a bug of ours to fix, not a
#: service to wait for. Trying again would meet the same fault.
SQLITE_STATEMENT_FAULTS = (
    "no such table",
    "no such column",
    "no such function",
    "ambiguous column name",
    "syntax error",
    "near ",
    "unrecognized token",
    "fts5: syntax error",
    "wrong number of arguments",
)


def _statement_fault(exception: BaseException) -> bool:
    """Whether ``exception`` is SQLite's report of a statement it could not run."""
    import sqlite3

    cause = exception if isinstance(exception, sqlite3.Error) else exception.__cause__
    return isinstance(cause, sqlite3.OperationalError) and str(cause).startswith(
        SQLITE_STATEMENT_FAULTS
    )


def service_unavailable(exception: BaseException | None = None) -> bool:
    """Whether ``exception`` (by default the one being handled) says a service the answer
    needs could not answer."""
    if exception is None:
        exception = sys.exc_info()[1]
    # Through the errors it was raised from: Wagtail reraises a storage's timeout reading an
    # image's original as its own SourceImageIOError.
    seen: set[int] = set()
    while exception is not None and id(exception) not in seen:
        if isinstance(exception, _UNAVAILABLE):
            return not _statement_fault(exception)
        seen.add(id(exception))
        exception = exception.__cause__ or exception.__context__
    return False


def unavailable_error_name(name: str) -> bool:
    """Whether ``name`` is the class name of such an error: all that is left of one that a
    validation library caught and kept as text ("OperationalError: …")."""
    classes = list(_UNAVAILABLE)
    while classes:
        cls = classes.pop()
        if cls.__name__ == name:
            return True
        classes += cls.__subclasses__()
    return False


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
    unavailable = service_unavailable()
    template = "503.html" if unavailable else "500.html"
    with translation.override(error_language(request)):
        # No request context: its processors (the user, the site's menus) may need the database.
        body = loader.get_template(template).render()
    return never_stored(HttpResponse(body, status=503 if unavailable else 500))
