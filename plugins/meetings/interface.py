"""The meetings plugin's public interface: everything another plugin may use of it.

Other plugins import meetings only from here (``from plugins.meetings.interface import …``);
every other module of the plugin is internal and may change without notice. A name is here
because a plugin that shows meetings (networks: a network's meetings are its child pages)
needs it to do so the same way this plugin does. Why each is public:

- ``MeetingPage``, ``MeetingKind``, ``MeetingStatus``: a plugin lists a parent page's
  meetings (``MeetingPage.objects.child_of(page)``), and its demo builds meetings with a
  kind and a status.
- ``programme_cutoff``, ``split_meetings``: where "upcoming" ends and "past" begins (local
  midnight in the site's time zone); every list of meetings, on any page or route, must
  split them at the same instant.
- ``resolve_programme``, ``resolve_meetings``, ``References``: venues, sessions and speakers
  of many meetings in a fixed number of queries, with the rows the page shows besides them;
  without it a page's query count grows with its programme
  (tests/cms/test_render_budget.py).
- ``MeetingSchema``, ``meeting_payloads``, ``people_payload``, ``PEOPLE_FIELD``,
  ``organisations_payload``, ``ORGANISATIONS_FIELD``: a meeting
  as the API shows it (``meeting_payloads`` builds MeetingSchema objects from the pages, to
  be called in the answer's language and time zone; a route returning them in a
  ``api.v3.BuiltSchema`` answers them as built), and the ``people`` map its speakers'
  ``person_id`` point into, so another plugin's route (a network's programme) answers in
  the very shape of /api/v3/meetings/.
- ``calendar_response``: an iCalendar feed of any set of meetings (a network's ical/ route).
- ``event_data``: schema.org Event data, so a page listing meetings carries the same
  structured data as each meeting's own page (its safe ``<script>`` form is
  ``cms.jsonld.to_script``; organisers and places come from the people plugin).

A role is part of the interface too: a page type of another plugin takes the *meeting
host* role by setting the class attribute named by ``MEETING_HOST`` (``meeting_host =
True``) and listing ``"meetings.MeetingPage"`` in its ``subpage_types``, as the networks
plugin's ``NetworkPage`` does. Editors may then add meetings under its pages; the meetings
show the host as their network (the API's ``network`` field and ``network=`` filter, the
meeting page's breadcrumb) and, without an organiser of their own, the host's ``organiser``.
The meetings plugin names no host plugin (plugins/meetings/hosts.py).

Templates are part of the interface too. Other plugins may include:

- ``meetings/includes/meeting_summary.html`` (context: ``meeting`` resolved by
  :func:`resolve_programme`, ``show_sessions``): a meeting as a list entry;
- ``meetings/includes/status.html`` (context: ``meeting``): the status label;
- ``meetings/includes/when.html`` (context: ``meeting``): start and end in the current
  time zone, as the page's language writes them (``{% datetime_range %}``);

and load the ``meetings_tags`` library for ``{% session_list sessions fallback_venue
level=3 multi_day=False %}`` (a meeting's programme). They are listed in :data:`TEMPLATES`,
which tests/meetings/test_interface.py holds other plugins' templates to.
"""

from __future__ import annotations

from plugins.meetings.api import (
    ORGANISATIONS_FIELD,
    PEOPLE_FIELD,
    MeetingSchema,
    meeting_payloads,
    organisations_payload,
    people_payload,
)
from plugins.meetings.calendar import calendar_response
from plugins.meetings.choices import MeetingKind, MeetingStatus
from plugins.meetings.hosts import MEETING_HOST
from plugins.meetings.jsonld import event_data
from plugins.meetings.models import MeetingPage
from plugins.meetings.programme import (
    References,
    programme_cutoff,
    resolve_meetings,
    resolve_programme,
    split_meetings,
)

__all__ = [
    "MEETING_HOST",
    "ORGANISATIONS_FIELD",
    "PEOPLE_FIELD",
    "TEMPLATES",
    "MeetingKind",
    "MeetingPage",
    "MeetingSchema",
    "MeetingStatus",
    "References",
    "calendar_response",
    "event_data",
    "meeting_payloads",
    "organisations_payload",
    "people_payload",
    "programme_cutoff",
    "resolve_meetings",
    "resolve_programme",
    "split_meetings",
]

#: The templates other plugins may include (see the module's docstring for their context).
TEMPLATES = (
    "meetings/includes/meeting_summary.html",
    "meetings/includes/status.html",
    "meetings/includes/when.html",
)
