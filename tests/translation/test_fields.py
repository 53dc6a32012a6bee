"""Per-field decisions: declared once per model, documented, enforced by sync."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from wagtail_localize.models import OverridableSegment, TranslationSource

from cms.i18n.localize import translate
from plugins.people.models import Person, Venue
from plugins.translation import checks
from plugins.translation.fields import content_models, decisions_for, markdown_table
from plugins.translation.sync import sync_translations

DOCS = Path(__file__).resolve().parents[2] / "docs" / "translation.md"
BEGIN, END = "<!-- translation-fields:begin -->", "<!-- translation-fields:end -->"


def test_venue_address_and_position_are_locked_and_its_notes_translated():
    venue = decisions_for(Venue)
    assert {"latitude", "longitude", "country", "postal_code"} <= set(venue.names("locked"))
    assert {"name", "access_notes"} <= set(venue.names("translated"))


def test_docs_list_the_decisions_of_every_model():
    text = DOCS.read_text()
    documented = text.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    # The suite's example third-party plugin is not part of Tingsted's documentation.
    shipped = [model for model in content_models() if model._meta.app_label != "tingsted_example"]
    assert documented == markdown_table(shipped).strip(), (
        "docs/translation.md is out of date: paste `python manage.py translation_fields` "
        "between the translation-fields markers."
    )


def test_check_warns_about_a_model_without_a_declaration(monkeypatch):
    monkeypatch.delattr(Person, "override_translatable_fields")
    messages = checks.check_translatable_fields()
    assert [message.msg for message in messages] == [checks.W001.format(model="people.Person")]
    assert messages[0].id == "tingsted_translation.W001"


@pytest.mark.django_db
def test_synchronized_field_flows_to_translations_and_cannot_be_overridden(locales):
    venue = Venue.objects.create(
        name="Rådhuset",
        street_address="Torvet 1",
        postal_code="8000",
        city="Aarhus",
        country="DK",
        latitude=Decimal("56.150000"),
        longitude=Decimal("10.200000"),
        locale=locales["da"],
    )
    swedish, _changed = translate(venue, "sv", name="Rådhuset", city="Århus")
    source = TranslationSource.objects.get_for_instance(venue)
    assert not OverridableSegment.objects.filter(source=source).exists()

    venue.latitude = Decimal("56.157000")
    venue.save()
    sync_translations(venue)

    swedish.refresh_from_db()
    assert swedish.latitude == Decimal("56.157000")
    assert swedish.city == "Århus"
