"""The choices of councils' and meetings' fields: below the page types, so validation,
presentation and exports name them without importing the pages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    MEMBER = "member", _("Member")
    SUBSTITUTE = "substitute", _("Substitute")


class DocumentStatus(models.TextChoices):
    AGENDA = "agenda", _("Agenda published")
    MINUTES_DRAFT = "minutes_draft", _("Minutes (draft)")
    MINUTES_APPROVED = "minutes_approved", _("Minutes approved")


class Outcome(models.TextChoices):
    APPROVED = "approved", _("Approved")
    APPROVED_WITH_CHANGES = "approved_with_changes", _("Approved with changes")
    DISCUSSED = "discussed", _("Discussed")
    NOTED = "noted", _("Noted for information")
    REJECTED = "rejected", _("Rejected")
    POSTPONED = "postponed", _("Postponed")
    NONE = "none", _("None")


class Attendance(models.TextChoices):
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
