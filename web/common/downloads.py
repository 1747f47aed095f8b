"""CSV and XLSX downloads of plain rows, safe to open in a spreadsheet."""

import csv
import io

from openpyxl import Workbook

from offer.files import safe_cell

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_text(rows: list[dict]) -> str:
    """Rows as CSV, with a header from the first row's keys."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def xlsx_bytes(sheets: dict[str, list[dict]]) -> bytes:
    """A workbook with one sheet of rows per title."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        if rows:
            sheet.append(list(rows[0]))
            for row in rows:
                sheet.append([safe_cell(v) for v in row.values()])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
