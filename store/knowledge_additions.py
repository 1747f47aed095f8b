"""Answers staff add to a council's knowledge base from the unanswered-questions page: drafted,
approved (the assistant uses them from then on), withdrawn, and marked once exported to the
pack's files."""

import hashlib
import json
from dataclasses import dataclass

from sqlite_utils import Database

from clock import now_iso
from knowledge.additions import Addition, Approved
from knowledge.entries import Entry
from store.database import write_transaction

DRAFT, APPROVED, WITHDRAWN = "draft", "approved", "withdrawn"


@dataclass(frozen=True)
class StoredAddition:
    """An addition and where it stands."""

    id: int
    council_id: str
    addition: Addition
    question_ids: tuple[int, ...]
    status: str
    drafted_by: int
    drafted_by_name: str
    drafted_at: str
    decided_by_name: str | None
    decided_at: str | None
    exported_at: str | None


def _addition(row: dict) -> Addition:
    entry = Entry.model_validate_json(row["entry"]) if row["entry"] else None
    return Addition(row["kind"], row["entry_id"], tuple(json.loads(row["questions"])), entry)


def _stored(row: dict) -> StoredAddition:
    return StoredAddition(
        id=row["id"],
        council_id=row["council_id"],
        addition=_addition(row),
        question_ids=tuple(json.loads(row["question_ids"] or "[]")),
        status=row["status"],
        drafted_by=row["drafted_by"],
        drafted_by_name=row["drafted_by_name"] or "",
        drafted_at=row["drafted_at"],
        decided_by_name=row["decided_by_name"],
        decided_at=row["decided_at"],
        exported_at=row["exported_at"],
    )


_SELECT = (
    "SELECT a.*, d.name AS drafted_by_name, r.name AS decided_by_name "
    "FROM knowledge_additions a LEFT JOIN staff d ON d.id = a.drafted_by "
    "LEFT JOIN staff r ON r.id = a.decided_by WHERE a.council_id = ?"
)


def draft_addition(
    db: Database, council_id: str, addition: Addition, question_ids: list[int], staff_id: int
) -> int:
    """Keep a drafted addition, for a manager to approve; return its id."""
    row = {
        "council_id": council_id,
        "kind": addition.kind,
        "entry_id": addition.entry_id,
        "questions": json.dumps(list(addition.questions)),
        "entry": addition.entry.model_dump_json() if addition.entry else None,
        "question_ids": json.dumps(question_ids),
        "status": DRAFT,
        "drafted_by": staff_id,
        "drafted_at": now_iso(),
    }
    with write_transaction(db):
        return db["knowledge_additions"].insert(row).last_pk


def additions_for(db: Database, council_id: str, status: str | None = None) -> list[StoredAddition]:
    """A council's additions (of one status, if given), newest first."""
    query, params = _SELECT, [council_id]
    if status:
        query, params = query + " AND a.status = ?", [council_id, status]
    return [_stored(row) for row in db.query(query + " ORDER BY a.id DESC", params)]


def addition_by_id(db: Database, council_id: str, addition_id: int) -> StoredAddition | None:
    """One of the council's additions, or None."""
    rows = list(db.query(_SELECT + " AND a.id = ?", [council_id, addition_id]))
    return _stored(rows[0]) if rows else None


def approved_additions(db: Database, council_id: str) -> Approved:
    """What the assistant adds to the council's pack: its approved additions, oldest first,
    stamped so a matcher built from them is rebuilt only when they change."""
    rows = list(
        db.query(
            "SELECT kind, entry_id, questions, entry FROM knowledge_additions "
            "WHERE council_id = ? AND status = ? ORDER BY id",
            [council_id, APPROVED],
        )
    )
    additions = tuple(_addition(row) for row in rows)
    # What they say, not only which rows: another database may have rows of the same ids.
    content = json.dumps(
        [[row["kind"], row["entry_id"], row["questions"], row["entry"]] for row in rows]
    )
    return Approved(hashlib.sha256(content.encode()).hexdigest(), additions)


def decide(db: Database, council_id: str, addition_id: int, staff_id: int, status: str) -> bool:
    """Approve or withdraw a draft (an approved one may be withdrawn too); approving marks
    the questions it answers as handled. Return whether it changed."""
    allowed = {APPROVED: (DRAFT,), WITHDRAWN: (DRAFT, APPROVED)}[status]
    marks = ", ".join("?" for _ in allowed)
    with write_transaction(db):
        rows = list(
            db.query(
                f"SELECT question_ids FROM knowledge_additions WHERE id = ? AND council_id = ? "
                f"AND status IN ({marks})",
                [addition_id, council_id, *allowed],
            )
        )
        if not rows:
            return False
        now = now_iso()
        db.execute(
            "UPDATE knowledge_additions SET status = ?, decided_by = ?, decided_at = ? "
            "WHERE id = ?",
            [status, staff_id, now, addition_id],
        )
        ids = json.loads(rows[0]["question_ids"] or "[]")
        if status == APPROVED and ids:
            places = ", ".join("?" for _ in ids)
            db.execute(
                f"UPDATE unanswered_questions SET handled_at = ? WHERE council_id = ? "
                f"AND handled_at IS NULL AND id IN ({places})",
                [now, council_id, *ids],
            )
    return True


def mark_exported(db: Database, council_id: str, addition_ids: list[int]) -> None:
    """Note that these approved additions are now in the pack's files."""
    if not addition_ids:
        return
    marks = ", ".join("?" for _ in addition_ids)
    with write_transaction(db):
        db.execute(
            f"UPDATE knowledge_additions SET exported_at = ? WHERE council_id = ? "
            f"AND id IN ({marks})",
            [now_iso(), council_id, *addition_ids],
        )
