"""Idempotent creation of locales, sites and home pages from settings.

Run by ``manage.py bootstrap_sites`` and by ``make demo``. It only ever adds what is
missing: an existing site, home page or translation is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from cms.i18n.localize import translate
from cms.models import HomePage


@dataclass
class BootstrapResult:
    created: list[str]

    @property
    def changed(self) -> bool:
        return bool(self.created)


def ensure_locales(languages: list[str]) -> list[str]:
    created = []
    for code in languages:
        _locale, was_created = Locale.objects.get_or_create(language_code=code)
        if was_created:
            created.append(f"locale {code}")
    return created


def _home_texts(site_name: str, language: str) -> dict[str, str]:
    with translation.override(language):
        return {
            "title": site_name,
            "intro": _("News, networks, meetings and minutes from %(site)s.") % {"site": site_name},
        }


@transaction.atomic
def bootstrap_sites(
    site_specs: list[dict] | None = None,
    languages: list[str] | None = None,
    port: int | None = None,
    log: Callable[[str], None] = lambda message: None,
) -> BootstrapResult:
    """Create what is missing of locales, sites, home pages and their translations."""
    site_specs = site_specs if site_specs is not None else settings.TINGSTED_SITES
    languages = languages or [code for code, _name in settings.LANGUAGES]
    port = port if port is not None else settings.TINGSTED_SITE_PORT
    unknown = {spec["language"] for spec in site_specs} - set(languages)
    if unknown:
        raise ValueError(
            f"Sites use languages that are not configured: {', '.join(sorted(unknown))}. "
            "Add them to TINGSTED_LANGUAGES."
        )
    created = ensure_locales(languages)
    tree_root = Page.get_first_root_node()

    for spec in site_specs:
        hostname, language = spec["hostname"], spec["language"]
        locale = Locale.objects.get(language_code=language)
        site = Site.objects.filter(hostname=hostname).first()
        if site is None and spec.get("default"):
            # A fresh Wagtail database has a default site on a placeholder page.
            site = Site.objects.filter(is_default_site=True).first()
        home = site.root_page.specific if site else None

        if not isinstance(home, HomePage):
            placeholder = home
            home = HomePage(
                slug=slugify(f"home-{hostname}"),
                locale=locale,
                **_home_texts(spec["name"], language),
            )
            tree_root.add_child(instance=home)
            home.save_revision().publish()
            created.append(f"home page of {hostname}")
            if site is None:
                site = Site(hostname=hostname)
                created.append(f"site {hostname}")
            site.root_page = home
            site.hostname, site.port, site.site_name = hostname, port, spec["name"]
            site.is_default_site = bool(spec.get("default"))
            site.save()
            if placeholder is not None and not placeholder.get_children().exists():
                placeholder.delete()

        for other in languages:
            if other == language:
                continue
            target = Locale.objects.get(language_code=other)
            if home.get_translation_or_none(target) is not None:
                continue
            # Through wagtail-localize, so the home page translations can be synced and
            # edited in its editor like every other translation.
            translate(home, target, **_home_texts(spec["name"], other))
            created.append(f"home page of {hostname} in {other}")

    for message in created:
        log(f"Created {message}.")
    return BootstrapResult(created=created)
