"""Every page type of the public site in a real browser: axe-core finds no WCAG 2.1 A/AA or
best-practice violation, and nothing overflows a 320 px wide screen (issue 17).

axe-core is injected from the copy the ``axe-playwright-python`` package ships (no
download). Each language in its own site's tree: one live page of each page type, its
search results and its 404 page (every template with that language's words, which are what
differ between languages: lengths, hyphenation, translated labels). Every other language
tree of every site: its home page, where the tree's own chrome (the language switcher, the
``lang`` attributes, the site's name in that language) is what differs; the sites share
their templates and styles, and a tree's other pages are the same page types in a language
already checked in full. And the interest form showing its errors.
"""

from __future__ import annotations

import json
from pathlib import Path

import axe_playwright_python
import pytest
from wagtail.models import Page, Site

from cms.visibility import public_pages
from tests.conftest import HOSTS

pytestmark = [pytest.mark.e2e, pytest.mark.database_neutral]

AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
NARROW = {"width": 320, "height": 720}


def _one_page_per_type(site_language: str, language: str) -> list[str]:
    """Paths of one live public page of each page type in one language tree of a site."""
    site = Site.objects.get(hostname=HOSTS[site_language])
    root = site.root_page.get_translation(
        site.root_page.locale.__class__.objects.get(language_code=language)
    )
    pages = public_pages(Page.objects.descendant_of(root, inclusive=True)).order_by("path")
    first: dict[int, Page] = {}
    for page in pages.select_related("content_type"):
        first.setdefault(page.content_type_id, page)
    return [page.specific.get_url(current_site=site) for page in first.values()]


def _visitor(journey):
    """An anonymous page whose context lets axe's script in past the site's CSP."""
    context = journey.browser.new_context(bypass_csp=True, viewport=NARROW)
    journey.contexts.append(context)  # closed, and screenshotted on failure, with the rest
    return context.new_page()


def _violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    # Only the violations are reported in full: a quarter of axe's time goes to describing
    # what passed.
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
        "resultTypes: ['violations']})",
        TAGS,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + json.dumps([node["target"] for node in violation["nodes"]][:3])
        for violation in result["violations"]
    ]


def _overflow(page) -> int:
    """How many CSS pixels the document is wider than the screen."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def _check(journey, site: str, paths: list[str]) -> list[str]:
    problems = []
    page = _visitor(journey)
    for path in paths:
        response = page.goto(journey.url(site, path))
        assert response is not None
        if response.status not in (200, 404):
            problems.append(f"{path}: HTTP {response.status}")
            continue
        problems += [f"{path}: {violation}" for violation in _violations(page)]
        if (wider := _overflow(page)) > 0:
            problems.append(f"{path}: {wider}px wider than a 320px screen")
    return problems


@pytest.mark.parametrize("language", list(HOSTS))
def test_every_page_type_passes_axe_and_fits_a_narrow_screen(journey, language):
    with journey.db():
        paths = _one_page_per_type(language, language)
    assert len(paths) >= 3, paths
    home = paths[0]  # the tree's root comes first (ordered by path)
    paths += [f"{home}search/?q=m%C3%B8de", f"{home}no-such-page/"]
    assert _check(journey, language, paths) == []


@pytest.mark.parametrize("site", list(HOSTS))
def test_every_other_language_tree_has_an_accessible_home_page(journey, site):
    trees = [language for language in HOSTS if language != site]
    with journey.db():
        homes = [_one_page_per_type(site, language)[0] for language in trees]
    assert len(homes) == len(HOSTS) - 1
    assert _check(journey, site, homes) == []


def test_the_interest_form_in_its_error_state_passes_axe(journey):
    from plugins.networks.models import NetworkPage

    with journey.db():
        network = NetworkPage.objects.live().filter(locale__language_code="da").first()
        path = network.get_url(current_site=Site.objects.get(hostname=HOSTS["da"]))
    page = _visitor(journey)
    page.goto(journey.url("da", path))
    page.locator("#interest button[type=submit]").click()
    page.wait_for_selector(".error-summary")
    assert _violations(page) == []
    assert _overflow(page) <= 0
