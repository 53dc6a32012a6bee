"""Activate the language a request asks for, relative to the site it is addressed to, and
open the request's loader."""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as _DjangoCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, QueryDict
from django.utils import timezone, translation

from cms.compat import deferred_index_tasks
from cms.loading import request_scope
from cms.routing import urlconf_for
from cms.sites import find_site, site_language, site_time_zone


class SiteLocaleMiddleware:
    """Pick the site's own language for unprefixed paths and the prefix's language otherwise.

    ``/en/…`` on the Danish site is English; ``/…`` is Danish. ``/da/…`` on the Danish site
    redirects to the unprefixed address, so every page has one canonical URL.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        site = find_site(request)
        own_language = site_language(site.pk if site else None, request)
        prefix = request.path_info.lstrip("/").split("/", 1)[0]

        if prefix == own_language and prefix in self.languages:
            rest = request.get_full_path()[len(prefix) + 1 :]
            return HttpResponsePermanentRedirect(rest if rest.startswith("/") else f"/{rest}")

        language = prefix if prefix in self.languages else own_language
        request.LANGUAGE_CODE = language
        request.urlconf = urlconf_for(own_language)
        # Scoped to this request: a worker thread must not carry one site's language or
        # zone, or the rows the loader fetched (cms/loading.py), into the next request (or,
        # in tests, into the next test).
        with (
            translation.override(language),
            timezone.override(site_time_zone(site)),
            request_scope(),
        ):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


def admin_language(user) -> str | None:
    """The language the admin speaks to ``user``, or None to keep the site's language.

    The user's own preference (Account -> Preferred language) comes first. Without one, the
    language of the pages the user may add or edit: the Danish site's editors work in
    Danish and the Swedish translators in Swedish, whichever host they log in at. Someone
    whose pages are in several languages (a reviewer) or in none (a superuser) gets the
    language of the site they opened the admin at.
    """
    from django.contrib.auth.models import Group
    from wagtail.admin.localization import get_available_admin_languages
    from wagtail.models import GroupPagePermission

    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.preferred_language:
        return profile.preferred_language
    groups = Group.objects.filter(user=user)
    languages = set(
        GroupPagePermission.objects.filter(
            group__in=groups, permission__codename__in=("add_page", "change_page")
        ).values_list("page__locale__language_code", flat=True)
    ) & {code for code, _name in get_available_admin_languages()}
    return languages.pop() if len(languages) == 1 else None


@functools.cache
def admin_prefix() -> str:
    """Where the admin's addresses start (``/admin/``), worked out at the first request."""
    from django.urls import reverse

    return reverse("wagtailadmin_home")


class AdminLanguageMiddleware:
    """Speak the admin in :func:`admin_language` of the logged-in user.

    Placed after the authentication middleware. Wagtail's admin views use the preferred
    language of a user who set one and the active language otherwise, so this fills in the
    second case.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = None
        if request.path_info.startswith(admin_prefix()) and request.user.is_authenticated:
            language = admin_language(request.user)
        if language is None:
            return self.get_response(request)
        request.LANGUAGE_CODE = language
        with translation.override(language):
            response = self.get_response(request)
        response.headers["Content-Language"] = language
        return response


def names_a_place(url: str) -> bool:
    """Whether ``url`` is an address ``redirect()`` takes as it is: an absolute path, or an
    http(s) address. Anything else (``dashboard``, ``junk``) it first tries as a view name."""
    return url.startswith("/") or urlsplit(url).scheme in ("http", "https")


def _without_other_next(query: QueryDict) -> QueryDict:
    if all(names_a_place(url) for url in query.getlist("next")):
        return query
    kept = query.copy()
    del kept["next"]
    kept._mutable = False
    return kept


class AdminNextMiddleware:
    """Leave out an admin ``?next=`` (or posted ``next``) that names no place.

    Wagtail checks only that ``next`` stays on the host, then hands it to ``redirect()``,
    which tries a bare word as a view name: ``/admin/login/?next=junk`` for a logged-in
    editor, or locking a page from ``/admin/pages/3/lock/?next=dashboard``, answered 500
    (NoReverseMatch). Without it Wagtail goes where it goes when no ``next`` is given.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(admin_prefix()):
            request.GET = _without_other_next(request.GET)
            if request.method == "POST" and "next" in request.POST:
                request.POST = _without_other_next(request.POST)
        return self.get_response(request)


# --- Content-Security-Policy ---------------------------------------------------------------

#: What a view sets on its response to shape its own policy (django-csp's decorators).
_PER_RESPONSE = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
)
#: The policy headers built from settings alone, by report-only-ness.
_built_policies: dict[bool, str] = {}


def _forget_policies(*, setting: str, **kwargs) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _built_policies.clear()


setting_changed.connect(_forget_policies)


class CSPMiddleware(_DjangoCSPMiddleware):
    """django-csp's middleware, building the settings' policy once instead of per answer.

    django-csp builds the header from the settings on every response: 0.09 ms, a tenth of
    what a cached page may cost (cms/pagecache.py). Where nothing else shapes it (no nonce
    asked for, no view's own policy through django-csp's decorators, no debug page) the
    header built once is reused; anything else takes django-csp's own path.
    """

    def process_response(self, request, response):
        if (
            getattr(request, "_csp_nonce", None) is not None
            or any(getattr(response, name, None) is not None for name in _PER_RESPONSE)
            or (settings.DEBUG and response.status_code in (404, 500))
        ):
            return super().process_response(request, response)
        for report_only, header, setting, exempt in (
            (False, HEADER, "CONTENT_SECURITY_POLICY", "_csp_exempt"),
            (True, HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY", "_csp_exempt_ro"),
        ):
            policy = _built_policies.get(report_only)
            if policy is None:
                policy = _built_policies[report_only] = build_policy(report_only=report_only)
            if not policy or header in response or getattr(response, exempt, False):
                continue
            prefixes = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
            if not request.path_info.startswith(tuple(prefixes)):
                response[header] = policy
        # As django-csp: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


class IndexOncePerRequestMiddleware:
    """Each object a request saves goes into the search and reference indexes once, after
    the view has answered, in its final state.

    An editor's "Publish" saves the page, saves a revision and publishes it: three saves
    of the page and of each of its child rows (a meeting's agenda, a post's authors), each
    of which Wagtail indexes again. The block is the one pages already use for one save
    (``cms.compat.deferred_index_tasks``); what a failed request rolled back is not indexed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with deferred_index_tasks():
            return self.get_response(request)
