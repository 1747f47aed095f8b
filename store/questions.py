"""Questions the knowledge base could not answer confidently, kept for council staff."""

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

MAX_QUESTION_LENGTH = 1000


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


def record_unanswered(
    db: Database,
    *,
    council_id: str,
    question: str,
    source: str,
    best_entry_id: str | None = None,
    best_score: float | None = None,
) -> int:
    """Keep a question the matcher could not answer; return its id."""
    row = {
        "council_id": council_id,
        "question": question.strip()[:MAX_QUESTION_LENGTH],
        "source": source,
        "best_entry_id": best_entry_id,
        "best_score": best_score,
        "asked_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "handled_at": None,
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
