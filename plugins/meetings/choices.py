"""The choices a meeting's fields offer: below the page types, so everything that shows a
meeting (calendar, JSON-LD, API) names them without importing the pages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    CONFIRMED = "confirmed", _("Confirmed")
    NOT_CONFIRMED = "not_confirmed", _("Not yet confirmed")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class StatusDisplay(models.TextChoices):
    """When visitors see a meeting's status on the site."""

    WHEN_IT_MATTERS = "auto", _("When it changes a visitor's plans")
    ALWAYS = "always", _("Always")
    ONLY_CANCELLED_OR_POSTPONED = "changes", _("Only when cancelled or postponed")


#: The statuses that change a visitor's plans: shown unless the editor chose otherwise.
PLAN_CHANGING = frozenset({"not_confirmed", "postponed", "cancelled"})
#: Shown whatever the editor chose: a visitor must never miss these.
ALWAYS_SHOWN = frozenset({"postponed", "cancelled"})


class MeetingKind(models.TextChoices):
    REGULAR = "regular", _("Regular meeting")
    OVERNIGHT = "overnight", _("Overnight meeting (two days)")
    CONFERENCE = "conference", _("Conference")
    WEBINAR = "webinar", _("Webinar")
