"""Migration 0003: let sign-out end every copy of a staff session; count repeats of a question."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """Let sign-out end every copy of a staff session; count repeats of a question."""
    db["staff"].add_column("session_version", int, not_null_default=0)
    db["unanswered_questions"].add_column("times_asked", int, not_null_default=1)
