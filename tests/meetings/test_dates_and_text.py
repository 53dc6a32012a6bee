"""Meeting dates as each language writes them, and descriptions flattened with their breaks.

The literal strings are the language councils' conventions (docs/translation.md): Danish
"tirsdag den 12. januar 2027 kl. 10.00–16.00", Swedish "tisdag 12 januari 2027 kl.
10.00–16.00", never CLDR's colon or the glued "…byrum.Mødet…" of stripped tags.
"""

from __future__ import annotations

import datetime
import json
import re

import pytest
from icalendar import Calendar

from plugins.meetings.models import MeetingKind, MeetingStatus
from tests.factories.meetings import MeetingPageFactory, local, session
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory

pytestmark = pytest.mark.django_db

DESCRIPTION = (
    "<p>Vi taler om <b>nye byrum</b>.</p>"
    "<ul><li>Kaffe &amp; rundstykker</li><li>Oplæg fra Aarhus</li></ul>"
    "<p>Mødet slutter med frokost.</p>"
)
PLAIN_DESCRIPTION = (
    "Vi taler om nye byrum.\n\n- Kaffe & rundstykker\n- Oplæg fra Aarhus\n\n"
    "Mødet slutter med frokost."
)


def network_on(home, language: str):
    return NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home(language)))


def visible_text(body: str) -> str:
    """The page's text as a reader sees it: tags gone, line breaks and white space as one
    space."""
    text = re.sub(r"<script.*?</script>|<style.*?</style>|<br\s*/?>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text))


@pytest.mark.parametrize(
    ("language", "when", "sessions", "deadline", "originally"),
    [
        (
            "da",
            "tirsdag den 12. januar 2027 kl. 10.00–16.00",
            ["kl. 10.00–11.30", "kl. 13.00–16.00"],
            "Tilmelding senest 5. januar 2027.",
            "Oprindeligt planlagt til 15. december 2026",
        ),
        (
            "sv",
            "tisdag 12 januari 2027 kl. 10.00–16.00",
            ["kl. 10.00–11.30", "kl. 13.00–16.00"],
            "5 januari 2027",
            "15 december 2026",
        ),
    ],
)
def test_meeting_page_writes_dates_and_times_as_the_language_does(
    host_client, home, language, when, sessions, deadline, originally
):
    meeting = MeetingPageFactory(
        parent=network_on(home, language),
        status=MeetingStatus.POSTPONED,
        start=local(2027, 1, 12, 10),
        end=local(2027, 1, 12, 16),
        previous_start=local(2026, 12, 15, 10),
        signup_label="Sign up",
        signup_url="https://example.org/signup",
        signup_deadline=datetime.date(2027, 1, 5),
        programme=[session("10:00", "11:30"), session("13:00", "16:00")],
    )
    body = host_client.get(language, meeting.get_url()).content.decode()
    text = visible_text(body)
    assert when in text
    for line in sessions:
        assert line in text
    assert deadline in text
    assert originally in text
    # Machines still read ISO 8601 in the site's zone.
    assert '<time datetime="2027-01-12T10:00:00+01:00">' in body
    assert '<time datetime="2027-01-12T16:00:00+01:00">' in body


@pytest.mark.parametrize(
    ("language", "when", "second_day"),
    [
        (
            "da",
            "tirsdag den 12. januar kl. 09.30 – onsdag den 13. januar 2027 kl. 13.00",
            "onsdag den 13. januar",
        ),
        (
            "sv",
            "tisdag 12 januari kl. 09.30 – onsdag 13 januari 2027 kl. 13.00",
            "onsdag 13 januari",
        ),
    ],
)
def test_an_overnight_meeting_names_both_days(host_client, home, language, when, second_day):
    meeting = MeetingPageFactory(
        parent=network_on(home, language),
        kind=MeetingKind.OVERNIGHT,
        start=local(2027, 1, 12, 9, 30),
        end=local(2027, 1, 13, 13),
        programme=[
            session("10:00", "11:00"),
            session("09:00", "10:00", day=datetime.date(2027, 1, 13)),
        ],
    )
    text = visible_text(host_client.get(language, meeting.get_url()).content.decode())
    assert when in text
    # The programme names the second day above its first session.
    assert f"{second_day} kl. 09.00–10.00" in text


def test_calendar_and_json_ld_descriptions_keep_paragraphs_and_the_list(host_client, home):
    meeting = MeetingPageFactory(parent=network_on(home, "da"), description=DESCRIPTION)

    calendar = Calendar.from_ical(host_client.get("da", meeting.get_url() + "ical/").content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["DESCRIPTION"]) == PLAIN_DESCRIPTION

    body = host_client.get("da", meeting.get_url()).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    (event_data,) = [
        data
        for data in map(json.loads, scripts)
        if isinstance(data, dict) and data["@type"] == "Event"
    ]
    assert event_data["description"] == PLAIN_DESCRIPTION


def test_the_search_summary_keeps_the_breaks_and_results_show_them(host_client, home):
    meeting = MeetingPageFactory(
        parent=network_on(home, "da"), title="Byrumsmødet", description=DESCRIPTION
    )
    assert meeting.search_summary() == PLAIN_DESCRIPTION
    body = host_client.get("da", "/search/?q=byrumsm%C3%B8det").content.decode()
    assert "Vi taler om nye byrum.<br><br>- Kaffe &amp; rundstykker<br>- Oplæg fra Aarhus" in body


def test_a_status_note_comes_before_the_description_in_the_calendar(host_client, home):
    meeting = MeetingPageFactory(
        parent=network_on(home, "da"),
        description=DESCRIPTION,
        status=MeetingStatus.CANCELLED,
        status_note="Aflyst på grund af sne.",
    )
    calendar = Calendar.from_ical(host_client.get("da", meeting.get_url() + "ical/").content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["DESCRIPTION"]) == f"Aflyst på grund af sne.\n\n{PLAIN_DESCRIPTION}"
