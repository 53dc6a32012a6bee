"""Wherever breadcrumbs show, a BreadcrumbList names the same trail (issue 17: meeting,
council and minutes pages showed breadcrumbs without one)."""

from __future__ import annotations

import json
import re

import pytest

from tests.factories.meetings import MeetingPageFactory
from tests.factories.minutes import CouncilPageFactory, MinutesPageFactory
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory

pytestmark = pytest.mark.django_db


def _visible_trail(body: str) -> list[str]:
    nav = re.search(r'<nav class="breadcrumbs[^"]*"[^>]*>(.*?)</nav>', body, re.S)
    assert nav, "no breadcrumbs shown"
    return [
        re.sub(r"<[^>]+>", "", item).strip()
        for item in re.findall(r"<li>(.*?)</li>", nav.group(1), re.S)
    ]


def _breadcrumb_list(body: str) -> list[str]:
    for script in re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S):
        data = json.loads(script)
        if data.get("@type") == "BreadcrumbList":
            return [item["name"] for item in data["itemListElement"]]
    raise AssertionError("no BreadcrumbList")


@pytest.fixture
def pages(home):
    network = NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da"), title="Netværk"), title="Klimanetværket"
    )
    meeting = MeetingPageFactory(parent=network, title="Forårsmødet")
    council = CouncilPageFactory(parent=home("da"), title="Ældrerådet", slug="aeldreraadet")
    minutes = MinutesPageFactory(parent=council, title="Møde 3. marts")
    return {"meeting": meeting, "council": council, "minutes": minutes}


@pytest.mark.parametrize("kind", ["meeting", "council", "minutes"])
def test_the_breadcrumb_list_names_the_trail_the_page_shows(pages, host_client, kind, home):
    body = host_client.get("da", pages[kind].get_url()).content.decode()
    shown = _visible_trail(body)
    assert shown[0] == home("da").title and shown[-1] == pages[kind].title
    assert _breadcrumb_list(body) == shown
