"""Failed sign-ins in a row, counted under keys the web layer chooses (a kind of account, an
email address known or not, and where the attempts come from), and the locks that follow."""

from datetime import datetime, timedelta

from sqlite_utils import Database

from store.database import write_transaction


def _key(key: str) -> str:
    return key.strip().lower()


def locked_until(db: Database, keys: list[str], now: datetime) -> datetime | None:
    """When the last lock in force on any of these keys ends, if one is locked now."""
    marks = ", ".join("?" for _ in keys)
    rows = db.query(
        f"SELECT locked_until FROM sign_in_failures WHERE email IN ({marks}) "
        "AND locked_until IS NOT NULL",
        [_key(k) for k in keys],
    )
    ends = [datetime.fromisoformat(row["locked_until"]) for row in rows]
    return max((end for end in ends if end > now), default=None)


def begin_attempt(
    db: Database, limits: list[tuple[str, int]], now: datetime, lock: timedelta
) -> datetime | None:
    """Count an attempt under each (key, limit) before the password is checked, under one
    write lock, so parallel guesses cannot slip past a limit. Return the end of a lock
    already in force on any key (the attempt must be refused), or None. A key that reaches
    its limit is locked for `lock`. A successful sign-in clears the counts afterwards."""
    keys = [_key(key) for key, _ in limits]
    with write_transaction(db):
        until = locked_until(db, keys, now)
        if until is None:
            for key, limit in zip(keys, (limit for _, limit in limits), strict=True):
                db.execute(
                    "INSERT INTO sign_in_failures (email, failures) VALUES (?, 1) "
                    "ON CONFLICT(email) DO UPDATE SET failures = failures + 1",
                    [key],
                )
                row = db.execute(
                    "SELECT failures FROM sign_in_failures WHERE email = ?", [key]
                ).fetchone()
                if row[0] >= limit:
                    db.execute(
                        "UPDATE sign_in_failures SET failures = 0, locked_until = ? "
                        "WHERE email = ?",
                        [(now + lock).isoformat(timespec="seconds"), key],
                    )
    return until


def clear_failures(db: Database, keys: list[str]) -> None:
    """A successful sign-in starts these counts again."""
    marks = ", ".join("?" for _ in keys)
    with write_transaction(db):
        db.execute(
            f"DELETE FROM sign_in_failures WHERE email IN ({marks})", [_key(k) for k in keys]
        )
