"""One client-address policy for every rate limit: the API's and the interest form's.

Behind a trusted proxy the client is the hop the proxy appended (the right end of
X-Forwarded-For), never the first entry, which the client writes itself.
"""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from cms.ratelimits import client_address
from plugins.networks.models import InterestSubmission
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.networks.test_interest_form import VALID

PROXY = "10.0.0.2"


@pytest.mark.parametrize(
    ("trusted", "proxies", "forwarded", "expected"),
    [
        (False, 1, "198.51.100.9", PROXY),
        (True, 1, "", PROXY),
        (True, 1, "198.51.100.9", "198.51.100.9"),
        (True, 1, "203.0.113.66, 198.51.100.9", "198.51.100.9"),  # a made-up first hop
        (True, 2, "203.0.113.66, 198.51.100.9, 10.0.0.1", "198.51.100.9"),  # CDN, then LB
    ],
)
def test_client_address(settings, trusted, proxies, forwarded, expected):
    settings.TINGSTED_API_TRUST_X_FORWARDED_FOR = trusted
    settings.TINGSTED_TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


@pytest.fixture
def network(home):
    return NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")))


@pytest.mark.django_db
def test_the_interest_form_counts_the_client_behind_the_trusted_proxy(settings, network, client):
    settings.TINGSTED_API_TRUST_X_FORWARDED_FOR = True
    settings.TINGSTED_INTEREST_RATE_LIMIT = 1

    def post(forwarded: str) -> int:
        return client.post(
            network.get_url(),
            VALID,
            HTTP_HOST="dk.localhost",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=forwarded,
        ).status_code

    # Two visitors behind the same proxy each have their own budget...
    assert post("198.51.100.1") == 302
    assert post("198.51.100.2") == 302
    # ...and a visitor does not get a new one by writing a first hop of their own.
    assert post("203.0.113.66, 198.51.100.1") == 429
    assert InterestSubmission.objects.count() == 2


@pytest.mark.django_db
def test_the_api_counts_the_same_address(settings, client, sites):
    settings.TINGSTED_API_TRUST_X_FORWARDED_FOR = True
    settings.TINGSTED_API_RATE_ANONYMOUS = "2/minute"

    def get(forwarded: str):
        return client.get(
            "/api/v3/pages/",
            HTTP_HOST="dk.localhost",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    assert get("198.51.100.1").status_code == 200
    assert get("203.0.113.1, 198.51.100.1").status_code == 200
    limited = get("203.0.113.2, 198.51.100.1")
    assert limited.status_code == 429
    assert limited["Content-Type"].startswith("application/problem+json")
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert get("198.51.100.2").status_code == 200
