"""Migration 0009: meet-the-buyer training sessions, their conversations and questions."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """Meet-the-buyer training sessions, their attendees' conversations and questions."""
    db["training_sessions"].create(
        {
            "id": int,
            "council_id": str,
            "code": str,
            "title": str,
            "opportunity_code": str,
            "themes": str,
            "created_by": int,
            "created_at": str,
            "closed_at": str,
            "summary": str,
        },
        pk="id",
        foreign_keys=[
            ("opportunity_code", "opportunities", "code"),
            ("created_by", "staff", "id"),
        ],
        not_null={"council_id", "code", "title", "opportunity_code", "themes", "created_at"},
    )
    db["training_sessions"].create_index(["code"], unique=True)
    db["training_sessions"].create_index(["council_id"])
    db["conversations"].add_column("session_id", int)
    db["conversations"].add_column("attendee", str)
    db["conversations"].create_index(["session_id"])
    db["session_questions"].create(
        {
            "id": int,
            "session_id": int,
            "question": str,
            "answered": int,
            "entry_title": str,
            "asked_at": str,
        },
        pk="id",
        foreign_keys=[("session_id", "training_sessions", "id")],
        not_null={"session_id", "question", "answered", "asked_at"},
    )
    db["session_questions"].create_index(["session_id"])
