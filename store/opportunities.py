"""Opportunities: the contracts offers are made for, each with a short share code."""

import json
import secrets
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from clock import now_iso
from knowledge.vocabulary import CODE_ALPHABET, SHARE_CODE_LENGTH
from store.database import write_transaction


@dataclass(frozen=True)
class Opportunity:
    """A contract open for offers."""

    code: str
    council_id: str
    title: str
    reference: str | None
    description: str | None
    contract_type: str | None
    value_gbp: float | None
    duration_months: int | None
    weighting_percent: float | None
    word_limit: int
    closes_at: str
    themes: list[str]
    practice: bool
    early_scoring_reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain data for the offer builder."""
        return {"code": self.code, "word_limit": self.word_limit, "title": self.title}


def new_share_code() -> str:
    """A code that is easy to read aloud: no 0/O or 1/I."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(SHARE_CODE_LENGTH))


def create_opportunity(
    db: Database, *, council_id: str, title: str, closes_at: str, **fields: Any
) -> str:
    """Store an opportunity; return its share code."""
    code = fields.pop("code", None) or new_share_code()
    with write_transaction(db):
        db["opportunities"].insert(
            {
                "code": code,
                "council_id": council_id,
                "title": title,
                "reference": fields.get("reference"),
                "description": fields.get("description"),
                "contract_type": fields.get("contract_type"),
                "value_gbp": fields.get("value_gbp"),
                "duration_months": fields.get("duration_months"),
                "weighting_percent": fields.get("weighting_percent"),
                "word_limit": fields.get("word_limit", 500),
                "closes_at": closes_at,
                "themes": json.dumps(fields.get("themes") or []),
                "practice": int(bool(fields.get("practice"))),
                "early_scoring_reason": fields.get("early_scoring_reason"),
                "created_at": now_iso(),
            }
        )
    return code


def opportunities_for(db: Database, council_id: str) -> list[Opportunity]:
    """A council's opportunities, the most recently created first."""
    rows = db.query(
        "SELECT code FROM opportunities WHERE council_id = ? ORDER BY created_at DESC, code",
        [council_id],
    )
    return [get_opportunity(db, row["code"]) for row in rows]


def update_opportunity(db: Database, code: str, **fields: Any) -> None:
    """Change an opportunity's details (its code and council never change)."""
    if "themes" in fields:
        fields["themes"] = json.dumps(fields["themes"] or [])
    with write_transaction(db):
        db["opportunities"].update(code, fields)


def get_opportunity(db: Database, code: str) -> Opportunity | None:
    """The opportunity with this share code (any case, spaces ignored), or None."""
    clean = "".join(code.split()).upper()
    rows = list(db.query("SELECT * FROM opportunities WHERE code = ?", [clean]))
    if not rows:
        return None
    row = rows[0]
    return Opportunity(
        code=row["code"],
        council_id=row["council_id"],
        title=row["title"],
        reference=row["reference"],
        description=row["description"],
        contract_type=row["contract_type"],
        value_gbp=row["value_gbp"],
        duration_months=row["duration_months"],
        weighting_percent=row["weighting_percent"],
        word_limit=row["word_limit"],
        closes_at=row["closes_at"],
        themes=json.loads(row["themes"] or "[]"),
        practice=bool(row["practice"]),
        early_scoring_reason=row["early_scoring_reason"],
    )
