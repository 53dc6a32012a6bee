"""Slugs: one transliteration rule per language, and never a machine-translation marker.

Django's ``slugify`` (what wagtail-localize applies to a translated page's slug) drops the
letters it cannot turn into ASCII, so "byudviklingsnetværket" became
"byudviklingsnetvrket", and a machine-translated slug kept the offline translator's
marker ("[MT sv] …" became "mt-sv-…"). :func:`slugify` writes Nordic letters the way
each language writes them without its own letters (docs/translation.md, "Slugs"):

=========== ===== ===== ===== ===== ===== ===== =====
language    æ     ø     å     ä     ö     ü     þ/ð
=========== ===== ===== ===== ===== ===== ===== =====
da, nb, nn  ae    oe    aa    ae    oe    ue    th/d
sv, fi      ae    o     a     a     o     u     th/d
is          ae    o     a     a     o     u     th/d
other (en)  ae    oe    aa    ae    oe    ue    th/d
=========== ===== ===== ===== ===== ===== ===== =====

Other accented Latin letters lose their accent (é → e, ß → ss). Letters of other scripts
are kept when ``WAGTAIL_ALLOW_UNICODE_SLUGS`` allows them (Django's ``slugify``).

The rule is applied wherever a slug is made or saved:

- a Tingsted page's slug, when the page is validated (``TingstedPage.full_clean``: the
  admin, the API, code) or its title fills an empty slug;
- the page editor's slug field, in the browser (:func:`admin_formatters` for Wagtail's
  ``w-slug`` controller) and when the form is saved;
- every slug field of a page or snippet that wagtail-localize translates: :func:`install`
  wraps wagtail-localize's ``ingest_segments``, which writes the translated text into the
  target before wagtail-localize slugifies it, so the target language's rule applies to
  the translator's (or the machine's) text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.text import slugify as django_slugify

from cms.i18n.machine import MARKER_PATTERN

#: Letters shared by every rule (no language writes them differently).
COMMON = {"ß": "ss", "þ": "th", "ð": "d", "œ": "oe", "ł": "l", "đ": "d", "ı": "i"}

#: Danish and Norwegian: the spellings used before and without æ, ø, å (aa for å as in
#: "Aalborg"); ä, ö, ü as the German letters they are in names (ae, oe, ue).
DANO_NORWEGIAN = {"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue"}
#: Swedish and Finnish: the letter without its marks (Göteborg → goteborg), as Swedish and
#: Finnish web addresses are written; æ and ø from Danish and Norwegian names as ae and o.
SWEDISH = {"å": "a", "ä": "a", "ö": "o", "æ": "ae", "ø": "o", "ü": "u"}

#: The rule per language code (the part before any "-"); any other language gets DEFAULT.
RULES: dict[str, dict[str, str]] = {
    "da": DANO_NORWEGIAN,
    "nb": DANO_NORWEGIAN,
    "nn": DANO_NORWEGIAN,
    "no": DANO_NORWEGIAN,
    "sv": SWEDISH,
    "fi": SWEDISH,
    "is": {"æ": "ae", "ö": "o", "ø": "o", "å": "a", "ä": "a", "ü": "u"},
}
DEFAULT = DANO_NORWEGIAN


def rule(language_code: str | None) -> dict[str, str]:
    """The letters ``language_code`` writes differently in a slug (plus the common ones)."""
    language = (language_code or "").lower().split("-")[0].split("_")[0]
    return {**COMMON, **RULES.get(language, DEFAULT)}


def strip_machine_markers(text: str) -> str:
    """``text`` without the offline machine translator's "[MT sv]" markers."""
    return re.sub(r"\s+", " ", re.sub(MARKER_PATTERN, " ", text)).strip()


def slugify(text: str | None, language_code: str | None) -> str:
    """The slug of ``text`` by the rule of ``language_code``: "Mødeplan", "da" → "moedeplan"."""
    if not text:
        return ""
    value = strip_machine_markers(str(text)).lower()
    letters = rule(language_code)
    value = "".join(letters.get(char, char) for char in value)
    # Other Latin letters lose their marks (é → e); other scripts are left to Django.
    value = "".join(_strip_marks(char) for char in value)
    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    return django_slugify(value, allow_unicode=allow_unicode)


def _strip_marks(char: str) -> str:
    if char.isascii() or not char.isalpha():
        return char
    base = unicodedata.normalize("NFKD", char)
    ascii_base = "".join(c for c in base if not unicodedata.combining(c))
    return ascii_base if ascii_base.isascii() and ascii_base else char


def normalise_slug_fields(instance: models.Model, language_code: str | None) -> None:
    """Apply :func:`slugify` to every slug field of ``instance`` that has a value."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.SlugField):
            value = getattr(instance, field.attname)
            if value:
                setattr(instance, field.attname, slugify(value, language_code) or value)


def admin_formatters(language_code: str | None) -> list[tuple[str, str, str]]:
    """Formatters for Wagtail's ``SlugInput`` so the editor's slug field follows the rule.

    Wagtail's ``w-slug`` controller applies these regex replacements before it makes the
    slug in the browser (from the title, or when the slug field is left), so the slug an
    editor sees is the one the server keeps. Letters of Latin-1 that only lose a mark are
    included; the server strips any other mark on save.
    """
    letters = rule(language_code)
    for code in range(0xE0, 0x100):
        char = chr(code)
        if char.isalpha() and char not in letters:
            plain = _strip_marks(char)
            if plain != char:
                letters[char] = plain
    return [(re.escape(char), plain, "gi") for char, plain in sorted(letters.items())]


_installed = False


def install() -> None:
    """Make wagtail-localize's translated slugs follow the target language's rule.

    wagtail-localize has no hook for the slug it gives a translation: its
    ``TranslationSource.create_or_update_translation`` writes the translated segments into
    the target (``ingest_segments``) and then runs Django's ``slugify`` on the slug, which
    drops æ, ø and å and keeps a machine-translation marker. The wrapper applies
    :func:`slugify` right after the segments are written, with the target locale's
    language, so Django's ``slugify`` then has nothing left to drop. Called once from
    ``CmsConfig.ready``.
    """
    global _installed
    if _installed:
        return
    from wagtail_localize import models as localize_models

    original = localize_models.ingest_segments

    def ingest_segments(original_obj, translated_obj, src_locale, tgt_locale, segments):
        original(original_obj, translated_obj, src_locale, tgt_locale, segments)
        normalise_slug_fields(translated_obj, tgt_locale.language_code)

    ingest_segments.__wrapped__ = original  # type: ignore[attr-defined]
    localize_models.ingest_segments = ingest_segments
    _installed = True


def page_language(page: Any) -> str | None:
    """The language of ``page`` (its locale, else the locale it will get from its parent)."""
    if getattr(page, "locale_id", None):
        return page.locale.language_code
    parent = getattr(page, "_cached_parent_obj", None)
    if parent is None and getattr(page, "path", None) and page.depth and page.depth > 1:
        parent = page.get_parent()
    if parent is not None and getattr(parent, "locale_id", None):
        return parent.locale.language_code
    return None
