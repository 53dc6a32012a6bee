"""The interest form of a network page, in a real browser, from the page cache.

The page is stored once for every anonymous visitor, with a hole for the CSRF token; each
visitor's copy is gzipped around their own token (cms/gzipsplice.py). Chromium must decode
that stream (a wrong length or CRC-32 is an error page there) and the form must be accepted.
"""

from __future__ import annotations

import pytest
from wagtail.models import Site

from tests.conftest import HOSTS

pytestmark = [pytest.mark.e2e, pytest.mark.database_neutral]


def test_two_visitors_send_the_interest_form_from_the_cached_page(journey):
    from plugins.networks.models import InterestSubmission, NetworkPage

    with journey.db():
        network = NetworkPage.objects.live().filter(locale__language_code="da").first()
        path = network.get_url(current_site=Site.objects.get(hostname=HOSTS["da"]))
        before = InterestSubmission.objects.filter(network=network).count()

    for number in range(2):
        page = journey.visitor()
        response = page.goto(journey.url("da", path))
        assert response is not None and response.status == 200
        if number:  # the first visit stored the page; this one is a hit
            assert response.headers.get("content-encoding") == "gzip"
        assert page.locator("h1").inner_text() == network.title
        page.fill("#interest [name=name]", f"Visitor {number}")
        page.fill("#interest [name=organisation]", "Åstad kommun")
        page.fill("#interest [name=job_title]", "Planner")
        page.fill("#interest [name=email]", f"visitor{number}@example.org")
        page.check("#interest [name=consent]")
        page.locator("#interest button[type=submit]").click()
        page.wait_for_selector("#interest .notice")

    with journey.db():
        assert InterestSubmission.objects.filter(network=network).count() == before + 2
