"""Template filters and tags for localized presentation: ``{% load l10n_tags %}``.

``{{ fee|money:"DKK" }}``, ``{{ count|local_number }}``; dates and times as each language
writes them (cms/formatting.py, docs/translation.md):

* ``{{ day|local_date }}`` "12. januar 2027"; ``{{ day|local_date:"weekday" }}`` "tirsdag
  den 12. januar 2027"; ``"no_year"`` leaves the year out, ``"weekday,no_year"`` both;
* ``{{ start|local_time }}`` "10.00"; ``{{ start|local_datetime }}`` "12. januar 2027 kl.
  10.00" (same flags as ``local_date``);
* ``{% time_range start end %}`` "kl. 10.00–16.00", ``{% date_range first last %}``
  "12.–13. januar 2027" and ``{% datetime_range start end weekday=True %}`` "tirsdag den
  12. januar 2027 kl. 10.00–16.00": each end in a ``<time datetime>`` element (ISO 8601
  in the site's zone). ``datetime_range`` takes times of one ``day=`` too, as a
  programme's sessions have them.

The language is the active one (the page's), the time zone the site's.
"""

from __future__ import annotations

import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

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


def _flags(format: str) -> tuple[str, dict[str, bool]]:
    """``"weekday,no_year"`` -> ("long", {"weekday": True, "year": False}); any other
    argument is a CLDR format name or pattern, passed on."""
    words = {word.strip() for word in str(format).split(",")}
    if not words <= {"long", "weekday", "no_year"}:
        return format, {}
    return "long", {"weekday": "weekday" in words, "year": "no_year" not in words}


@register.filter
def local_date(value, format: str = "long") -> str:
    if not value:
        return ""
    format, flags = _flags(format)
    return formatting.format_date(value, format, **flags)


@register.filter
def local_datetime(value, format: str = "long") -> str:
    if not value:
        return ""
    format, flags = _flags(format)
    return formatting.format_datetime(value, format, **flags)


@register.filter
def local_time(value, format: str = "short") -> str:
    return formatting.format_time(value, format) if value else ""


def _machine(value) -> str:
    """The ``datetime`` attribute of a ``<time>``: ISO 8601, a moment in the site's zone."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    return value.isoformat()


def _date(value: datetime.date) -> datetime.date:
    """The day of a moment in the site's zone: a date range's ends are days."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).date()
    return value.date() if isinstance(value, datetime.datetime) else value


def _markup(parts: formatting.RangeParts, start, end) -> SafeString:
    first, dash, last = parts
    html = format_html('<time datetime="{}">{}</time>', _machine(start), first)
    if dash:
        html += format_html('{}<time datetime="{}">{}</time>', dash, _machine(end), last)
    return html


@register.simple_tag
def time_range(start, end=None) -> str:
    """``{% time_range session.start session.end %}``: "kl. 10.00–16.00"."""
    if not start:
        return ""
    return _markup(formatting.time_range_parts(start, end or None), start, end)


@register.simple_tag
def date_range(start, end=None, weekday: bool = False, year: bool = True) -> str:
    """``{% date_range first last %}``: "12.–13. januar 2027"."""
    if not start:
        return ""
    parts = formatting.date_range_parts(start, end or None, weekday=weekday, year=year)
    return _markup(parts, _date(start), _date(end) if end else None)


@register.simple_tag
def datetime_range(
    start, end=None, weekday: bool = False, year: bool = True, day: datetime.date | None = None
) -> str:
    """``{% datetime_range meeting.start meeting.end weekday=True %}``: "tirsdag den 12.
    januar 2027 kl. 10.00–16.00", or each end with its day when it ends on another day.
    With ``day``, ``start`` and ``end`` are times of that day."""
    if not start:
        return ""
    if day is not None and isinstance(start, datetime.time):
        start = datetime.datetime.combine(day, start)
        end = datetime.datetime.combine(day, end) if isinstance(end, datetime.time) else None
    elif isinstance(start, datetime.time):
        return time_range(start, end)
    parts = formatting.datetime_range_parts(start, end or None, weekday=weekday, year=year)
    return _markup(parts, start, end)
