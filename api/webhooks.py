"""Signed webhook deliveries to consuming sites.

A delivery is a JSON POST::

    {"id": "<event uuid>", "event": "page.published", "timestamp": "2026-05-04T10:00:00Z",
     "page": {"id": 12, "type": "cms.HomePage", "title": "...", "locale": "da",
              "url": "https://dk.example/", "site": "dk.example",
              "api": {"v2": "...", "v3": "..."}}}

with ``X-Tingsted-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the
subscription's secret>``, ``X-Tingsted-Event`` and ``X-Tingsted-Delivery`` (the event id).
Deliveries are enqueued after the publishing transaction commits and sent by a background
task (api.tasks.deliver_webhook), retried with exponential backoff.

Addresses that resolve to loopback, private, link-local or otherwise reserved networks are
refused when a subscription is saved and again when a delivery is sent (unless
TINGSTED_WEBHOOKS_ALLOW_PRIVATE is true, for local development).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import socket
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

EVENTS = {
    "page.published": "publish",
    "page.unpublished": "unpublish",
    "page.deleted": "delete",
    "page.translated": "translation",
}
SIGNATURE_HEADER = "X-Tingsted-Signature"


class UnsafeURL(ValueError):
    """A webhook address the server must not call."""


def check_url(url: str, resolve: Callable[..., list] | None = None) -> None:
    """Refuse addresses that are not http(s) or that resolve to a non-public network."""
    resolve = resolve or socket.getaddrinfo
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeURL(_("Give an http:// or https:// address."))
    if getattr(settings, "TINGSTED_WEBHOOKS_ALLOW_PRIVATE", False):
        return
    try:
        infos = resolve(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeURL(
            _("The host name '%(host)s' does not resolve.") % {"host": parts.hostname}
        ) from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            raise UnsafeURL(
                _(
                    "'%(host)s' points to a local, private or reserved address (%(address)s); "
                    "webhooks only go to public addresses."
                )
                % {"host": parts.hostname, "address": address}
            )


def sign(secret: str, body: bytes, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def verify(secret: str, body: bytes, header: str, tolerance: int = 300) -> bool:
    """The receiver's check, as documented in docs/api.md (used by the tests too)."""
    try:
        fields = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > tolerance:
        return False
    expected = sign(secret, body, timestamp).split("v1=", 1)[1]
    return hmac.compare_digest(expected, fields.get("v1", ""))


@dataclass
class HTTPResult:
    status: int | None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A redirect could lead to an address check_url refused; receivers answer directly.
    def redirect_request(self, *args, **kwargs):
        return None


def send_http(url: str, body: bytes, headers: dict[str, str], timeout: float) -> HTTPResult:
    """POST one delivery. The single point the tests replace."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            return HTTPResult(status=response.status)
    except urllib.error.HTTPError as exc:
        return HTTPResult(status=exc.code, error=f"HTTP {exc.code}")
    except (urllib.error.URLError, OSError) as exc:
        return HTTPResult(status=None, error=str(getattr(exc, "reason", exc)))


def page_payload(page) -> dict[str, Any]:
    site = page.get_site()
    root = site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")

    return {
        "id": page.pk,
        "type": page.specific_class._meta.label if page.specific_class else None,
        "title": page.title,
        "locale": page.locale.language_code,
        "translation_key": str(page.translation_key),
        "url": page.get_full_url() if page.live else None,
        "site": site.hostname if site else None,
        "api": {
            "v2": root + f"/api/v2/pages/{page.pk}/",
            "v3": root + f"/api/v3/pages/{page.pk}/",
        },
    }


def build_event(event: str, page) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "event": event,
        "timestamp": timezone.now().isoformat().replace("+00:00", "Z"),
        "page": page_payload(page),
    }


def dispatch(event: str, page) -> None:
    """Record and enqueue a delivery per interested subscription, once the change commits.

    The payload is built now (a deleted page is gone after the commit); nothing is stored
    or sent if the surrounding transaction rolls back.
    """
    from api.models import WebhookSubscription

    subscriptions = [
        s for s in WebhookSubscription.objects.filter(is_active=True) if s.wants(event, page)
    ]
    if not subscriptions:
        return
    payload = build_event(event, page)

    def enqueue() -> None:
        from api.models import WebhookDelivery
        from api.tasks import deliver_webhook

        for subscription in subscriptions:
            delivery = WebhookDelivery.objects.create(
                subscription=subscription,
                event=event,
                event_id=payload["id"],
                payload=payload,
            )
            deliver_webhook.enqueue(delivery.pk)

    transaction.on_commit(enqueue)


def attempt(delivery) -> HTTPResult:
    """Send one delivery once, updating its log entry."""
    subscription = delivery.subscription
    body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()
    try:
        check_url(subscription.url)
    except UnsafeURL as exc:
        result = HTTPResult(status=None, error=str(exc))
    else:
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "Tingsted-Webhooks/1",
            "X-Tingsted-Event": delivery.event,
            "X-Tingsted-Delivery": str(delivery.event_id),
            SIGNATURE_HEADER: sign(subscription.secret, body),
        }
        try:
            result = send_http(
                subscription.url, body, headers, getattr(settings, "TINGSTED_WEBHOOKS_TIMEOUT", 5)
            )
        except Exception as exc:  # logged on the delivery and retried, never left pending
            result = HTTPResult(status=None, error=repr(exc))
    delivery.attempts += 1
    delivery.last_attempt_at = timezone.now()
    delivery.response_code = result.status
    delivery.error = result.error[:2000]
    return result
