"""The example consumer in docs/examples/ reads the API as an external site would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import Locale, Page

from cms.bootstrap import bootstrap_sites

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


@pytest.fixture
def live_api(request):
    # A live server needs a transactional database, which Django empties after each such
    # test: when an earlier one did, build the tree root and the sites again.
    server = request.getfixturevalue("live_server")
    if not Page.objects.exists():
        locale, _created = Locale.objects.get_or_create(language_code="en")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    bootstrap_sites(port=80)
    return server.url + "/api"


# One test: each transactional test costs a database flush.
@pytest.mark.django_db(transaction=True)
def test_the_example_consumer_reads_a_sites_pages_and_translations(live_api, tmp_path):
    command = [
        sys.executable,
        str(EXAMPLES / "consumer.py"),
        "--api",
        live_api,
        "--site",
        "dk.localhost",
        "--locale",
        "da",
        # Until the networks and meetings plugins are merged, read home pages instead.
        "--network-type",
        "cms.HomePage",
        "--meetings-path",
        "",
        "--state",
        str(tmp_path / "etags.json"),
    ]
    first = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    assert "1 × cms.HomePage on dk.localhost" in first.stdout
    assert "# Tingsted Danmark  (da)  http://dk.localhost/" in first.stdout
    assert "en: http://dk.localhost/en/" in first.stdout
    # The second run revalidates with If-None-Match and prints the same from 304s.
    second = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    assert second.stdout == first.stdout

    result = subprocess.run(
        [
            sys.executable,
            str(EXAMPLES / "consumer.py"),
            "--api",
            live_api,
            "--site",
            "nowhere.example",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "HTTP 400" in result.stderr and "nowhere.example" in result.stderr
