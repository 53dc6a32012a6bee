"""Headless preview: the admin shows a configured front end, which reads the draft by token."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def front_end(settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {
            "default": "https://front.example/preview",
            "dk.localhost": "https://dk.front.example/preview",
        },
        "ENFORCE_TRAILING_SLASH": True,
    }
    # wagtail-headless-preview reloads its settings on setting_changed.


def preview_token(page, rf, admin_user) -> dict[str, str]:
    request = rf.get("/admin/", HTTP_HOST="localhost")
    request.user = admin_user
    response = page.serve_preview(request, "headless")
    url = re.search(r'src="([^"]+)"', response.content.decode()).group(1).replace("&amp;", "&")
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    return {"base": f"{parts.scheme}://{parts.netloc}{parts.path}", **query}


def test_the_external_front_end_is_a_preview_mode_only_when_configured(home, settings, front_end):
    assert ("headless", "External front end") in home("da").preview_modes
    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {}}
    assert [mode for mode, _label in home("da").preview_modes] == [""]


def test_a_front_end_reads_the_draft_with_the_token(api, home, rf, admin_user, front_end):
    page = home("da")
    page.title = "Kladde til forsiden"
    token = preview_token(page, rf, admin_user)
    assert token["base"] == "https://dk.front.example/preview/"
    assert token["content_type"] == "cms.homepage"
    query = f"content_type={token['content_type']}&token={token['token']}"
    v2 = api.get(f"/api/v2/page_preview/?{query}")
    assert v2.status_code == 200 and v2.json()["title"] == "Kladde til forsiden"
    assert v2["Cache-Control"] == "private, no-store"
    v3 = api.get(f"/api/v3/preview/?{query}")
    assert v3.status_code == 200 and v3.json()["title"] == "Kladde til forsiden"
    # The published page is untouched.
    assert api.get(f"/api/v2/pages/{page.pk}/").json()["title"] == "Tingsted Danmark"


def test_expired_or_forged_tokens_are_refused(api, home, rf, admin_user, front_end, settings):
    token = preview_token(home("da"), rf, admin_user)
    forged = api.get(f"/api/v2/page_preview/?content_type=cms.homepage&token={token['token']}x")
    assert forged.status_code == 401 and forged.json()["parameter"] == "token"
    settings.TINGSTED_PREVIEW_MAX_AGE = -1
    expired = api.get(f"/api/v3/preview/?content_type=cms.homepage&token={token['token']}")
    assert expired.status_code == 401
    missing = api.get("/api/v2/page_preview/?content_type=cms.homepage")
    assert missing.status_code == 400 and missing.json()["parameter"] == "token"
