"""Proper names are not offered for translation (issue 15, finding 9).

A speaker typed into a meeting's programme came back from machine translation as
"[MT sv] Jens Kofoed", while a speaker chosen from the people register kept their name.
Names typed in blocks (speakers, quoted people, their organisations) are now
``ProperNameBlock``s (cms/i18n/names.py): no segment, so the translation keeps the source's
name; the role is still translated.
"""

from __future__ import annotations

import pytest
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

from cms.i18n.localize import save_target, translate
from cms.models import HomePage
from tests.factories.auth import UserFactory
from tests.factories.meetings import EventIndexPageFactory, MeetingPageFactory, session

pytestmark = pytest.mark.django_db

SPEAKER = ("Jens Kofoed", "Borgmester", "Kofoed & Co. ApS")


@pytest.fixture
def meeting(home):
    index = EventIndexPageFactory(parent=home("da"))
    translate(index, "sv")
    page = MeetingPageFactory(
        parent=index,
        title="Borgermøde",
        programme=[session("09:30", "10:15", headline="Velkomst", inline=[SPEAKER])],
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def segment_texts(instance) -> set[str]:
    return {
        segment.string.data
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    }


def test_a_typed_in_speakers_name_and_organisation_are_not_segments(meeting):
    texts = segment_texts(meeting)
    assert "Velkomst" in texts and "Borgmester" in texts  # headline and role are translated
    assert "Jens Kofoed" not in texts
    assert "Kofoed & Co. ApS" not in texts
    source, _created = TranslationSource.get_or_create_from_instance(meeting)
    stored = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert "Jens Kofoed" not in stored and "Borgmester" in stored


def test_a_quoted_persons_name_is_not_a_segment(home):
    quote = {"text": "Vi lytter.", "name": "Sigrid Holm", "role": "Formand", "organisation": "KL"}
    page = HomePage(title="Citat", slug="citat", body=[("quote", quote)])
    home("da").add_child(instance=page)
    texts = segment_texts(page)
    assert {"Vi lytter.", "Formand"} <= texts
    assert not texts & {"Sigrid Holm", "KL"}


def test_machine_translation_keeps_the_speakers_name(meeting, client):
    source, _created = TranslationSource.get_or_create_from_instance(meeting)
    translation = Translation.objects.create(source=source, target_locale=_locale("sv"))
    save_target(translation, publish=False)  # what "Translate this page" starts with
    client.force_login(UserFactory(is_superuser=True))
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/machine_translate/", HTTP_HOST="localhost"
    )
    assert response.status_code == 302
    save_target(translation, publish=True)

    swedish = meeting.get_translation(_locale("sv")).specific
    speaker = swedish.programme[0].value["speakers"][0]
    assert speaker["name"] == "Jens Kofoed"
    assert speaker["organisation"] == "Kofoed & Co. ApS"
    assert speaker["role"] == "[MT sv] Borgmester"  # translated text is still translated
    assert swedish.programme[0].value["headline"] == "[MT sv] Velkomst"


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)
