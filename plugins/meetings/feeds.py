"""The calendar feeds every page advertises in its head."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from cms.public import FeedLink


def feeds(request: HttpRequest, site: Site, locale: Locale) -> list[FeedLink]:
    url = request.build_absolute_uri(reverse("meetings:site_calendar"))
    return [
        FeedLink(title=_("Upcoming meetings (iCalendar)"), url=url, content_type="text/calendar")
    ]
