"""Dates, times, numbers and money in the reader's language, with Babel (CLDR data).

Hand-written formats go wrong in small ways (Danish "kr." after the amount, Swedish
spaces as thousands separators, English currency codes before it); CLDR knows them all.
Every function takes the language explicitly or uses the active one, and times are shown
in the active time zone, which the middleware sets to the site's (cms/sites.py).

Dates and times in running text follow the language councils where CLDR does not: Dansk
Sprognævn and Språkrådet (Sweden, Norway) write "kl. 10.00" with a full stop, Swedish and
Norwegian CLDR has a colon; British style writes "Tuesday 12 January 2027" without CLDR's
comma. :data:`CONVENTIONS` holds those patterns; docs/translation.md has the table of
rules per language. Every page, feed, calendar and e-mail formats its dates through the
functions here (plugins through ``cms.public``), so a language reads the same everywhere.
Machine fields (API, JSON-LD dates, exports) stay ISO 8601 and do not come here.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Convention:
    """How one language writes dates and times in running text (Babel patterns)."""

    date: str  #: 12. januar 2027
    weekday_date: str  #: tirsdag den 12. januar 2027
    day_month: str  #: 12. januar: the first date of a range within one year
    weekday_day_month: str  #: tirsdag den 12. januar
    day: str | None  #: 12.: the first date of a range within one month; None: not shortened
    time: str  #: 10.00
    numeric: str  #: 1.5.2027, where a table has no room for the month's name
    clock: str = ""  #: what precedes a time in text: "kl. "
    joiner: str = ", "  #: between a date and its time


_NORWEGIAN = Convention(
    date="d. MMMM y",
    weekday_date="EEEE d. MMMM y",
    day_month="d. MMMM",
    weekday_day_month="EEEE d. MMMM",
    day="d.",
    time="HH.mm",
    numeric="d.M.y",
    clock="kl. ",
    joiner=" ",
)

#: Babel locale (or its language) -> the convention of that language's council. A locale
#: without one gets :func:`_cldr_convention`.
CONVENTIONS: dict[str, Convention] = {
    # Dansk Sprognævn: "tirsdag den 12. januar 2027", "kl. 10.00", "12.–13. januar", "1.5.2027".
    "da": Convention(
        date="d. MMMM y",
        weekday_date="EEEE 'den' d. MMMM y",
        day_month="d. MMMM",
        weekday_day_month="EEEE 'den' d. MMMM",
        day="d.",
        time="HH.mm",
        numeric="d.M.y",
        clock="kl. ",
        joiner=" ",
    ),
    # Språkrådet (Svenska skrivregler): "tisdag 12 januari 2027", "kl. 09.30", "12–13 januari",
    # numeric dates as ISO 8601 "2027-05-01".
    "sv": Convention(
        date="d MMMM y",
        weekday_date="EEEE d MMMM y",
        day_month="d MMMM",
        weekday_day_month="EEEE d MMMM",
        day="d",
        time="HH.mm",
        numeric="y-MM-dd",
        clock="kl. ",
        joiner=" ",
    ),
    # Språkrådet (Norway), bokmål and nynorsk alike: "12. januar 2027", "kl. 09.30",
    # "8.–12. februar", "8.2.2015".
    "nb": _NORWEGIAN,
    "nn": _NORWEGIAN,
    "no": _NORWEGIAN,
    # British style: "Tuesday 12 January 2027, 10:00–16:00", 24-hour clock.
    "en_GB": Convention(
        date="d MMMM y",
        weekday_date="EEEE d MMMM y",
        day_month="d MMMM",
        weekday_day_month="EEEE d MMMM",
        day="d",
        time="HH:mm",
        numeric="dd/MM/y",
    ),
}

#: Between the ends of a range: no spaces between single terms (12–13, 10.00–16.00), spaces
#: when an end has more than one word (30. januar – 2. februar), as all four councils write.
DASH = "\u2013"


@functools.cache
def _cldr_convention(locale: str) -> Convention:
    """CLDR's own formats, for a language no council convention is written down for."""
    cldr = BabelLocale.parse(locale)
    skeletons = cldr.datetime_skeletons

    def skeleton(name: str, fallback: str) -> str:
        pattern = skeletons.get(name)
        return pattern.pattern if pattern is not None else fallback

    long_date = cldr.date_formats["long"].pattern
    full_date = cldr.date_formats["full"].pattern
    return Convention(
        date=long_date,
        weekday_date=full_date,
        day_month=skeleton("MMMMd", long_date),
        weekday_day_month=skeleton("MMMMEEEEd", full_date),
        day=None,
        time=cldr.time_formats["short"].pattern,
        numeric=cldr.date_formats["short"].pattern,
    )


def convention(language: str | None = None) -> tuple[str, Convention]:
    """The Babel locale of ``language`` (or the active one) and how it writes dates."""
    locale = babel_locale(language)
    found = CONVENTIONS.get(locale) or CONVENTIONS.get(locale.split("_")[0])
    return locale, found or _cldr_convention(locale)


def _aware(value: datetime.datetime) -> datetime.datetime:
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return timezone.localtime(value)


def _day(value: datetime.date | datetime.datetime) -> datetime.date:
    """The calendar day of ``value``, a moment's in the active time zone."""
    if isinstance(value, datetime.datetime):
        return _aware(value).date()
    return value


def _clock(value: datetime.time | datetime.datetime, pattern: str, locale: str) -> str:
    if isinstance(value, datetime.datetime):
        value = _aware(value)
        return dates.format_time(value, format=pattern, tzinfo=value.tzinfo, locale=locale)
    return dates.format_time(value, format=pattern, locale=locale)


def format_date(
    value: datetime.date | datetime.datetime,
    format: str = "long",
    language: str | None = None,
    *,
    weekday: bool = False,
    year: bool = True,
) -> str:
    """``long`` (the default): "12. januar 2027" (da), "12 januari 2027" (sv),
    "12. januar 2027" (nb), "12 January 2027" (en); with ``weekday`` "tirsdag den 12. januar
    2027", "tisdag 12 januari 2027", "tirsdag 12. januar 2027", "Tuesday 12 January 2027";
    without ``year`` "12. januar" (where the year is said already). ``numeric``: "1.5.2027"
    (da, nb), "2027-05-01" (sv), "01/05/2027" (en). Other formats (``short``, ``medium``,
    ``full``, a pattern) are CLDR's."""
    locale, rules = convention(language)
    if format == "numeric":
        format = rules.numeric
    elif format == "long":
        if year:
            format = rules.weekday_date if weekday else rules.date
        else:
            format = rules.weekday_day_month if weekday else rules.day_month
    return dates.format_date(_day(value), format=format, locale=locale)


def format_time(
    value: datetime.time | datetime.datetime, format: str = "short", language: str | None = None
) -> str:
    """``short`` (the default): "10.00" (da, sv, nb), "10:00" (en); a moment in the active
    time zone. Other formats are CLDR's."""
    locale, rules = convention(language)
    return _clock(value, rules.time if format == "short" else format, locale)


def format_datetime(
    value: datetime.datetime,
    format: str = "long",
    language: str | None = None,
    *,
    weekday: bool = False,
    year: bool = True,
) -> str:
    """``long`` (the default): "12. januar 2027 kl. 10.00" (da), "12 January 2027, 10:00"
    (en), in the active time zone: 14:30 in Copenhagen, not 13:30 UTC. Other formats are
    CLDR's ("short": "2027-01-12 10:00" in sv)."""
    locale, rules = convention(language)
    if format != "long":
        value = _aware(value)
        return dates.format_datetime(value, format=format, tzinfo=value.tzinfo, locale=locale)
    day = format_date(value, language=locale, weekday=weekday, year=year)
    return f"{day}{rules.joiner}{rules.clock}{_clock(value, rules.time, locale)}"


#: A range in three parts, (first end, separator, last end), for markup that wraps each end
#: in its own element (``<time datetime>``); the plain text is the three joined.
RangeParts = tuple[str, str, str]


def time_range_parts(
    start: datetime.time | datetime.datetime,
    end: datetime.time | datetime.datetime | None,
    language: str | None = None,
) -> RangeParts:
    locale, rules = convention(language)
    first = rules.clock + _clock(start, rules.time, locale)
    if end is None:
        return first, "", ""
    return first, DASH, _clock(end, rules.time, locale)


def date_range_parts(
    start: datetime.date | datetime.datetime,
    end: datetime.date | datetime.datetime | None,
    language: str | None = None,
    *,
    weekday: bool = False,
    year: bool = True,
) -> RangeParts:
    locale, rules = convention(language)
    first, last = _day(start), _day(end) if end is not None else None
    if last is None or last == first:
        return format_date(first, language=locale, weekday=weekday, year=year), "", ""
    until = format_date(last, language=locale, weekday=weekday, year=year)
    if first.year != last.year and year:
        return format_date(first, language=locale, weekday=weekday), f" {DASH} ", until
    if not weekday and rules.day and (first.year, first.month) == (last.year, last.month):
        return dates.format_date(first, format=rules.day, locale=locale), DASH, until
    since = format_date(first, language=locale, weekday=weekday, year=False)
    return since, f" {DASH} ", until


def datetime_range_parts(
    start: datetime.datetime,
    end: datetime.datetime | None,
    language: str | None = None,
    *,
    weekday: bool = False,
    year: bool = True,
) -> RangeParts:
    locale, rules = convention(language)
    first, last = _day(start), _day(end) if end is not None else None
    if last is None or last == first:
        day = format_date(first, language=locale, weekday=weekday, year=year)
        since, dash, until = time_range_parts(start, end, locale)
        return f"{day}{rules.joiner}{since}", dash, until
    both_years = year and first.year != last.year
    since = format_datetime(start, language=locale, weekday=weekday, year=both_years)
    until = format_datetime(end, language=locale, weekday=weekday, year=year)
    return since, f" {DASH} ", until


def format_time_range(
    start: datetime.time | datetime.datetime,
    end: datetime.time | datetime.datetime | None,
    language: str | None = None,
) -> str:
    """Two times of one day: "kl. 10.00–16.00" (da, sv, nb), "10:00–16:00" (en); only the
    start without an end."""
    return "".join(time_range_parts(start, end, language))


def format_date_range(
    start: datetime.date | datetime.datetime,
    end: datetime.date | datetime.datetime | None,
    language: str | None = None,
    *,
    weekday: bool = False,
    year: bool = True,
) -> str:
    """Two days, what they share said once: "12.–13. januar 2027", "30. januar – 2. februar
    2027", "30. december 2026 – 2. januar 2027" (da); "12–13 January 2027" (en). One day
    (or no end) is :func:`format_date`."""
    return "".join(date_range_parts(start, end, language, weekday=weekday, year=year))


def format_datetime_range(
    start: datetime.datetime,
    end: datetime.datetime | None,
    language: str | None = None,
    *,
    weekday: bool = False,
    year: bool = True,
) -> str:
    """A meeting's time. One day: "tirsdag den 12. januar 2027 kl. 10.00–16.00" (da, with
    ``weekday``), "Tuesday 12 January 2027, 10:00–16:00" (en). Across days, each end with
    its day and time, the shared year once: "12. januar kl. 10.00 – 13. januar 2027 kl.
    16.00" (da), "12 January, 10:00 – 13 January 2027, 16:00" (en)."""
    return "".join(datetime_range_parts(start, end, language, weekday=weekday, year=year))
