"""Webhook subscriptions and their delivery log, and the API's own permissions."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Site

from api.webhooks import EVENTS, UnsafeURL, check_url


class APIAccess(models.Model):
    """No table: it carries the permissions an administrator grants to API tokens' users."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("read_restricted", _("Can read login-restricted pages and files through the API")),
            (
                "read_closed",
                _("Can read closed items (such as closed minutes items) through the API"),
            ),
        ]
        verbose_name = _("API access")
        verbose_name_plural = _("API access")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


def _default_events() -> list[str]:
    return list(EVENTS)


class WebhookSubscription(models.Model):
    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("Who receives it, for example 'Partner site (Oslo)'."),
    )
    url = models.URLField(
        _("address"),
        max_length=500,
        help_text=_(
            "The receiver's https:// address. Addresses on this machine or in a private "
            "network are refused."
        ),
    )
    secret = models.CharField(
        _("secret"),
        max_length=200,
        help_text=_(
            "Shared with the receiver, who uses it to check the X-Tingsted-Signature header. "
            "At least 16 characters."
        ),
    )
    events = models.JSONField(
        _("events"),
        default=_default_events,
        help_text=_("Which changes are sent."),
    )
    site = models.ForeignKey(
        Site,
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Only changes to this site's pages. Leave empty for every site."),
    )
    locale = models.ForeignKey(
        Locale,
        verbose_name=_("language"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Only changes to pages in this language. Leave empty for every language."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick to pause deliveries without losing the settings."),
    )
    created_at = models.DateTimeField(
        _("created"), auto_now_add=True, help_text=_("When the webhook was added.")
    )

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.secret and len(self.secret) < 16:
            errors["secret"] = _("Use at least 16 characters, so the signature cannot be guessed.")
        unknown = set(self.events or []) - set(EVENTS)
        if unknown or not self.events:
            errors["events"] = _("Choose at least one of the listed events.")
        if self.url:
            try:
                check_url(self.url)
            except UnsafeURL as exc:
                errors["url"] = str(exc)
        if errors:
            raise ValidationError(errors)

    def wants(self, event: str, page) -> bool:
        if not self.is_active or event not in (self.events or []):
            return False
        if self.locale_id and page.locale_id != self.locale_id:
            return False
        if self.site_id:
            site = self.site
            roots = [site.root_page, *site.root_page.get_translations()]
            if not any(page.path.startswith(root.path) for root in roots):
                return False
        return True


class WebhookDelivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        RETRYING = "retrying", _("Retrying")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    subscription = models.ForeignKey(
        WebhookSubscription,
        verbose_name=_("webhook"),
        on_delete=models.CASCADE,
        related_name="deliveries",
        help_text=_("The webhook the message was sent to."),
    )
    event_id = models.UUIDField(
        _("event id"),
        default=uuid.uuid4,
        db_index=True,
        help_text=_("Identifies the change; the receiver can use it to ignore repeats."),
    )
    event = models.CharField(
        _("event"), max_length=40, help_text=_("The kind of change, for example 'page.published'.")
    )
    payload = models.JSONField(_("payload"), help_text=_("The data sent to the receiver."))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
        help_text=_("Whether the receiver has accepted the message yet."),
    )
    attempts = models.PositiveSmallIntegerField(
        _("attempts"), default=0, help_text=_("How many times sending has been tried.")
    )
    response_code = models.PositiveSmallIntegerField(
        _("response code"),
        null=True,
        blank=True,
        help_text=_("The HTTP status the receiver answered with last time, if any."),
    )
    error = models.TextField(
        _("error"), blank=True, help_text=_("What went wrong on the last attempt, if anything.")
    )
    created_at = models.DateTimeField(
        _("created"), auto_now_add=True, help_text=_("When the change happened.")
    )
    last_attempt_at = models.DateTimeField(
        _("last attempt"), null=True, blank=True, help_text=_("When sending was last tried.")
    )
    delivered_at = models.DateTimeField(
        _("delivered"), null=True, blank=True, help_text=_("When the receiver accepted it.")
    )
    next_attempt_at = models.DateTimeField(
        _("next attempt"),
        null=True,
        blank=True,
        help_text=_("When sending will be tried again, after a failed attempt."),
    )

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.event} → {self.subscription} ({self.get_status_display()})"


class SyncEntry(models.Model):
    """One row of the sync feed's change log (api/changelog.py): a page that may have changed
    for consuming sites. Append-only; the feed (api/sync.py) judges each page as it is now."""

    class Kind(models.TextChoices):
        UPSERT = "upsert", _("Changed")
        TOMBSTONE = "tombstone", _("Gone")

    id = models.BigAutoField(primary_key=True)
    page_id = models.PositiveIntegerField(
        _("page id"), db_index=True, help_text=_("The page that changed (it may be deleted since).")
    )
    path = models.CharField(
        _("tree path"),
        max_length=255,
        help_text=_("Where the page was in the page tree then: which site's feed it belongs to."),
    )
    locale = models.CharField(
        _("language"), max_length=100, help_text=_("The language code of the page.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("Whether the page was changed or went away for anonymous visitors."),
    )
    created_at = models.DateTimeField(
        _("created"), auto_now_add=True, help_text=_("When the change happened.")
    )

    class Meta:
        verbose_name = _("sync feed entry")
        verbose_name_plural = _("sync feed entries")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.id}: {self.kind} page {self.page_id} ({self.locale})"


class SyncPruning(models.Model):
    """A pruning of the sync feed's change log (``manage.py prune_sync_log``): the rows up to
    ``pruned_through`` are gone, so a cursor from before that position can no longer be
    followed (the feed answers 410, api/sync.py)."""

    pruned_through = models.BigIntegerField(
        _("pruned through"),
        help_text=_(
            "The newest change-log entry removed: consumers with an older cursor must start again."
        ),
    )
    cutoff = models.DateTimeField(
        _("cutoff"), help_text=_("Changes logged before this moment were removed.")
    )
    removed = models.PositiveIntegerField(
        _("entries removed"), help_text=_("How many change-log entries this pruning removed.")
    )
    created_at = models.DateTimeField(
        _("pruned at"), auto_now_add=True, help_text=_("When the change log was pruned.")
    )

    class Meta:
        verbose_name = _("sync log pruning")
        verbose_name_plural = _("sync log prunings")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d}: through {self.pruned_through}"
