"""Migration 0011: local organisations' accounts and their needs, both checked by staff."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """Organisations' accounts (verified by staff) and their needs (approved by staff)."""
    db.execute(
        """
        CREATE TABLE exchange_organisations (
            id INTEGER PRIMARY KEY,
            council_id TEXT NOT NULL,
            name TEXT NOT NULL,
            number TEXT NOT NULL,
            address TEXT NOT NULL,
            postcode TEXT NOT NULL,
            contact_name TEXT NOT NULL,
            email TEXT NOT NULL UNIQUE,
            password_hash TEXT NOT NULL,
            session_version INTEGER NOT NULL DEFAULT 0,
            verified_at TEXT,
            verified_by INTEGER REFERENCES staff(id),
            created_at TEXT NOT NULL
        )
        """
    )
    db["exchange_organisations"].create_index(["council_id", "verified_at"])
    db.execute(
        """
        CREATE TABLE exchange_needs (
            id INTEGER PRIMARY KEY,
            organisation_id INTEGER NOT NULL REFERENCES exchange_organisations(id),
            council_id TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            measure_id TEXT NOT NULL,
            quantity REAL NOT NULL CHECK (quantity > 0),
            unit TEXT NOT NULL,
            timescale TEXT NOT NULL,
            area TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'approved', 'rejected', 'closed')),
            review_note TEXT,
            reviewed_by INTEGER REFERENCES staff(id),
            reviewed_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db["exchange_needs"].create_index(["council_id", "status"])
    db["exchange_needs"].create_index(["organisation_id"])
