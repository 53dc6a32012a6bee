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


NOT_FROM_A_TRANSLATION = "This PO file was not downloaded from a translation."


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        # polib reads any text as a catalogue; wagtail-localize then looked up its header.
        (b"", NOT_FROM_A_TRANSLATION),
        # What polib cannot read, wagtail-localize refuses itself.
        (b"not a catalogue at all", "Please upload a valid PO file."),
        (b'msgid "Budget"\nmsgstr "Budget"\n', NOT_FROM_A_TRANSLATION),
        (None, "Choose a PO file to upload."),
    ],
)
def test_a_po_file_not_from_a_translation_goes_back_to_the_editor_with_the_reason(
    untranslated, admin_client, upload, message
):
    _page, translation = untranslated
    client = admin_client
    strings = StringTranslation.objects.count()
    editor = f"/admin/pages/{translation.get_target_instance().pk}/edit/"
    data = {} if upload is None else {"file": SimpleUploadedFile("sv.po", upload)}

    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/?next={editor}",
        data,
        HTTP_HOST="localhost",
    )

    assert response.status_code == 302 and response["Location"] == editor
    shown = [str(m) for m in response.wsgi_request._messages]
    assert any(text.startswith(message) for text in shown), shown
    assert StringTranslation.objects.count() == strings


def test_submitting_a_snippet_by_a_key_that_is_no_key_is_not_found(admin_client):
    # The address takes any text as the key, and the ORM raised on "x": a 500.
    response = admin_client.post(
        "/admin/localize/submit/snippet/people/person/x/", {"locales": ["1"]}, HTTP_HOST="localhost"
    )
    assert response.status_code == 404
