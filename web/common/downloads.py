"""CSV and XLSX downloads of plain rows, safe to open in a spreadsheet: a header block above a
table where there is one, bold column titles, real dates, widths that fit."""

import csv
import io
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from offer.files import safe_cell

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_WIDTH = 60
DATE_FORMAT = "d mmmm yyyy"
TIME_FORMAT = "d mmmm yyyy hh:mm"


def _text(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.strftime("%d %B %Y %H:%M").lstrip("0")
    if isinstance(value, date):
        return value.strftime("%d %B %Y").lstrip("0")
    return safe_cell(value)


def csv_text(rows: list[dict], header: list[tuple[str, Any]] | None = None) -> str:
    """Rows as CSV, with a header from the first row's keys; `header`, label and value pairs,
    above them (then an empty line)."""
    out = io.StringIO()
    if header:
        writer = csv.writer(out)
        writer.writerows([label, _text(value)] for label, value in header)
        writer.writerow([])
    if rows:
        table = csv.DictWriter(out, fieldnames=list(rows[0]))
        table.writeheader()
        table.writerows({k: _text(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def _cell_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)  # a spreadsheet date (UTC), not text
    return safe_cell(value)


def xlsx_bytes(
    sheets: dict[str, list[dict]], headers: dict[str, list[tuple[str, Any]]] | None = None
) -> bytes:
    """A workbook with one sheet of rows per title; `headers`, label and value pairs above a
    sheet's table. Column titles bold and frozen, dates as dates, columns as wide as their text."""
    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for label, value in (headers or {}).get(title, []):
            sheet.append([label, _cell_value(value)])
            sheet.cell(sheet.max_row, 1).font = bold
        if (headers or {}).get(title):
            sheet.append([])
        if rows:
            sheet.append(list(rows[0]))
            top = sheet.max_row
            for cell in sheet[top]:
                cell.font = bold
            for row in rows:
                sheet.append([_cell_value(v) for v in row.values()])
            sheet.freeze_panes = sheet.cell(top + 1, 1)
        _format(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _format(sheet) -> None:
    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, datetime):
                cell.number_format = TIME_FORMAT
            elif isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
            elif isinstance(cell.value, int | float) and abs(cell.value) >= 1000:
                cell.number_format = "#,##0" if cell.value == int(cell.value) else "#,##0.00"
            length = 20 if isinstance(cell.value, date) else len(str(cell.value or ""))
            widths[cell.column] = min(max(widths.get(cell.column, 8), length + 2), MAX_WIDTH)
            if length > MAX_WIDTH:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
