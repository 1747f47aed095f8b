"""Submitted offers: frozen versions with reference numbers, replaced or withdrawn, never edited."""

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from clock import now_iso
from store.database import write_transaction
from store.exchange_pledges import record_pledges


@dataclass(frozen=True)
class Submission:
    """A frozen, submitted version of an offer."""

    id: int
    reference: str
    conversation_id: str
    opportunity_code: str
    council_id: str
    version: int
    offer: dict[str, Any]
    status: str  # "submitted", "replaced" or "withdrawn"
    submitted_at: str
    ended_at: str | None


def _row(row: dict[str, Any]) -> Submission:
    return Submission(
        id=row["id"],
        reference=row["reference"],
        conversation_id=row["conversation_id"],
        opportunity_code=row["opportunity_code"],
        council_id=row["council_id"],
        version=row["version"],
        offer=json.loads(row["offer"]),
        status=row["status"],
        submitted_at=row["submitted_at"],
        ended_at=row["ended_at"],
    )


def submit(
    db: Database, *, conversation_id: str, opportunity_code: str, council_id: str, offer: dict
) -> Submission:
    """Freeze this offer as the supplier's current submission; an earlier one is replaced."""
    now = now_iso()
    # One write lock: two submissions at once queue here rather than both reading the same
    # last version (a deferred transaction would fail one of them with "database is locked").
    with write_transaction(db):
        previous = list(
            db.query(
                "SELECT COALESCE(MAX(version), 0) AS v FROM submissions "
                "WHERE conversation_id = ? AND opportunity_code = ?",
                [conversation_id, opportunity_code],
            )
        )[0]["v"]
        db.execute(
            "UPDATE submissions SET status = 'replaced', ended_at = ? WHERE conversation_id = ? "
            "AND opportunity_code = ? AND status = 'submitted'",
            [now, conversation_id, opportunity_code],
        )
        row_id = (
            db["submissions"]
            .insert(
                {
                    "reference": f"pending-{conversation_id}-{previous + 1}",
                    "conversation_id": conversation_id,
                    "opportunity_code": opportunity_code,
                    "council_id": council_id,
                    "version": previous + 1,
                    "offer": json.dumps(offer),
                    "status": "submitted",
                    "submitted_at": now,
                }
            )
            .last_pk
        )
        reference = f"SV-{now[:4]}-{row_id:06d}"
        db.execute("UPDATE submissions SET reference = ? WHERE id = ?", [reference, row_id])
        record_pledges(db, submission_id=row_id, council_id=council_id, offer=offer)
    return get_submission(db, reference)


def get_submission(db: Database, reference: str) -> Submission | None:
    """A submission by its reference number."""
    rows = list(db.query("SELECT * FROM submissions WHERE reference = ?", [reference]))
    return _row(rows[0]) if rows else None


def submissions_for_conversation(db: Database, conversation_id: str) -> list[Submission]:
    """Every version this supplier has submitted, newest first."""
    rows = db.query(
        "SELECT * FROM submissions WHERE conversation_id = ? ORDER BY id DESC", [conversation_id]
    )
    return [_row(row) for row in rows]


def withdraw(db: Database, reference: str) -> bool:
    """Withdraw a current submission (its frozen offer is kept, marked withdrawn); False if it
    was not the current one (already replaced or withdrawn)."""
    with write_transaction(db):
        cursor = db.execute(
            "UPDATE submissions SET status = 'withdrawn', ended_at = ? "
            "WHERE reference = ? AND status = 'submitted'",
            [now_iso(), reference],
        )
    return cursor.rowcount == 1


def current_submissions(db: Database, opportunity_code: str) -> list[Submission]:
    """What staff see: the submitted (not replaced or withdrawn) offers for an opportunity."""
    rows = db.query(
        "SELECT * FROM submissions WHERE opportunity_code = ? AND status = 'submitted' "
        "ORDER BY submitted_at",
        [opportunity_code],
    )
    return [_row(row) for row in rows]
