"""Sites and locales: what every request asks for first, in one memo per content generation.

Every page view and API call needs the site it is addressed to, its language, often another
site by id (a page's URL, dates, time zone) and the active locale's row; Wagtail queries for
each, every time. They change only when a site or locale is saved or deleted, which bumps
the content generation (cms/generation.py, cms/invalidation.py), so this process keeps them in one
:class:`~cms.generation.GenerationMemo` and every process recomputes them at its first
request after a change anywhere: never stale, never more than one read of the generation
per request.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language, override
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Site

from cms import compat
from cms.generation import GenerationMemo

#: Sites (all of them, and the one each host and port asks for) and locales, per process
#: and content generation: the one memo of both.
_MEMO = GenerationMemo()
_MISSING = object()


# --- sites --------------------------------------------------------------------------------


def all_sites(request: HttpRequest | None = None) -> dict[int, Site]:
    """Every site by id, with its root page and that page's locale (one query a generation).

    The rows are shared by every request of the process: read them, never change them.
    """
    return _MEMO.get(
        request, "sites", lambda: Site.objects.select_related("root_page__locale").in_bulk()
    )


def site_by_id(site_id: int, request: HttpRequest | None = None) -> Site:
    """``Site.objects.get(id=…)`` from the memo (pages ask for their site per item: dates,
    time zones, API links)."""
    try:
        return all_sites(request)[site_id]
    except KeyError:
        raise Site.DoesNotExist(f"No site with id {site_id}.") from None


def site_root_paths(request: HttpRequest | None = None) -> list:
    """Wagtail's ``Site.get_site_root_paths()`` from the memo.

    Wagtail keeps them in the cache and remembers them on the page asking, so every page of
    a list (each link, date and translation of each item) read them from Redis again.
    """
    return _MEMO.get(request, "root_paths", Site.get_site_root_paths)


def site_languages(request: HttpRequest | None = None) -> dict[int, str]:
    """Each site's id mapped to its own language: that of its root page."""
    return _MEMO.get(
        request,
        "languages",
        lambda: {
            pk: site.root_page.locale.language_code for pk, site in all_sites(request).items()
        },
    )


def site_language(site_id: int | None, request: HttpRequest | None = None) -> str:
    if site_id is None:
        return settings.LANGUAGE_CODE
    return site_languages(request).get(site_id, settings.LANGUAGE_CODE)


def find_site(request: HttpRequest) -> Site | None:
    """``Site.find_for_request``, from the memo.

    Wagtail looks the site up with a database query on every request; every page view and
    every API call (cache hits included) needs it first. The result is stored on the request
    where Wagtail looks for it, so later ``Site.find_for_request`` calls reuse it.
    """
    remembered = compat.site_on_request(request, _MISSING)
    if remembered is not _MISSING:
        return remembered
    hostname, port = compat.request_host(request)
    site = _MEMO.get(
        request,
        ("host", hostname, port),
        lambda: compat.match_site(all_sites(request).values(), hostname, port),
    )
    # A copy per request: related objects Django caches on it stay with this request.
    compat.remember_site(request, copy.copy(site) if site is not None else None)
    return compat.site_on_request(request)


#: Where :func:`answer_for_site` keeps the site an answer is about, on the request.
_ANSWERED_SITE = "_tingsted_answered_site"


def answer_for_site(request: HttpRequest, site: Site | None) -> None:
    """Say the answer to ``request`` is about ``site`` (the API's ``?site=``), not the site
    the request is addressed to."""
    setattr(request, _ANSWERED_SITE, site)


def answered_site(request: HttpRequest) -> Site | None:
    """The site an answer is about: the one named by :func:`answer_for_site`, else the
    request's own (:func:`find_site`). Its record is the base of the answer's absolute URLs."""
    return getattr(request, _ANSWERED_SITE, None) or find_site(request)


def site_time_zone(site: Site | None) -> ZoneInfo:
    """The zone a site's dates are shown in: its TINGSTED_SITES entry, else TIME_ZONE."""
    if site is not None:
        for spec in settings.TINGSTED_SITES:
            if spec["hostname"] == site.hostname and spec.get("time_zone"):
                return ZoneInfo(spec["time_zone"])
    return ZoneInfo(settings.TIME_ZONE)


def request_time_zone(request: HttpRequest) -> ZoneInfo:
    return site_time_zone(Site.find_for_request(request))


# --- locales ------------------------------------------------------------------------------


def all_locales(request: HttpRequest | None = None) -> dict[str, Locale]:
    """Every locale by language code (one query a generation)."""
    return _MEMO.get(
        request,
        "locales",
        lambda: {locale.language_code: locale for locale in Locale.objects.all()},
    )


@contextmanager
def in_own_language(obj: Any) -> Iterator[None]:
    """Within: the language of ``obj``'s locale (a page, a snippet), so what it names by id
    comes out in its own language, in a list mixing languages too. The code is read from the
    locale memo (no query for ``obj.locale``); nothing is switched when that language is
    already active (a list in one language: each field of each item would switch again)."""
    language = next(
        (
            code
            for code, locale in all_locales().items()
            if locale.pk == getattr(obj, "locale_id", None)
        ),
        None,
    )
    if language is None or language == get_language():
        yield
        return
    with override(language):
        yield


def active_locale(request: HttpRequest | None = None) -> Locale | None:
    """``Locale.get_active()`` (a query every time in Wagtail), from the memo.

    The active language's locale, else that of ``LANGUAGE_CODE`` as Wagtail falls back to;
    None when neither exists.
    """
    locales = all_locales(request)
    for language in (get_language(), settings.LANGUAGE_CODE):
        try:
            code = get_supported_content_language_variant(language)
        except LookupError:
            continue
        if code in locales:
            return locales[code]
    return None
