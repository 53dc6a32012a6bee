"""A person's further roles: a role or title at an organisation, besides the main one."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class PersonRoleBlock(blocks.StructBlock):
    """One further role. Both texts are translated: an organisation's name may differ by
    language ("Eksempelby Kommune", "Eksempelby kommun")."""

    role = blocks.CharBlock(
        label=_("Role"),
        max_length=200,
        help_text=_("For example 'Chair' or 'Board member'."),
    )
    organisation = blocks.CharBlock(
        label=_("Organisation"),
        required=False,
        max_length=200,
        help_text=_("Where the person holds this role, as this language writes its name."),
    )

    class Meta:
        icon = "user"
        label = _("Further role")
        description = _("A role or title the person holds at another organisation.")
