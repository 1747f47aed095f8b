"""Suppliers' conversations: state, access tokens, return codes and the message log.

Tokens and return codes are random and stored only as SHA-256 hashes, so a copy of the
database does not let anyone into a supplier's conversation.
"""

import hashlib
import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from clock import now_iso
from knowledge.vocabulary import CODE_ALPHABET, RETURN_CODE_LENGTH, normalise_code
from store.database import write_transaction


class TurnConflict(Exception):
    """Another turn was saved first (for example a double-clicked button); nothing was written."""


@dataclass(frozen=True)
class Conversation:
    """A conversation row, with its state decoded."""

    id: str
    council_id: str
    opportunity: str | None
    state: dict[str, Any]
    stage: str
    done: bool
    turns: int
    created_at: str
    updated_at: str
    session_id: int | None = None


@dataclass(frozen=True)
class StoredMessage:
    """One message of the transcript."""

    turn: int
    role: str
    kind: str
    text: str
    entry_id: str | None
    entry_title: str | None
    links: list[dict[str, str]] = field(default_factory=list)  # help pages, when not answered


@dataclass(frozen=True)
class NewConversation:
    """A created conversation and the secrets shown once to its owner."""

    id: str
    token: str
    return_code: str


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _new_code() -> str:
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(RETURN_CODE_LENGTH))
    return "-".join(code[i : i + 4] for i in range(0, RETURN_CODE_LENGTH, 4))


def create_conversation(
    db: Database,
    *,
    council_id: str,
    opportunity: str | None,
    state: dict[str, Any],
    stage: str,
    messages: list[dict[str, Any]],
    session_id: int | None = None,
    attendee: str | None = None,
) -> NewConversation:
    """Store a new conversation with its first messages; return its id, token and code.

    With `session_id`, the conversation joins that training session; raises SessionClosed if
    the session has closed (checked after the insert, so a close cannot slip in between)."""
    conversation_id = secrets.token_urlsafe(12)
    token, code, now = secrets.token_urlsafe(32), _new_code(), now_iso()
    with write_transaction(db):
        db["conversations"].insert(
            {
                "id": conversation_id,
                "council_id": council_id,
                "opportunity": opportunity,
                "state": json.dumps(state),
                "stage": stage,
                "done": 0,
                "turns": 0,
                "return_code_hash": _hash(normalise_code(code)),
                "created_at": now,
                "updated_at": now,
                "session_id": session_id,
                "attendee": attendee,
            }
        )
        if session_id is not None and _session_closed(db, session_id):
            raise SessionClosed(session_id)
        db["conversation_tokens"].insert(
            {"token_hash": _hash(token), "conversation_id": conversation_id, "created_at": now}
        )
        _insert_messages(db, conversation_id, 0, messages, now)
    return NewConversation(conversation_id, token, code)


class SessionClosed(Exception):
    """The training session has closed: no one can join it now."""


def _session_closed(db: Database, session_id: int) -> bool:
    rows = list(db.query("SELECT closed_at FROM training_sessions WHERE id = ?", [session_id]))
    return not rows or rows[0]["closed_at"] is not None


def _insert_messages(
    db: Database, conversation_id: str, turn: int, messages: list[dict[str, Any]], now: str
) -> None:
    db["conversation_messages"].insert_all(
        {
            "conversation_id": conversation_id,
            "turn": turn,
            "role": m["role"],
            "kind": m.get("kind", "say"),
            "text": m["text"],
            "entry_id": (m.get("entry") or {}).get("id"),
            "entry_title": (m.get("entry") or {}).get("title"),
            "links": json.dumps(m["links"]) if m.get("links") else None,
            "created_at": now,
        }
        for m in messages
    )


def save_turn(
    db: Database,
    conversation: Conversation,
    *,
    state: dict[str, Any],
    stage: str,
    done: bool,
    messages: list[dict[str, Any]],
) -> None:
    """Write the supplier's message, the replies and the new state in one transaction.

    Raises TurnConflict if another turn was saved since `conversation` was read.
    """
    now = now_iso()
    turn = conversation.turns + 1
    with write_transaction(db):
        cursor = db.execute(
            "UPDATE conversations SET state = ?, stage = ?, done = ?, turns = ?, updated_at = ? "
            "WHERE id = ? AND turns = ?",
            [json.dumps(state), stage, int(done), turn, now, conversation.id, conversation.turns],
        )
        if cursor.rowcount != 1:
            raise TurnConflict(conversation.id)
        _insert_messages(db, conversation.id, turn, messages, now)


def _row_to_conversation(row: dict[str, Any]) -> Conversation:
    return Conversation(
        id=row["id"],
        council_id=row["council_id"],
        opportunity=row["opportunity"],
        state=json.loads(row["state"]),
        stage=row["stage"],
        done=bool(row["done"]),
        turns=row["turns"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        session_id=row.get("session_id"),
    )


def conversation_for_token(db: Database, token: str) -> Conversation | None:
    """The conversation this token opens, or None."""
    rows = list(
        db.query(
            "SELECT c.* FROM conversation_tokens t "
            "JOIN conversations c ON c.id = t.conversation_id WHERE t.token_hash = ?",
            [_hash(token)],
        )
    )
    return _row_to_conversation(rows[0]) if rows else None


def conversation_with_token(db: Database, conversation_id: str, token: str) -> Conversation | None:
    """The conversation, only if the token belongs to it."""
    found = conversation_for_token(db, token)
    # As bytes: compare_digest refuses strings with non-ASCII characters, which a URL may hold.
    same = found and secrets.compare_digest(found.id.encode(), conversation_id.encode())
    return found if same else None


def open_with_return_code(db: Database, code: str) -> str | None:
    """A new token for the conversation with this return code (one device each), or None."""
    rows = list(
        db.query(
            "SELECT id FROM conversations WHERE return_code_hash = ?",
            [_hash(normalise_code(code))],
        )
    )
    if not rows:
        return None
    token = secrets.token_urlsafe(32)
    with write_transaction(db):
        db["conversation_tokens"].insert(
            {"token_hash": _hash(token), "conversation_id": rows[0]["id"], "created_at": now_iso()}
        )
    return token


def new_return_code(db: Database, conversation_id: str) -> str:
    """Replace the conversation's return code (the old one stops working) and return it."""
    code = _new_code()
    with write_transaction(db):
        db.execute(
            "UPDATE conversations SET return_code_hash = ? WHERE id = ? AND deleted_at IS NULL",
            [_hash(normalise_code(code)), conversation_id],
        )
    return code


def transcript(db: Database, conversation_id: str) -> list[StoredMessage]:
    """Every message of the conversation, oldest first."""
    rows = db.query(
        "SELECT turn, role, kind, text, entry_id, entry_title, links FROM conversation_messages "
        "WHERE conversation_id = ? ORDER BY id",
        [conversation_id],
    )
    return [StoredMessage(**(row | {"links": json.loads(row["links"] or "[]")})) for row in rows]


def save_state(db: Database, conversation: Conversation, state: dict[str, Any]) -> None:
    """Save an edit made outside the chat (the offer pages); TurnConflict if it changed since."""
    with write_transaction(db):
        cursor = db.execute(
            "UPDATE conversations SET state = ?, turns = ?, updated_at = ? "
            "WHERE id = ? AND turns = ?",
            [json.dumps(state), conversation.turns + 1, now_iso()]
            + [conversation.id, conversation.turns],
        )
        if cursor.rowcount != 1:
            raise TurnConflict(conversation.id)


def link_opportunity(db: Database, conversation_id: str, code: str) -> None:
    """Record which opportunity the conversation is for."""
    with write_transaction(db):
        db.execute("UPDATE conversations SET opportunity = ? WHERE id = ?", [code, conversation_id])


def conversation_by_id(db: Database, conversation_id: str) -> Conversation:
    """A conversation by its id (for code that has already checked the token)."""
    rows = list(db.query("SELECT * FROM conversations WHERE id = ?", [conversation_id]))
    return _row_to_conversation(rows[0])
