"""Migration 0010: when a supplier deleted a conversation whose offer the council keeps."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """When a supplier deleted a conversation whose submitted offer the council keeps: the row
    stays, emptied, for the submissions that point at it, until the retention purge."""
    db["conversations"].add_column("deleted_at", str)
