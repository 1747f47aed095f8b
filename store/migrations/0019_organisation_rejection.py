"""Migration 0019: staff may decline to verify a local organisation, with a note it reads."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """When, by whom and why an organisation was not verified."""
    table = db["exchange_organisations"]
    table.add_column("rejected_at", str)
    table.add_column("rejected_by", int)
    table.add_column("rejection_note", str)
