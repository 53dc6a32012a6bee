"""What a plugin's demo builder gets: the sites, their languages, and idempotent helpers.

Every helper finds before it creates, so running ``make demo`` again changes nothing and
is fast. Demo text is the project's own fictional content, kept as data in each plugin's
``demo_content.py`` (this app's is ``cms/demo_content.py``), written per language as a
``{"da": ..., "sv": ..., "nb": ..., "en": ...}`` mapping and picked with
:meth:`DemoContext.text`; the plugin's ``demo.py`` builds pages and snippets from it with
the helpers here. docs/plugins.md ("Demo content") documents them.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site, TranslatableMixin

from cms.demo_content import HOME_WELCOME

P = TypeVar("P", bound=Page)
S = TypeVar("S", bound=TranslatableMixin)
T = TypeVar("T", bound=TranslatableMixin)
M = TypeVar("M")
V = TypeVar("V")

#: The language demo text falls back to when a configured language has no text of its own.
FALLBACK_LANGUAGE = "en"
#: The second language the demo translates every site's pages into (``shared_languages``).
SHARED_LANGUAGE = "en"


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


#: Ends the message of :class:`DemoContentMissing`.
MISSING_HINT = (
    ": check the demo data, and that the plugin that builds it is installed and comes "
    "earlier in INSTALLED_APPS."
)


class DemoContentMissing(LookupError):
    """A demo builder looked for content that is not there.

    Raised by :meth:`DemoContext.find` and :meth:`DemoContext.find_page`: the demo data
    names something that does not exist (a typo), or the plugin that builds it is not
    installed or runs later (``INSTALLED_APPS`` order; declare it in ``requires``).
    """


@dataclass
class DemoContext:
    """Passed to every plugin's ``demo_content`` hook: the sites and the helpers.

    A plugin keeps its demo text as data (``{"da": ..., "sv": ..., "nb": ..., "en": ...}``
    mappings in its ``demo_content.py``) and its builder turns the data into pages and
    snippets with these helpers. Every helper finds before it creates, so a builder that
    uses them is idempotent. docs/plugins.md ("Demo content") shows them in use.
    """

    sites: list[DemoSite]
    languages: list[str]
    log: Callable[[str], None] = print
    created: list[str] = field(default_factory=list)
    finishing_steps: list[Callable[[DemoContext], None]] = field(default_factory=list)
    _locales: dict[str, Locale] = field(default_factory=dict, repr=False)

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

    # --- languages and text ---------------------------------------------------------------

    @staticmethod
    def text(values: Mapping[str, V], language: str) -> V:
        """The value of ``values`` (``{language: value}``) in ``language``, else English."""
        return values.get(language) or values[FALLBACK_LANGUAGE]

    @classmethod
    def localized(cls, data: Mapping[str, Mapping[str, V]], language: str) -> dict[str, V]:
        """Every entry of ``data`` (``{field: {language: value}}``) in ``language``.

        ``context.localized({"title": {...}, "slug": {...}}, "sv")`` is
        ``{"title": <Swedish title>, "slug": <Swedish slug>}``: field values for a page or
        snippet, or for :meth:`translate`.
        """
        return {name: cls.text(values, language) for name, values in data.items()}

    def other_languages(self, site: DemoSite) -> list[str]:
        """Every configured language but the site's own."""
        return [language for language in self.languages if language != site.language]

    def shared_languages(self, site: DemoSite) -> list[str]:
        """The languages a site's content is also translated into where the demo does not
        translate everything: English, the demo's shared second language (none on a site
        whose own language is English, or where English is not configured)."""
        if site.language == SHARED_LANGUAGE or SHARED_LANGUAGE not in self.languages:
            return []
        return [SHARED_LANGUAGE]

    def locale(self, language: str) -> Locale:
        """The :class:`~wagtail.models.Locale` of a language code (bootstrap creates them)."""
        if language not in self._locales:
            self._locales[language] = Locale.objects.get(language_code=language)
        return self._locales[language]

    # --- finding what was built before ---------------------------------------------------

    def find(self, model: type[M], language: str | None = None, /, **lookup) -> M:
        """The row of ``model`` that ``lookup`` names, in ``language``.

        The row may be in any locale (``find(Organisation, "sv", name="Nordisk
        Kommuneforum")`` finds the Danish organisation's Swedish translation); with a
        ``language``, its translation there is returned, or the row itself where it has
        none. Raises :class:`DemoContentMissing` when no row matches.
        """
        row = model._default_manager.filter(**lookup).first()
        if row is None:
            where = ", ".join(f"{name}={value!r}" for name, value in lookup.items())
            raise DemoContentMissing(
                f"The demo has no {model._meta.label} with {where}{MISSING_HINT}"
            )
        return self.in_language(row, language) if language else row

    def in_language(self, obj: M, language: str) -> M:
        """``obj``'s translation in ``language``, or ``obj`` itself where it has none."""
        return obj.get_translation_or_none(self.locale(language)) or obj

    def find_page(self, parent: Page, slug: str, *, missing_ok: bool = False) -> Page | None:
        """The child of ``parent`` with ``slug`` (specific), built by this or an earlier run.

        Raises :class:`DemoContentMissing` when there is none, unless ``missing_ok``
        (then None: a builder asks this to skip work for a page that is already there).
        """
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        if missing_ok:
            return None
        raise DemoContentMissing(
            f"The demo has no page '{slug}' under '{parent.title}' ({parent.url_path})"
            f"{MISSING_HINT}"
        )

    # --- pages and snippets ---------------------------------------------------------------

    def add_page(self, parent: Page, page: P) -> P:
        """Add ``page`` under ``parent`` and publish it, unless a page with its slug is there.

        Returns the existing page (specific, unchanged) when it is already there.
        """
        existing = self.find_page(parent, page.slug, missing_ok=True)
        if existing is not None:
            return existing
        with transaction.atomic():
            parent.add_child(instance=page)
            page.save_revision().publish()
        self.created.append(f"{page._meta.verbose_name}: {page.title} ({page.locale_id})")
        return page

    def add_snippet(self, snippet: S, *, match: str | Sequence[str] = "name") -> S:
        """Save ``snippet`` (with its ``locale`` set), unless its locale has a row that
        matches it on ``match`` (a field name or several); then that row, unchanged."""
        fields = [match] if isinstance(match, str) else list(match)
        model = type(snippet)
        existing = model._default_manager.filter(
            locale=snippet.locale, **{name: getattr(snippet, name) for name in fields}
        ).first()
        if existing is not None:
            return existing
        snippet.save()
        self.created.append(f"{model._meta.verbose_name}: {snippet}")
        return snippet

    def translate(self, obj: T, language: str, **fields) -> T:
        """The translation of a page or snippet in ``language``, created (and published) if
        missing.

        ``fields`` are the translated values (title, slug, text, stream data). Fields left
        out keep the source's value, as a synchronised field would. The text is recorded as
        wagtail-localize's translated strings and wagtail-localize builds the translation,
        so it can be synced, edited in its editor and shows in the status overview
        (see cms/i18n/localize.py). Calling it again changes nothing.
        """
        from cms.i18n.localize import translate

        translated, changed = translate(obj, language, **fields)
        if changed:
            self.created.append(f"{translated._meta.verbose_name}: {translated} ({language})")
        return translated

    def translate_all(
        self,
        obj: T,
        fields: Mapping[str, Mapping[str, Any]] | Callable[[str], Mapping[str, Any]],
        languages: Iterable[str] | None = None,
    ) -> dict[str, T]:
        """:meth:`translate` ``obj`` into each of ``languages`` (default: every configured
        language but its own), and return ``{language: row}`` with ``obj`` in its own.

        ``fields`` is the demo data (``{field: {language: value}}``, picked with
        :meth:`localized`) or a callable ``language -> {field: value}``.
        """
        own = obj.locale.language_code
        if languages is None:
            languages = [language for language in self.languages if language != own]
        rows = {own: obj}
        for language in languages:
            values = fields(language) if callable(fields) else self.localized(fields, language)
            rows[language] = self.translate(obj, language, **values)
        return rows

    def copy_translation(self, page: P, language: str, edit: Callable[[P], None]) -> P:
        """The translation of ``page`` in ``language``, if missing made by Wagtail's
        ``copy_for_translation``: ``edit(copy)`` sets its translated values (child rows
        too), then it is saved and published.

        Unlike :meth:`translate`, wagtail-localize does not know such a copy (no source, no
        translated strings); the minutes demo makes its councils' English versions so.
        """
        locale = self.locale(language)
        existing = page.get_translation_or_none(locale)
        if existing is not None:
            return existing.specific
        with transaction.atomic():
            translated = page.copy_for_translation(locale).specific
            edit(translated)
            translated.save()
            translated.save_revision().publish()
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


def build_home_pages(context: DemoContext) -> None:
    """The core plugin's demo content: a welcome text on every home page translation.

    The text (cms/demo_content.py) goes on each site's source home page; the translations
    get it through wagtail-localize (:meth:`DemoContext.translate`), as a translator would
    add it.
    """

    def welcome(language: str) -> dict:
        return {"body": [("text", f"<p>{context.text(HOME_WELCOME, language)}</p>")]}

    for demo_site in context.sites:
        home = demo_site.home.specific
        if not home.body:
            home.body = welcome(demo_site.language)["body"]
            home.save_revision().publish()
            context.created.append(f"welcome text on {home.title} ({demo_site.language})")
            # The translations were made before the body existed: re-extract the source
            # (an editor's "sync") so the welcome text can be translated below.
            from wagtail_localize.models import TranslationSource

            TranslationSource.update_or_create_from_instance(type(home).objects.get(pk=home.pk))
        context.translate_all(home, welcome)
