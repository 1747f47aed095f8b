"""Assessment summaries: one a bidder, saved as a draft by staff, then issued with the outcome."""

from dataclasses import dataclass

from sqlite_utils import Database

from clock import now_iso
from store.database import write_transaction
from store.evaluations import audit


@dataclass(frozen=True)
class Summary:
    """A bidder's assessment summary: its text, and when it was issued (None: a draft)."""

    submission_id: int
    text: str
    outcome: str | None
    updated_at: str
    issued_at: str | None


def summary_for(db: Database, submission_id: int) -> Summary | None:
    """The summary saved for a submitted version, if any."""
    rows = list(
        db.query(
            "SELECT submission_id, text, outcome, updated_at, issued_at FROM assessment_summaries "
            "WHERE submission_id = ?",
            [submission_id],
        )
    )
    return Summary(**rows[0]) if rows else None


def save_summaries(
    db: Database,
    *,
    council_id: str,
    texts: dict[int, str],
    staff_id: int,
    outcomes: dict[int, str] | None,
    subject: str,
) -> None:
    """Save each bidder's summary (a submission id and its text) in one transaction; with
    `outcomes` (each bidder's, from the award), issue them all: each bidder then sees their
    own. Issued ones are not changed."""
    issue = outcomes is not None
    now = now_iso()
    with write_transaction(db):
        for submission_id, text in texts.items():
            found = summary_for(db, submission_id)
            if found and found.issued_at:
                continue
            db["assessment_summaries"].upsert(
                {
                    "submission_id": submission_id,
                    "council_id": council_id,
                    "text": text,
                    "outcome": (outcomes or {}).get(submission_id),
                    "updated_at": now,
                    "updated_by": staff_id,
                    "issued_at": now if issue else None,
                    "issued_by": staff_id if issue else None,
                },
                pk="submission_id",
            )
        audit(
            db,
            council_id=council_id,
            staff_id=staff_id,
            action="issued assessment summaries" if issue else "saved assessment summaries",
            subject=subject,
            detail={"summaries": len(texts)},
        )
