"""Migration 0010 onwards: deleting a conversation (registered on the same `migrations` as
store/migrations.py, after 0008 and 0009)."""

from sqlite_utils import Database

from store.migrations import migrations


@migrations(name="0010_deleted_conversations")
def add_deleted_at(db: Database) -> None:
    """When a supplier deleted a conversation whose submitted offer the council keeps: the row
    stays, emptied, for the submissions that point at it, until the retention purge."""
    db["conversations"].add_column("deleted_at", str)
