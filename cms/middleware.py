"""Activate the language a request asks for, relative to the site it is addressed to, and
open the request's loader."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.utils import timezone, translation

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
