"""A request Django cannot read is a 400 problem under /api/, like every API error.

A multipart body without its boundary answered 500 on the v3 upload routes with DEBUG on
(schemathesis: "Invalid boundary in multipart: None") and Django's HTML "Bad Request (400)"
page with DEBUG off; a query of more fields than Django reads got the HTML page too.
"""

from __future__ import annotations

import pytest

from tests.factories.api import APITokenFactory, UserFactory

pytestmark = pytest.mark.django_db

TOO_MANY_FIELDS = "&".join(f"f{number}=1" for number in range(1100))


@pytest.fixture
def headers(db) -> dict[str, str]:
    token = APITokenFactory(user=UserFactory(username="uploader", is_superuser=True))
    return {"HTTP_AUTHORIZATION": f"Bearer {token.plaintext}", "HTTP_HOST": "dk.localhost"}


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("route", ["/api/v3/documents/", "/api/v3/images/"])
def test_a_multipart_body_without_its_boundary_is_a_400_naming_the_content_type(
    client, home, headers, settings, route, debug
):
    settings.DEBUG = debug
    client.raise_request_exception = False
    response = client.generic(
        "POST", route, data=b"--x\r\n", content_type="multipart/form-data", **headers
    )
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["parameter"] == "Content-Type"
    assert "boundary" in response.json()["detail"]


@pytest.mark.parametrize("route", ["/api/v2/pages/", "/api/v3/pages/"])
def test_a_query_of_more_fields_than_django_reads_is_a_400_problem(client, home, route):
    client.raise_request_exception = False
    response = client.get(f"{route}?{TOO_MANY_FIELDS}", HTTP_HOST="dk.localhost")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 400
