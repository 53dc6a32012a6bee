"""Meeting hosts: the page types of other plugins that meetings may be added under.

Meetings live under the plugin's own event index (stand-alone events) or under a page of
another plugin that takes the *meeting host* role: a network (plugins/networks). The
meetings plugin names no such plugin. A page type takes the role by declaring it, the way
Wagtail page types declare their parents and children:

    class NetworkPage(TingstedPage):
        meeting_host = True                      # plugins.meetings.interface.MEETING_HOST
        subpage_types = ["meetings.MeetingPage"]

What the role means for a host's meetings: editors may add them under it (the admin's "add
child page"); they show it as their network (the API's ``network`` field, the ``network=``
filter of /api/v3/meetings/upcoming/, the meeting page); a meeting without its own
organiser shows the host's ``organiser`` (a foreign key to people's Organisation, if the host
has one); and a new meeting starts with the host's ``default_venue`` (a foreign key to
people's Venue, if the host has one), which it also takes when published without a venue.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import Page, get_page_models

#: The class attribute a page type sets to True to take the meeting host role.
MEETING_HOST = "meeting_host"


def host_models() -> list[type[Page]]:
    """The installed page types that take the meeting host role."""
    return [model for model in get_page_models() if is_host(model)]


def is_host(model: type[Page]) -> bool:
    return getattr(model, MEETING_HOST, False) is True


def hosts_q() -> Q:
    """A filter for pages whose type is a meeting host (none matches when none is installed).

    By content type label, joined in the query itself: no content type lookup of its own.
    """
    condition = Q(pk__in=[])
    for model in host_models():
        condition |= Q(
            content_type__app_label=model._meta.app_label,
            content_type__model=model._meta.model_name,
        )
    return condition
