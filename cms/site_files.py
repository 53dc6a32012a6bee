"""The files crawlers and browsers ask every site for: robots.txt and favicon.ico."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views.decorators.http import require_safe
from wagtail.models import Site

#: Nothing a search engine should index lives there; everything else is public.
DISALLOWED = ("/admin/", "/django-admin/", "/api/", "/documents/")


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Allow the site, keep crawlers out of the admin and the API, point at the sitemap.

    The sitemap's address comes from the site record, like canonical links and feeds.
    """
    site = Site.find_for_request(request)
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED)]
    if site is not None:
        lines += ["", f"Sitemap: {site.root_url}/sitemap.xml"]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask /favicon.ico of every site, whatever the pages' <link rel="icon"> says."""
    return HttpResponsePermanentRedirect(static("cms/favicon.ico"))
