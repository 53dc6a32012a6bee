"""Localized presentation with Babel, and the admin in each editor's language."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from cms.formatting import format_date, format_datetime, format_money, format_number, format_time

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
