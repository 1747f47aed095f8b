"""Evaluators' scores, moderators' consensus scores, and the audit trail of every change."""

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from clock import now_iso
from store.database import write_transaction


@dataclass(frozen=True)
class Evaluation:
    """One person's scores for one offer: {criterion id: {"score", "comment"}}."""

    submission_id: int
    staff_id: int
    staff_name: str
    scores: dict[str, dict[str, Any]]
    at: str


def audit(
    db: Database, *, council_id: str, staff_id: int | None, action: str, subject: str, detail: Any
) -> None:
    """Record who did what to what, and when."""
    db["audit_log"].insert(
        {
            "council_id": council_id,
            "staff_id": staff_id,
            "action": action,
            "subject": subject,
            "detail": json.dumps(detail),
            "at": now_iso(),
        }
    )


def audit_trail(db: Database, council_id: str, subject: str) -> list[dict[str, Any]]:
    """The changes to one subject, oldest first, with who made them."""
    rows = db.query(
        "SELECT a.action, a.detail, a.at, s.name AS staff_name FROM audit_log a "
        "LEFT JOIN staff s ON s.id = a.staff_id WHERE a.council_id = ? AND a.subject = ? "
        "ORDER BY a.id",
        [council_id, subject],
    )
    return [{**row, "detail": json.loads(row["detail"] or "null")} for row in rows]


def save_evaluation(
    db: Database, *, submission_id: int, staff_id: int, scores: dict, council_id: str, subject: str
) -> None:
    """Save (or replace) one evaluator's scores, and audit it."""
    with write_transaction(db):
        db.execute(
            "INSERT INTO evaluations (submission_id, staff_id, scores, submitted_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(submission_id, staff_id) "
            "DO UPDATE SET scores = excluded.scores, submitted_at = excluded.submitted_at",
            [submission_id, staff_id, json.dumps(scores), now_iso()],
        )
        audit(
            db,
            council_id=council_id,
            staff_id=staff_id,
            action="scored",
            subject=subject,
            detail=scores,
        )


def evaluations_for(db: Database, submission_id: int) -> list[Evaluation]:
    """Everyone's scores for an offer."""
    rows = db.query(
        "SELECT e.*, s.name AS staff_name FROM evaluations e JOIN staff s ON s.id = e.staff_id "
        "WHERE e.submission_id = ? ORDER BY e.id",
        [submission_id],
    )
    return [
        Evaluation(
            r["submission_id"],
            r["staff_id"],
            r["staff_name"],
            json.loads(r["scores"]),
            r["submitted_at"],
        )
        for r in rows
    ]


def save_moderation(
    db: Database, *, submission_id: int, staff_id: int, scores: dict, council_id: str, subject: str
) -> None:
    """Save the consensus scores with their reasons, and audit it."""
    with write_transaction(db):
        db.execute(
            "INSERT INTO moderations (submission_id, staff_id, scores, moderated_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(submission_id) DO UPDATE SET "
            "staff_id = excluded.staff_id, scores = excluded.scores, "
            "moderated_at = excluded.moderated_at",
            [submission_id, staff_id, json.dumps(scores), now_iso()],
        )
        audit(
            db,
            council_id=council_id,
            staff_id=staff_id,
            action="moderated",
            subject=subject,
            detail=scores,
        )


def moderation_for(db: Database, submission_id: int) -> Evaluation | None:
    """The consensus scores for an offer, if moderated: {criterion id: {"score", "reasons"}}."""
    rows = list(
        db.query(
            "SELECT m.*, s.name AS staff_name FROM moderations m JOIN staff s ON s.id = m.staff_id "
            "WHERE m.submission_id = ?",
            [submission_id],
        )
    )
    if not rows:
        return None
    r = rows[0]
    return Evaluation(
        r["submission_id"],
        r["staff_id"],
        r["staff_name"],
        json.loads(r["scores"]),
        r["moderated_at"],
    )


def scored_then_replaced(db: Database, staff_id: int) -> list[dict[str, Any]]:
    """Offers this person scored that the supplier then replaced, whose current version they
    have not scored and nobody has moderated: [{"opportunity_code", "reference", "version",
    "earlier_version", "offer"}], each current version once."""
    rows = db.query(
        "SELECT DISTINCT new.opportunity_code, new.reference, new.version, new.offer, "
        "old.version AS earlier_version FROM evaluations e "
        "JOIN submissions old ON old.id = e.submission_id AND old.status = 'replaced' "
        "JOIN submissions new ON new.conversation_id = old.conversation_id "
        "AND new.opportunity_code = old.opportunity_code AND new.status = 'submitted' "
        "WHERE e.staff_id = ? AND NOT EXISTS (SELECT 1 FROM evaluations mine "
        "WHERE mine.submission_id = new.id AND mine.staff_id = ?) "
        "AND NOT EXISTS (SELECT 1 FROM moderations m WHERE m.submission_id = new.id) "
        "ORDER BY new.submitted_at",
        [staff_id, staff_id],
    )
    latest: dict[str, dict[str, Any]] = {}
    for row in rows:  # the most recent version they scored, if they scored more than one
        found = latest.get(row["reference"])
        if found is None or row["earlier_version"] > found["earlier_version"]:
            latest[row["reference"]] = {**row, "offer": json.loads(row["offer"])}
    return list(latest.values())
