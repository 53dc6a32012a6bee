"""Dates, times, numbers and money in the reader's language, with Babel (CLDR data).

Hand-written formats go wrong in small ways (Danish "kr." after the amount, Swedish
spaces as thousands separators, English currency codes before it); CLDR knows them all.
Every function takes the language explicitly or uses the active one, and times are shown
in the active time zone, which the middleware sets to the site's (cms/sites.py).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from babel import Locale as BabelLocale
from babel import UnknownLocaleError, dates, numbers
from django.utils import timezone, translation

#: Django language code -> CLDR locale where the plain language is not what readers expect:
#: Nordic organisations write British English.
BABEL_LOCALES = {"en": "en_GB"}
DEFAULT_LOCALE = "en_GB"


def babel_locale(language: str | None = None) -> str:
    """The CLDR locale for a Django language code (``nb``, ``sv``, ``pt-br``)."""
    code = (language or translation.get_language() or "en").replace("-", "_")
    code = BABEL_LOCALES.get(code.lower(), code)
    try:
        return str(BabelLocale.parse(code))
    except (ValueError, UnknownLocaleError):
        return DEFAULT_LOCALE


def format_money(amount: Decimal | int | float, currency: str, language: str | None = None) -> str:
    """``19995, "DKK", "da"`` -> ``19.995,00 kr.``; ``"sv"`` -> ``19 995,00 Dkr``."""
    return numbers.format_currency(amount, currency.upper(), locale=babel_locale(language))


def format_number(
    number: Decimal | int | float, language: str | None = None, decimal_places: int | None = None
) -> str:
    locale = babel_locale(language)
    if decimal_places is None:
        return numbers.format_decimal(number, locale=locale)
    pattern = "#,##0" + ("." + "0" * decimal_places if decimal_places else "")
    return numbers.format_decimal(number, format=pattern, locale=locale)


def _aware(value: datetime.datetime) -> datetime.datetime:
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return timezone.localtime(value)


def format_date(
    value: datetime.date | datetime.datetime, format: str = "long", language: str | None = None
) -> str:
    """``long``: "5. marts 2026" (da), "5 mars 2026" (sv), "5 March 2026" (en)."""
    if isinstance(value, datetime.datetime):
        value = _aware(value).date()
    return dates.format_date(value, format=format, locale=babel_locale(language))


def format_datetime(
    value: datetime.datetime, format: str = "medium", language: str | None = None
) -> str:
    """In the active time zone (the site's): 14:30 in Copenhagen, not 13:30 UTC."""
    value = _aware(value)
    return dates.format_datetime(
        value, format=format, tzinfo=value.tzinfo, locale=babel_locale(language)
    )


def format_time(
    value: datetime.time | datetime.datetime, format: str = "short", language: str | None = None
) -> str:
    if isinstance(value, datetime.datetime):
        value = _aware(value)
        return dates.format_time(
            value, format=format, tzinfo=value.tzinfo, locale=babel_locale(language)
        )
    return dates.format_time(value, format=format, locale=babel_locale(language))
