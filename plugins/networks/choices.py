"""The choices of the networks plugin's fields: below the models, so the API schemas name them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Currency(models.TextChoices):
    DKK = "DKK", _("Danish kroner (DKK)")
    SEK = "SEK", _("Swedish kronor (SEK)")
    NOK = "NOK", _("Norwegian kroner (NOK)")
    EUR = "EUR", _("Euro (EUR)")
