"""Signed webhook deliveries to consuming sites: sending one, safely.

A delivery is a JSON POST of an event (api/events.py builds and enqueues them) with
``X-Tingsted-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the
subscription's secret>``, ``X-Tingsted-Event`` and ``X-Tingsted-Delivery`` (the event id).
Deliveries are sent outside the request (api.tasks), retried with exponential backoff.

Addresses that are not globally routable (loopback, private, link-local, shared, NAT64,
6to4, IPv4-mapped and every other special-use range) are refused when a subscription is
saved and again when a delivery is sent, and the delivery connects to the very address that
was vetted, so a DNS answer that changes in between cannot redirect it (unless
TINGSTED_WEBHOOKS_ALLOW_PRIVATE is true, for local development).
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import ipaddress
import json
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
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


#: Ranges refused whatever ``ipaddress`` thinks of them (its tables differ between Python
#: releases): address translation and tunnels that reach IPv4 networks behind them, shared
#: address space, benchmarking, documentation, and 6to4 relays.
REFUSED_NETWORKS = tuple(
    ipaddress.ip_network(network)
    for network in (
        "0.0.0.0/8",
        "100.64.0.0/10",  # shared address space (carrier-grade NAT)
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.88.99.0/24",  # 6to4 relay anycast
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",
        "203.0.113.0/24",
        "240.0.0.0/4",
        "::/96",  # IPv4-compatible (deprecated)
        "::ffff:0:0/96",  # IPv4-mapped
        "64:ff9b::/96",  # NAT64
        "64:ff9b:1::/48",  # local-use NAT64
        "100::/64",  # discard
        "2001::/23",  # IETF protocol assignments, Teredo among them
        "2001:db8::/32",
        "2002::/16",  # 6to4
        "3fff::/20",  # documentation
        "5f00::/16",  # SRv6 segment identifiers
        "fc00::/7",
        "fe80::/10",
        "fec0::/10",  # deprecated site-local
        "ff00::/8",
    )
)


NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (mapped, 6to4, Teredo, NAT64)."""
    found = [address.ipv4_mapped, address.sixtofour]
    if address.teredo:
        found.extend(address.teredo)
    if address in NAT64:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return [ipv4 for ipv4 in found if ipv4 is not None]


def is_public_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether ``address`` is globally routable and in no special-use range, nor carries
    an IPv4 address that is."""
    if (
        not address.is_global
        or address.is_multicast
        or address.is_reserved
        or address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
        or any(address in network for network in REFUSED_NETWORKS)
    ):
        return False
    if isinstance(address, ipaddress.IPv6Address):
        return all(is_public_address(ipv4) for ipv4 in _embedded_ipv4(address))
    return True


#: One answer of getaddrinfo: (family, type, proto, canonname, sockaddr).
AddressInfo = tuple[Any, ...]


def _split(url: str):
    parts = urlsplit(url)
    try:
        parts.port  # noqa: B018 - raises on a port out of range
    except ValueError as exc:
        raise UnsafeURL(_("Give an http:// or https:// address.")) from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeURL(_("Give an http:// or https:// address."))
    return parts


def resolve_url(url: str, resolve: Callable[..., list] | None = None) -> list[AddressInfo]:
    """The addresses ``url``'s host resolves to, each vetted unless private ones are allowed.

    Resolved once: the delivery connects to these addresses, never to a second answer.
    """
    resolve = resolve or socket.getaddrinfo
    parts = _split(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = resolve(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeURL(
            _("The host name '%(host)s' does not resolve.") % {"host": parts.hostname}
        ) from exc
    infos = [info for info in infos if info[0] in (socket.AF_INET, socket.AF_INET6)]
    if not infos:
        raise UnsafeURL(_("The host name '%(host)s' does not resolve.") % {"host": parts.hostname})
    if getattr(settings, "TINGSTED_WEBHOOKS_ALLOW_PRIVATE", False):
        return infos
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not is_public_address(address):
            raise UnsafeURL(
                _(
                    "'%(host)s' points to a local, private or reserved address (%(address)s); "
                    "webhooks only go to public addresses."
                )
                % {"host": parts.hostname, "address": address}
            )
    return infos


def check_url(url: str, resolve: Callable[..., list] | None = None) -> None:
    """Refuse addresses that are not http(s) or that resolve to a non-public network."""
    _split(url)
    if getattr(settings, "TINGSTED_WEBHOOKS_ALLOW_PRIVATE", False):
        return
    resolve_url(url, resolve)


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


def _connect(info: AddressInfo, timeout: float) -> socket.socket:
    # A socket to the vetted address itself: socket.create_connection would resolve again.
    family, kind, proto, _canonname, sockaddr = info
    sock = socket.socket(family, kind or socket.SOCK_STREAM, proto)
    try:
        sock.settimeout(timeout)
        sock.connect(sockaddr)
    except BaseException:
        sock.close()
        raise
    return sock


class PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to a pre-resolved address; Host names the original host."""

    def __init__(self, host: str, port: int | None, *, address: AddressInfo, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = _connect(self.address, self.timeout)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to a pre-resolved address; SNI and the certificate check use the host name."""

    def __init__(self, host: str, port: int | None, *, address: AddressInfo, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self) -> None:
        sock = _connect(self.address, self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def send_http(
    url: str,
    body: bytes,
    headers: dict[str, str],
    timeout: float,
    addresses: list[AddressInfo] | None = None,
) -> HTTPResult:
    """POST one delivery to the first of ``addresses`` that answers. The single point the
    tests replace. Redirects are not followed: they could lead anywhere."""
    parts = urlsplit(url)
    addresses = addresses if addresses is not None else resolve_url(url)
    connection_class = PinnedHTTPSConnection if parts.scheme == "https" else PinnedHTTPConnection
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    error = ""
    for address in addresses:
        connection = connection_class(parts.hostname, parts.port, address=address, timeout=timeout)
        try:
            connection.request("POST", target, body=body, headers=headers)
            response = connection.getresponse()
            response.read(65536)
        except (OSError, http.client.HTTPException) as exc:
            error = str(exc) or exc.__class__.__name__
            continue
        finally:
            connection.close()
        if 200 <= response.status < 300:
            return HTTPResult(status=response.status)
        return HTTPResult(status=response.status, error=f"HTTP {response.status}")
    return HTTPResult(status=None, error=error)


#: Events about a page that is gone from the public set: judge it as it was while live.
def attempt(delivery) -> HTTPResult:
    """Send one delivery once, updating its log entry."""
    subscription = delivery.subscription
    body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()
    try:
        addresses = resolve_url(subscription.url)
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
                subscription.url,
                body,
                headers,
                getattr(settings, "TINGSTED_WEBHOOKS_TIMEOUT", 5),
                addresses,
            )
        except Exception as exc:  # logged on the delivery and retried, never left pending
            result = HTTPResult(status=None, error=repr(exc))
    delivery.attempts += 1
    delivery.last_attempt_at = timezone.now()
    delivery.response_code = result.status
    delivery.error = result.error[:2000]
    return result
