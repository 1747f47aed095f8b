"""Migration 0012: pledges of submitted offers to needs, and organisations' receipts."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """Commitments of submitted offers pledged to needs (gone with their submission), and the
    organisations' confirmations that they received support."""
    db.execute(
        """
        CREATE TABLE need_pledges (
            id INTEGER PRIMARY KEY,
            need_id INTEGER NOT NULL REFERENCES exchange_needs(id),
            submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
            commitment_id TEXT NOT NULL,
            quantity REAL NOT NULL,
            UNIQUE (submission_id, commitment_id)
        )
        """
    )
    db["need_pledges"].create_index(["need_id"])
    db.execute(
        """
        CREATE TABLE need_receipts (
            id INTEGER PRIMARY KEY,
            need_id INTEGER NOT NULL REFERENCES exchange_needs(id),
            organisation_id INTEGER NOT NULL REFERENCES exchange_organisations(id),
            quantity REAL NOT NULL CHECK (quantity > 0),
            note TEXT NOT NULL,
            confirmed_at TEXT NOT NULL
        )
        """
    )
    db["need_receipts"].create_index(["need_id"])
