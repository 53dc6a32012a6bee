"""Erasing one person's data by e-mail address (``manage.py erase_personal_data``).

Each plugin knows which of its models hold personal data and erases them through its
``erase_personal_data`` hook (cms/contract.py). The core erases what is shared by every
model: the address inside saved revisions, admin log entries and wagtail-localize's
translation sources, which keep copies of a row after the row itself changed. User
accounts are reported, not erased: deleting an editor is an admin decision.

After the hooks ran, :func:`remaining_mentions` scans every text column of every model for
the address, so whatever no hook knows about (an address typed into a rich-text paragraph)
is reported to the operator instead of silently staying.
"""

from __future__ import annotations

import re
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models.functions import Cast

from cms.contract import ErasureReport

#: What replaces the address where it is embedded in text we keep.
REDACTED = "[erased]"


def scrub(value: Any, email: str) -> Any:
    """``value`` with every occurrence of ``email`` (any case) replaced, at any depth."""
    if isinstance(value, str):
        return re.sub(re.escape(email), REDACTED, value, flags=re.IGNORECASE)
    if isinstance(value, list):
        return [scrub(item, email) for item in value]
    if isinstance(value, dict):
        return {key: scrub(item, email) for key, item in value.items()}
    return value


def mentioning(queryset: models.QuerySet, field: str, email: str) -> models.QuerySet:
    """Rows whose ``field`` (text or JSON) contains ``email``, on SQLite and PostgreSQL."""
    return queryset.annotate(_erasure_text=Cast(field, models.TextField())).filter(
        _erasure_text__icontains=email
    )


def scrub_field(
    model: type[models.Model], fields: list[str], email: str, dry_run: bool, action: str
) -> ErasureReport:
    """Replace the address inside ``fields`` of every row of ``model`` that mentions it."""
    query = models.Q()
    for field in fields:
        query |= models.Q(pk__in=mentioning(model._default_manager.all(), field, email))
    rows = model._default_manager.filter(query)
    count = rows.count()
    if not dry_run:
        for row in rows.iterator():
            # JSON kept as text (a translation source) is scrubbed as text: the address
            # holds no character that JSON escapes, so the result stays valid JSON.
            for field in fields:
                setattr(row, field, scrub(getattr(row, field), email))
            row.save(update_fields=fields)
    return ErasureReport(model._meta.label, action, count)


def erase_core(email: str, dry_run: bool) -> list[ErasureReport]:
    """The core's hook: revisions, log entries, translation sources; users reported only."""
    from wagtail.models import ModelLogEntry, PageLogEntry, Revision

    reports = [
        scrub_field(Revision, ["content"], email, dry_run, "address removed from revisions"),
        scrub_field(PageLogEntry, ["label", "data"], email, dry_run, "address removed"),
        scrub_field(ModelLogEntry, ["label", "data"], email, dry_run, "address removed"),
    ]
    if apps.is_installed("wagtail_localize"):
        from wagtail_localize.models import TranslationSource

        reports.append(
            scrub_field(TranslationSource, ["content_json"], email, dry_run, "address removed")
        )
    users = get_user_model()._default_manager.filter(email__iexact=email).count()
    reports.append(
        ErasureReport(
            get_user_model()._meta.label,
            "kept: delete or change the user account in the admin",
            users,
        )
    )
    return reports


TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def remaining_mentions(email: str) -> list[tuple[str, str, int]]:
    """``(model label, field, rows)`` for every text column that still holds the address."""
    from wagtail.fields import StreamField

    found = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, (*TEXT_FIELDS, StreamField)):
                continue
            count = mentioning(model._default_manager.all(), field.attname, email).count()
            if count:
                found.append((model._meta.label, field.name, count))
    return found
