"""The demo builds councils with a year of meetings, and a second run changes nothing."""

from __future__ import annotations

import pytest
from django.utils import timezone

from plugins.minutes.access import CLOSED_COLLECTION_NAME
from plugins.minutes.models import AgendaItem, CouncilPage, DocumentStatus, MinutesPage, Outcome

pytestmark = pytest.mark.django_db


def test_demo_builds_councils_and_minutes_once(demo, sites):
    danish_site = sites["da"].root_page
    councils = CouncilPage.objects.live().descendant_of(danish_site)
    assert sorted(councils.values_list("title", flat=True)) == ["Integrationsrådet", "Ældrerådet"]
    assert {council.locale.language_code for council in councils} == {"da"}
    # Every site has its councils; the Danish site's have English versions.
    english = CouncilPage.objects.live().filter(
        locale__language_code="en", translation_key__in=[c.translation_key for c in councils]
    )
    assert english.count() == 2
    for council in councils:
        meetings = list(MinutesPage.objects.child_of(council).live())
        assert len(meetings) == 6
        for meeting in meetings:
            if meeting.start < timezone.now():
                assert meeting.document_status == DocumentStatus.MINUTES_APPROVED
            else:
                assert meeting.document_status == DocumentStatus.AGENDA
        items = AgendaItem.objects.filter(page__in=meetings)
        assert set(items.values_list("decision_outcome", flat=True)) - {""} == set(Outcome.values)
        closed_with_attachment = items.filter(is_closed=True, attachments__isnull=False)
        assert closed_with_attachment.exists()
        document = closed_with_attachment.first().attachments.first().document
        assert document.collection.name == CLOSED_COLLECTION_NAME
        translated = MinutesPage.objects.filter(
            translation_key__in=[m.translation_key for m in meetings], locale__language_code="en"
        )
        assert translated.count() == 6

    # The second `build_demo` ran every plugin's builder (minutes' too) and created nothing.
    assert "nothing changed" in demo.second_output
