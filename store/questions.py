"""Questions the knowledge base could not answer confidently, kept for council staff."""

from dataclasses import dataclass

from sqlite_utils import Database

from clock import now_iso
from knowledge.matcher import MAX_QUESTION_LENGTH
from store.database import write_transaction


@dataclass(frozen=True)
class UnansweredQuestion:
    """A question nobody's entry answered, and the nearest entry if there was one."""

    id: int
    council_id: str
    question: str
    source: str
    best_entry_id: str | None
    best_score: float | None
    asked_at: str
    handled_at: str | None
    times_asked: int = 1


def record_unanswered(
    db: Database,
    *,
    council_id: str,
    question: str,
    source: str,
    best_entry_id: str | None = None,
    best_score: float | None = None,
) -> int:
    """Keep a question the matcher could not answer (a repeat adds to its count); return its id."""
    text = " ".join(question.split())[:MAX_QUESTION_LENGTH]
    with write_transaction(db):
        repeat = list(
            db.query(
                "SELECT id FROM unanswered_questions WHERE council_id = ? AND handled_at IS NULL "
                "AND lower(question) = lower(?)",
                [council_id, text],
            )
        )
        if repeat:
            db.execute(
                "UPDATE unanswered_questions SET times_asked = times_asked + 1 WHERE id = ?",
                [repeat[0]["id"]],
            )
            return repeat[0]["id"]
        return _insert(db, council_id, text, source, best_entry_id, best_score)


def _insert(
    db: Database,
    council_id: str,
    text: str,
    source: str,
    best_entry_id: str | None,
    best_score: float | None,
) -> int:
    row = {
        "council_id": council_id,
        "question": text,
        "source": source,
        "best_entry_id": best_entry_id,
        "best_score": best_score,
        "asked_at": now_iso(),
        "handled_at": None,
        "times_asked": 1,
    }
    return db["unanswered_questions"].insert(row).last_pk


def list_unanswered(db: Database, council_id: str) -> list[UnansweredQuestion]:
    """A council's questions not yet handled, newest first."""
    rows = db.query(
        "SELECT * FROM unanswered_questions WHERE council_id = ? AND handled_at IS NULL "
        "ORDER BY id DESC",
        [council_id],
    )
    return [UnansweredQuestion(**row) for row in rows]


def mark_handled(db: Database, council_id: str, question_ids: list[int]) -> int:
    """Mark questions as handled (only the council's own); return how many changed."""
    if not question_ids:
        return 0
    marks = ", ".join("?" for _ in question_ids)
    with write_transaction(db):
        cursor = db.execute(
            f"UPDATE unanswered_questions SET handled_at = ? WHERE council_id = ? "
            f"AND handled_at IS NULL AND id IN ({marks})",
            [now_iso(), council_id, *question_ids],
        )
    return cursor.rowcount


def unanswered_by_ids(db: Database, council_id: str, ids: list[int]) -> list[UnansweredQuestion]:
    """The council's questions with these ids that are not yet handled, most asked first."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    rows = db.query(
        f"SELECT * FROM unanswered_questions WHERE council_id = ? AND handled_at IS NULL "
        f"AND id IN ({marks}) ORDER BY times_asked DESC, id",
        [council_id, *ids],
    )
    return [UnansweredQuestion(**row) for row in rows]


# Questions the demo knowledge base cannot answer, as suppliers typed them (two ask the same
# thing), so the demo's questions page has something to group and answer.
DEMO_QUESTIONS = (
    ("whats the hourly rate for home care", 3),
    ("home care hourly rate?", 1),
    ("do you pay carers for travel time between visits", 2),
    ("how many lots is the home care tender split into", 1),
)


def demo_questions(db: Database, council_id: str) -> int:
    """Add the demo's unanswered questions if the council has none waiting; how many."""
    if list_unanswered(db, council_id):
        return 0
    for text, times in DEMO_QUESTIONS:
        for _ in range(times):
            record_unanswered(db, council_id=council_id, question=text, source="demo")
    return len(DEMO_QUESTIONS)
