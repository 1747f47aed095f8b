"""Opening the SQLite database, applying migrations and reporting health."""

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from store.migrations import migrations

BUSY_TIMEOUT_SECONDS = 5.0


def connect(path: str | Path) -> Database:
    """Open the database file with WAL, a busy timeout and safe-but-fast syncing."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
    db = Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def migrate(db: Database) -> list[str]:
    """Apply pending migrations under one write lock; return the names applied."""
    with db.ensure_autocommit_on():
        db.execute("PRAGMA journal_mode = WAL")
    # BEGIN IMMEDIATE makes concurrent workers queue here instead of racing
    # to create the same tables; each migration then runs in a savepoint.
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        pending = [m.name for m in migrations.pending(db)]
        migrations.apply(db)
        db.conn.execute("COMMIT")
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    return pending


def health(path: str | Path) -> dict:
    """Open the database afresh and say whether it answers, and its schema version."""
    try:
        db = connect(path)
        try:
            applied = migrations.applied(db)
            journal = next(db.query("PRAGMA journal_mode"))["journal_mode"]
        finally:
            db.close()
    except sqlite3.Error as error:
        return {"database": "error", "detail": str(error)}
    return {
        "database": "ok",
        "schema_version": applied[-1].name if applied else None,
        "journal_mode": journal,
    }
