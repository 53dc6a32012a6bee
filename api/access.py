"""Who reads what through the API: the machine side of the rule in cms/visibility.py.

Anonymous callers read live pages without view restrictions. A bearer token (Wagtail's
``APIToken``) reads as its user, never as a browser session, and gets more than the public
set only as the rule grants it:

- drafts (unpublished pages and, in v3, ``?version=draft``) of the pages its user may edit
  or publish in the admin, and of no others;
- pages behind login restrictions, and documents and images in collections restricted the
  same way, with ``tingsted_api.read_restricted`` (or as a superuser); group restrictions
  open to members of the groups named. Password restrictions never open through the API;
- closed items (for example closed minutes items) with the permission the plugin that has
  them names (:func:`can_read_closed`).

A consuming site's token therefore belongs to a *service user*: active, no admin access,
no groups, no permissions. It reads exactly the public set until granted one of the above.
This module adds what is the API's own: site scoping, parameter errors, and remembering
the restrictions per content generation.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail.models import APIToken, Page, PageViewRestriction, Site

from cms import loading, visibility
from cms.generation import GenerationMemo
from cms.sites import all_locales

READ_RESTRICTED = visibility.READ_RESTRICTED
#: Opens closed items (closed minutes items and the like) to a token's user.
READ_CLOSED = "tingsted_api.read_closed"


class APIParameterError(Exception):
    """A query parameter or header the API cannot act on; answered as 4xx JSON naming it."""

    def __init__(self, parameter: str, message: str, status: int = 400, code: str = "invalid"):
        super().__init__(message)
        self.parameter = parameter
        self.message = message
        self.status = status
        self.code = code


def api_user(request: HttpRequest) -> Any:
    """The user a request reads as: its token's user, never a session's."""
    token = getattr(request, "api_token", None)
    return token.user if token is not None else AnonymousUser()


def resolve_token(request: HttpRequest) -> APIToken | None:
    """The APIToken named by ``Authorization: Bearer …``; None when there is no header."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if not header:
        return None
    scheme, _space, value = header.partition(" ")
    value = value.strip()
    if scheme.lower() != "bearer" or not value:
        raise APIParameterError(
            "Authorization",
            "Send the token as 'Authorization: Bearer <token>'.",
            status=401,
            code="malformed_token",
        )
    if not APIToken.validate_token_format(value):
        raise APIParameterError(
            "Authorization", "The bearer token is malformed.", status=401, code="malformed_token"
        )
    token = (
        APIToken.objects.select_related("user")
        .filter(key_hash__in=APIToken.candidate_key_hashes(value), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        raise APIParameterError(
            "Authorization",
            "The bearer token is unknown or revoked.",
            status=401,
            code="invalid_token",
        )
    return token


def api_principal(request: HttpRequest) -> visibility.Principal:
    """The request as the visibility rule sees it on machine channels (token only).

    Outside ``/api/`` (exports, feeds) the API middleware has not run: the bearer token is
    resolved here, and an unknown or revoked one reads as nobody.
    """
    request = getattr(request, "_request", request)  # DRF wraps Django's request
    if not hasattr(request, "api_token"):
        try:
            request.api_token = resolve_token(request)
        except APIParameterError:
            request.api_token = None
    return visibility.machine_principal(api_user(request))


def can_read_drafts(user: Any, page: Page) -> bool:
    """Whether a token's ``user`` may read the draft of ``page``: only if it may edit it."""
    return visibility.may_read_draft(visibility.machine_principal(user), page)


def can_read_closed(request: HttpRequest, permission: str = READ_CLOSED) -> bool:
    """Whether the request may read closed items guarded by ``permission``."""
    return visibility.can_see_closed(api_principal(request), permission)


def requested_site(request: HttpRequest) -> Site | None:
    """The site named by ``?site=host[:port]``, else the one the request is addressed to."""
    value = request.GET.get("site")
    if not value:
        return Site.find_for_request(request)
    hostname, _colon, port = value.partition(":")
    sites = Site.objects.filter(hostname__iexact=hostname)
    if port:
        if not port.isdigit():
            raise APIParameterError("site", f"'{value}' is not a hostname with an optional port.")
        sites = sites.filter(port=int(port))
    found = list(sites[:2])
    if not found:
        known = ", ".join(Site.objects.order_by("hostname").values_list("hostname", flat=True))
        raise APIParameterError(
            "site", f"No site has the hostname '{value}'. Known sites: {known}.", code="unknown"
        )
    if len(found) > 1:
        raise APIParameterError(
            "site", f"Several sites answer to '{value}': add the port, for example '{value}:80'."
        )
    return found[0]


def validate_locale(request: HttpRequest) -> None:
    value = request.GET.get("locale")
    locales = all_locales(request)
    if value and value not in locales:
        known = ", ".join(sorted(locales))
        raise APIParameterError(
            "locale", f"No locale '{value}'. Known locales: {known}.", code="unknown"
        )


def pages_queryset(request: HttpRequest, model: type[Page] = Page, *, drafts: bool = True):
    """Pages the request may read, scoped to its site (every language of the site's tree).

    Live pages it may see, plus (with ``drafts``) the unpublished pages its token's user
    may edit (the rule in cms/visibility.py).
    """
    queryset = visibility.visible_pages(
        model._default_manager.all(),
        api_principal(request),
        drafts=drafts,
        restrictions=_page_restrictions(request),
    )
    site = requested_site(request)
    if site is None:
        return queryset.none()
    return queryset.filter(site_scope(request, site))


def site_scope(request: HttpRequest, site: Site, *, depth: bool = True) -> Q:
    """The condition on a tree ``path`` (and, with ``depth``, on ``depth``) that keeps
    ``site``'s pages: under its root page or, with i18n, under one of the root's
    translations. (The path alone decides; the depth helps the database's plan.)"""
    scope = Q()
    for path, root_depth in _MEMO.get(request, ("roots", site.pk), lambda: _root_paths(site)):
        scope |= (
            Q(path__startswith=path, depth__gte=root_depth) if depth else Q(path__startswith=path)
        )
    return scope


#: View restrictions and sites' root translations, per process and content generation:
#: saving or deleting a restriction (or its groups), publishing, moving or translating a
#: page bumps the generation (cms.invalidation), so a change is seen on the next request.
_MEMO = GenerationMemo()


def _page_restrictions(request: HttpRequest) -> list[PageViewRestriction]:
    return _MEMO.get(
        request,
        "page_restrictions",
        visibility.all_page_restrictions,
    )


def has_page_restrictions(request: HttpRequest | None = None) -> bool:
    """Whether any page of any site has a view restriction (remembered per generation)."""
    return bool(_page_restrictions(_answering(request)))


def public_pages(queryset: QuerySet, request: HttpRequest | None = None) -> QuerySet:
    """What anonymous visitors see of ``queryset``, with the restrictions remembered.

    ``request`` (else the current loader's) lets the generation be read once per request.
    """
    return visibility.public_pages(queryset, _page_restrictions(_answering(request)))


def _answering(request: HttpRequest | None) -> HttpRequest | None:
    """The Django request being answered: ``request``, else the current loader's."""
    if request is None:
        request = getattr(loading.current(), "request", None)
    return getattr(request, "_request", request)  # DRF wraps Django's request


def _root_paths(site: Site) -> list[tuple[str, int]]:
    """The path and depth of the site's root page and, with i18n, of its translations."""
    roots = [site.root_page]
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        roots += list(site.root_page.get_translations())
    return [(root.path, root.depth) for root in roots]


def restricted_collection_ids(request: HttpRequest) -> set[int]:
    """Collections (with their descendants) whose images and documents the request may not read."""
    restrictions = _MEMO.get(
        request, "collection_restrictions", visibility.all_collection_restrictions
    )
    return visibility.hidden_collection_ids(api_principal(request), restrictions)
