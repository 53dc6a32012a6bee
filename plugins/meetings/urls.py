"""Mounted on every site inside the language prefix: /calendar/meetings.ics, /en/calendar/…"""

from django.urls import path

from plugins.meetings.views import site_calendar

app_name = "meetings"

urlpatterns = [path("calendar/meetings.ics", site_calendar, name="site_calendar")]
