"""A mail server that hangs or refuses costs the visitor nothing: thanks, and one row."""

from __future__ import annotations

import logging
import socket

import pytest

from plugins.networks.models import InterestSubmission
from tests.factories.networks import NetworkIndexPageFactory, NetworkPageFactory
from tests.networks.test_interest_form import VALID


@pytest.fixture
def network(home):
    return NetworkPageFactory(
        parent=NetworkIndexPageFactory(parent=home("da")), contact_email="contact@example.org"
    )


@pytest.fixture
def hanging_smtp():
    """A port that accepts connections and never says a word (no SMTP greeting)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        yield server.getsockname()[1]


@pytest.fixture
def refusing_smtp():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return port  # closed again: nothing listens there


@pytest.mark.django_db
@pytest.mark.parametrize("server", ["hanging_smtp", "refusing_smtp"])
def test_a_broken_mail_server_still_thanks_the_visitor_and_keeps_one_row(
    request, server, host_client, network, settings, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = request.getfixturevalue(server)
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 1  # the setting's default is 10 (tests/cms/test_settings.py)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = host_client.post("da", network.get_url(), VALID)
    assert response.status_code == 302
    assert response["Location"].endswith("/thanks/#interest")
    assert InterestSubmission.objects.count() == 1
    assert any("Could not e-mail interest submission" in r.getMessage() for r in caplog.records)
