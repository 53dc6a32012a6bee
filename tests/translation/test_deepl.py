"""DeepL's refusals reach the translator as a sentence, and nothing is half translated.

DeepL is a stand-in HTTP server on a local port (``DEEPL_API_URL``), answering as DeepL's
API does: the translations, or 403 (a refused key), 456 (the quota used up), 429, 500. With
wagtail-localize's translator each refusal was an error page (a ``KeyError`` or a JSON
error, read from whatever DeepL answered), and so was DeepL not answering at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import pytest
from django.contrib.messages import get_messages
from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation, TranslationSource

from cms.i18n.machine import DeepLTranslator, MachineTranslationFailed
from tests.cms.processes import free_port
from tests.translation.conftest import HOST
from tests.translation.deepl import fake_deepl

pytestmark = pytest.mark.django_db


@pytest.fixture
def deepl(settings) -> Iterator[ThreadingHTTPServer]:
    with fake_deepl(settings) as server:
        yield server


def machine_strings(translation) -> set[str]:
    return set(
        StringTranslation.objects.filter(
            locale=translation.target_locale, context__object_id=translation.source.object_id
        ).values_list("data", flat=True)
    )


def test_the_setting_builds_our_deepl_translator_at_the_address_given(deepl):
    translator = get_machine_translator()
    assert isinstance(translator, DeepLTranslator)
    assert translator.get_api_endpoint().startswith("http://127.0.0.1:")


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        (403, "DeepL avvisade API-nyckeln"),
        (456, "DeepL-kvoten för den här perioden är förbrukad"),
        (429, "för många förfrågningar"),
        (500, "HTTP 500"),
        ("down", "DeepL svarade inte"),
        ("silent", "DeepL svarade inte"),
    ],
)
def test_a_refusal_sends_the_translator_back_to_the_editor_with_the_reason(
    deepl, untranslated, user_in, client, settings, answer, says
):
    _page, translation = untranslated
    options = settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["OPTIONS"]
    if answer == "down":
        options["API_URL"] = f"http://127.0.0.1:{free_port()}/v2/translate"
    else:
        deepl.answer = answer
    if answer == "silent":
        options["TIMEOUT"] = 1  # DEEPL_TIMEOUT
    client.force_login(user_in("translators-sv"))
    editor = f"/admin/pages/{translation.get_target_instance().pk}/edit/"
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/machine_translate/?next={editor}", **HOST
    )
    assert response.status_code == 302
    assert response["Location"] == editor
    [message] = [str(message) for message in get_messages(response.wsgi_request)]
    assert says in message  # in the Swedish translator's admin language
    assert machine_strings(translation) == set()


def test_deepls_translations_are_saved_as_machine_translations(
    deepl, untranslated, user_in, client
):
    _page, translation = untranslated
    client.force_login(user_in("translators-sv"))
    response = client.post(f"/admin/localize/translate/{translation.pk}/machine_translate/", **HOST)
    assert response.status_code == 302
    assert "SV: Budgettet for næste år." in machine_strings(translation)
    [(authorization, form)] = deepl.requests
    assert authorization == "DeepL-Auth-Key tingsted-test-key"
    assert form["target_lang"] == ["SV"] and form["source_lang"] == ["DA"]


def test_a_refusal_during_a_sync_changes_nothing_and_says_why(
    deepl, untranslated, user_in, client, django_capture_on_commit_callbacks
):
    page, translation = untranslated
    page.intro = "Budgettet for de næste to år."
    page.save_revision().publish()
    deepl.answer = 456
    client.force_login(user_in("reviewers"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/localize/update/{translation.source.pk}/",
            {"use_machine_translation": "on"},
            **HOST,
        )
    assert response.status_code == 200  # the form again, not an error page
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("quota" in message and "Nothing was synced" in message for message in messages)
    # The source was not updated from the page: the next sync starts from the same place.
    source = TranslationSource.objects.get(pk=translation.source.pk)
    assert json.loads(source.content_json)["intro"] == "Budgettet for næste år."
    assert machine_strings(translation) == set()
    target = Page.objects.get(pk=translation.get_target_instance().pk).specific
    assert "to år" not in target.intro


def test_the_translator_raises_for_an_answer_without_translations(deepl, untranslated):
    _page, translation = untranslated
    deepl.answer = 200  # an empty body, as a misbehaving proxy might send
    with pytest.raises(MachineTranslationFailed, match="HTTP 200"):
        get_machine_translator().translate(
            translation.source.locale,
            translation.target_locale,
            [string.string.as_value() for string in translation.source.stringsegment_set.all()],
        )
