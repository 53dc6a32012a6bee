"""Signed webhook deliveries: on commit only, outside the request, retried with backoff,
refused for private hosts, and saying nothing of pages anonymous visitors may not see."""

from __future__ import annotations

import datetime
import http.server
import json
import socket
import threading
from datetime import timedelta
from unittest import mock
from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Locale, Page, PageViewRestriction, Site

from api import checks, tasks, webhooks
from api.models import WebhookDelivery
from api.tasks import deliver_webhook
from cms.bootstrap import bootstrap_sites
from cms.sites import site_time_zone
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


class Background(list):
    """Stands in for the delivery threads: an attempt due now runs at once, in the test's
    thread and transaction; a later one (a retry) waits here, as (delivery id, delay),
    until ``run_next()``. The real threads are tested by
    test_a_publish_returns_before_a_slow_receiver_has_answered."""

    def __call__(self, delivery_id: int, delay: timedelta) -> None:
        if delay > timedelta(0):
            self.append((delivery_id, delay))
        else:
            deliver_webhook.call(delivery_id)

    def run_next(self) -> None:
        delivery_id, _delay = self.pop(0)
        deliver_webhook.call(delivery_id)


_real_start_thread = tasks.start_thread


@pytest.fixture(autouse=True)
def background():
    fake = Background()
    with mock.patch.object(tasks, "start_thread", fake):
        yield fake


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` runs what a successful commit would run, at the block's end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


class FakeReceiver(list):
    """Replaces the one transport function: records each request, answers ``status``."""

    status = 204

    def __call__(self, url, body, headers, timeout, addresses=None):
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
    # With the offset of the page's site, like every datetime of the API (was UTC "Z").
    stamp = datetime.datetime.fromisoformat(payload["timestamp"])
    zone = site_time_zone(Site.objects.get(hostname="dk.localhost"))
    assert stamp.utcoffset() == stamp.astimezone(zone).utcoffset()
    assert not payload["timestamp"].endswith("Z")
    signature = call["headers"]["X-Tingsted-Signature"]
    assert webhooks.verify(subscription.secret, call["body"], signature)
    assert not webhooks.verify("another-secret-entirely", call["body"], signature)
    assert not webhooks.verify(subscription.secret, call["body"] + b" ", signature)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("delivered", 1, 204)


def _pages_sent(receiver) -> list[dict]:
    return [json.loads(call["body"])["page"] for call in receiver]


RESTRICTIONS = [
    {"restriction_type": PageViewRestriction.LOGIN},
    {"restriction_type": PageViewRestriction.PASSWORD, "password": "hemmelig"},
]


@pytest.mark.parametrize("restriction", RESTRICTIONS, ids=["login", "password"])
def test_a_restricted_page_is_announced_by_its_id_alone(home, receiver, committed, restriction):
    WebhookSubscriptionFactory(events=["page.published", "page.unpublished"])
    public = add_page(home("da"), "Offentlig")
    private = add_page(home("da"), "Bestyrelsens side")
    PageViewRestriction.objects.create(page=private, **restriction)
    child = add_page(private, "Hemmelig underside", live=False)
    receiver.clear()
    with committed():
        private.save_revision().publish()
    with committed():
        child.save_revision().publish()
    with committed():
        public.save_revision().publish()  # the control: a public page is described in full
    with committed():
        private.unpublish()
    assert _pages_sent(receiver)[:2] == [
        {"id": private.pk, "restricted": True},
        {"id": child.pk, "restricted": True},
    ]
    assert _pages_sent(receiver)[2]["title"] == "Offentlig"
    assert _pages_sent(receiver)[3] == {"id": private.pk, "restricted": True}
    for call in receiver:
        assert b"Bestyrelsens" not in call["body"] and b"Hemmelig" not in call["body"]
        assert b"bestyrelsens-side" not in call["body"]


def test_a_translation_of_a_restricted_page_is_announced_by_its_id_alone(
    home, receiver, locales, committed
):
    WebhookSubscriptionFactory()
    private = add_page(home("da"), "Lukket")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    with committed():
        translation = private.copy_for_translation(locales["sv"], copy_parents=True)
    with committed():
        translation.save_revision().publish()
    assert _pages_sent(receiver) == [
        {"id": translation.pk, "restricted": True},  # page.translated: a draft as well
        {"id": translation.pk, "restricted": True},  # page.published
    ]


def test_a_published_page_made_private_is_announced_as_gone(home, receiver, locales, committed):
    """Consumers must drop what they cached: the page, its subtree and its translations."""
    WebhookSubscriptionFactory(events=["page.unpublished"])
    page = add_page(home("da"), "Snart lukket")
    child = add_page(page, "Snart lukket underside")
    translation = page.copy_for_translation(locales["sv"])
    translation.save_revision().publish()
    receiver.clear()
    with committed():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    sent = {
        (json.loads(c["body"])["event"], json.dumps(p, sort_keys=True))
        for c, p in zip(receiver, _pages_sent(receiver), strict=True)
    }
    assert sent == {
        ("page.unpublished", json.dumps({"id": each.pk, "restricted": True}, sort_keys=True))
        for each in (page, child, translation)
    }
    for call in receiver:
        assert b"Snart lukket" not in call["body"]


def test_unpublishing_or_deleting_a_public_page_still_describes_it(home, receiver, committed):
    WebhookSubscriptionFactory(events=["page.unpublished", "page.deleted"])
    page = add_page(home("da"), "Gammel nyhed")
    with committed():
        page.unpublish()
    other = add_page(home("da"), "Slettes")
    with committed():
        other.delete()
    sent = {
        (json.loads(c["body"])["event"], p["id"]): p
        for c, p in zip(receiver, _pages_sent(receiver), strict=True)
    }
    assert sent[("page.unpublished", page.pk)]["title"] == "Gammel nyhed"
    assert sent[("page.unpublished", page.pk)]["url"] is None
    assert sent[("page.deleted", other.pk)]["title"] == "Slettes"


def test_a_webhook_carries_the_sync_feed_cursor_that_gives_the_change(
    home, receiver, committed, client
):
    """A consumer can call the sync feed right after the delivery and get the change."""
    WebhookSubscriptionFactory(events=["page.published", "page.unpublished"])
    earlier = add_page(home("da"), "Tidligere")
    receiver.clear()
    with committed():
        page = add_page(home("da"), "Nyhed")
    payload = json.loads(receiver[0]["body"])["page"]
    assert payload["sync"]["url"].startswith("http://dk.localhost/api/v3/sync/?")
    assert "locale=da" in payload["sync"]["url"]
    assert quote(payload["sync"]["cursor"], safe="") in payload["sync"]["url"]
    path = payload["sync"]["url"].removeprefix("http://dk.localhost")
    answer = client.get(path, HTTP_HOST="dk.localhost").json()
    assert [(item["kind"], item["id"]) for item in answer["items"]] == [("upsert", page.pk)]
    assert answer["items"][0]["page"]["title"] == "Nyhed"
    assert earlier.pk not in {item["id"] for item in answer["items"]}
    with committed():
        page.unpublish()
    payload = json.loads(receiver[1]["body"])["page"]
    answer = client.get(
        f"/api/v3/sync/?cursor={quote(payload['sync']['cursor'])}", HTTP_HOST="dk.localhost"
    ).json()
    assert answer["items"] == [{"kind": "tombstone", "id": page.pk, "locale": "da"}]


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
    home, receiver, background, settings, committed
):
    settings.TINGSTED_WEBHOOKS_MAX_ATTEMPTS = 4
    receiver.status = 503
    WebhookSubscriptionFactory()
    with committed():
        add_page(home("da"), "Fejler")
    # One attempt during the publish's commit; the next is scheduled, not run.
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, len(receiver)) == ("retrying", 1, 1)
    waits = [delivery.next_attempt_at - delivery.last_attempt_at]
    assert [delay for _id, delay in background] == [pytest.approx(waits[0], abs=timedelta(1))]
    while background:
        background.run_next()
        delivery.refresh_from_db()
        if delivery.next_attempt_at:
            waits.append(delivery.next_attempt_at - delivery.last_attempt_at)
    assert [wait.total_seconds() for wait in waits] == [30, 60, 120]
    assert len(receiver) == 4
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("failed", 4, 503)
    assert delivery.next_attempt_at is None


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_on_the_database_backend_a_publish_only_queues_the_delivery(
    home, receiver, database_tasks, committed
):
    from django_tasks_db.models import DBTaskResult

    WebhookSubscriptionFactory()
    with committed():
        add_page(home("da"), "I kø")
    assert receiver == []
    queued = DBTaskResult.objects.get(task_path="api.tasks.deliver_webhook")
    assert queued.status == "READY" and queued.args_kwargs["args"] == [
        WebhookDelivery.objects.get().pk
    ]
    assert WebhookDelivery.objects.get().status == "pending"


def test_on_the_database_backend_a_retry_is_a_task_that_runs_after_the_backoff(
    receiver, database_tasks
):
    from django_tasks_db.models import DBTaskResult

    receiver.status = 500
    delivery = WebhookDeliveryFactory()
    deliver_webhook.call(delivery.pk)  # what the worker runs
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("retrying", 1)
    assert delivery.next_attempt_at - delivery.last_attempt_at == timedelta(seconds=30)
    retry = DBTaskResult.objects.get(task_path="api.tasks.deliver_webhook")
    assert retry.args_kwargs["args"] == [delivery.pk]
    assert retry.run_after == delivery.next_attempt_at


@pytest.mark.django_db(transaction=True)
def test_a_publish_returns_before_a_slow_receiver_has_answered(settings, request):
    """With the immediate backend (the default) the delivery runs in a thread of its own."""
    # A transactional database is emptied after each such test: build the tree again.
    if not Page.objects.exists():
        locale, _created = Locale.objects.get_or_create(language_code="en")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    bootstrap_sites(port=80)
    settings.TINGSTED_WEBHOOKS_ALLOW_PRIVATE = True
    settings.TINGSTED_WEBHOOKS_MAX_ATTEMPTS = 1
    settings.TINGSTED_WEBHOOKS_TIMEOUT = 30
    arrived, release, answered = threading.Event(), threading.Event(), threading.Event()

    class SlowReceiver(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            arrived.set()
            release.wait(10)
            answered.set()
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SlowReceiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    request.addfinalizer(server.shutdown)
    WebhookSubscriptionFactory(url=f"http://127.0.0.1:{server.server_port}/hook")
    with mock.patch.object(tasks, "start_thread", _real_start_thread):
        add_page(Site.objects.get(hostname="dk.localhost").root_page, "Langsom modtager")
        returned_before_answer = not answered.is_set()
        assert arrived.wait(10), "the delivery never reached the receiver"
        delivery = WebhookDelivery.objects.get()  # while the sending thread waits
        release.set()
        for thread in threading.enumerate():
            if thread.name == f"tingsted-webhook-{delivery.pk}":
                thread.join(10)
    assert returned_before_answer
    assert answered.is_set()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.response_code) == ("delivered", 204)


def test_production_warns_when_webhooks_run_on_the_immediate_backend(settings):
    settings.DEBUG = False
    assert checks.check_webhook_task_backend() == []  # no webhook configured
    subscription = WebhookSubscriptionFactory()
    [warning] = checks.check_webhook_task_backend()
    assert (warning.msg, warning.id) == (checks.W002, "tingsted_api.W002")
    settings.DEBUG = True
    assert checks.check_webhook_task_backend() == []
    settings.DEBUG = False
    subscription.is_active = False
    subscription.save()
    assert checks.check_webhook_task_backend() == []
    subscription.is_active = True
    subscription.save()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert checks.check_webhook_task_backend() == []


def _resolving_to(address: str):
    family = socket.AF_INET6 if ":" in address else socket.AF_INET

    def resolve(host, port, *args, **kwargs):
        return [(family, socket.SOCK_STREAM, 6, "", (address, port))]

    return resolve


REFUSED_ADDRESSES = [
    "127.0.0.1",  # loopback
    "10.1.2.3",  # private
    "172.16.0.1",
    "192.168.0.10",
    "169.254.169.254",  # link-local (cloud metadata)
    "0.0.0.0",
    "100.64.0.1",  # shared address space
    "198.18.0.1",  # benchmarking
    "192.0.0.1",  # IETF protocol assignments
    "192.0.2.1",  # documentation
    "198.51.100.7",
    "203.0.113.9",
    "192.88.99.1",  # 6to4 relay
    "224.0.0.1",  # multicast
    "240.0.0.1",  # reserved
    "255.255.255.255",
    "::",
    "::1",
    "::7f00:1",  # IPv4-compatible 127.0.0.1
    "::ffff:127.0.0.1",  # IPv4-mapped
    "::ffff:8.8.8.8",
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::808:808",  # NAT64 of a public address: refused all the same
    "64:ff9b:1::a00:1",  # local-use NAT64
    "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    "2002:808:808::1",
    "2001::1",  # Teredo
    "2001:db8::1",  # documentation
    "3fff::1",
    "100::1",  # discard
    "5f00::1",
    "fd00::1",  # unique local
    "fe80::1",  # link-local
    "fec0::1",  # site-local
    "ff02::1",  # multicast
]


@pytest.mark.parametrize("address", REFUSED_ADDRESSES)
def test_addresses_that_are_not_globally_routable_are_refused_when_saved(address):
    subscription = WebhookSubscriptionFactory.build(url="https://sneaky.example/hook")
    with (
        mock.patch.object(socket, "getaddrinfo", _resolving_to(address)),
        pytest.raises(ValidationError) as error,
    ):
        subscription.full_clean()
    assert "url" in error.value.message_dict


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_accepted(address):
    subscription = WebhookSubscriptionFactory.build(url="https://partner.example/hook")
    with mock.patch.object(socket, "getaddrinfo", _resolving_to(address)):
        subscription.full_clean()


def test_a_delivery_connects_to_the_address_that_was_vetted(db):
    """A DNS answer that changes between the check and the connection (rebinding) must not
    reach the second address."""
    answers = iter(["93.184.216.34", "127.0.0.1", "127.0.0.1", "127.0.0.1"])
    connected = []

    def rebinding(host, port, *args, **kwargs):
        return _resolving_to(next(answers))(host, port)

    def connect(sock, address):
        connected.append(address[0])
        raise ConnectionRefusedError("no network in tests")

    delivery = WebhookDeliveryFactory()
    with (
        mock.patch.object(socket, "getaddrinfo", rebinding),
        mock.patch.object(socket.socket, "connect", connect),
    ):
        deliver_webhook.call(delivery.pk)
    assert connected == ["93.184.216.34"]
    delivery.refresh_from_db()
    assert delivery.status == "retrying" and "no network" in delivery.error


def test_https_checks_the_certificate_against_the_host_name():
    info = (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 443))
    connection = webhooks.PinnedHTTPSConnection("hooks.example.org", None, address=info, timeout=1)
    assert connection._context.check_hostname
    assert connection._context.verify_mode == webhooks.ssl.CERT_REQUIRED
    plain = object()
    connection._context = mock.Mock()
    with mock.patch.object(webhooks, "_connect", return_value=plain) as opened:
        connection.connect()
    assert opened.call_args.args[0] == info
    assert connection._context.wrap_socket.call_args == mock.call(
        plain, server_hostname="hooks.example.org"
    )


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
    """End to end over HTTP, to a receiver on 127.0.0.1 (allowed for development), named
    by a host name: the connection goes to the resolved address, Host names the host."""
    settings.TINGSTED_WEBHOOKS_ALLOW_PRIVATE = True
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((body, self.headers["X-Tingsted-Signature"], self.headers["Host"]))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_port
    try:
        subscription = WebhookSubscriptionFactory(url=f"http://receiver.test:{port}/hook")
        with mock.patch.object(socket, "getaddrinfo", _resolving_to("127.0.0.1")), committed():
            add_page(home("da"), "Lokal")
    finally:
        server.shutdown()
    body, signature, host = received[0]
    assert webhooks.verify(subscription.secret, body, signature)
    assert host == f"receiver.test:{port}"


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
