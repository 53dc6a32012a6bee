"""Signed webhook deliveries: on commit only, retried with backoff, refused for private hosts."""

from __future__ import annotations

import json
import socket
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from api import webhooks
from api.models import WebhookDelivery
from api.tasks import backoff
from tests.api.conftest import add_page
from tests.factories.api import WebhookDeliveryFactory, WebhookSubscriptionFactory

pytestmark = pytest.mark.django_db


_real_getaddrinfo = socket.getaddrinfo


def public_dns(host, port, *args, **kwargs):
    if host == "127.0.0.1":  # the local receiver below
        return _real_getaddrinfo(host, port, *args, **kwargs)
    return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port))]


@pytest.fixture(autouse=True)
def _public_dns():
    """Resolve every receiver to a public address; no test touches the network."""
    with mock.patch.object(socket, "getaddrinfo", public_dns):
        yield


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` runs what a successful commit would run, at the block's end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


class FakeReceiver(list):
    """Replaces the one transport function: records each request, answers ``status``."""

    status = 204

    def __call__(self, url, body, headers, timeout):
        self.append({"url": url, "body": body, "headers": headers})
        return webhooks.HTTPResult(status=self.status)


@pytest.fixture
def receiver():
    fake = FakeReceiver()
    with mock.patch.object(webhooks, "send_http", fake):
        yield fake


def test_publishing_sends_a_signed_payload_with_event_id_and_timestamp(home, receiver, committed):
    subscription = WebhookSubscriptionFactory()
    with committed():
        page = add_page(home("da"), "Nyhed")
    assert len(receiver) == 1
    call = receiver[0]
    payload = json.loads(call["body"])
    assert payload["event"] == "page.published"
    assert payload["page"]["id"] == page.pk and payload["page"]["locale"] == "da"
    assert payload["id"] == call["headers"]["X-Tingsted-Delivery"]
    assert payload["timestamp"].endswith("Z")
    signature = call["headers"]["X-Tingsted-Signature"]
    assert webhooks.verify(subscription.secret, call["body"], signature)
    assert not webhooks.verify("another-secret-entirely", call["body"], signature)
    assert not webhooks.verify(subscription.secret, call["body"] + b" ", signature)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("delivered", 1, 204)


def test_an_old_signature_is_rejected_as_a_replay(home):
    body = b'{"id": "x"}'
    old = webhooks.sign("a-shared-secret-of-some-length", body, timestamp=1_000_000)
    assert not webhooks.verify("a-shared-secret-of-some-length", body, old)


def test_every_event_reaches_subscribers_of_it(home, receiver, locales, committed):
    WebhookSubscriptionFactory(events=["page.unpublished", "page.deleted", "page.translated"])
    with committed():
        page = add_page(home("da"), "Side")
    other = add_page(home("da"), "Anden side")
    with committed():
        page.unpublish()
    with committed():
        other.copy_for_translation(locales["sv"], copy_parents=True)
    with committed():
        other.delete()
    with committed():
        page.delete()  # already unpublished: consumers heard of it then
    events = [json.loads(call["body"])["event"] for call in receiver]
    # Wagtail unpublishes a live page as it deletes it: both are announced.
    assert sorted(events[2:]) == ["page.deleted", "page.unpublished"]
    assert events[:2] == ["page.unpublished", "page.translated"]
    deleted = next(call for call in receiver if b"page.deleted" in call["body"])
    assert json.loads(deleted["body"])["page"]["id"] == other.pk


def test_site_and_locale_filters_narrow_a_subscription(home, receiver, sites, locales, committed):
    WebhookSubscriptionFactory(site=sites["sv"])
    WebhookSubscriptionFactory(locale=locales["nb"])
    with committed():
        add_page(home("da"), "Dansk")
    assert receiver == []
    with committed():
        add_page(home("sv"), "Svensk")
        add_page(home("da", "nb"), "Norsk")
    assert len(receiver) == 2


def test_a_publish_inside_a_rolled_back_transaction_sends_nothing(home, receiver, committed):
    WebhookSubscriptionFactory()
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        add_page(home("da"), "Fortrudt")
        raise RuntimeError("rolled back")
    assert receiver == []
    assert not WebhookDelivery.objects.exists()


def test_a_failing_endpoint_is_retried_with_backoff_then_marked_failed(
    home, receiver, settings, committed
):
    settings.TINGSTED_WEBHOOKS_MAX_ATTEMPTS = 4
    receiver.status = 503
    WebhookSubscriptionFactory()
    with committed():
        add_page(home("da"), "Fejler")
    assert len(receiver) == 4
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("failed", 4, 503)
    assert [backoff(n).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]


def test_a_retry_is_deferred_on_a_backend_that_can_wait(home, receiver, settings):
    from django_tasks import task_backends

    receiver.status = 500
    delivery = WebhookDeliveryFactory()
    with (
        mock.patch.object(type(task_backends["default"]), "supports_defer", True),
        mock.patch("django_tasks.base.Task.enqueue") as enqueue,
        mock.patch("django_tasks.base.Task.using", wraps=None) as using,
    ):
        using.return_value.enqueue = enqueue
        from api.tasks import deliver_webhook

        deliver_webhook.call(delivery.pk)
    run_after = using.call_args.kwargs["run_after"]
    delivery.refresh_from_db()
    assert delivery.status == "retrying" and run_after > delivery.last_attempt_at


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "192.168.0.10", "169.254.169.254", "::1", "fd00::1", "0.0.0.0"],
)
def test_addresses_on_private_networks_are_refused_when_saved(address):
    def resolve(host, port, proto=0):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    subscription = WebhookSubscriptionFactory.build(url="https://sneaky.example/hook")
    with mock.patch.object(socket, "getaddrinfo", resolve), pytest.raises(ValidationError) as error:
        subscription.full_clean()
    assert "url" in error.value.message_dict


def test_a_host_that_turns_private_later_is_refused_when_sent(home, receiver):
    subscription = WebhookSubscriptionFactory()
    delivery = WebhookDeliveryFactory(subscription=subscription)

    def now_private(host, port, proto=0):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    from api.tasks import deliver_webhook

    with mock.patch.object(socket, "getaddrinfo", now_private):
        deliver_webhook.enqueue(delivery.pk)
    assert receiver == []
    delivery.refresh_from_db()
    assert "private" in delivery.error


def test_local_development_may_allow_private_addresses(settings):
    settings.TINGSTED_WEBHOOKS_ALLOW_PRIVATE = True
    WebhookSubscriptionFactory.build(url="http://127.0.0.1:9000/hook").full_clean()


def test_delivering_to_a_real_local_receiver(home, settings, committed):
    """End to end through urllib, to a receiver on 127.0.0.1 (allowed for development)."""
    import http.server
    import threading

    settings.TINGSTED_WEBHOOKS_ALLOW_PRIVATE = True
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((body, self.headers["X-Tingsted-Signature"]))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        subscription = WebhookSubscriptionFactory(url=f"http://127.0.0.1:{server.server_port}/hook")
        with committed():
            add_page(home("da"), "Lokal")
    finally:
        server.shutdown()
    body, signature = received[0]
    assert webhooks.verify(subscription.secret, body, signature)


def test_the_admin_manages_subscriptions_and_sends_a_delivery_again(
    client, django_user_model, receiver
):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    assert client.get("/admin/webhooks/", HTTP_HOST="localhost").status_code == 200
    response = client.post(
        "/admin/webhooks/new/",
        {
            "name": "Partner",
            "url": "https://partner.example/hook",
            "secret": "short",
            "events": ["page.published"],
            "is_active": "on",
        },
        HTTP_HOST="localhost",
    )
    assert response.status_code == 200
    assert "at least 16" in response.content.decode()
    delivery = WebhookDeliveryFactory(status="failed", attempts=5)
    assert client.get("/admin/webhook-deliveries/", HTTP_HOST="localhost").status_code == 200
    assert (
        client.get(
            f"/admin/webhook-deliveries/inspect/{delivery.pk}/", HTTP_HOST="localhost"
        ).status_code
        == 200
    )
    response = client.post(
        f"/admin/webhook-deliveries/send-again/{delivery.pk}/", HTTP_HOST="localhost"
    )
    assert response.status_code == 302
    again = WebhookDelivery.objects.exclude(pk=delivery.pk).get()
    assert again.event_id == delivery.event_id and again.status == "delivered"
    assert len(receiver) == 1
