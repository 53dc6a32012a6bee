"""The translation demo: roles, workflows, and translations left in every state.

The hook only schedules :func:`finish`, which runs once every plugin has built its pages
(``DemoContext.after``), wherever this app is in INSTALLED_APPS. Most translations the plugins make are complete; ``finish``
leaves some outdated, some in progress (one not live yet) and some missing, so the translation
status overview shows every state. Each change is made once: a second run changes nothing.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from cms.public import DemoContext, DemoSite, record_strings, save_target, translate
from plugins.translation.roles import setup_roles

#: Appended to a source's introduction after it was translated: its translations are
#: then "outdated" until an editor syncs them.
OUTDATED_NOTE = {
    "sv": "Nytt i år: alla möten sänds också på webben.",
    "da": "Nyt i år: alle møder sendes også på nettet.",
    "nb": "Nytt i år: alle møter sendes også på nettet.",
    "en": "New this year: every meeting is also streamed.",
}
#: A paragraph added to a source and synced, translated into one language only: the
#: other translations are "in progress".
NEW_PARAGRAPH = {
    "nb": "Referater fra alle møter publiseres innen to uker.",
    "da": "Referater fra alle møder offentliggøres inden for to uger.",
    "sv": "Protokoll från alla möten publiceras inom två veckor.",
    "en": "Minutes of every meeting are published within two weeks.",
}
#: A snippet (and, where a plugin page type allows it, a page) translated into one
#: language only: the other languages are "missing".
MISSING_DEMO = {
    "da": "Nordisk Oversætternetværk",
    "sv": "Nordiska översättarnätverket",
}

#: The title of the showcase page's translation that is left in progress.
DRAFT_TITLE = {
    "en": "Nordic translators' network",
    "da": "Nordisk Oversætternetværk",
    "sv": "Nordiska översättarnätverket",
    "nb": "Nordisk oversetternettverk",
}

#: Slug of the page that shows translation states, under the first home page type that
#: accepts it (plugins' demo tests leave it out of their own counts).
SHOWCASE_SLUG = "oversaettelser-demo"


def build(context: DemoContext) -> None:
    context.after(finish)


def finish(context: DemoContext) -> None:
    result = setup_roles(log=lambda message: None)
    if result.created:
        context.created.append(f"translation roles and workflows ({len(result.created)} items)")
    sites = {demo_site.language: demo_site for demo_site in context.sites}
    if len(sites) < 2:
        return
    languages = list(sites)
    outdated_site = sites.get("sv") or sites[languages[1]]
    progress_site = sites.get("nb") or sites[languages[-1]]
    missing_site = sites.get("da") or sites[languages[0]]
    _leave_outdated(context, outdated_site)
    _leave_in_progress(context, progress_site)
    _leave_missing(context, missing_site)


def _leave_outdated(context: DemoContext, demo_site: DemoSite) -> None:
    home = Page.objects.get(pk=demo_site.home.pk).specific
    note = DemoContext.text(OUTDATED_NOTE, demo_site.language)
    if note in home.intro:
        return
    home.intro = f"{home.intro} {note}".strip()
    home.save_revision().publish()
    context.created.append(f"source change not yet synced: {home.title} ({demo_site.language})")


def _leave_in_progress(context: DemoContext, demo_site: DemoSite) -> None:
    home = Page.objects.get(pk=demo_site.home.pk).specific
    paragraph = DemoContext.text(NEW_PARAGRAPH, demo_site.language)
    if paragraph in str(home.body):
        return
    # Keep the existing blocks (and their ids, so their translations are kept).
    home.body = [
        *home.body.raw_data,
        {"type": "text", "value": f"<p>{paragraph}</p>", "id": str(uuid.uuid4())},
    ]
    home.save_revision().publish()
    home = Page.objects.get(pk=home.pk).specific
    source, _changed = TranslationSource.update_or_create_from_instance(home)
    others = context.other_languages(demo_site)
    # One translator has already done the new paragraph; the others have it waiting.
    done = others[0]
    translate(
        home,
        done,
        body=[(block.block_type, _translated_block(block, done, home)) for block in home.body],
    )
    for translation in Translation.objects.filter(source=source).exclude(
        target_locale__language_code=done
    ):
        save_target(translation, publish=True)
    context.created.append(f"translations in progress: {home.title}")


def _translated_block(block, language: str, home) -> object:
    """The demo's own text of a home page block in ``language``."""
    from cms.public import HOME_WELCOME

    text = str(block.value)
    for texts in (HOME_WELCOME, NEW_PARAGRAPH):
        if any(value in text for value in texts.values()):
            return f"<p>{DemoContext.text(texts, language)}</p>"
    return block.value


def _leave_missing(context: DemoContext, demo_site: DemoSite) -> None:
    from cms.public import plugin_registry as registry
    from plugins.translation.fields import decisions_for
    from plugins.translation.permissions import translatable_snippet_models

    source_language = demo_site.language
    translated_into = next(
        (language for language in context.other_languages(demo_site) if language in MISSING_DEMO),
        context.other_languages(demo_site)[0],
    )
    locale = Locale.objects.get(language_code=source_language)
    name = DemoContext.text(MISSING_DEMO, source_language)
    translated_name = DemoContext.text(MISSING_DEMO, translated_into)

    snippet_models = [
        model
        for plugin in registry
        for model in plugin.snippet_models
        if model in translatable_snippet_models()
    ]
    for model in snippet_models:
        if "name" not in decisions_for(model).names("translated"):
            continue
        existing = model.objects.filter(locale=locale, name=name).first()
        if existing is None:
            candidate = model(name=name, locale=locale)
            try:
                candidate.full_clean()
            except ValidationError:
                continue
            candidate.save()
            existing = candidate
            context.created.append(f"{model._meta.verbose_name}: {name} ({source_language})")
        _translated, changed = translate(existing, translated_into, name=translated_name)
        if changed:
            context.created.append(f"{model._meta.verbose_name}: {translated_name}")
        break

    for model in registry.home_page_types():
        page = model(title=name, slug=SHOWCASE_SLUG, locale=locale)
        try:
            page.full_clean(exclude=["path", "depth"])
        except ValidationError:
            continue
        page = context.add_page(demo_site.home, page)
        context.translate(page, translated_into, title=translated_name)
        _leave_draft(context, page, demo_site, translated_into)
        break


def _leave_draft(context: DemoContext, page: Page, demo_site: DemoSite, done: str) -> None:
    """A translation started and only partly done, not live: "Translation in progress".

    As after "Translate this page" and a translator's first string: the title is
    translated, the rest waits, and visitors of that language do not see the page.
    """
    language = next((other for other in context.other_languages(demo_site) if other != done), None)
    if language is None or page.get_translations().filter(locale__language_code=language).exists():
        return
    locale = Locale.objects.get(language_code=language)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    record_strings(source, locale, {"title": DRAFT_TITLE[language]})
    save_target(translation, publish=False)
    context.created.append(f"translation in progress: {page.title} ({language})")
