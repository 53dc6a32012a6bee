"""Writes through API v3 honour If-Match: a stale version answers 412, a current one proceeds."""

from __future__ import annotations

import json

import pytest
from wagtail.models import Page

from tests.factories.api import APITokenFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_token(db):
    return APITokenFactory(user=UserFactory(username="admin", is_superuser=True, is_staff=True))


def _headers(token, **extra) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token.plaintext}", "HTTP_HOST": "localhost", **extra}


def _read(client, path: str, token):
    response = client.get(path, **_headers(token))
    assert response.status_code == 200, response.content
    return response


def _patch(client, page, token, title: str, **extra):
    return client.patch(
        f"/api/v3/pages/{page.pk}/",
        data=json.dumps({"meta": {"type": "cms.HomePage"}, "title": title}),
        content_type="application/json",
        **_headers(token, **extra),
    )


def _latest_title(page: Page) -> str:
    page.refresh_from_db()
    return page.get_latest_revision().content["title"]


def test_a_stale_if_match_is_refused_and_a_current_one_proceeds(client, home, admin_token):
    page = home("en")
    path = f"/api/v3/pages/{page.pk}/"
    first = _read(client, path, admin_token)["ETag"]
    assert first.startswith('"') and first.endswith('"')

    # Editor A writes with the version it read: accepted, and the version moves on.
    response = _patch(client, page, admin_token, "First edit", HTTP_IF_MATCH=first)
    assert response.status_code == 200, response.content
    second = _read(client, path, admin_token)["ETag"]
    assert second != first

    # Editor B still holds the first version: refused, nothing overwritten.
    response = _patch(client, page, admin_token, "Lost update", HTTP_IF_MATCH=first)
    assert response.status_code == 412, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"] == ["header", "If-Match"]
    assert response["ETag"] == second
    assert _latest_title(page) == "First edit"

    # A list of tags, "*", and no header at all proceed as HTTP says.
    for extra in ({"HTTP_IF_MATCH": f'"other", {second}'}, {"HTTP_IF_MATCH": "*"}, {}):
        response = _patch(client, page, admin_token, "Later edit", **extra)
        assert response.status_code == 200, (extra, response.content)
        second = _read(client, path, admin_token)["ETag"]
    # A weak tag never matches (strong comparison).
    response = _patch(client, page, admin_token, "Weak", HTTP_IF_MATCH=f"W/{second}")
    assert response.status_code == 412


def test_a_stale_if_match_on_a_site_is_refused(client, sites, admin_token):
    site = sites["nb"]
    path = f"/api/v3/sites/{site.pk}/"
    etag = _read(client, path, admin_token)["ETag"]
    body = {
        "hostname": site.hostname,
        "port": site.port,
        "site_name": "Tingsted Norge, renamed",
        "root_page_id": site.root_page_id,
        "is_default_site": site.is_default_site,
    }

    def put(if_match: str):
        return client.put(
            path,
            data=json.dumps(body),
            content_type="application/json",
            **_headers(admin_token, HTTP_IF_MATCH=if_match),
        )

    first = put(etag)
    assert first.status_code == 200, first.content
    body["site_name"] = "Overwritten"
    response = put(etag)
    assert response.status_code == 412, response.content
    site.refresh_from_db()
    assert site.site_name == "Tingsted Norge, renamed"


def test_a_caller_who_may_not_write_gets_wagtails_answer_not_412(client, home, service_token):
    page = home("en")
    response = _patch(client, page, service_token, "Nope", HTTP_IF_MATCH='"stale"')
    assert response.status_code == 403, response.content
