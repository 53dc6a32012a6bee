"""What a plugin's demo builder gets: the sites, their languages, and idempotent helpers.

Every helper finds before it creates, so running ``make demo`` again changes nothing and
is fast. Demo text is the project's own fictional content, written per language as a
``{"da": ..., "sv": ..., "nb": ..., "en": ...}`` mapping and picked with :meth:`DemoContext.text`.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

P = TypeVar("P", bound=Page)

#: The language demo text falls back to when a configured language has no text of its own.
FALLBACK_LANGUAGE = "en"


@dataclass
class DemoSite:
    """One site of the demo: its Wagtail Site, own language and home page."""

    site: Site
    language: str
    home: Page

    def home_in(self, language: str) -> Page:
        """The home page's translation in ``language`` (bootstrap creates them all)."""
        if language == self.language:
            return self.home
        return self.home.get_translation(Locale.objects.get(language_code=language))


@dataclass
class DemoContext:
    """Passed to every plugin's ``demo_content`` hook."""

    sites: list[DemoSite]
    languages: list[str]
    log: Callable[[str], None] = print
    created: list[str] = field(default_factory=list)
    finishing_steps: list[Callable[[DemoContext], None]] = field(default_factory=list)

    @classmethod
    def from_settings(cls, log: Callable[[str], None] = print) -> DemoContext:
        """The context for the sites in ``settings.TINGSTED_SITES`` (bootstrap them first)."""
        from django.conf import settings

        sites = []
        for spec in settings.TINGSTED_SITES:
            site = Site.objects.select_related("root_page").get(hostname=spec["hostname"])
            sites.append(
                DemoSite(site=site, language=spec["language"], home=site.root_page.specific)
            )
        return cls(sites=sites, languages=[code for code, _name in settings.LANGUAGES], log=log)

    # --- text -----------------------------------------------------------------------------

    @staticmethod
    def text(values: Mapping[str, str], language: str) -> str:
        return values.get(language) or values[FALLBACK_LANGUAGE]

    def other_languages(self, site: DemoSite) -> list[str]:
        return [language for language in self.languages if language != site.language]

    # --- pages ----------------------------------------------------------------------------

    def add_page(self, parent: Page, page: P) -> P:
        """Add ``page`` under ``parent`` and publish it, unless a page with its slug is there.

        Returns the existing page (specific, unchanged) when it is already there.
        """
        existing = parent.get_children().filter(slug=page.slug).first()
        if existing is not None:
            return existing.specific
        with transaction.atomic():
            parent.add_child(instance=page)
            page.save_revision().publish()
        self.created.append(f"{page._meta.verbose_name}: {page.title} ({page.locale_id})")
        return page

    def translate(self, page: P, language: str, **fields) -> P:
        """The translation of ``page`` in ``language``, created and published if missing.

        ``fields`` are the translated values (title, slug, text, stream data). Fields left
        out keep the source's value, as a synchronised field would. The text is recorded as
        wagtail-localize's translated strings and wagtail-localize builds the page, so the
        translation can be synced, edited in its editor and shows in the status overview
        (see cms/i18n/localize.py). Calling it again changes nothing.
        """
        from cms.i18n.localize import translate

        translated, changed = translate(page, language, **fields)
        if changed:
            self.created.append(f"{translated._meta.verbose_name}: {translated.title} ({language})")
        return translated

    def after(self, step: Callable[[DemoContext], None]) -> None:
        """Run ``step`` once every plugin's demo content is built (for cross-plugin steps)."""
        self.finishing_steps.append(step)

    # --- media ----------------------------------------------------------------------------

    def image(
        self,
        title: str,
        *,
        alt: str,
        credit: str = "",
        caption: str = "",
        size: tuple[int, int] = (1200, 675),
    ):
        """A generated illustration (no downloads: the machine may be offline)."""
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing is not None:
            return existing
        image = Image(
            title=title,
            description=alt,
            credit=credit,
            caption=caption,
            collection=Collection.get_first_root_node(),
        )
        image.file.save(f"{_slug(title)}.png", ImageFile(_illustration(title, size)), save=False)
        image.save()
        return image

    def document(self, title: str, text: str, *, collection: Collection | None = None):
        """A small text document with ``text`` as its content."""
        Document = get_document_model()
        existing = Document.objects.filter(title=title).first()
        if existing is not None:
            return existing
        document = Document(title=title, collection=collection or Collection.get_first_root_node())
        document.file.save(f"{_slug(title)}.txt", ContentFile(text.encode()), save=False)
        document.save()
        return document


def _slug(text: str) -> str:
    from django.utils.text import slugify

    return slugify(text, allow_unicode=False) or "file"


def _illustration(title: str, size: tuple[int, int]) -> io.BytesIO:
    """A calm two-tone picture whose colours derive from the title, so each differs."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    seed = zlib.crc32(title.encode())
    hue = seed % 360
    base = _hsv(hue, 0.35, 0.85)
    accent = _hsv((hue + 40) % 360, 0.55, 0.55)
    picture = PILImage.new("RGB", size, base)
    draw = ImageDraw.Draw(picture)
    width, height = size
    draw.ellipse(
        (width * 0.55, height * 0.15, width * 1.05, height * 1.1), fill=accent, outline=None
    )
    draw.rectangle((0, height * 0.78, width, height), fill=_hsv(hue, 0.2, 0.3))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    buffer.seek(0)
    buffer.name = "illustration.png"
    return buffer


def _hsv(hue: float, saturation: float, value: float) -> tuple[int, int, int]:
    import colorsys

    red, green, blue = colorsys.hsv_to_rgb(hue / 360, saturation, value)
    return int(red * 255), int(green * 255), int(blue * 255)


HOME_WELCOME = {
    "da": "Velkommen. Her finder du netværk, møder, nyheder og referater.",
    "sv": "Välkommen. Här hittar du nätverk, möten, nyheter och protokoll.",
    "nb": "Velkommen. Her finner du nettverk, møter, nyheter og referater.",
    "en": "Welcome. Here you will find networks, meetings, news and minutes.",
}


def build_home_pages(context: DemoContext) -> None:
    """The core plugin's demo content: a welcome text on every home page translation.

    The text goes on each site's source home page; the translations get it through
    wagtail-localize (:meth:`DemoContext.translate`), as a translator would add it.
    """
    for demo_site in context.sites:
        home = demo_site.home.specific
        if not home.body:
            home.body = [("text", f"<p>{DemoContext.text(HOME_WELCOME, demo_site.language)}</p>")]
            home.save_revision().publish()
            context.created.append(f"welcome text on {home.title} ({demo_site.language})")
            # The translations were made before the body existed: re-extract the source
            # (an editor's "sync") so the welcome text can be translated below.
            from wagtail_localize.models import TranslationSource

            TranslationSource.update_or_create_from_instance(type(home).objects.get(pk=home.pk))
        for language in context.other_languages(demo_site):
            context.translate(
                home,
                language,
                body=[("text", f"<p>{DemoContext.text(HOME_WELCOME, language)}</p>")],
            )
