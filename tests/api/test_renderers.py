"""The orjson renderers write the JSON the stock encoders write (api/renderers.py)."""

from __future__ import annotations

import datetime
import decimal
import json
import uuid

import pytest
from django.utils.translation import gettext_lazy
from ninja.responses import NinjaJSONEncoder
from rest_framework.renderers import JSONRenderer as StockRenderer

from api.renderers import JSONRenderer, NinjaRenderer

SAMPLE = {
    "title": "Møde om fællesskab – Göteborg",
    "when": datetime.datetime(2030, 5, 1, 9, 30, 15, 123456, tzinfo=datetime.UTC),
    "local": datetime.datetime(
        2030, 5, 1, 9, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
    ),
    "day": datetime.date(2030, 5, 1),
    "start": datetime.time(9, 30),
    "fee": decimal.Decimal("250.50"),
    "key": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "label": gettext_lazy("Meeting"),
    "items": [1, 2.5, None, True, ("a", "b")],
    "nested": {"rooms": [{"id": 3, "name": "Sal A"}]},
    "numbers": {1: "one"},
    "script": "line\u2028separator\u2029end",
}


def test_rest_framework_output_is_byte_for_byte_the_stock_renderers():
    assert JSONRenderer().render(SAMPLE) == StockRenderer().render(SAMPLE)


def test_indented_output_when_the_caller_asks_for_it():
    rendered = JSONRenderer().render(SAMPLE, "application/json; indent=2")
    assert rendered == StockRenderer().render(SAMPLE, "application/json; indent=2")
    assert b"\n  " in rendered


def test_wagtails_own_indentation_is_left_out():
    # Wagtail's v2 views put indent=4 in every renderer context.
    rendered = JSONRenderer().render(SAMPLE, "application/json", {"indent": 4})
    assert rendered == StockRenderer().render(SAMPLE)
    assert b"\n" not in rendered


def test_ninja_output_is_the_same_json_as_the_stock_renderers():
    ours = NinjaRenderer().render(None, SAMPLE, response_status=200)
    stock = json.dumps(SAMPLE, cls=NinjaJSONEncoder)
    assert {**json.loads(ours), "when": None} == {**json.loads(stock), "when": None}
    # Dates as django-ninja writes them (milliseconds), in the site's time zone with its
    # offset, as API v2 writes them (docs/api.md, "Dates and times").
    assert json.loads(ours)["when"] == "2030-05-01T11:30:15.123+02:00"
    assert b"\\u2028" in ours


@pytest.mark.django_db
def test_api_answers_are_json_and_the_browsable_api_still_renders(api, home):
    page = home("da")
    for path, key in [
        (f"/api/v2/pages/{page.pk}/", "title"),
        (f"/api/v3/pages/{page.pk}/", "title"),
        ("/api/v2/pages/?fields=*", "items"),
        ("/api/v3/pages/", "items"),
    ]:
        response = api.get(path)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/json")
        assert response.json()[key]
    compact = api.get("/api/v2/pages/?fields=*")
    pretty = api.get("/api/v2/pages/?fields=*", HTTP_ACCEPT="application/json; indent=4")
    assert b"\n" not in compact.content
    assert b'\n    "meta": {' in pretty.content
    assert pretty.json() == compact.json()
    browsable = api.get(f"/api/v2/pages/{page.pk}/?format=api", HTTP_ACCEPT="text/html")
    assert browsable.status_code == 200 and b"<html" in browsable.content.lower()
    assert "\n    &quot;title&quot;" in browsable.content.decode() or (
        '\n    "title"' in browsable.content.decode()
    )
