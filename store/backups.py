"""Backups with SQLite's online backup API: a consistent copy while the app keeps writing,
and a restore that checks the copy before it replaces anything."""

import sqlite3
from pathlib import Path

from store.database import BUSY_TIMEOUT_SECONDS


class BadBackup(Exception):
    """The file is not a sound copy of this service's database."""


def integrity(path: str | Path) -> str:
    """`PRAGMA integrity_check` of a database file: "ok" when it is sound."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        conn.close()


def backup(database: str | Path, target: str | Path) -> Path:
    """Copy the live database to `target` with SQLite's online backup API while the app keeps
    writing; the copy is checked before it takes the target's name."""
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(str(database), timeout=BUSY_TIMEOUT_SECONDS)
    copy = sqlite3.connect(str(partial))
    try:
        # One step, inside one read transaction: in WAL mode writers carry on meanwhile, and
        # the copy is the database as it was when the step began. (Copying in small steps
        # starts again whenever another connection writes, so under load it may never end.)
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    result = integrity(partial)
    if result != "ok":
        partial.unlink()
        raise BadBackup(f"the copy failed its integrity check: {result}")
    partial.replace(target)
    return target


def restore(backup_file: str | Path, database: str | Path) -> None:
    """Replace the database's contents with a checked backup, through the same backup API
    (so the live file's WAL stays consistent). Stop the app first: requests in flight would
    otherwise see the database change under them."""
    backup_file = Path(backup_file)
    result = integrity(backup_file)
    if result != "ok":
        raise BadBackup(f"{backup_file} failed its integrity check: {result}")
    source = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"_sqlite_migrations", "conversations"} <= tables:
            raise BadBackup(f"{backup_file} is not a backup of this service's database")
        target = sqlite3.connect(str(database), timeout=BUSY_TIMEOUT_SECONDS)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
