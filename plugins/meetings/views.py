"""The site-wide calendar of upcoming meetings."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from cms.public import active_locale
from plugins.meetings.calendar import calendar_response
from plugins.meetings.models import upcoming_meetings


def site_calendar(request: HttpRequest) -> HttpResponse:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    meetings = upcoming_meetings(site, active_locale(request) or Locale.get_active())
    name = _("Upcoming meetings: %(site)s") % {"site": site.site_name or site.hostname}
    return calendar_response(meetings, request, name=name, filename="meetings.ics")
