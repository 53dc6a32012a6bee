"""Machine translation (offline, DeepL selection) and the PO file round trip."""

from __future__ import annotations

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.translation.conf import DEEPL_CLASS, OFFLINE_CLASS, machine_translator_setting
from cms.translation.localize import save_target, translate
from cms.translation.machine import OfflineTranslator
from tests.factories.translation import child_page

pytestmark = pytest.mark.django_db


def test_setting_picks_deepl_with_a_key_and_the_offline_translator_without():
    assert machine_translator_setting("abc:fx") == {
        "CLASS": DEEPL_CLASS,
        "OPTIONS": {"AUTH_KEY": "abc:fx"},
    }
    assert machine_translator_setting("")["CLASS"] == OFFLINE_CLASS
    assert machine_translator_setting("", offline=False) is None


def test_wagtail_localize_builds_deepl_from_the_setting_without_calling_it(settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting("secret-key")
    translator = get_machine_translator()
    assert isinstance(translator, DeepLTranslator)
    assert translator.get_headers() == {"Authorization": "DeepL-Auth-Key secret-key"}


def test_tests_and_demo_use_the_offline_translator():
    assert isinstance(get_machine_translator(), OfflineTranslator)


@pytest.fixture
def untranslated(home):
    """A Danish page whose Swedish translation is started but has no strings yet."""
    page = child_page(home("da"), title="Budget", intro="Budgettet for næste år.")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=home("sv").locale)
    save_target(translation, publish=True)
    return page, translation


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


def test_translate_helper_is_idempotent(home):
    page = child_page(home("da"), title="Kalender", intro="Alle møder.")
    first, changed = translate(page, "nb", title="Kalender", intro="Alle møter.")
    again, changed_again = translate(page, "nb", title="Kalender", intro="Alle møter.")
    assert changed and not changed_again
    assert first.pk == again.pk
