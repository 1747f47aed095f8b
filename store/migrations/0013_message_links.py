"""Migration 0013: help pages a message links to, when the assistant could not answer a
question itself ("these help pages might help")."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """A JSON list of {"id", "title"} of knowledge entries, or NULL."""
    db.execute("ALTER TABLE conversation_messages ADD COLUMN links TEXT")
