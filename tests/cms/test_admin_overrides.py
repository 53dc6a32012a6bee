"""The admin strings of the translation journeys are translated to da, sv and nb.

Issue 15, finding 11: Wagtail's Danish and Norwegian catalogues and wagtail-localize's
translate a fraction of what editors and translators see ("Submit to Editorial review",
"More actions", "Publish immediately / Use machine translation"). Tingsted's override
catalogues (cms/locale_overrides, cms/i18n/overrides.py) fill the gaps for the strings
listed in cms/locale_overrides/sources.txt.
"""

from __future__ import annotations

import polib
import pytest
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from cms.i18n import overrides
from cms.i18n.localize import save_target
from tests.cms.test_translations_complete import placeholder_mismatches, untranslated_or_fuzzy
from tests.factories.translation import child_page


@pytest.mark.parametrize("language", overrides.LANGUAGES)
def test_every_listed_admin_string_is_translated(language):
    missing = overrides.untranslated(language)
    assert not missing, f"{len(missing)} untranslated in {language}:\n  " + "\n  ".join(missing)


def test_the_list_covers_wagtail_localize_and_the_page_editor():
    entries = {(source.package, entry.msgid) for source, entry in overrides.journey_entries()}
    assert len({msgid for package, msgid in entries if package == "wagtail_localize"}) > 100
    for msgid in ["More actions", "Submit to %(workflow_name)s", "Publish immediately"]:
        assert msgid in {msgid for _package, msgid in entries}
    assert ("wagtail.admin", "The page could not be saved due to validation errors.") in entries


@pytest.mark.parametrize("language", overrides.LANGUAGES)
@pytest.mark.parametrize("domain", overrides.DOMAINS)
def test_our_entries_are_complete_and_keep_their_placeholders(language, domain):
    po = polib.pofile(str(overrides.override_path(language, domain)))
    assert len(po) > 0
    empty, fuzzy = untranslated_or_fuzzy(po)
    assert not empty and not fuzzy
    assert not placeholder_mismatches(po)


def test_the_swedish_translation_editor_keeps_its_spaces():
    """wagtail-localize's own Swedish has "Översätt med" + the translator's name, no space."""
    po = polib.pofile(str(overrides.override_path("sv", "djangojs")))
    assert po.find("Translate with ").msgstr == "Översätt med "


@pytest.fixture
def speaks(admin_user):
    def set_language(language):
        profile = UserProfile.get_for_user(admin_user)
        profile.preferred_language = language
        profile.save()

    return set_language


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("da", ["Flere handlinger", "Forhåndsvis i ny fane"]),
        ("sv", ["Fler åtgärder", "Förhandsgranska i ny flik"]),
        ("nb", ["Flere handlinger", "Forhåndsvis i ny fane"]),
    ],
)
def test_the_page_editor_speaks_the_users_language(home, admin_client, speaks, language, expected):
    speaks(language)
    page = child_page(home("da"), title="Mødeplan", intro="Alle møder.")
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    for text in expected:
        assert text in html, text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("da", ["Udgiv med det samme", "Brug maskinoversættelse"]),
        ("sv", ["Publicera omgående", "Använd maskinöversättning"]),
        ("nb", ["Publiser med en gang", "Bruk maskinoversettelse"]),
    ],
)
def test_wagtail_localizes_sync_form_speaks_the_users_language(
    home, admin_client, speaks, language, expected
):
    speaks(language)
    page = child_page(home("da"), title="Mødeplan", intro="Alle møder.")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=home("sv").locale)
    save_target(translation, publish=True)
    response = admin_client.get(f"/admin/localize/update/{source.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in expected:
        assert text in html, text


@pytest.mark.django_db
def test_wagtail_localizes_javascript_catalogue_includes_our_strings(admin_client, speaks):
    speaks("sv")
    response = admin_client.get("/admin/localize/jsi18n/")
    assert response.status_code == 200
    assert "\\u00d6vers\\u00e4tt med " in response.content.decode() or (
        "Översätt med " in response.content.decode()
    )
