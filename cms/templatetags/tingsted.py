"""Template tags shared by every Tingsted template."""

from __future__ import annotations

import copy

from django import template
from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.utils import make_template_fragment_key
from django.template.defaultfilters import filesizeformat
from django.templatetags.cache import CacheNode
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from cms.loading import RENDITION_SPECS, fetch_renditions
from cms.memo import PAGES, host_key
from cms.renditions import incomplete_count, renditions_of
from cms.sites import active_locale, site_language
from cms.visibility import is_shareable

register = template.Library()


@register.simple_tag(takes_context=True)
def generation_fragment(context) -> dict | None:
    """What a ``{% generation_cache %}`` fragment kept per content generation is keyed by, or None
    where the fragment must be rendered afresh.

    ``key`` holds the content generation (bumped by every publish, so a publish is the
    fragment's invalidation), the language, the time zone and the scheme and host (page
    URLs and the site depend on them); ``timeout`` is TINGSTED_API_CACHE_TIMEOUT. The
    template adds what else the fragment shows (the page, the items listed). None for a
    preview (draft content the generation does not follow) and for a request whose answer
    may not be shared (cms.visibility.is_shareable): only what an anonymous visitor sees
    goes into the shared cache.
    """
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False) or not is_shareable(request):
        return None
    from cms.generation import generation

    scheme, host = host_key(request)
    key = ":".join(
        (
            str(generation(request)),
            get_language() or "",
            timezone.get_current_timezone_name(),
            scheme,
            host,
        )
    )
    return {"key": key, "timeout": getattr(settings, "TINGSTED_API_CACHE_TIMEOUT", 600)}


class FragmentNode(CacheNode):
    """Django's ``{% cache %}``, except that a fragment which left out a missing file (an
    image whose original is gone, cms/renditions.py) is not kept: the next request renders
    it again, whole once the file is back."""

    def render(self, context) -> str:
        request = context.get("request")
        before = incomplete_count(request)
        output = super().render(context)
        if incomplete_count(request) != before:
            try:
                fragment_cache = caches["template_fragments"]
            except InvalidCacheBackendError:
                fragment_cache = caches["default"]
            vary_on = [var.resolve(context) for var in self.vary_on]
            fragment_cache.delete(make_template_fragment_key(self.fragment_name, vary_on))
        return output


@register.tag("generation_cache")
def generation_cache(parser, token) -> FragmentNode:
    """``{% generation_cache timeout name vary_on… %}…{% endgeneration_cache %}``: Django's
    ``{% cache %}`` (in the default fragment cache), kept as :class:`FragmentNode` keeps it.
    Its key comes from ``generation_fragment``."""
    nodelist = parser.parse(("endgeneration_cache",))
    parser.delete_first_token()
    tokens = token.split_contents()
    if len(tokens) < 3:
        raise template.TemplateSyntaxError(f"'{tokens[0]}' tag needs at least two arguments.")
    return FragmentNode(
        nodelist,
        parser.compile_filter(tokens[1]),
        tokens[2],
        [parser.compile_filter(part) for part in tokens[3:]],
        None,
    )


@register.simple_tag(takes_context=True)
def page_translations(context, page: Page | None = None) -> list[dict]:
    """Every live translation of the page, the page itself included, for switchers.

    Returns dicts with ``language``, ``name``, ``url`` and ``current``, in the order of
    settings.LANGUAGES. Languages without a live translation are left out.
    """
    page = page or context.get("page")
    request = context.get("request")
    if page is None or not isinstance(page, Page):
        return []
    if request is None or page.pk is None or getattr(request, "is_preview", False):
        return _page_translations(page, request)
    # The answer depends on the live tree only (and the host the URLs are built for).
    key = ("translations", page.pk, *host_key(request))
    return [
        dict(item) for item in PAGES.get(request, key, lambda: _page_translations(page, request))
    ]


def _page_translations(page: Page, request) -> list[dict]:
    names = dict(settings.LANGUAGES)
    translations = {
        translation.locale.language_code: translation
        for translation in page.get_translations(inclusive=True)
        .live()
        .public()
        .select_related("locale")
        .specific(defer=True)
    }
    result = []
    for code, _name in settings.LANGUAGES:
        translation = translations.get(code)
        if translation is None:
            continue
        url = translation.get_full_url(request=request)
        if url:
            result.append(
                {
                    "language": code,
                    "name": names[code],
                    "url": url,
                    "current": translation.pk == page.pk,
                }
            )
    return result


@register.simple_tag(takes_context=True)
def plugin_feeds(context) -> list:
    """The feeds every installed plugin offers for the current site and language."""
    from cms.plugins import registry

    request = context.get("request")
    if request is None:
        return []
    site = Site.find_for_request(request)
    if site is None:
        return []
    locale = active_locale(request)
    if locale is None:
        return []
    # Every page's head carries these, but they change only when content does: remembered
    # in this process, and kept in the shared cache, for the current content generation
    # (bumped on every publish, move, delete and translation), so each page view does not
    # query every plugin.
    from cms.generation import generation, generation_cache

    host = host_key(request)

    def compute() -> list:
        key = f"tingsted:feeds:{generation(request)}:{site.pk}:{locale.pk}:{host[0]}:{host[1]}"
        links = generation_cache().get(key)
        if links is None:
            links = [
                link
                for plugin in registry
                if plugin.feeds
                for link in plugin.feeds(request, site, locale)
            ]
            timeout = getattr(settings, "TINGSTED_API_CACHE_TIMEOUT", 600)
            generation_cache().set(key, links, timeout=timeout)
        return links

    return list(PAGES.get(request, ("feeds", site.pk, locale.pk, *host), compute))


@register.inclusion_tag("includes/figure.html")
def figure(image, caption: str = "", sizes: str = "(min-width: 60rem) 48rem, 100vw") -> dict:
    """An image as a <figure> with srcset, alt text, caption and credit."""
    if image is None:
        return {"image": None}
    fetch_renditions()
    specs = RENDITION_SPECS
    renditions = renditions_of(image, *specs)
    if renditions is None:  # its file is missing: the page goes on without it
        return {"image": None}
    ordered = [renditions[spec] for spec in specs]
    # The image's own texts are in its language; a caption given by the block is in the
    # page's. Texts in another language than the page's are marked (WCAG 3.1.2).
    foreign = image.language if image.language and image.language != get_language() else ""
    return {
        "image": image,
        "fallback": ordered[1],
        "srcset": ", ".join(f"{r.url} {r.width}w" for r in ordered),
        "sizes": sizes,
        "alt": image.alt,
        "alt_lang": foreign if image.alt else "",
        "caption": caption or image.caption,
        "caption_lang": "" if caption else foreign,
        "credit": image.credit,
        "credit_lang": foreign,
    }


@register.simple_tag
def document_link(document) -> str:
    """A download link that says the file type and size, as WCAG asks for."""
    extension = (document.file_extension or "").upper()
    try:
        size = filesizeformat(document.get_file_size() or 0)
    except OSError:
        size = ""
    details = ", ".join(part for part in (extension, size) if part)
    return format_html(
        '<a href="{}" download>{}</a> <span class="file-details">({})</span>',
        document.url,
        document.title,
        details or _("file"),
    )


@register.simple_tag(takes_context=True)
def cta_href(context, value) -> str:
    from blocks.links import CallToActionBlock

    return CallToActionBlock.href(value, context.get("request"))


@register.simple_tag(takes_context=True)
def hreflang_links(context, translations: list[dict]) -> str:
    """``hreflang`` alternates of the page, and ``x-default``: its version in the site's own
    language (cms/sitemaps.py names the same alternates)."""
    links = [(item["language"], item["url"]) for item in translations]
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None and len(links) > 1 else None
    default = site and dict(links).get(site_language(site.pk, request))
    if default:
        links.append(("x-default", default))
    return format_html_join("\n", '<link rel="alternate" hreflang="{}" href="{}">', links)


@register.simple_tag(takes_context=True)
def site_home(context) -> Page | None:
    """The current site's home page in the active language (memoised on the request)."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_tingsted_home"):
        site = Site.find_for_request(request)
        home = None
        if site is not None:
            home = PAGES.get(
                request,
                ("home", site.pk, get_language()),
                lambda: site.root_page.localized.specific,
            )
        # A copy per request: what Django caches on the instance stays with this request.
        request._tingsted_home = copy.copy(home) if home is not None else None
    return request._tingsted_home


@register.simple_tag(takes_context=True)
def menu_pages(context) -> list[Page]:
    """The home page's children shown in menus, in the active language."""
    home = site_home(context)
    if home is None:
        return []
    request = context.get("request")
    pages = PAGES.get(
        request,
        ("menu", home.pk),
        lambda: list(home.get_children().live().public().in_menu()),
    )
    return [copy.copy(page) for page in pages]
