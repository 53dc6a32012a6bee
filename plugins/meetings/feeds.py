"""The calendar feeds every page advertises in its head."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from cms.public import FeedLink


def feeds(request: HttpRequest, site: Site, locale: Locale) -> list[FeedLink]:
    # From the site record, as canonical links and the other feeds are: the request's Host
    # header may lack the port the site answers on.
    url = site.root_url + reverse("meetings:site_calendar")
    return [
        FeedLink(title=_("Upcoming meetings (iCalendar)"), url=url, content_type="text/calendar")
    ]
