"""Versioned schema migrations, applied in order and recorded in the database."""

from sqlite_utils import Database, Migrations

migrations = Migrations("svoa")


@migrations(name="0001_staff")
def create_staff(db: Database) -> None:
    """Staff accounts: one council each, a role, and a hashed password."""
    db["staff"].create(
        {
            "id": int,
            "email": str,
            "name": str,
            "council_id": str,
            "role": str,
            "password_hash": str,
            "created_at": str,
        },
        pk="id",
        not_null={"email", "name", "council_id", "role", "password_hash", "created_at"},
    )
    db["staff"].create_index(["email"], unique=True)


@migrations(name="0002_unanswered_questions")
def create_unanswered_questions(db: Database) -> None:
    """Questions the knowledge base could not answer, for the council's social value lead."""
    db["unanswered_questions"].create(
        {
            "id": int,
            "council_id": str,
            "question": str,
            "source": str,
            "best_entry_id": str,
            "best_score": float,
            "asked_at": str,
            "handled_at": str,
        },
        pk="id",
        not_null={"council_id", "question", "source", "asked_at"},
    )
    db["unanswered_questions"].create_index(["council_id", "handled_at"])


@migrations(name="0003_session_version_and_question_counts")
def add_session_version_and_question_counts(db: Database) -> None:
    """Let sign-out end every copy of a staff session; count repeats of a question."""
    db["staff"].add_column("session_version", int, not_null_default=0)
    db["unanswered_questions"].add_column("times_asked", int, not_null_default=1)


@migrations(name="0004_conversations")
def create_conversations(db: Database) -> None:
    """Suppliers' conversations: the engine's state, access tokens and every message."""
    db["conversations"].create(
        {
            "id": str,
            "council_id": str,
            "opportunity": str,
            "state": str,
            "stage": str,
            "done": int,
            "turns": int,
            "return_code_hash": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"council_id", "state", "stage", "done", "turns", "created_at", "updated_at"},
    )
    db["conversations"].create_index(["return_code_hash"], unique=True)
    db["conversation_tokens"].create(
        {"token_hash": str, "conversation_id": str, "created_at": str},
        pk="token_hash",
        foreign_keys=[("conversation_id", "conversations", "id")],
        not_null={"conversation_id", "created_at"},
    )
    db["conversation_messages"].create(
        {
            "id": int,
            "conversation_id": str,
            "turn": int,
            "role": str,
            "kind": str,
            "text": str,
            "entry_id": str,
            "entry_title": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("conversation_id", "conversations", "id")],
        not_null={"conversation_id", "turn", "role", "kind", "text", "created_at"},
    )
    db["conversation_messages"].create_index(["conversation_id", "id"])


@migrations(name="0005_opportunities_and_submissions")
def create_opportunities_and_submissions(db: Database) -> None:
    """Contracts offers are made for (each with a share code), and frozen submitted offers."""
    db["opportunities"].create(
        {
            "code": str,
            "council_id": str,
            "title": str,
            "reference": str,
            "description": str,
            "contract_type": str,
            "value_gbp": float,
            "duration_months": int,
            "weighting_percent": float,
            "word_limit": int,
            "closes_at": str,
            "themes": str,
            "practice": int,
            "created_at": str,
        },
        pk="code",
        not_null={"council_id", "title", "word_limit", "closes_at", "practice", "created_at"},
    )
    db["opportunities"].create_index(["council_id"])
    db["submissions"].create(
        {
            "id": int,
            "reference": str,
            "conversation_id": str,
            "opportunity_code": str,
            "council_id": str,
            "version": int,
            "offer": str,
            "status": str,
            "submitted_at": str,
            "ended_at": str,
        },
        pk="id",
        foreign_keys=[
            ("conversation_id", "conversations", "id"),
            ("opportunity_code", "opportunities", "code"),
        ],
        not_null={
            "reference",
            "conversation_id",
            "opportunity_code",
            "council_id",
            "version",
            "offer",
            "status",
            "submitted_at",
        },
    )
    db["submissions"].create_index(["reference"], unique=True)
    db["submissions"].create_index(["conversation_id", "opportunity_code", "version"], unique=True)
    db["submissions"].create_index(["opportunity_code", "status"])


@migrations(name="0006_sign_in_failures")
def create_sign_in_failures(db: Database) -> None:
    """Failed staff sign-ins in a row, per email address, and when a lock ends."""
    db["sign_in_failures"].create(
        {"email": str, "failures": int, "locked_until": str},
        pk="email",
        not_null={"failures"},
    )


@migrations(name="0007_evaluations_and_audit")
def create_evaluations_and_audit(db: Database) -> None:
    """Evaluators' scores, the moderator's consensus per offer, and the audit trail."""
    db["evaluations"].create(
        {
            "id": int,
            "submission_id": int,
            "staff_id": int,
            "scores": str,
            "submitted_at": str,
        },
        pk="id",
        foreign_keys=[("submission_id", "submissions", "id"), ("staff_id", "staff", "id")],
        not_null={"submission_id", "staff_id", "scores", "submitted_at"},
    )
    db["evaluations"].create_index(["submission_id", "staff_id"], unique=True)
    db["moderations"].create(
        {"submission_id": int, "staff_id": int, "scores": str, "moderated_at": str},
        pk="submission_id",
        foreign_keys=[("submission_id", "submissions", "id"), ("staff_id", "staff", "id")],
        not_null={"staff_id", "scores", "moderated_at"},
    )
    db["audit_log"].create(
        {
            "id": int,
            "council_id": str,
            "staff_id": int,
            "action": str,
            "subject": str,
            "detail": str,
            "at": str,
        },
        pk="id",
        not_null={"council_id", "action", "subject", "at"},
    )
    db["audit_log"].create_index(["council_id", "subject"])


# Later migrations live beside this file, by what they are for; importing them here registers
# them after the ones above, so they are applied in order.
from store import (  # noqa: E402, F401
    migrations_contracts_sessions,
    migrations_exchange,
    migrations_privacy,
)
