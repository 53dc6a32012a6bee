"""Who reads what through the API.

Anonymous callers read live pages without view restrictions. A bearer token (Wagtail's
``APIToken``) reads as its user, and a user gets more than the public set only through
what an administrator grants it:

- ``tingsted_api.read_drafts``: unpublished pages and, in v3, ``?version=draft``. Wagtail's
  own rule also applies: a token whose user may edit or publish pages in the admin reads
  those pages' drafts (so an editor's personal token is not for a consuming site);
- ``tingsted_api.read_restricted``: pages behind login restrictions, and documents and
  images in collections restricted the same way. Group restrictions also open to members
  of the groups named. Password restrictions never open through the API;
- ``tingsted_api.read_closed``: closed items (for example closed minutes items), checked
  by the plugins that have them with :func:`can_read_closed`.

A consuming site's token therefore belongs to a *service user*: active, no admin access,
no groups, no permissions. It reads exactly the public set until granted one of the above.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.permission_policies.pages import PagePermissionPolicy

from api.cache import GenerationMemo

READ_DRAFTS = "tingsted_api.read_drafts"
READ_RESTRICTED = "tingsted_api.read_restricted"
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


def is_editor(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    return PagePermissionPolicy().user_has_any_permission(user, {"change", "publish"})


def can_read_drafts(user: Any, page: Page | None = None) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm(READ_DRAFTS):
        return True
    if page is not None:
        permissions = page.permissions_for_user(user)
        return permissions.can_edit() or permissions.can_publish()
    return is_editor(user)


def can_read_closed(request: HttpRequest) -> bool:
    """Whether the request may read closed items (closed minutes items and the like)."""
    user = api_user(request)
    return bool(user.is_authenticated and user.is_active and user.has_perm(READ_CLOSED))


def restriction_accepts(restriction: BaseViewRestriction, user: Any) -> bool:
    """Whether a view restriction lets ``user`` read through the API (never by password)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if restriction.restriction_type == BaseViewRestriction.PASSWORD:
        return False
    if user.has_perm(READ_RESTRICTED):
        return True
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        allowed = {group.pk for group in restriction.groups.all()}
        return bool(allowed & set(user.groups.values_list("pk", flat=True)))
    return False


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
    if value and not Locale.objects.filter(language_code=value).exists():
        known = ", ".join(
            Locale.objects.order_by("language_code").values_list("language_code", flat=True)
        )
        raise APIParameterError(
            "locale", f"No locale '{value}'. Known locales: {known}.", code="unknown"
        )


def pages_queryset(request: HttpRequest, model: type[Page] = Page):
    """Pages the request may read, scoped to its site (every language of the site's tree)."""
    user = api_user(request)
    queryset = model._default_manager.all()
    if not can_read_drafts(user):
        queryset = queryset.live()
    for restriction in _page_restrictions(request):
        if not restriction_accepts(restriction, user):
            queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    if is_editor(user) and not user.has_perm(READ_DRAFTS):
        # Wagtail's rule: an editor's token also reads the unpublished pages it may edit.
        policy = PagePermissionPolicy()
        if model is not Page:
            policy = policy.for_model(model)
        queryset = queryset | policy.instances_user_has_any_permission_for(
            user, {"change", "publish"}
        )

    site = requested_site(request)
    if site is None:
        return queryset.none()
    scope = Q()
    for path, depth in _MEMO.get(request, ("roots", site.pk), lambda: _root_paths(site)):
        scope |= Q(path__startswith=path, depth__gte=depth)
    return queryset.filter(scope)


#: View restrictions and sites' root translations, per process and content generation:
#: saving or deleting a restriction (or its groups), publishing, moving or translating a
#: page bumps the generation (api.signals), so a change is seen on the next request.
_MEMO = GenerationMemo()


def _page_restrictions(request: HttpRequest) -> list[PageViewRestriction]:
    return _MEMO.get(
        request,
        "page_restrictions",
        lambda: list(PageViewRestriction.objects.select_related("page").prefetch_related("groups")),
    )


def has_page_restrictions(request: HttpRequest | None = None) -> bool:
    """Whether any page of any site has a view restriction (remembered per generation)."""
    return bool(_page_restrictions(_answering(request)))


def public_pages(queryset: QuerySet, request: HttpRequest | None = None) -> QuerySet:
    """Wagtail's ``queryset.public()`` without its query: the restrictions are remembered.

    ``request`` (else the current preload's) lets the generation be read once per request.
    """
    for restriction in _page_restrictions(_answering(request)):
        queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset


def _answering(request: HttpRequest | None) -> HttpRequest | None:
    """The Django request being answered: ``request``, else the current preload's."""
    if request is None:
        from blocks.prefetch import current

        request = getattr(current(), "request", None)
    return getattr(request, "_request", request)  # DRF wraps Django's request


def _root_paths(site: Site) -> list[tuple[str, int]]:
    """The path and depth of the site's root page and, with i18n, of its translations."""
    roots = [site.root_page]
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        roots += list(site.root_page.get_translations())
    return [(root.path, root.depth) for root in roots]


def restricted_collection_ids(request: HttpRequest) -> set[int]:
    """Collections (with their descendants) whose images and documents the request may not read."""
    user = api_user(request)
    restrictions = _MEMO.get(
        request,
        "collection_restrictions",
        lambda: list(
            CollectionViewRestriction.objects.select_related("collection").prefetch_related(
                "groups"
            )
        ),
    )
    closed = [r.collection for r in restrictions if not restriction_accepts(r, user)]
    if not closed:
        return set()
    condition = Q()
    for collection in closed:
        condition |= Q(path__startswith=collection.path)
    return set(Collection.objects.filter(condition).values_list("pk", flat=True))
