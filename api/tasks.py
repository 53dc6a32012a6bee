"""Background delivery of webhooks through Django's task framework (django-tasks).

Production runs the database backend and a worker (``manage.py db_worker``); tests and
the default development setup use the immediate backend, which runs tasks in-process.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task


def backoff(attempts: int) -> timedelta:
    """Seconds before retry ``attempts + 1``: base × 2^(attempts - 1), capped at an hour."""
    base = getattr(settings, "TINGSTED_WEBHOOKS_BACKOFF", 30)
    return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), 3600))


@task()
def deliver_webhook(delivery_id: int) -> str:
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
    if result.ok:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
    elif delivery.attempts >= max_attempts:
        delivery.status = WebhookDelivery.Status.FAILED
    else:
        delivery.status = WebhookDelivery.Status.RETRYING
    delivery.save()
    if delivery.status == WebhookDelivery.Status.RETRYING:
        retry = deliver_webhook
        if retry.get_backend().supports_defer:
            retry = retry.using(run_after=timezone.now() + backoff(delivery.attempts))
        # Without deferral (the immediate backend) the retry runs at once.
        retry.enqueue(delivery.pk)
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
    deliver_webhook.enqueue(copy.pk)
    return copy
