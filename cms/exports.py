"""Spreadsheet exports that stay text whichever way a spreadsheet splits them.

A spreadsheet that opens a CSV file guesses its separator: Nordic locales default to ``;``,
others to ``,``, and import dialogs offer tab and ``|`` too. Quoting every field keeps the
separator the file was written with inside its field, but not another one: the row
``"Ann","hello;=2*3"`` opened with ``;`` splits into ``"Ann","hello`` and ``=2*3"``, and the
second cell is a formula (the quotes no longer line up, so they protect nothing).

So :func:`neutralise` puts a ``'`` (which spreadsheets show as "this is text") before every
``=``, ``+``, ``-`` or ``@`` that starts the value or follows a separator candidate
(``,`` ``;`` tab ``|``) or a line break, allowing blanks and quotes in between, and before
a value that starts with a tab or carriage return. Whatever the split, no piece starts a
formula. Every field is quoted as well (``csv.QUOTE_ALL``).

XLSX has no such ambiguity: a cell is typed. :func:`xlsx_bytes` writes every string as a
string cell (openpyxl would otherwise store ``=…`` as a formula) and leaves values
unchanged, so XLSX is the download offered first wherever there is a choice.

Every CSV or XLSX writer in Tingsted goes through this module; nothing else calls
``csv.writer``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse

#: A formula trigger at the start of the value or of any piece a separator or line break
#: could cut it into, with the blanks and quotes a spreadsheet may strip before it.
_TRIGGER = re.compile(r"""((?:^|[,;\t|\r\n])[\s"]*)(?=[=+\-@])""")
_LEADING_CONTROL = re.compile(r"^[\t\r]")

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value: Any) -> Any:
    """Return ``value`` with a ``'`` before every trigger that could start a formula.

    ``"=1+1"`` becomes ``"'=1+1"`` and ``"hello;=2*3"`` becomes ``"hello;'=2*3"``.
    Non-strings (numbers, dates, None) pass unchanged: they are written as plain values.
    """
    if not isinstance(value, str):
        return value
    value = _TRIGGER.sub(r"\1'", value)
    if _LEADING_CONTROL.match(value):
        value = "'" + value
    return value


def csv_writer(stream) -> Any:
    """A ``csv.writer`` that quotes every field; pass cells through :func:`neutralise`."""
    return csv.writer(stream, quoting=csv.QUOTE_ALL)


def csv_dict_writer(stream, fieldnames: Sequence[str]) -> csv.DictWriter:
    """A ``csv.DictWriter`` that quotes every field; pass cells through :func:`neutralise`."""
    return csv.DictWriter(stream, fieldnames=fieldnames, quoting=csv.QUOTE_ALL)


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [neutralise(value) for value in row]


def csv_text(rows: Iterable[Iterable[Any]]) -> str:
    """The rows as CSV text: every field quoted, every would-be formula neutralised."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    for row in rows:
        writer.writerow(safe_row(row))
    return buffer.getvalue()


def csv_response(rows: Iterable[Iterable[Any]], filename: str) -> HttpResponse:
    response = HttpResponse(csv_text(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_bytes(rows: Iterable[Iterable[Any]], title: str = "Sheet1") -> bytes:
    """The rows as an XLSX workbook in which every string is a text cell, never a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    # Sheet titles are limited to 31 characters and may not hold []:*?/\.
    sheet = workbook.create_sheet(title=re.sub(r"[\[\]:*?/\\]", " ", str(title))[:31])
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if cell.data_type == "f":
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(rows: Iterable[Iterable[Any]], filename: str, title: str) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(rows, title), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


class _Echo:
    """A file-like object whose write returns the line, for streaming CSV."""

    def write(self, value: str) -> str:
        return value


class SafeSpreadsheetExportMixin:
    """For Wagtail index views (``SpreadsheetExportMixin``): a CSV that is safe too.

    Wagtail's XLSX export already types formulas as text; its CSV export quotes only when
    needed and neutralises nothing. Put this mixin before Wagtail's view class.
    """

    def stream_csv(self, queryset) -> Iterator[str]:
        writer = csv_dict_writer(_Echo(), fieldnames=self.list_export)
        yield writer.writerow(
            {field: neutralise(self.get_heading(queryset, field)) for field in self.list_export}
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: neutralise(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def write_csv_response(self, queryset) -> StreamingHttpResponse:
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response
