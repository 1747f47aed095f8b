"""What a downloaded file is called, and cells a spreadsheet will not run as formulas."""

import json
import re
import unicodedata
from datetime import date
from typing import Any

from offer.model import Offer


def safe_cell(value: Any) -> Any:
    """A value a spreadsheet will not run: text starting with = + - @ gets a leading '."""
    if isinstance(value, dict | list):
        value = json.dumps(value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def slug(text: str | None, words: int = 6) -> str:
    """Text as a file name part: "Bow Community Kitchen" is "bow-community-kitchen"."""
    plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", plain.lower())[:words]
    return "-".join(parts)[:48].strip("-")


def file_name(offer: Offer, kind: str, today: date) -> str:
    """What the offer's download is called: who it is from, what it is for and when, like
    "bow-community-kitchen-th-meals-2027-2026-12-05-offer.pdf"."""
    reference = offer.opportunity.code or offer.opportunity.title
    parts = [slug(offer.supplier.name), slug(reference), today.isoformat(), "offer"]
    return "-".join(p for p in parts if p) + f".{kind}"


LONGEST_RUN = 40  # characters without a space before a PDF may break the line there
_RUN = re.compile(rf"\S{{{LONGEST_RUN + 1},}}")


def breakable(text: object) -> str:
    """Text a page layout can wrap cheaply: a run of over LONGEST_RUN characters without a
    space (a long web address, or a "word" a megabyte long) gets an invisible break
    opportunity every LONGEST_RUN characters. Laying out one unbreakable run costs time that
    grows with the square of its length (20,000 characters took seconds)."""
    return _RUN.sub(
        lambda run: "\u200b".join(
            run[0][i : i + LONGEST_RUN] for i in range(0, len(run[0]), LONGEST_RUN)
        ),
        str(text),
    )
