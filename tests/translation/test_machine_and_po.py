"""In a translator's editor: offline machine translation and the PO file round trip.

Choosing the machine translator and creating translations are the core's
(tests/cms/test_i18n.py); these tests add the translator roles of the workflow plugin.
"""

from __future__ import annotations

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from cms.i18n.localize import save_target

pytestmark = pytest.mark.django_db


def test_offline_machine_translation_is_clearly_marked(untranslated, user_in, client):
    _page, translation = untranslated
    translator = user_in("translators-sv")
    client.force_login(translator)
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/machine_translate/", HTTP_HOST="localhost"
    )
    assert response.status_code == 302
    strings = StringTranslation.objects.filter(
        locale=translation.target_locale, context__object_id=translation.source.object_id
    )
    assert set(strings.values_list("data", flat=True)) >= {"[MT sv] Budgettet for næste år."}
    assert {string.translation_type for string in strings} == {"machine"}


def test_po_round_trip(untranslated, user_in, client):
    page, translation = untranslated
    translator = user_in("translators-sv")
    client.force_login(translator)
    response = client.get(
        f"/admin/localize/translate/{translation.pk}/pofile/download/", HTTP_HOST="localhost"
    )
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    assert {entry.msgid for entry in po} >= {"Budget", "Budgettet for næste år."}
    swedish = {"Budget": "Budget", "Budgettet for næste år.": "Budgeten för nästa år."}
    for entry in po:
        entry.msgstr = swedish.get(entry.msgid, entry.msgid)

    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": SimpleUploadedFile("sv.po", str(po).encode(), "text/x-gettext-translation")},
        HTTP_HOST="localhost",
    )
    assert response.status_code == 302
    save_target(translation, publish=True)
    target = Page.objects.get(translation_key=page.translation_key, locale__language_code="sv")
    assert target.specific.intro == "Budgeten för nästa år."


def test_po_upload_for_another_locale_is_refused(untranslated, user_in, client, home):
    _page, translation = untranslated
    norwegian = Translation.objects.create(
        source=translation.source, target_locale=home("nb").locale
    )
    save_target(norwegian, publish=True)
    client.force_login(user_in("translators-sv"))
    response = client.get(
        f"/admin/localize/translate/{norwegian.pk}/pofile/download/", HTTP_HOST="localhost"
    )
    assert response.status_code in (302, 403)
