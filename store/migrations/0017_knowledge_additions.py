"""Migration 0017: answers staff draft from the unanswered-questions page (new ways of asking
an entry, or new entries), approved before the assistant uses them, kept until exported."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """Drafted, approved and withdrawn additions to a council's knowledge base."""
    db["knowledge_additions"].create(
        {
            "id": int,
            "council_id": str,
            "kind": str,
            "entry_id": str,
            "questions": str,
            "entry": str,
            "question_ids": str,
            "status": str,
            "drafted_by": int,
            "drafted_at": str,
            "decided_by": int,
            "decided_at": str,
            "exported_at": str,
        },
        pk="id",
        foreign_keys=[("drafted_by", "staff", "id"), ("decided_by", "staff", "id")],
        not_null={"council_id", "kind", "entry_id", "questions", "status", "drafted_at"},
    )
    db["knowledge_additions"].create_index(["council_id", "status"])
