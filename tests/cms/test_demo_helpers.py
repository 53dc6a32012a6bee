"""The demo context's helpers (docs/plugins.md, "Demo content"): what a plugin's demo builder
uses to find what was built before, to create once and to translate into every locale."""

from __future__ import annotations

import pytest
from django.conf import settings
from tingsted_example.models import ExamplePage

from cms.public import DemoContentMissing, DemoContext
from plugins.people.interface import Organisation

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
NAME = {
    "da": "Demoforeningen",
    "sv": "Demoföreningen",
    "nb": "Demoforeningen i Norge",
    "en": "The Demo Association",
}
EXAMPLE = {
    "title": {"da": "Eksempel", "sv": "Exempel", "nb": "Eksempel", "en": "Example"},
    "summary": {
        "da": "En side fra demoen.",
        "sv": "En sida från demon.",
        "nb": "En side fra demoen.",
        "en": "A page from the demo.",
    },
}


@pytest.fixture
def context(sites) -> DemoContext:
    return DemoContext.from_settings(log=lambda message: None)


def danish_site(context: DemoContext):
    return next(site for site in context.sites if site.language == "da")


def organisation(context: DemoContext) -> Organisation:
    return context.add_snippet(Organisation(locale=context.locale("da"), name=NAME["da"]))


def example_page(context: DemoContext) -> ExamplePage:
    site = danish_site(context)
    return context.add_page(
        site.home, ExamplePage(slug="example", **context.localized(EXAMPLE, "da"))
    )


def test_find_names_what_is_missing_and_where_to_look(context):
    with pytest.raises(DemoContentMissing) as raised:
        context.find(Organisation, "sv", name="Nowhere Association")
    message = str(raised.value)
    assert "people.Organisation" in message
    assert "name='Nowhere Association'" in message
    assert "INSTALLED_APPS" in message
    # A LookupError, so a builder may catch it like any other failed lookup.
    assert isinstance(raised.value, LookupError)


def test_find_page_names_the_slug_and_parent_or_answers_none_when_asked(context):
    home = danish_site(context).home
    with pytest.raises(DemoContentMissing, match=f"'no-such-page' under '{home.title}'"):
        context.find_page(home, "no-such-page")
    assert context.find_page(home, "no-such-page", missing_ok=True) is None

    page = example_page(context)
    found = context.find_page(home, "example")
    assert found == page and type(found) is ExamplePage


def test_find_returns_the_row_in_the_language_asked_for(context):
    source = organisation(context)
    rows = context.translate_all(source, {"name": NAME}, ["sv"])
    # Found by its Danish name, in Swedish; untranslated (Norwegian): the source itself.
    assert context.find(Organisation, "sv", name=NAME["da"]) == rows["sv"]
    assert context.find(Organisation, "nb", name=NAME["da"]) == source
    assert context.find(Organisation, name=NAME["sv"]) == rows["sv"]


def test_translate_all_creates_the_snippet_in_every_other_locale_once(context):
    source = organisation(context)
    rows = context.translate_all(source, {"name": NAME})

    assert set(rows) == set(LANGUAGES)
    assert rows["da"] == source
    for language in LANGUAGES:
        stored = Organisation.objects.get(
            translation_key=source.translation_key, locale__language_code=language
        )
        assert stored == rows[language]
        assert stored.name == NAME[language]
    created = len(context.created)

    # Again: nothing new, the same rows.
    assert context.translate_all(source, {"name": NAME}) == rows
    assert len(context.created) == created
    assert Organisation.objects.filter(translation_key=source.translation_key).count() == len(
        LANGUAGES
    )


def test_translate_all_creates_the_page_in_every_other_locale_published(context):
    page = example_page(context)
    rows = context.translate_all(page, EXAMPLE)

    for language in LANGUAGES:
        translated = ExamplePage.objects.get(
            translation_key=page.translation_key, locale__language_code=language
        )
        assert translated.live
        assert translated.title == EXAMPLE["title"][language]
        assert translated.summary == EXAMPLE["summary"][language]
        assert translated.pk == rows[language].pk
    # The translations are wagtail-localize's: a translator can open and sync them.
    from wagtail_localize.models import Translation

    assert Translation.objects.filter(source__object_id=page.translation_key).count() == 3


def test_translate_all_takes_a_callable_for_values_that_are_not_text(context):
    page = example_page(context)
    rows = context.translate_all(
        page, lambda language: {"title": f"{language}: {EXAMPLE['title'][language]}"}, ["en"]
    )
    assert set(rows) == {"da", "en"}
    assert rows["en"].title == "en: Example"
    # A field left out keeps the source's value, as a synchronised field would.
    assert rows["en"].summary == EXAMPLE["summary"]["da"]


def test_add_snippet_and_add_page_create_once(context):
    first = organisation(context)
    page = example_page(context)
    created = len(context.created)

    assert organisation(context) == first
    assert example_page(context) == page
    assert len(context.created) == created
    assert Organisation.objects.filter(name=NAME["da"]).count() == 1


def test_copy_translation_copies_edits_and_publishes_once(context):
    page = example_page(context)

    def edit(copy: ExamplePage) -> None:
        copy.title = EXAMPLE["title"]["sv"]
        copy.summary = EXAMPLE["summary"]["sv"]

    copy = context.copy_translation(page, "sv", edit)
    stored = ExamplePage.objects.get(pk=copy.pk)
    assert stored.locale.language_code == "sv"
    assert stored.translation_key == page.translation_key
    assert (stored.title, stored.summary, stored.live) == (
        "Exempel",
        "En sida från demon.",
        True,
    )
    created = len(context.created)
    assert context.copy_translation(page, "sv", edit) == stored
    assert len(context.created) == created


def test_languages_and_text(context):
    site = danish_site(context)
    assert context.locale("nb").language_code == "nb"
    assert context.other_languages(site) == [code for code in LANGUAGES if code != "da"]
    assert context.shared_languages(site) == ["en"]
    english_site = next(s for s in context.sites if s.language == "en")
    assert context.shared_languages(english_site) == []
    assert context.localized(EXAMPLE, "sv") == {
        "title": "Exempel",
        "summary": "En sida från demon.",
    }
    # English is the fallback for a language the data has no text for.
    assert context.text({"en": "Only English"}, "fi") == "Only English"
