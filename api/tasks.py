"""Background delivery of webhooks through Django's task framework (django-tasks).

Production runs the database backend and a worker (``manage.py db_worker``): each attempt is
its own task, a retry one scheduled with ``run_after``. Tests and the default development
setup use the immediate backend, which would run a task inside the request that enqueues
it; there each attempt runs in a background thread instead (a retry in a timer thread), so
a publish never waits for a receiver. Those threads live in the web process: a retry still
waiting when the process stops is lost (the delivery stays "retrying"; "Send again" in the
admin queues it anew). The system check tingsted_api.W002 warns about that setup in
production.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connections
from django.utils import timezone
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend


def backoff(attempts: int) -> timedelta:
    """Seconds before retry ``attempts + 1``: base × 2^(attempts - 1), capped at an hour."""
    base = getattr(settings, "TINGSTED_WEBHOOKS_BACKOFF", 30)
    return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), 3600))


def runs_in_process() -> bool:
    """Whether the task backend runs tasks where they are enqueued (the immediate backend)."""
    return isinstance(deliver_webhook.get_backend(), ImmediateBackend)


def _deliver_in_thread(delivery_id: int) -> None:
    try:
        deliver_webhook.enqueue(delivery_id)  # the immediate backend: runs here, in this thread
    finally:
        connections.close_all()  # this thread's own connections


def start_thread(delivery_id: int, delay: timedelta) -> threading.Thread:
    """Run one attempt of a delivery in a daemon thread, after ``delay``."""
    thread = threading.Timer(delay.total_seconds(), _deliver_in_thread, args=(delivery_id,))
    thread.name = f"tingsted-webhook-{delivery_id}"
    thread.daemon = True
    thread.start()
    return thread


def schedule(delivery_id: int, at: datetime | None = None) -> None:
    """Queue an attempt of a delivery, now or ``at`` a later time, never inside the caller."""
    if runs_in_process():
        delay = at - timezone.now() if at else timedelta(0)
        start_thread(delivery_id, max(delay, timedelta(0)))
        return
    runner = deliver_webhook
    if at and runner.get_backend().supports_defer:
        runner = runner.using(run_after=at)
    runner.enqueue(delivery_id)


@task()
def deliver_webhook(delivery_id: int) -> str:
    """One attempt; on failure the next is scheduled after the backoff (never slept here)."""
    from api.models import WebhookDelivery
    from api.webhooks import attempt

    delivery = WebhookDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status in (
        WebhookDelivery.Status.DELIVERED,
        WebhookDelivery.Status.FAILED,
    ):
        return "skipped"
    result = attempt(delivery)
    max_attempts = getattr(settings, "TINGSTED_WEBHOOKS_MAX_ATTEMPTS", 5)
    delivery.next_attempt_at = None
    if result.ok:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
    elif delivery.attempts >= max_attempts:
        delivery.status = WebhookDelivery.Status.FAILED
    else:
        delivery.status = WebhookDelivery.Status.RETRYING
        delivery.next_attempt_at = delivery.last_attempt_at + backoff(delivery.attempts)
    delivery.save()
    if delivery.status == WebhookDelivery.Status.RETRYING:
        schedule(delivery.pk, delivery.next_attempt_at)
    return delivery.status


def send_again(delivery) -> object:
    """Queue a fresh delivery of the same event (same id and payload), for the admin action."""
    from api.models import WebhookDelivery

    copy = WebhookDelivery.objects.create(
        subscription=delivery.subscription,
        event=delivery.event,
        event_id=delivery.event_id,
        payload=delivery.payload,
    )
    schedule(copy.pk)
    return copy
