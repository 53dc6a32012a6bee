"""The councils' meeting calendars, advertised in every page's head."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from cms.public import FeedLink, public_pages
from plugins.minutes.models import CouncilPage


def feed_links(request: HttpRequest, site: Site, locale: Locale) -> list[FeedLink]:
    councils = (
        public_pages(CouncilPage.objects.filter(locale=locale))
        .descendant_of(site.root_page.localized)
        .order_by("path")
        .only("id", "title")
    )
    return [
        FeedLink(
            title=_("%(council)s: coming meetings") % {"council": council.title},
            # The site record's address, as for every absolute link (not the Host header).
            url=site.root_url + reverse("minutes:council_calendar", args=[council.pk]),
            content_type="text/calendar",
        )
        for council in councils
    ]
