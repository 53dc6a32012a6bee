"""Template filters for localized presentation: ``{% load l10n_tags %}``.

``{{ fee|money:"DKK" }}``, ``{{ meeting.start|local_datetime }}``,
``{{ meeting.start|local_date:"full" }}``, ``{{ meeting.start|local_time }}``,
``{{ count|local_number }}``. The language is the active one (the page's), the time zone
the site's; see cms/formatting.py.
"""

from __future__ import annotations

from django import template

from cms import formatting

register = template.Library()


@register.filter
def money(amount, currency: str = "DKK") -> str:
    if amount in (None, ""):
        return ""
    return formatting.format_money(amount, currency)


@register.filter
def local_number(number, decimal_places=None) -> str:
    if number in (None, ""):
        return ""
    places = int(decimal_places) if decimal_places not in (None, "") else None
    return formatting.format_number(number, decimal_places=places)


@register.filter
def local_date(value, format: str = "long") -> str:
    return formatting.format_date(value, format) if value else ""


@register.filter
def local_datetime(value, format: str = "medium") -> str:
    return formatting.format_datetime(value, format) if value else ""


@register.filter
def local_time(value, format: str = "short") -> str:
    return formatting.format_time(value, format) if value else ""
