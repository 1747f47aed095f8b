"""Opening the SQLite database, applying migrations and reporting health."""

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


def _use_wal(db: Database) -> None:
    """Switch to WAL. The switch needs a moment alone with the file and does not wait for
    the busy timeout, so workers starting together retry until it has happened."""
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            with db.ensure_autocommit_on():
                db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


# Failures of the database itself (full, read-only, busy past the timeout, I/O), as opposed
# to a mistake in a query: the primary result codes from https://sqlite.org/rescode.html.
STORAGE_FAILURES = {5: "busy", 6: "locked", 8: "read-only", 10: "I/O error", 13: "full"}


class StorageError(Exception):
    """The database could not take a write (full, read-only, busy past the timeout, I/O): the
    data layer's own error, so callers never need to know about sqlite3. Nothing was saved."""

    def __init__(self, what: str, detail: str) -> None:
        super().__init__(f"database {what}: {detail}")
        self.what = what


def storage_failure(error: BaseException) -> str | None:
    """What went wrong, if `error` means the database could not be written or read."""
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(error, sqlite3.OperationalError) or code is None:
        return None
    return STORAGE_FAILURES.get(code & 0xFF)


@contextmanager
def write_transaction(db: Database) -> Iterator[None]:
    """One transaction that takes the write lock first (BEGIN IMMEDIATE). A deferred one that
    reads before it writes (sqlite-utils reads the table's columns before an insert) fails at
    once with "database is locked" when another worker wrote in between; this one waits its
    turn within the busy timeout instead. Every write of the data layer goes through here; a
    failure of the database itself comes out as StorageError, with everything rolled back."""
    try:
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            db.conn.execute("COMMIT")
        except BaseException:
            # A full disk or an I/O error may have rolled the transaction back already; then
            # the original error is the one to report, not "no transaction is active".
            if db.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    db.conn.execute("ROLLBACK")
            raise
    except sqlite3.OperationalError as error:
        what = storage_failure(error)
        if what is None:
            raise
        raise StorageError(what, str(error)) from error


def migrate(db: Database) -> list[str]:
    """Apply pending migrations under one write lock; return the names applied."""
    _use_wal(db)
    # The write lock makes concurrent workers queue here instead of racing to create the
    # same tables; each migration then runs in a savepoint.
    with write_transaction(db):
        pending = [m.name for m in migrations.pending(db)]
        migrations.apply(db)
    return pending


def health(path: str | Path) -> dict:
    """Open the existing database read-write and check it holds the latest schema."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
        db = Database(conn)
        try:
            applied = migrations.applied(db)
            journal = next(db.query("PRAGMA journal_mode"))["journal_mode"]
        finally:
            db.close()
    except sqlite3.Error as error:
        return {"database": "error", "problem": _describe(error)}
    latest = migrations._migrations[-1].name
    current = applied[-1].name if applied else None
    if current != latest:
        return {"database": "error", "problem": "schema is not up to date"}
    return {"database": "ok", "schema_version": current, "journal_mode": journal}


def _describe(error: sqlite3.Error) -> str:
    """A short, public description of a database failure (details go to the logs)."""
    return "cannot open the database" if "unable to open" in str(error) else "database error"
