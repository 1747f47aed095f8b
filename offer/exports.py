"""The offer in other formats: CSV, plain text and Word (DOCX); OCDS is in offer/ocds.py."""

import csv
import io

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from knowledge.vocabulary import CLASSIFICATIONS, amount, plain_number
from offer.files import safe_cell
from offer.fitting import blocks
from offer.model import Commitment, Offer

CSV_COLUMNS = [
    "id",
    "theme_id",
    "theme",
    "measure_id",
    "commitment",
    "quantity",
    "unit",
    "timescale",
    "yearly_targets",
    "delivery",
    "beneficiaries",
    "partners",
    "evidence",
    "classification",
    "proxy_value_gbp",
    "proxy_source",
]


def to_csv(offer: Offer) -> str:
    """One row per commitment."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for c in offer.commitments:
        writer.writerow({key: safe_cell(value) for key, value in _csv_row(c).items()})
    return out.getvalue()


def _csv_row(c: Commitment) -> dict:
    """One commitment's CSV cells, before they are made safe for a spreadsheet."""
    return {
        "id": c.id,
        "theme_id": c.theme_id,
        "theme": c.theme_title,
        "measure_id": c.measure_id,
        "commitment": c.title,
        "quantity": plain_number(c.quantity),
        "unit": c.unit,
        "timescale": c.timescale,
        "yearly_targets": "; ".join(c.milestones),
        "delivery": c.delivery,
        "beneficiaries": c.beneficiaries,
        "partners": c.partners,
        "evidence": c.evidence,
        "classification": c.classification,
        "proxy_value_gbp": c.proxy.value_gbp if c.proxy else None,
        "proxy_source": c.proxy.source if c.proxy else None,
    }


def commitment_line(c: Commitment) -> str:
    """A commitment in one line of plain text."""
    parts = [amount(c.quantity, c.unit), c.timescale or "", "; ".join(c.milestones)]
    details = ", ".join(p for p in parts if p)
    return f"{c.title}: {details}" if details else c.title


def to_text(offer: Offer) -> str:
    """The narrative, then the commitments: ready to paste into a tender portal."""
    lines = [offer.narrative.text, "", "Commitments", ""]
    lines += [f"{i}. {commitment_line(c)}" for i, c in enumerate(offer.commitments, start=1)]
    return "\n".join(lines).strip() + "\n"


def to_docx(offer: Offer, council: str | None = None) -> bytes:
    """A Word document to edit: who it is from and for, the written response and a table of
    commitments; headings in order, the table's header row marked, title, author and
    language set."""
    document = Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    title = f"Social value offer: {offer.supplier.name}"
    properties = document.core_properties
    properties.title, properties.author, properties.language = title, offer.supplier.name, "en-GB"
    properties.subject = " – ".join(p for p in (council, offer.opportunity.title) if p)
    document.add_heading(title, level=1)
    for label, value in (("Council", council), ("Contract", offer.opportunity.title)):
        if value:
            document.add_paragraph(f"{label}: {value}")
    document.add_heading("Written response", level=2)
    for heading, body in blocks(offer.narrative.text):
        if heading:
            document.add_heading(heading, level=3)
        document.add_paragraph(body)
    document.add_heading("Commitments", level=2)
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    header = ["Commitment", "How much", "By when", "Evidence", "Kind"]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    _repeat_as_header(table.rows[0])
    for c in offer.commitments:
        row = table.add_row().cells
        row[0].text = c.title
        row[1].text = amount(c.quantity, c.unit)
        row[2].text = "\n".join([c.timescale or "", *c.milestones]).strip()
        row[3].text = c.evidence or ""
        row[4].text = CLASSIFICATIONS.get(c.classification or "", "")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _repeat_as_header(row) -> None:
    """Mark a table row as its header row (read as such, and repeated on every page)."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
