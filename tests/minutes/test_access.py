"""Login-restricted councils and minutes on the machine channels: a token decides, and a
service user with no permission is not enough (docs/access.md)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from wagtail.models import APIToken, PageViewRestriction

from tests.factories.auth import UserFactory

pytestmark = pytest.mark.django_db


def _token(username: str, *codenames: str) -> str:
    user = UserFactory(username=username)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return APIToken.create_token(user=user, name=username)[1]


def _routes(setup) -> list[str]:
    council, meeting = setup.council.pk, setup.meeting.pk
    return [
        f"/api/v3/minutes/councils/{council}/meetings/",
        f"/api/v3/minutes/meetings/{meeting}/",
        f"/minutes/meetings/{meeting}.json",
        f"/minutes/councils/{council}.json",
        f"/minutes/councils/{council}.ics",
    ]


def _get(path: str, token: str | None = None, client: Client | None = None):
    extra = {"HTTP_HOST": "dk.localhost"}
    if token:
        extra["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return (client or Client()).get(path, **extra)


def test_a_service_token_without_permission_does_not_open_login_restricted_minutes(setup):
    PageViewRestriction.objects.create(
        page=setup.council, restriction_type=PageViewRestriction.LOGIN
    )
    service = _token("partner-site")
    trusted = _token("trusted-partner", "read_restricted")
    listed = _get("/api/v3/minutes/councils/", service).json()["items"]
    assert setup.council.pk not in {item["id"] for item in listed}
    for path in _routes(setup):
        assert _get(path).status_code == 404, path
        assert _get(path, service).status_code == 404, path
        opened = _get(path, trusted)
        assert opened.status_code == 200, path
        assert opened["Cache-Control"] == "private, no-store", path


def test_a_page_password_entered_in_a_browser_never_opens_minutes_on_machine_channels(
    setup, client
):
    restriction = PageViewRestriction.objects.create(
        page=setup.council, restriction_type=PageViewRestriction.PASSWORD, password="raadslukket"
    )
    form = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{setup.council.pk}/",
        {"password": "raadslukket", "return_url": setup.council.url},
        HTTP_HOST="dk.localhost",
    )
    assert form.status_code == 302
    # The rendered page opens for this browser, as Wagtail promises ...
    assert _get(setup.meeting.url, client=client).status_code == 200
    for path in _routes(setup):
        # ... but no machine channel does, with that session or after it.
        assert _get(path, client=client).status_code == 404, path
        assert _get(path).status_code == 404, path
