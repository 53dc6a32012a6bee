"""Who may see what: the one rule every channel asks (docs/access.md has it as a table).

Every channel that shows content (rendered pages, API v2 and v3 and their documents and
images routes, plugin routes, exports, feeds, iCalendar, sitemap, search, webhooks,
preview, translation status) asks this module, and no other code decides.

A request is seen as a :class:`Principal`, on one of two kinds of channel:

- **web** (rendered pages and the site search): the browser session decides, as Wagtail
  does. A page password entered in this session opens that page; a login restriction opens
  for any logged-in user; a group restriction for members of its groups.
- **machine** (API v2/v3, plugin routes, exports, feeds, iCalendar, sitemaps, webhooks):
  a session never counts, only an API token does. Password restrictions never open here. A
  login restriction opens only for a token whose user is a superuser or holds
  ``tingsted_api.read_restricted`` (a service user with no permission is not enough); a
  group restriction for members of its groups. Drafts are readable only for pages the
  token's user may edit (change or publish, per Wagtail's page permissions: an editor of one
  site, a translator of one locale), never outside those.

Only an answer computed for a *shareable* request (:func:`is_shareable`: no session cookie,
no credential) may be stored in a shared cache or marked ``public``.

Restrictions belong to a page and all its translations: :mod:`cms.restrictions` keeps them
mirrored, so "restricted" means the same in every language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)
from wagtail.permission_policies.pages import PagePermissionPolicy

#: Channels. A session counts on ``WEB`` only; a token on ``MACHINE`` only.
WEB = "web"
MACHINE = "machine"

#: Permission that opens login-restricted content to a token's user.
READ_RESTRICTED = "tingsted_api.read_restricted"

#: Headers that make a request carry a credential, whatever their value.
CREDENTIAL_HEADERS = ("HTTP_AUTHORIZATION", "HTTP_X_API_KEY")


@dataclass(frozen=True)
class Principal:
    """Who a request reads as, on which channel."""

    user: Any = field(default_factory=AnonymousUser)
    channel: str = MACHINE
    #: Page-password restrictions (ids) this browser session has passed (web only).
    passed_passwords: frozenset[int] = frozenset()

    @property
    def is_anonymous(self) -> bool:
        return not self.authenticated and not self.passed_passwords

    @property
    def authenticated(self) -> bool:
        return bool(getattr(self.user, "is_authenticated", False)) and bool(
            getattr(self.user, "is_active", False)
        )

    @property
    def is_superuser(self) -> bool:
        return self.authenticated and bool(getattr(self.user, "is_superuser", False))


ANONYMOUS = Principal()


def web_principal(request: HttpRequest | None) -> Principal:
    """The principal of a rendered page request: the session's user and page passwords."""
    if request is None:
        return Principal(channel=WEB)
    user = getattr(request, "user", None) or AnonymousUser()
    session = getattr(request, "session", None)
    passed: Iterable[int] = ()
    if session is not None and settings.SESSION_COOKIE_NAME in request.COOKIES:
        passed = session.get(PageViewRestriction.passed_view_restrictions_session_key, ())
    return Principal(user=user, channel=WEB, passed_passwords=frozenset(passed))


def machine_principal(user: Any = None) -> Principal:
    """The principal of an API, export or feed request: a token's user, else anonymous."""
    return Principal(user=user if user is not None else AnonymousUser(), channel=MACHINE)


# --- Shared caches ------------------------------------------------------------------------


def is_shareable(request: HttpRequest) -> bool:
    """Whether an answer to ``request`` may be stored in a shared cache or sent ``public``.

    Only a request with no session cookie and no credential header: a session may hold a
    page password or a login, and either may open content the next caller must not get.
    """
    if any(request.META.get(name) for name in CREDENTIAL_HEADERS):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    user = getattr(request, "_cached_user", None)  # never force a session lookup here
    return not (user is not None and getattr(user, "is_authenticated", False))


# --- Restrictions -------------------------------------------------------------------------


def opens(restriction: BaseViewRestriction, principal: Principal) -> bool:
    """Whether ``restriction`` lets ``principal`` through (the rule's core, see above)."""
    kind = restriction.restriction_type
    if kind == BaseViewRestriction.NONE:
        return True
    if kind == BaseViewRestriction.PASSWORD:
        return principal.channel == WEB and restriction.pk in principal.passed_passwords
    if not principal.authenticated:
        return False
    if principal.is_superuser:
        return True
    if kind == BaseViewRestriction.LOGIN:
        return principal.channel == WEB or principal.user.has_perm(READ_RESTRICTED)
    if kind == BaseViewRestriction.GROUPS:
        allowed = {group.pk for group in restriction.groups.all()}
        return bool(allowed & _group_ids(principal.user))
    return False


def _group_ids(user) -> set[int]:
    cached = getattr(user, "_tingsted_group_ids", None)
    if cached is None:
        cached = set(user.groups.values_list("pk", flat=True))
        user._tingsted_group_ids = cached
    return cached


def all_page_restrictions() -> list[PageViewRestriction]:
    """Every page view restriction, with its page and groups (callers may memoise it)."""
    return list(PageViewRestriction.objects.select_related("page").prefetch_related("groups"))


def all_collection_restrictions() -> list[CollectionViewRestriction]:
    return list(
        CollectionViewRestriction.objects.select_related("collection").prefetch_related("groups")
    )


def page_restrictions(page: Page) -> list[PageViewRestriction]:
    """The view restrictions on ``page`` and its ancestors."""
    return list(
        PageViewRestriction.objects.filter(
            page__in=Page.objects.ancestor_of(page, inclusive=True)
        ).prefetch_related("groups")
    )


# --- Pages --------------------------------------------------------------------------------


def is_public(page: Page) -> bool:
    """Whether an anonymous visitor with no session may see ``page``: live, unexpired and
    without a view restriction on it or on an ancestor."""
    if not page.live or page.expired:
        return False
    if page.expire_at is not None and page.expire_at <= timezone.now():
        return False
    return not page_restrictions(page)


def can_see_page(principal: Principal, page: Page, *, draft: bool = False) -> bool:
    """Whether ``principal`` may see ``page`` (its draft with ``draft``)."""
    if (draft or not page.live) and not may_read_draft(principal, page):
        return False
    return all(opens(restriction, principal) for restriction in page_restrictions(page))


def may_read_draft(principal: Principal, page: Page) -> bool:
    """Drafts open only to users who may edit or publish that very page."""
    if not principal.authenticated:
        return False
    permissions = page.permissions_for_user(principal.user)
    return permissions.can_edit() or permissions.can_publish()


def editable_pages(principal: Principal, model: type[Page] = Page) -> QuerySet:
    """Pages (of ``model``) whose drafts ``principal`` may read: those its user may edit."""
    if not principal.authenticated:
        return model._default_manager.none()
    policy = PagePermissionPolicy()
    if model is not Page:
        policy = policy.for_model(model)
    return policy.instances_user_has_any_permission_for(principal.user, {"change", "publish"})


def visible_pages(
    queryset: QuerySet,
    principal: Principal,
    *,
    drafts: bool = False,
    restrictions: Iterable[PageViewRestriction] | None = None,
) -> QuerySet:
    """``queryset`` narrowed to what ``principal`` may see.

    Live pages, plus with ``drafts`` the unpublished pages the principal may edit; minus the
    subtrees of every restriction that does not open for it. ``restrictions`` lets a caller
    pass a remembered list (see :func:`all_page_restrictions`).
    """
    # (Not filtered on expire_at here: search querysets may filter only on indexed fields.
    # Wagtail's publish_scheduled command unpublishes expired pages; is_public() also
    # refuses one past its date before that runs.)
    visible = queryset.live()
    if drafts and principal.authenticated:
        visible = visible | queryset.filter(
            pk__in=editable_pages(principal, queryset.model).values("pk")
        )
    if restrictions is None:
        restrictions = all_page_restrictions()
    for restriction in restrictions:
        if not opens(restriction, principal):
            visible = visible.not_descendant_of(restriction.page, inclusive=True)
    return visible


def public_pages(
    queryset: QuerySet, restrictions: Iterable[PageViewRestriction] | None = None
) -> QuerySet:
    """What an anonymous visitor may see of ``queryset`` (live, unrestricted)."""
    return visible_pages(queryset, ANONYMOUS, restrictions=restrictions)


# --- Documents and images -----------------------------------------------------------------


def hidden_collection_ids(
    principal: Principal,
    restrictions: Iterable[CollectionViewRestriction] | None = None,
) -> set[int]:
    """Collections (with their descendants) whose images and documents ``principal`` may
    not see."""
    if restrictions is None:
        restrictions = all_collection_restrictions()
    closed = [r.collection for r in restrictions if not opens(r, principal)]
    if not closed:
        return set()
    condition = Q()
    for collection in closed:
        condition |= Q(path__startswith=collection.path)
    return set(Collection.objects.filter(condition).values_list("pk", flat=True))


def can_see_in_collection(principal: Principal, obj) -> bool:
    """Whether a document or image (anything with a collection) is visible to ``principal``."""
    return obj.collection_id not in hidden_collection_ids(principal)


# --- Closed items -------------------------------------------------------------------------


def can_see_closed(principal: Principal, permission: str) -> bool:
    """Closed items (e.g. closed agenda items) open only to users holding ``permission``.

    Editing rights alone never open them; superusers hold every permission.
    """
    return principal.authenticated and principal.user.has_perm(permission)
