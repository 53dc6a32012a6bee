"""The content generation's row, for deployments whose cache is per process."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentGeneration(models.Model):
    """One row: when content last changed (ns), read once per request (cms.generation).

    Used only when the configured cache is not shared between processes (locmem, dummy,
    file-based): there a value in the cache would be seen by one process only.
    """

    value = models.BigIntegerField(_("generation"))

    class Meta:
        verbose_name = _("content generation")
        verbose_name_plural = _("content generations")

    def __str__(self) -> str:
        return str(self.value)
