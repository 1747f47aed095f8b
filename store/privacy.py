"""Deleting a supplier's conversation, and purging records whose retention period has ended.

A submission to a real opportunity (not a practice one), or one that won a contract, is a
procurement record the council keeps: deleting the conversation empties it instead of removing
it, and the purge removes it when the council's retention period ends.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from clock import now_iso
from store.database import write_transaction

# A submission the council keeps (alias s, its opportunity o).
KEPT = "(o.practice = 0 OR EXISTS (SELECT 1 FROM contracts k WHERE k.submission_id = s.id))"


class ContractAwarded(Exception):
    """The conversation's offer won a contract: it cannot be deleted while the council keeps
    the contract's records."""


@dataclass(frozen=True)
class KeptSubmission:
    """A submitted version the council keeps after the conversation is deleted."""

    id: int
    reference: str
    council_id: str
    conversation_id: str
    opportunity_title: str
    status: str
    closes_at: str
    contract_id: int | None = None
    contract_starts_on: str | None = None
    contract_months: int | None = None


@dataclass(frozen=True)
class Holdings:
    """What the council holds from one conversation: the offers it keeps, the contracts won."""

    kept: list[KeptSubmission]
    contract_titles: list[str]


@dataclass(frozen=True)
class StoredConversation:
    """A conversation as the purge sees it: when it last changed, and the offers it keeps."""

    id: str
    council_id: str
    updated_at: str
    deleted_at: str | None
    kept_submission_ids: frozenset[int]


@dataclass(frozen=True)
class StoredQuestion:
    """A question the knowledge base could not answer, as the purge sees it."""

    id: int
    council_id: str
    asked_at: str


def _kept(db: Database, where: str, params: list) -> list[KeptSubmission]:
    rows = db.query(
        "SELECT s.id, s.reference, s.council_id, s.conversation_id, o.title AS opportunity_title, "
        "s.status, o.closes_at, c.id AS contract_id, c.starts_on AS contract_starts_on, "
        "c.duration_months AS contract_months FROM submissions s "
        "JOIN opportunities o ON o.code = s.opportunity_code "
        f"LEFT JOIN contracts c ON c.submission_id = s.id WHERE {KEPT} AND {where} ORDER BY s.id",
        params,
    )
    return [KeptSubmission(**row) for row in rows]


def holdings(db: Database, conversation_id: str) -> Holdings:
    """The submissions the council keeps from this conversation, and any contracts it won."""
    titles = [
        row["title"]
        for row in db.query(
            "SELECT title FROM contracts WHERE conversation_id = ? ORDER BY id", [conversation_id]
        )
    ]
    return Holdings(_kept(db, "s.conversation_id = ?", [conversation_id]), titles)


def delete_conversation(db: Database, conversation_id: str) -> Holdings:
    """Delete the conversation: its messages, tokens, return code, answers and any practice
    submissions. If the council keeps submissions from it, the row stays, emptied, for them.
    Raises ContractAwarded (changing nothing) if its offer won a contract."""
    with write_transaction(db):
        held = holdings(db, conversation_id)
        if held.contract_titles:
            raise ContractAwarded(conversation_id)
        kept = [k.id for k in held.kept]
        others = [
            row["id"]
            for row in db.query(
                "SELECT id FROM submissions WHERE conversation_id = ?", [conversation_id]
            )
            if row["id"] not in kept
        ]
        _delete_submissions(db, others)
        _delete_conversation_rows(db, conversation_id)
        if kept:
            # A new turn count makes a turn or an edit read before this fail (TurnConflict)
            # instead of writing the answers back.
            db.execute(
                "UPDATE conversations SET state = '{}', stage = 'deleted', session_id = NULL, "
                "return_code_hash = NULL, attendee = NULL, turns = turns + 1, updated_at = ?, "
                "deleted_at = ? WHERE id = ?",
                [now_iso(), now_iso(), conversation_id],
            )
        else:
            db.execute("DELETE FROM conversations WHERE id = ?", [conversation_id])
    return held


def _marks(ids: list) -> str:
    return ",".join("?" * len(ids))


def _delete_conversation_rows(db: Database, conversation_id: str) -> None:
    for table in ("conversation_tokens", "conversation_messages"):
        db.execute(f"DELETE FROM {table} WHERE conversation_id = ?", [conversation_id])


def _delete_contracts(db: Database, contract_ids: list[int]) -> None:
    if not contract_ids:
        return
    marks = _marks(contract_ids)
    for table in ("delivery_returns", "kpis", "evidence_files"):  # the files: remove_unlisted
        db.execute(f"DELETE FROM {table} WHERE contract_id IN ({marks})", contract_ids)
    subjects = [f"contract:{i}" for i in contract_ids]
    db.execute(f"DELETE FROM audit_log WHERE subject IN ({marks})", subjects)
    db.execute(f"DELETE FROM contracts WHERE id IN ({marks})", contract_ids)


def _delete_submissions(db: Database, submission_ids: list[int]) -> None:
    """Submissions with everything keyed on them: scores, audit entries, contracts."""
    if not submission_ids:
        return
    marks = _marks(submission_ids)
    contracts = db.query(
        f"SELECT id FROM contracts WHERE submission_id IN ({marks})", submission_ids
    )
    _delete_contracts(db, [row["id"] for row in list(contracts)])
    for table in ("evaluations", "moderations", "assessment_summaries"):
        db.execute(f"DELETE FROM {table} WHERE submission_id IN ({marks})", submission_ids)
    db.execute(
        "DELETE FROM audit_log WHERE EXISTS (SELECT 1 FROM submissions s WHERE s.id IN "
        f"({marks}) AND s.reference = audit_log.subject AND s.council_id = audit_log.council_id)",
        submission_ids,
    )
    db.execute(f"DELETE FROM submissions WHERE id IN ({marks})", submission_ids)


def kept_submissions(db: Database) -> list[KeptSubmission]:
    """Every submission the council keeps, with its opportunity's closing time and contract."""
    return _kept(db, "1", [])


def stored_conversations(db: Database) -> list[StoredConversation]:
    """Every conversation, with when it last changed and the ids of the offers kept from it."""
    rows = db.query(
        "SELECT c.id, c.council_id, c.updated_at, c.deleted_at, (SELECT group_concat(s.id) "
        "FROM submissions s JOIN opportunities o ON o.code = s.opportunity_code "
        f"WHERE s.conversation_id = c.id AND {KEPT}) AS kept FROM conversations c ORDER BY c.id"
    )
    return [
        StoredConversation(
            row["id"],
            row["council_id"],
            row["updated_at"],
            row["deleted_at"],
            frozenset(int(i) for i in (row["kept"] or "").split(",") if i),
        )
        for row in rows
    ]


def stored_questions(db: Database) -> list[StoredQuestion]:
    """Every question the knowledge base could not answer, with when it was first asked."""
    rows = db.query("SELECT id, council_id, asked_at FROM unanswered_questions ORDER BY id")
    return [StoredQuestion(**row) for row in rows]


def purge(
    db: Database,
    *,
    submission_ids: Iterable[int],
    conversation_ids: Iterable[str],
    question_ids: Iterable[int],
) -> None:
    """Delete these submissions (with their scores, audit entries and contracts), these
    conversations (with everything of theirs) and these questions, in one transaction."""
    submission_ids, question_ids = list(submission_ids), list(question_ids)
    with write_transaction(db):
        _delete_submissions(db, submission_ids)
        for conversation_id in conversation_ids:
            rows = db.query(
                "SELECT id FROM submissions WHERE conversation_id = ?", [conversation_id]
            )
            _delete_submissions(db, [row["id"] for row in rows])
            _delete_conversation_rows(db, conversation_id)
            db.execute("DELETE FROM conversations WHERE id = ?", [conversation_id])
        if question_ids:
            marks = _marks(question_ids)
            db.execute(f"DELETE FROM unanswered_questions WHERE id IN ({marks})", question_ids)
