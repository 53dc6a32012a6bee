"""Council and minutes pages write dates and times as the page's language does.

Literal strings per docs/translation.md: Danish "26. februar 2026 kl. 17.00–19.00" and
"1.1.2024", Swedish "26 februari 2026 kl. 17.00–19.00" and "2024-01-01".
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.factories.minutes import (
    COPENHAGEN,
    AgendaItemFactory,
    CouncilMemberFactory,
    CouncilPageFactory,
    publish,
    publish_meeting,
)

pytestmark = pytest.mark.django_db


def visible_text(body: str) -> str:
    text = re.sub(r"<script.*?</script>|<style.*?</style>|<br\s*/?>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text))


@pytest.mark.parametrize(
    ("language", "when", "day", "period"),
    [
        ("da", "26. februar 2026 kl. 17.00–19.00", "26. februar 2026", "1.1.2024–31.12.2027"),
        ("sv", "26 februari 2026 kl. 17.00–19.00", "26 februari 2026", "2024-01-01–2027-12-31"),
    ],
)
def test_minutes_and_council_pages_write_dates_as_the_language_does(
    home, host_client, language, when, day, period
):
    council = CouncilPageFactory(parent=home(language))
    council.members = [CouncilMemberFactory.build()]
    publish(council)
    meeting = publish_meeting(
        council,
        [AgendaItemFactory.build(number="1")],
        start=dt.datetime(2026, 2, 26, 17, 0, tzinfo=COPENHAGEN),
        end=dt.datetime(2026, 2, 26, 19, 0, tzinfo=COPENHAGEN),
    )

    body = host_client.get(language, meeting.get_url()).content.decode()
    assert when in visible_text(body)
    assert '<time datetime="2026-02-26T17:00:00+01:00">' in body

    text = visible_text(host_client.get(language, council.get_url()).content.decode())
    assert day in text
    assert period in text
