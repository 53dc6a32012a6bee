"""Who may see what: the one rule every channel asks (docs/access.md has it as a table).

Every channel that shows content (rendered pages, API v2 and v3 and their documents and
images routes, plugin routes, exports, feeds, iCalendar, sitemap, search, webhooks,
preview, translation status) asks this module, and no other code decides.

Principals, as :func:`principal` sees a request:

- *anonymous*: no session user, no token;
- *anonymous with a page-password session*: opens password-restricted pages on rendered
  pages only, never through the API or any feed;
- *logged-in user without permissions*, *editor of one site*, *translator of one locale*,
  *reviewer*, *superuser*: a session user on rendered pages, or a token's user in the API;
- *service user* behind an API token: reads the public set until granted more.

Only an answer computed for a *shareable* request (:func:`is_shareable`: anonymous, no
session cookie, no credential) may be stored in a shared cache or marked ``public``.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

#: Header and cookie that make a request carry a credential, whatever their value.
CREDENTIAL_HEADERS = ("HTTP_AUTHORIZATION", "HTTP_X_API_KEY")


def session_cookie_name() -> str:
    return settings.SESSION_COOKIE_NAME


def is_shareable(request: HttpRequest) -> bool:
    """Whether an answer to ``request`` may be stored in a shared cache or sent ``public``.

    Only a request with no session cookie and no credential header: a session may hold a
    page password or a login, and either may open content the next caller must not get.
    """
    if any(request.META.get(name) for name in CREDENTIAL_HEADERS):
        return False
    if session_cookie_name() in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and getattr(user, "is_authenticated", False))


def page_restrictions(page: Page) -> list[PageViewRestriction]:
    """The view restrictions on ``page`` and its ancestors (translations share theirs)."""
    return list(
        PageViewRestriction.objects.filter(
            page__in=Page.objects.ancestor_of(page, inclusive=True)
        ).prefetch_related("groups")
    )


def is_public(page: Page) -> bool:
    """Whether an anonymous visitor with no session may see ``page``: live, unexpired and
    without a view restriction on it or on an ancestor."""
    if not page.live or page.expired:
        return False
    if page.expire_at is not None and page.expire_at <= timezone.now():
        return False
    return not page_restrictions(page)


def restriction_opens_for_user(restriction: BaseViewRestriction, user) -> bool:
    """Whether a login or group restriction lets ``user`` through; passwords never do here.

    Login restrictions open for superusers and users with ``tingsted_api.read_restricted``
    (a logged-in user with no permission is not enough); group restrictions also for
    members of the groups named.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if restriction.restriction_type == BaseViewRestriction.PASSWORD:
        return False
    if user.has_perm("tingsted_api.read_restricted"):
        return True
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        allowed = {group.pk for group in restriction.groups.all()}
        return bool(allowed & set(user.groups.values_list("pk", flat=True)))
    return False
