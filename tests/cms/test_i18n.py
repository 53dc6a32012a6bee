"""The core's i18n primitives (cms/i18n/): machine translators and creating translations.

They work without the translation workflow plugin (tests/translation/test_without_plugin.py).
"""

from __future__ import annotations

import pytest
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.deepl import DeepLTranslator

from cms.i18n.conf import DEEPL_CLASS, OFFLINE_CLASS, machine_translator_setting
from cms.i18n.localize import translate
from cms.i18n.machine import OfflineTranslator
from tests.factories.translation import child_page


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


@pytest.mark.django_db
def test_translate_helper_is_idempotent(home):
    page = child_page(home("da"), title="Kalender", intro="Alle møder.")
    first, changed = translate(page, "nb", title="Kalender", intro="Alle møter.")
    again, changed_again = translate(page, "nb", title="Kalender", intro="Alle møter.")
    assert changed and not changed_again
    assert first.pk == again.pk
