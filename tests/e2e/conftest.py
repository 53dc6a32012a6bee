"""Browser tests: Debian's Chromium, driven by Playwright, against a live server with the demo.

Every test here is marked ``e2e`` (``pytest -m e2e`` runs them alone) and asks for the
``journey`` fixture:

- the shared demo build (``tests/conftest.py``) with the demo's role users
  (``manage.py setup_roles --demo-users``: ``editor-dk``, ``translator-sv``, ``reviewer``, ...);
- a live server in this process that answers through the test's own database connection
  (``tests/e2e/server.py``), so the demo is built once per session and each journey's
  changes are rolled back after it; the sites' ports are set to the server's, so
  ``dk.localhost``, ``se.localhost`` and ``no.localhost`` (Chromium resolves ``*.localhost``
  to the loopback address) reach it and the admin's links point at it;
- ``journey.as_user("translator-sv", site="sv")``: a browser page logged in as that user at
  that site's host; ``journey.visitor()``: an anonymous one.

Chromium is launched from ``/usr/bin/chromium`` (``TINGSTED_CHROMIUM`` to use another
build), headless unless ``--headed``; Playwright downloads no browser. It runs from the first
browser test to the last one of a run (they are contiguous, at the end of the demo tests):
while it runs, Playwright keeps an asyncio loop registered on the main thread, so Django's
async-safety check is switched off (``DJANGO_ALLOW_ASYNC_UNSAFE``) and the thread's
database connection is kept for those tests only.

When a test fails, a screenshot of every page it had open is saved under the run's
temporary directory (``<basetemp>/test-results/``) and its path is printed with the failure.
"""

from __future__ import annotations

import contextlib
import os
import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from wagtail.models import Site

from tests.conftest import HOSTS
from tests.e2e.server import LiveServer

CHROMIUM = os.environ.get("TINGSTED_CHROMIUM", "/usr/bin/chromium")
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"

# The CI machine runs the suite on two cores, a page sometimes takes a few seconds.
expect.set_options(timeout=15_000)


class _Chromium:
    """Playwright and one Chromium for the browser tests of this test process."""

    def __init__(self) -> None:
        self.playwright = None
        self.browser: Browser | None = None
        self.server: LiveServer | None = None
        self._async_unsafe: str | None = None

    def ensure(self, launch_args: dict) -> Browser:
        if self.browser is None:
            if not Path(CHROMIUM).is_file():
                pytest.fail(
                    f"Chromium is not installed at {CHROMIUM}: install it with "
                    "'apt-get install -y chromium' (Debian) or set TINGSTED_CHROMIUM, "
                    "or leave the browser tests out with -m 'not e2e'.",
                    pytrace=False,
                )
            self._async_unsafe = os.environ.get(ASYNC_UNSAFE)
            os.environ[ASYNC_UNSAFE] = "true"
            shared = {conn.alias: conn for conn in connections.all(initialized_only=True)}
            self.playwright = sync_playwright().start()
            # With an asyncio loop registered on this thread, Django keeps connections per
            # asyncio context instead of per thread, and would open a second one: keep
            # this thread's, which holds the demo's transaction and the test's.
            for alias, conn in shared.items():
                connections[alias] = conn
            self.browser = self.playwright.chromium.launch(
                **{
                    "headless": True,
                    **launch_args,
                    "executable_path": CHROMIUM,
                    "args": ["--disable-dev-shm-usage"],
                }
            )
        if self.server is None:
            self.server = LiveServer()
        return self.browser

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None
        if self.playwright is None:
            return
        try:
            self.browser.close()
        finally:
            self.playwright.stop()
            self.playwright = self.browser = None
            if self._async_unsafe is None:
                os.environ.pop(ASYNC_UNSAFE, None)
            else:
                os.environ[ASYNC_UNSAFE] = self._async_unsafe


_chromium = _Chromium()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    # After the last browser test (before tests/conftest.py rolls the demo back).
    if nextitem is None or nextitem.get_closest_marker("e2e") is None:
        _chromium.stop()


class Journey:
    """What a browser test works with: the live server, pages per user, the database."""

    def __init__(self, browser: Browser, server: LiveServer, results: Path, name: str) -> None:
        self.browser = browser
        self.server = server
        self.results = results
        self.name = name
        self.contexts: list[BrowserContext] = []

    def url(self, site: str, path: str = "/") -> str:
        """``url("da", "/admin/")``: an address on a site, named by its language or host."""
        return self.server.url(HOSTS.get(site, site), path)

    def db(self):
        """``with journey.db():`` around ORM work while a page may still talk to the server."""
        return self.server.db()

    def user(self, username: str):
        with self.db():
            return get_user_model().objects.get(username=username)

    def _page(self) -> Page:
        context = self.browser.new_context()
        self.contexts.append(context)
        return context.new_page()

    def visitor(self) -> Page:
        """A browser page with no session: what the public sees."""
        return self._page()

    def as_user(self, username: str, site: str = "da", path: str | None = "/admin/") -> Page:
        """A browser page logged in as ``username`` at ``site``'s host, showing ``path``
        (``None``: nothing yet)."""
        page = self._page()
        with self.db():
            client = Client()
            client.force_login(get_user_model().objects.get(username=username))
            session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session_key, "url": self.url(site)}]
        )
        if path is not None:
            page.goto(self.url(site, path))
        return page

    def screenshots(self) -> list[Path]:
        saved = []
        self.results.mkdir(parents=True, exist_ok=True)
        for number, context in enumerate(self.contexts, start=1):
            for index, page in enumerate(context.pages, start=1):
                path = self.results / f"{self.name}-{number}-{index}.png"
                with contextlib.suppress(Exception):
                    page.screenshot(path=path, full_page=True)
                    saved.append(path)
        return saved

    def close(self) -> None:
        for context in self.contexts:
            with contextlib.suppress(Exception):
                context.close()
        self.contexts.clear()


_JOURNEY = pytest.StashKey[Journey]()


@pytest.fixture
def journey(request, demo, browser_type_launch_args, tmp_path_factory):
    """A live server on the demo with its role users, and browser pages for them."""
    browser = _chromium.ensure(browser_type_launch_args)
    server = _chromium.server
    # The admin's own links (the live page, the sites' addresses) point at this server.
    for site in Site.objects.all():
        site.port = server.port
        site.save()
    call_command("setup_roles", "--demo-users", stdout=StringIO())
    # A new content generation: the site and locale memo forgets the old ports.
    cache.clear()

    results = tmp_path_factory.getbasetemp() / "test-results"
    name = re.sub(r"[^\w.-]+", "-", request.node.name)[:120]
    journey = Journey(browser, server, results, name)
    request.node.stash[_JOURNEY] = journey
    server.attach(connections[DEFAULT_DB_ALIAS])
    try:
        yield journey
    finally:
        journey.close()
        server.detach()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    journey = item.stash.get(_JOURNEY, None)
    if report.when == "call" and report.failed and journey is not None:
        saved = journey.screenshots()
        lines = [f"Screenshot: {path}" for path in saved] or ["No page was open."]
        report.sections.append(("Browser screenshots", "\n".join(lines)))
