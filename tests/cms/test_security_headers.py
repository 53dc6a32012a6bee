"""Public pages carry a Content-Security-Policy and hold no inline script or style.

Every page type of the demo is rendered as an anonymous visitor sees it; the policy must
forbid inline code and the HTML must not need it (JSON-LD is data and stays allowed).
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, Site

pytestmark = pytest.mark.django_db

EXPECTED_TYPES = {
    "homepage",
    "networkpage",
    "meetingpage",
    "blogindexpage",
    "blogpostpage",
    "newsindexpage",
    "newspage",
    "councilpage",
    "minutespage",
}


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {part[0]: part[1:] for part in parts}


def _inline_code(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = [
        str(script)[:80]
        for script in soup.find_all("script")
        if not script.get("src") and script.get("type") != "application/ld+json"
    ]
    found += [str(style)[:80] for style in soup.find_all("style")]
    found += [f"<{tag.name} style=…>" for tag in soup.find_all(style=True)]
    found += [
        f"<{tag.name} {attribute}=…>"
        for tag in soup.find_all(True)
        for attribute in tag.attrs
        if attribute.startswith("on")
    ]
    return found


def _assert_strict_policy(response, url: str) -> None:
    header = response.get("Content-Security-Policy")
    assert header, f"{url} has no Content-Security-Policy"
    directives = _directives(header)
    for directive in ("script-src", "style-src"):
        assert directives.get(directive) == ["'self'"], (url, header)
    assert directives.get("object-src") == ["'none'"]


def _first(site: Site, model: str) -> str:
    page = Page.objects.live().descendant_of(site.root_page).filter(content_type__model=model)
    return page.first().get_url(current_site=site)


def test_every_public_page_type_has_a_policy_and_no_inline_code(client, demo):
    # On the shared demo build (tests/conftest.py): every page type on every site.
    site = Site.objects.get(hostname="dk.localhost")
    seen: dict[str, str] = {}
    for page in Page.objects.live().public().descendant_of(site.root_page, inclusive=True):
        model = page.content_type.model
        if model in seen:
            continue
        url = page.get_url(current_site=site)
        response = client.get(url, HTTP_HOST=site.hostname, follow=True)
        assert response.status_code == 200, (url, response.status_code)
        seen[model] = url
        _assert_strict_policy(response, url)
        assert _inline_code(response.content.decode()) == [], url
    assert set(seen) >= EXPECTED_TYPES, (sorted(EXPECTED_TYPES - set(seen)), seen)

    # Search results, with and without hits.
    for query in ("møde", "zzzz"):
        response = client.get("/search/", {"q": query}, HTTP_HOST=site.hostname)
        assert response.status_code == 200
        _assert_strict_policy(response, "/search/")
        assert _inline_code(response.content.decode()) == []

    # Structured data stays: a data block, which no policy stops and no browser executes.
    response = client.get(_first(site, "meetingpage"), HTTP_HOST=site.hostname, follow=True)
    scripts = BeautifulSoup(response.content, "html.parser").find_all("script")
    assert scripts and all(script["type"] == "application/ld+json" for script in scripts)

    # The interest form's trap field is hidden by the stylesheet, not a style attribute.
    response = client.get(_first(site, "networkpage"), HTTP_HOST=site.hostname, follow=True)
    trap = BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": "website"})
    assert trap is not None and "honeypot" in trap.find_parent("div")["class"]


def test_the_admin_keeps_no_policy(client):
    # Wagtail's admin needs inline scripts and styles; it is for signed-in editors.
    response = client.get("/admin/login/", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def test_the_policy_is_built_once_and_a_changed_setting_is_honoured(client, home, settings):
    from unittest import mock

    from csp.utils import build_policy

    with (
        mock.patch("cms.middleware.build_policy", wraps=build_policy) as ours,
        mock.patch("csp.middleware.build_policy", wraps=build_policy) as django_csp,
    ):
        first = client.get("/", HTTP_HOST="dk.localhost")
        second = client.get("/", HTTP_HOST="dk.localhost")
    # Built from the settings at most once (the policy and the empty report-only one),
    # not for every answer: a cached page's whole budget is under a millisecond.
    assert ours.call_count + django_csp.call_count <= 2
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]

    policy = {**settings.CONTENT_SECURITY_POLICY}
    policy["DIRECTIVES"] = {**policy["DIRECTIVES"], "img-src": ["'self'"]}
    settings.CONTENT_SECURITY_POLICY = policy
    changed = client.get("/", HTTP_HOST="dk.localhost")
    assert _directives(changed["Content-Security-Policy"])["img-src"] == ["'self'"]
