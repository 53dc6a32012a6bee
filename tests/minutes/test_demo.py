"""The demo builds councils with a year of meetings, and a second run changes nothing."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from cms.demo import DemoContext, DemoSite
from plugins.minutes import demo
from plugins.minutes.access import CLOSED_COLLECTION_NAME
from plugins.minutes.models import AgendaItem, CouncilPage, DocumentStatus, MinutesPage, Outcome
from plugins.people import demo as people_demo

pytestmark = pytest.mark.django_db


def context_for(hostname: str) -> DemoContext:
    site = Site.objects.get(hostname=hostname)
    language = site.root_page.locale.language_code
    return DemoContext(
        sites=[DemoSite(site=site, language=language, home=site.root_page.specific)],
        languages=[code for code, _name in settings.LANGUAGES],
        log=lambda message: None,
    )


def test_demo_builds_councils_and_minutes_once():
    context = context_for("dk.localhost")
    people_demo.build(context)
    demo.build(context)

    councils = CouncilPage.objects.live().filter(locale__language_code="da")
    assert sorted(councils.values_list("title", flat=True)) == ["Integrationsrådet", "Ældrerådet"]
    english = CouncilPage.objects.live().filter(locale__language_code="en")
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

    again = context_for("dk.localhost")
    people_demo.build(again)
    demo.build(again)
    assert again.created == []
