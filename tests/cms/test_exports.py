"""Exports stay text in a spreadsheet whichever separator it splits them with."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from cms import exports
from tests.factories.networks import (
    InterestSubmissionFactory,
    NetworkIndexPageFactory,
    NetworkPageFactory,
)

SEPARATORS = [",", ";", "\t", "|"]
TRIGGERS = ["=", "+", "-", "@"]


def _cells(text: str, delimiter: str) -> list[str]:
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [cell for row in rows for cell in row]


def _formula_cells(text: str) -> list[tuple[str, str]]:
    """Every piece a spreadsheet could show as a formula cell, whatever it splits on.

    Pessimistic on purpose: once the separator differs from the writer's, quotes no longer
    line up, so each piece between separators or line breaks counts as a cell, and the
    blanks and quotes before it may be stripped.
    """
    found = []
    for delimiter in SEPARATORS:
        for piece in re.split(f"[{re.escape(delimiter)}\r\n]", text):
            if piece.lstrip(' \t"')[:1] in TRIGGERS:
                found.append((delimiter, piece))
        for cell in _cells(text, delimiter):
            if cell.lstrip(' \t"')[:1] in TRIGGERS:
                found.append((delimiter, cell))
    return found


@pytest.mark.parametrize(
    "value",
    [f"hello{sep}{trigger}2*3" for sep in [*SEPARATORS, "\n", "\r"] for trigger in TRIGGERS]
    + ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\r=1", 'a";=1', "a; =1", 'a;" =1', "a;\t=1"],
)
def test_no_split_of_a_neutralised_value_starts_a_formula(value):
    text = exports.csv_text([["plain", value]])
    assert _formula_cells(text) == []
    # Read back with the separator it was written with, the value is intact but for 's.
    assert _cells(text, ",") == ["plain", exports.neutralise(value)]
    assert exports.neutralise(value).replace("'", "") == value.replace("'", "")


@pytest.mark.parametrize("value", ["hello", "a-b", "Anne-Marie", "x = y", 3, None, "e-mail@x"])
def test_harmless_values_are_unchanged(value):
    assert exports.neutralise(value) == value


def test_xlsx_keeps_formulas_as_text():
    data = exports.xlsx_bytes([['=HYPERLINK("http://x")', "hello;=2*3", 3]], title="T")
    sheet = load_workbook(io.BytesIO(data)).active
    cell = sheet["A1"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x")'
    assert sheet["B1"].value == "hello;=2*3" and sheet["C1"].value == 3


@pytest.mark.django_db
def test_interest_export_read_with_semicolons_has_no_formula(admin_client, home):
    network = NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home("da")))
    InterestSubmissionFactory(network=network, name="hello;=2*3", message="a,+1|@x\n-2")
    response = admin_client.get(f"/admin/interest_submissions/?export=csv&network={network.pk}")
    text = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    assert not any(cell.startswith("=") for cell in _cells(text, ";"))
    assert _formula_cells(text) == []
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["Name"] == "hello;'=2*3"


@pytest.mark.django_db
def test_translation_status_csv_neutralises_titles(admin_client, home):
    from tests.factories.translation import child_page

    child_page(home("da"), title='=HYPERLINK("http://evil")', intro="x")
    child_page(home("da"), title="hello;=2*3", intro="y")
    text = admin_client.get(
        "/admin/translation-status/", {"export": "csv"}, HTTP_HOST="localhost"
    ).content.decode()
    titles = [row[0] for row in csv.reader(io.StringIO(text, newline=""))]
    assert '\'=HYPERLINK("http://evil")' in titles and "hello;'=2*3" in titles
    assert _formula_cells(text) == []


@pytest.mark.django_db
def test_translation_status_offers_the_spreadsheet_first(admin_client, home):
    body = admin_client.get("/admin/translation-status/", HTTP_HOST="localhost").content.decode()
    assert body.index("export=xlsx") < body.index("export=csv")


def test_examples_of_neutralised_values():
    assert exports.neutralise("=1+1") == "'=1+1"
    assert exports.neutralise("hello;=2*3") == "hello;'=2*3"
    assert exports.neutralise("a,\n-2") == "a,\n'-2"
    assert exports.neutralise("\tx") == "'\tx"
