"""Template helpers of the networks plugin."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_currency
from django import template
from django.utils.translation import get_language, to_locale

register = template.Library()


@register.filter
def money(amount: Decimal | None, currency: str) -> str:
    """``{{ page.fee_amount|money:page.fee_currency }}`` in the active language's format."""
    if amount is None:
        return ""
    locale = to_locale(get_language() or "en")
    try:
        return format_currency(amount, currency, locale=locale)
    except (ValueError, LookupError):
        return f"{amount} {currency}"
