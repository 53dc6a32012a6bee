"""What a visitor sent through a network page's interest form ("be contacted").

A module of its own, below the page types: the form, the erasure hook and the retention
command use the model without importing the pages (and the pages' views, which use the form).
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InterestSubmission(models.Model):
    """Someone asked to be contacted about a network. Deleted after the retention period."""

    network = models.ForeignKey(
        "networks.NetworkPage",
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="interest_submissions",
        help_text=_("The network the visitor wants to hear about."),
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("The name the visitor gave in the form.")
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Where the visitor works, as they wrote it. Optional."),
    )
    job_title = models.CharField(
        _("job title"),
        max_length=200,
        blank=True,
        help_text=_("The visitor's job title, as they wrote it. Optional."),
    )
    email = models.EmailField(_("e-mail"), help_text=_("Where to contact the visitor."))
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("A phone number, if the visitor gave one."),
    )
    message = models.TextField(
        _("message"),
        blank=True,
        max_length=3000,
        help_text=_("Anything else the visitor wrote to you."),
    )
    consent_text = models.TextField(
        _("consent text"), help_text=_("The exact sentence the visitor accepted.")
    )
    consent_version = models.CharField(
        _("terms version"),
        max_length=40,
        blank=True,
        help_text=_("The version of the network's terms the visitor accepted."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_("The language of the page the form was sent from, for example 'da'."),
    )
    submitted_at = models.DateTimeField(
        _("submitted"),
        default=timezone.now,
        db_index=True,
        help_text=_("When the form was sent. Submissions are deleted after the retention period."),
    )

    class Meta:
        verbose_name = _("interest submission")
        verbose_name_plural = _("interest submissions")
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"
