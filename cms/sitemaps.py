"""The sitemap: every live, public page of the site in every language, with its alternates.

Wagtail's sitemap lists the descendants of the site's root page, which is the tree of the
site's own language only: the translated trees beside it (``/sv/…``) were left out. Here
each live public page of every language tree of the site is listed once, and each entry
names all its live public translations as ``xhtml:link`` alternates, plus ``x-default``
(the version in the site's own language), as Google asks for multilingual sites.
Who may see what is cms.visibility's answer for an anonymous visitor.
"""

from __future__ import annotations

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms.visibility import public_pages


class TranslatedSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key, alias_of__isnull=True)
        pages = Page.objects.none()
        for home in homes:
            pages = pages | Page.objects.descendant_of(home, inclusive=True)
        return (
            public_pages(pages.filter(alias_of__isnull=True))
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        default_language = self.get_wagtail_site().root_page.locale.language_code
        entries = []  # (page, its sitemap entries)
        versions: dict = defaultdict(dict)  # translation key -> language -> location
        for item in self.paginator.page(page).object_list.iterator():
            urls = item.get_sitemap_urls(self.request)
            entries.append((item, urls))
            if urls:
                versions[item.translation_key][item.locale.language_code] = urls[0]["location"]
        result, last_mods = [], set()
        for item, urls in entries:
            known = versions[item.translation_key]
            for number, url in enumerate(urls):
                if number == 0 and len(known) > 1:
                    # Translations of one page sit on the same sitemap page: a sitemap
                    # page holds 50,000 entries, more than a site's pages in every language.
                    url["alternates"] = [
                        {"lang_code": language, "location": location}
                        for language, location in sorted(known.items())
                    ]
                    if default_language in known:
                        url["alternates"].append(
                            {"lang_code": "x-default", "location": known[default_language]}
                        )
                result.append(url)
                last_mods.add(url.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return result
