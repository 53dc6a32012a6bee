"""What the translation app stores: which group translates which locale, and its permissions.

Everything else (sources, segments, translated strings, sync times) is wagtail-localize's
own data; this app reads it rather than keeping a copy that could drift.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class TranslatorGroup(models.Model):
    """Marks a group as the translators of one locale.

    Members may edit pages and snippets in that locale only: page permissions come from
    GroupPagePermission rows on every site's home page in the locale (made by
    ``manage.py setup_roles``); snippets have model-wide permissions in Wagtail, so
    :class:`plugins.translation.permissions.LocaleSnippetPermissionPolicy` narrows them to the
    locales named here.
    """

    group = models.OneToOneField(
        Group,
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="translator_role",
        help_text=_("The group whose members translate into the locale."),
    )
    locale = models.ForeignKey(
        Locale,
        verbose_name=_("locale"),
        on_delete=models.CASCADE,
        related_name="translator_groups",
        help_text=_("The only locale the group's members may edit."),
    )

    class Meta:
        verbose_name = _("translator group")
        verbose_name_plural = _("translator groups")
        permissions = [
            ("view_translation_status", _("Can see the translation status of pages and snippets")),
            ("sync_translations", _("Can sync translations with their source")),
        ]

    def __str__(self) -> str:
        return f"{self.group.name} → {self.locale.language_code}"
