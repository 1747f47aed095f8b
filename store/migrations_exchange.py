"""Migrations 0011 and 0012: the community needs exchange (local organisations, the needs they
post, pledges to them and receipts), registered on the same `migrations` as store/migrations.py,
after 0010."""

from sqlite_utils import Database

import store.migrations_privacy  # noqa: F401 (registers 0010 first: migrations run in order)
from store.migrations import migrations


@migrations(name="0011_exchange_organisations_and_needs")
def create_exchange(db: Database) -> None:
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


@migrations(name="0012_need_pledges_and_receipts")
def create_pledges_and_receipts(db: Database) -> None:
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
