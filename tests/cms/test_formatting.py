"""Localized presentation with Babel, and the admin in each editor's language."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from cms.formatting import (
    format_date,
    format_date_range,
    format_datetime,
    format_datetime_range,
    format_money,
    format_number,
    format_time,
    format_time_range,
)

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("language", "currency", "expected"),
    [
        ("da", "DKK", f"19.995,00{NBSP}kr."),
        ("sv", "SEK", f"19{NBSP}995,00{NBSP}kr"),
        ("nb", "NOK", f"19{NBSP}995,00{NBSP}kr"),
        ("sv", "DKK", f"19{NBSP}995,00{NBSP}Dkr"),
        ("en", "DKK", "DKK19,995.00"),
    ],
)
def test_fee_is_shown_each_way_with_its_currency(language, currency, expected):
    assert format_money(19995, currency, language) == expected


def test_numbers_and_dates_per_language():
    assert format_number(1234567.5, "da") == "1.234.567,5"
    assert format_number(1234567.5, "en") == "1,234,567.5"
    assert format_number(3, "sv", decimal_places=2) == "3,00"
    day = datetime.date(2026, 3, 5)
    assert format_date(day, language="da") == "5. marts 2026"
    assert format_date(day, language="sv") == "5 mars 2026"
    assert format_date(day, language="nb") == "5. mars 2026"
    assert format_date(day, language="en") == "5 March 2026"


def test_times_are_shown_in_the_active_site_time_zone():
    moment = datetime.datetime(2026, 3, 5, 13, 30, tzinfo=datetime.UTC)
    with timezone.override(zoneinfo.ZoneInfo("Europe/Copenhagen")):
        assert format_time(moment, language="da") == "14.30"
        assert format_datetime(moment, "short", language="sv") == "2026-03-05 14:30"
    with timezone.override(zoneinfo.ZoneInfo("Europe/London")):
        assert format_time(moment, language="en") == "13:30"


# --- dates and times as the language councils write them (docs/translation.md) -------------
# Tuesday 12 January 2027, 10:00 to 16:00 in Copenhagen (09:00 to 15:00 UTC).
COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")
START = datetime.datetime(2027, 1, 12, 9, 0, tzinfo=datetime.UTC)
END = datetime.datetime(2027, 1, 12, 15, 0, tzinfo=datetime.UTC)
NEXT_DAY = datetime.datetime(2027, 1, 13, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture
def copenhagen():
    with timezone.override(COPENHAGEN):
        yield


@pytest.mark.parametrize(
    ("language", "date", "weekday", "no_year", "numeric"),
    [
        ("da", "12. januar 2027", "tirsdag den 12. januar 2027", "12. januar", "12.1.2027"),
        ("sv", "12 januari 2027", "tisdag 12 januari 2027", "12 januari", "2027-01-12"),
        ("nb", "12. januar 2027", "tirsdag 12. januar 2027", "12. januar", "12.1.2027"),
        ("en", "12 January 2027", "Tuesday 12 January 2027", "12 January", "12/01/2027"),
    ],
)
def test_a_date_per_language(copenhagen, language, date, weekday, no_year, numeric):
    assert format_date(START, language=language) == date
    assert format_date(START.date(), language=language) == date
    assert format_date(START, language=language, weekday=True) == weekday
    assert format_date(START, language=language, year=False) == no_year
    assert format_date(START, "numeric", language) == numeric


@pytest.mark.parametrize(
    ("language", "time", "time_range", "moment"),
    [
        ("da", "10.00", "kl. 10.00–16.00", "12. januar 2027 kl. 10.00"),
        ("sv", "10.00", "kl. 10.00–16.00", "12 januari 2027 kl. 10.00"),
        ("nb", "10.00", "kl. 10.00–16.00", "12. januar 2027 kl. 10.00"),
        ("en", "10:00", "10:00–16:00", "12 January 2027, 10:00"),
    ],
)
def test_a_time_and_a_time_range_per_language(copenhagen, language, time, time_range, moment):
    assert format_time(START, language=language) == time
    assert format_time(datetime.time(10, 0), language=language) == time
    assert format_time_range(START, END, language) == time_range
    assert format_time_range(datetime.time(10), datetime.time(16), language) == time_range
    assert format_datetime(START, language=language) == moment


def test_swedish_and_norwegian_morning_times_keep_the_leading_zero(copenhagen):
    morning = datetime.time(9, 30), datetime.time(12, 30)
    assert format_time_range(*morning, "sv") == "kl. 09.30–12.30"
    assert format_time_range(*morning, "nb") == "kl. 09.30–12.30"
    assert format_time_range(morning[0], None, "da") == "kl. 09.30"


@pytest.mark.parametrize(
    ("language", "same_day", "across_days"),
    [
        (
            "da",
            "tirsdag den 12. januar 2027 kl. 10.00–16.00",
            "12. januar kl. 10.00 – 13. januar 2027 kl. 16.00",
        ),
        (
            "sv",
            "tisdag 12 januari 2027 kl. 10.00–16.00",
            "12 januari kl. 10.00 – 13 januari 2027 kl. 16.00",
        ),
        (
            "nb",
            "tirsdag 12. januar 2027 kl. 10.00–16.00",
            "12. januar kl. 10.00 – 13. januar 2027 kl. 16.00",
        ),
        (
            "en",
            "Tuesday 12 January 2027, 10:00–16:00",
            "12 January, 10:00 – 13 January 2027, 16:00",
        ),
    ],
)
def test_a_date_time_range_per_language(copenhagen, language, same_day, across_days):
    assert format_datetime_range(START, END, language, weekday=True) == same_day
    assert format_datetime_range(START, NEXT_DAY, language) == across_days


@pytest.mark.parametrize(
    ("language", "same_month", "same_year", "across_years"),
    [
        (
            "da",
            "12.–13. januar 2027",
            "30. januar – 2. februar 2027",
            "30. december 2026 – 2. januar 2027",
        ),
        (
            "sv",
            "12–13 januari 2027",
            "30 januari – 2 februari 2027",
            "30 december 2026 – 2 januari 2027",
        ),
        (
            "nb",
            "12.–13. januar 2027",
            "30. januar – 2. februar 2027",
            "30. desember 2026 – 2. januar 2027",
        ),
        (
            "en",
            "12–13 January 2027",
            "30 January – 2 February 2027",
            "30 December 2026 – 2 January 2027",
        ),
    ],
)
def test_a_date_range_says_what_both_days_share_once(
    copenhagen, language, same_month, same_year, across_years
):
    day = datetime.date
    assert format_date_range(START, NEXT_DAY, language) == same_month
    assert format_date_range(day(2027, 1, 30), day(2027, 2, 2), language) == same_year
    assert format_date_range(day(2026, 12, 30), day(2027, 1, 2), language) == across_years
    assert format_date_range(START, END, language) == format_date(START, language=language)


def test_a_range_is_read_in_the_active_time_zone():
    # 23:30 UTC on 12 January is already 13 January in Copenhagen: one day there.
    late = datetime.datetime(2027, 1, 12, 23, 30, tzinfo=datetime.UTC)
    with timezone.override(COPENHAGEN):
        assert format_datetime_range(late, late + datetime.timedelta(hours=1), "en") == (
            "13 January 2027, 00:30–01:30"
        )
    with timezone.override(zoneinfo.ZoneInfo("Europe/London")):
        assert format_datetime_range(late, late + datetime.timedelta(hours=1), "en") == (
            "12 January, 23:30 – 13 January 2027, 00:30"
        )


def test_the_active_language_is_used_without_one(copenhagen):
    with translation.override("da"):
        assert format_datetime_range(START, END) == "12. januar 2027 kl. 10.00–16.00"
    with translation.override("sv"):
        assert format_time_range(START, END) == "kl. 10.00–16.00"


def test_date_and_time_template_tags(copenhagen):
    template = Template(
        "{% load l10n_tags %}{{ start|local_date:'weekday' }}|{{ start|local_time }}|"
        "{{ start|local_datetime }}|{{ start|local_date:'weekday,no_year' }}|"
        "{% time_range start end %}|{% datetime_range start end weekday=True %}|"
        "{% date_range start next %}"
    )
    context = Context({"start": START, "end": END, "next": NEXT_DAY})
    with translation.override("da"):
        text = template.render(context)
    assert text.split("|") == [
        "tirsdag den 12. januar 2027",
        "10.00",
        "12. januar 2027 kl. 10.00",
        "tirsdag den 12. januar",
        '<time datetime="2027-01-12T10:00:00+01:00">kl. 10.00</time>–'
        '<time datetime="2027-01-12T16:00:00+01:00">16.00</time>',
        '<time datetime="2027-01-12T10:00:00+01:00">tirsdag den 12. januar 2027 kl. 10.00</time>'
        '–<time datetime="2027-01-12T16:00:00+01:00">16.00</time>',
        '<time datetime="2027-01-12">12.</time>–<time datetime="2027-01-13">13. januar 2027</time>',
    ]


def test_template_filters_use_the_active_language():
    template = Template('{% load l10n_tags %}{{ fee|money:"DKK" }} · {{ day|local_date }}')
    with translation.override("da"):
        text = template.render(Context({"fee": 19995, "day": datetime.date(2026, 3, 5)}))
    assert text == f"19.995,00{NBSP}kr. · 5. marts 2026"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "phrase"),
    [("da", 'lang="da"'), ("sv", 'lang="sv"'), ("nb", 'lang="nb"'), ("en", 'lang="en"')],
)
def test_admin_speaks_the_editors_language(admin_user, client, language, phrase):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    client.force_login(admin_user)
    response = client.get("/admin/", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert phrase in response.content.decode()


def test_a_language_without_a_written_convention_gets_cldrs_formats(copenhagen):
    assert format_date(START, language="fi") == "12. tammikuuta 2027"
    assert format_time_range(START, END, "fi") == "10.00–16.00"
    assert format_date_range(START, NEXT_DAY, "fi") == "12. tammikuuta – 13. tammikuuta 2027"
