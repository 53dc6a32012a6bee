"""Contact block: a department's address, phone, e-mail and opening hours."""

from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel
from wagtail import blocks


class OpeningHoursBlock(blocks.StructBlock):
    days = blocks.CharBlock(label=_("Days"), max_length=80, help_text=_("For example 'Mon–Thu'."))
    hours = blocks.CharBlock(label=_("Hours"), max_length=80, help_text=_("For example '10–15'."))

    class Meta:
        icon = "time"
        label = _("Opening hours")


class OpeningHoursData(BaseModel):
    days: str
    hours: str


class ContactData(BaseModel):
    department: str
    address_lines: list[str]
    phone: str
    email: str
    opening_hours: list[OpeningHoursData]


class ContactBlock(blocks.StructBlock):
    department = blocks.CharBlock(
        label=_("Department"), max_length=200, help_text=_("The team or office to contact.")
    )
    address = blocks.TextBlock(
        label=_("Address"),
        required=False,
        help_text=_("Street, postal code and town, one per line."),
    )
    phone = blocks.CharBlock(
        label=_("Phone"), required=False, max_length=40, help_text=_("With country code if needed.")
    )
    email = blocks.EmailBlock(label=_("E-mail"), required=False)
    opening_hours = blocks.ListBlock(
        OpeningHoursBlock(),
        label=_("Opening hours"),
        required=False,
        default=[],
        help_text=_("When the department answers the phone or receives visitors."),
    )

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        return {
            "department": data["department"],
            "address_lines": [line for line in (data.get("address") or "").splitlines() if line],
            "phone": data.get("phone") or "",
            "email": data.get("email") or "",
            "opening_hours": [dict(item) for item in data.get("opening_hours") or []],
        }

    def get_api_schema(self) -> type:
        return ContactData

    class Meta:
        icon = "mail"
        label = _("Contact")
        template = "blocks/contact.html"
        preview_value = {
            "department": "Secretariat",
            "address": "Torvet 1\n1000 Eksempelby",
            "phone": "+45 00 00 00 00",
            "email": "secretariat@example.org",
            "opening_hours": [{"days": "Mon–Thu", "hours": "10–15"}],
        }
        description = _("How to reach a department: address, phone, e-mail, opening hours.")
