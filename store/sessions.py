"""Training sessions: a join code, a practice opportunity, the attendees' conversations and the
questions they asked; closed sessions keep a summary of counts only."""

import json
import secrets
import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from clock import now_iso
from knowledge.vocabulary import CODE_ALPHABET, JOIN_CODE_LENGTH
from store.database import write_transaction


@dataclass(frozen=True)
class TrainingSession:
    """A meet-the-buyer or training session."""

    id: int
    council_id: str
    code: str
    title: str
    opportunity_code: str
    themes: list[str]
    created_at: str
    closed_at: str | None
    summary: dict[str, Any] | None

    @property
    def is_open(self) -> bool:
        """Attendees may still join."""
        return self.closed_at is None


@dataclass(frozen=True)
class Attendee:
    """An attendee's conversation, as the trainer's view needs it."""

    conversation_id: str
    attendee: str | None
    stage: str
    done: bool
    state: dict[str, Any]


def new_join_code() -> str:
    """Easy to read aloud and type on a phone: no 0/O or 1/I."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def _session(row: dict[str, Any]) -> TrainingSession:
    return TrainingSession(
        id=row["id"],
        council_id=row["council_id"],
        code=row["code"],
        title=row["title"],
        opportunity_code=row["opportunity_code"],
        themes=json.loads(row["themes"]),
        created_at=row["created_at"],
        closed_at=row["closed_at"],
        summary=json.loads(row["summary"]) if row["summary"] else None,
    )


def create_session(
    db: Database,
    *,
    council_id: str,
    title: str,
    opportunity_code: str,
    themes: list[str],
    staff_id: int,
    code_maker=new_join_code,
) -> TrainingSession:
    """Store a session under a fresh join code (a code already taken is drawn again)."""
    for _ in range(20):
        code = code_maker()
        try:
            with write_transaction(db):
                db["training_sessions"].insert(
                    {
                        "council_id": council_id,
                        "code": code,
                        "title": title,
                        "opportunity_code": opportunity_code,
                        "themes": json.dumps(themes),
                        "created_by": staff_id,
                        "created_at": now_iso(),
                    }
                )
            return session_by_code(db, code)
        except sqlite3.IntegrityError:
            continue
    raise RuntimeError("could not draw an unused join code")


def session_by_code(db: Database, code: str) -> TrainingSession | None:
    """A session by its join code (any case, spaces ignored)."""
    code = "".join(code.split()).upper()
    rows = list(db.query("SELECT * FROM training_sessions WHERE code = ?", [code]))
    return _session(rows[0]) if rows else None


def get_session(db: Database, session_id: int) -> TrainingSession | None:
    """A session by its id."""
    rows = list(db.query("SELECT * FROM training_sessions WHERE id = ?", [session_id]))
    return _session(rows[0]) if rows else None


def sessions_for_council(db: Database, council_id: str) -> list[TrainingSession]:
    """A council's sessions, newest first."""
    rows = db.query(
        "SELECT * FROM training_sessions WHERE council_id = ? ORDER BY id DESC", [council_id]
    )
    return [_session(row) for row in rows]


def attendees(db: Database, session_id: int) -> list[Attendee]:
    """Every conversation that joined the session, in the order they joined."""
    rows = db.execute(
        "SELECT id, attendee, stage, done, state FROM conversations WHERE session_id = ? "
        "ORDER BY created_at, id",
        [session_id],
    ).fetchall()
    return [Attendee(r[0], r[1], r[2], bool(r[3]), json.loads(r[4])) for r in rows]


def record_question(
    db: Database, *, session_id: int, question: str, answered: bool, entry_title: str | None
) -> None:
    """A question an attendee asked, and whether the knowledge base answered it."""
    with write_transaction(db):
        db["session_questions"].insert(
            {
                "session_id": session_id,
                "question": question,
                "answered": int(answered),
                "entry_title": entry_title,
                "asked_at": now_iso(),
            }
        )


def questions(db: Database, session_id: int) -> list[tuple[str, bool, str | None]]:
    """(question, answered, the answer's title) for every question asked, oldest first."""
    rows = db.execute(
        "SELECT question, answered, entry_title FROM session_questions WHERE session_id = ? "
        "ORDER BY id",
        [session_id],
    ).fetchall()
    return [(q, bool(a), t) for q, a, t in rows]


def close_session(db: Database, session_id: int, summary: dict[str, Any]) -> bool:
    """Close the session (no more joins) and keep its summary of counts; the attendees' names
    and the questions' text go (their conversations stay theirs). False if already closed."""
    with write_transaction(db):
        cursor = db.execute(
            "UPDATE training_sessions SET closed_at = ?, summary = ? "
            "WHERE id = ? AND closed_at IS NULL",
            [now_iso(), json.dumps(summary), session_id],
        )
        if cursor.rowcount != 1:
            return False
        db.execute("UPDATE conversations SET attendee = NULL WHERE session_id = ?", [session_id])
        db.execute("DELETE FROM session_questions WHERE session_id = ?", [session_id])
    return True
