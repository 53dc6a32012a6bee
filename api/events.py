"""Events announced to consuming sites, built when content changes and delivered later.

An event is::

    {"id": "<event uuid>", "event": "page.published", "timestamp": "2026-05-04T12:00:00+02:00",
     "page": {"id": 12, "type": "cms.HomePage", "title": "...", "locale": "da",
              "url": "https://dk.example/", "site": "dk.example",
              "api": {"v2": "...", "v3": "..."},
              "sync": {"cursor": "...", "url": "https://dk.example/api/v3/sync/?…"}}}

A page an anonymous visitor may not see (:func:`cms.visibility.is_public`) is announced by
its id alone: ``"page": {"id": 12, "restricted": true}``, so a consumer drops what it cached
and learns nothing else.

:func:`dispatch` records a delivery per interested subscription after the publishing
transaction commits and hands it to api.tasks, which sends it (api/webhooks.py).
"""

from __future__ import annotations

import copy
import uuid
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.models import Site

from api.changelog import Cursor
from api.models import SyncEntry, WebhookDelivery, WebhookSubscription
from api.tasks import schedule
from cms.sites import site_time_zone
from cms.visibility import is_public

_WAS_LIVE_EVENTS = ("page.unpublished", "page.deleted")


def anonymous_may_see(page, *, as_live: bool = False) -> bool:
    """Whether an anonymous visitor may see ``page`` (``as_live``: could, while it was live).

    Translations share their restrictions (cms/restrictions.py), so the page's own
    ancestry decides for every language.
    """
    judged = page
    if as_live:
        judged = copy.copy(page)
        judged.live, judged.expired, judged.expire_at = True, False, None
    return is_public(judged)


def page_payload(page, event: str = "page.published") -> dict[str, Any]:
    if not anonymous_may_see(page, as_live=event in _WAS_LIVE_EVENTS):
        # Enough for a consumer to drop the page; nothing an anonymous visitor may not read.
        return {"id": page.pk, "restricted": True}
    site = page.get_site()
    root = site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")

    payload = {
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
    if site is not None:
        payload["sync"] = sync_payload(page, site, root)
    return payload


def sync_payload(page, site, root: str) -> dict[str, str]:
    """Where a consumer reads this change from the sync feed (api/sync.py): a cursor just
    before the change (the feed gives it and whatever came after) and the feed's address with
    it, for the page's site and language."""
    language = page.locale.language_code
    latest = SyncEntry.objects.filter(page_id=page.pk).order_by("-id").values("id").first()
    seq = latest["id"] - 1 if latest else 0
    cursor = Cursor(site.pk, language, seq).encode()
    query = urlencode({"site": site.hostname, "locale": language, "cursor": cursor})
    return {"cursor": cursor, "url": f"{root}/api/v3/sync/?{query}"}


def build_event(event: str, page) -> dict[str, Any]:
    payload = page_payload(page, event)
    # With the offset of the page's site, like every datetime of the API (docs/api.md);
    # a restricted page's event names no site, so it uses the project's zone.
    site = (
        Site.objects.filter(hostname=payload.get("site")).first() if payload.get("site") else None
    )
    return {
        "id": str(uuid.uuid4()),
        "event": event,
        "timestamp": timezone.localtime(timezone.now(), site_time_zone(site)).isoformat(),
        "page": payload,
    }


def dispatch(event: str, page) -> None:
    """Record and enqueue a delivery per interested subscription, once the change commits.

    The payload is built now (a deleted page is gone after the commit); nothing is stored
    or sent if the surrounding transaction rolls back.
    """
    subscriptions = [
        s for s in WebhookSubscription.objects.filter(is_active=True) if s.wants(event, page)
    ]
    if not subscriptions:
        return
    payload = build_event(event, page)

    def enqueue() -> None:
        for subscription in subscriptions:
            delivery = WebhookDelivery.objects.create(
                subscription=subscription,
                event=event,
                event_id=payload["id"],
                payload=payload,
            )
            schedule(delivery.pk)

    transaction.on_commit(enqueue)
