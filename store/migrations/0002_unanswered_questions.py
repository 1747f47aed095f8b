"""Migration 0002: questions the knowledge base could not answer, for the council."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
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
