"""Optimistic concurrency for the v3 write routes: ``If-Match`` against a version ETag.

Wagtail's v3 ``PATCH /api/v3/pages/{id}/``, ``PUT /api/v3/sites/{id}/`` and the ``DELETE`` of
both ignore ``If-Match``, so two editors' clients overwrite each other silently. The
middleware wraps them: a ``GET`` of the same address made with a token (the caller that may
write) carries a *version ETag* that changes whenever the object does (for a page: a new
revision, publishing or unpublishing, a move; for a site: any of its fields); a write whose
``If-Match`` names no current version answers ``412`` problem+json naming ``If-Match``, with
the current ETag. A write without ``If-Match`` proceeds, as before.

The check runs only for callers allowed to make the write, so a ``412`` never tells another
caller that an object exists or changed; the others get Wagtail's own 403/404.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from django.http import HttpRequest
from wagtail.models import Page, Site

WRITE_METHODS = ("PATCH", "PUT", "DELETE")


def _page_version(request: HttpRequest, pk: int, writing: bool) -> str | None:
    page = (
        Page.objects.filter(pk=pk)
        .only("pk", "path", "live", "latest_revision_id", "live_revision_id", "content_type_id")
        .first()
    )
    if page is None:
        return None
    if writing:
        permissions = page.permissions_for_user(request.user)
        allowed = permissions.can_delete() if request.method == "DELETE" else permissions.can_edit()
        if not allowed:
            return None
    return (
        f"page:{page.pk}:{page.latest_revision_id}:{page.live_revision_id}:{page.live}:{page.path}"
    )


def _site_version(request: HttpRequest, pk: int, writing: bool) -> str | None:
    if writing:
        action = "delete" if request.method == "DELETE" else "change"
        if not request.user.has_perm(f"wagtailcore.{action}_site"):
            return None
    site = Site.objects.filter(pk=pk).first()
    if site is None:
        return None
    fields = (site.hostname, site.port, site.site_name, site.root_page_id, site.is_default_site)
    return "site:" + ":".join(str(value) for value in fields)


_VERSIONED: list[tuple[re.Pattern, Callable[[HttpRequest, int, bool], str | None]]] = [
    (re.compile(r"^/api/v3/pages/(?P<pk>\d+)/$"), _page_version),
    (re.compile(r"^/api/v3/sites/(?P<pk>\d+)/$"), _site_version),
]


def version_etag(request: HttpRequest, *, writing: bool = False) -> str | None:
    """The version ETag of the object at ``request.path``; None when there is none to give."""
    for pattern, version in _VERSIONED:
        match = pattern.match(request.path)
        if match:
            state = version(request, int(match["pk"]), writing)
            if state is None:
                return None
            return '"v-' + hashlib.sha256(state.encode()).hexdigest()[:32] + '"'
    return None


def is_versioned(path_template: str) -> bool:
    """Whether the route ``path_template`` (``/api/v3/pages/{page_id}/``) has version ETags,
    so its writes answer 412 to a stale ``If-Match`` (for the OpenAPI document)."""
    path = re.sub(r"\{[^}]+\}", "1", path_template)
    return any(pattern.match(path) for pattern, _version in _VERSIONED)


def if_match_fails(request: HttpRequest) -> str | None:
    """For a write with ``If-Match``: the current ETag when the header names none of it."""
    header = request.META.get("HTTP_IF_MATCH")
    if request.method not in WRITE_METHODS or not header:
        return None
    current = version_etag(request, writing=True)
    if current is None:
        return None
    # Strong comparison (RFC 9110 13.1.1): a weak tag never matches; "*" matches any version.
    tags = [tag.strip() for tag in header.split(",")]
    if "*" in tags or current in tags:
        return None
    return current
