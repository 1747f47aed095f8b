"""Failed sign-ins in a row, per email address (known or not), and the lock that follows."""

from datetime import datetime, timedelta

from sqlite_utils import Database

from store.database import write_transaction


def _key(email: str) -> str:
    return email.strip().lower()


def locked_until(db: Database, email: str, now: datetime) -> datetime | None:
    """When the lock on this email address ends, if it is locked now."""
    rows = list(
        db.query("SELECT locked_until FROM sign_in_failures WHERE email = ?", [_key(email)])
    )
    if not rows or not rows[0]["locked_until"]:
        return None
    until = datetime.fromisoformat(rows[0]["locked_until"])
    return until if until > now else None


def begin_attempt(
    db: Database, email: str, now: datetime, limit: int, lock: timedelta
) -> datetime | None:
    """Count an attempt before the password is checked, under one write lock, so parallel
    guesses cannot slip past the limit. Return the end of a lock already in force (the attempt
    must be refused), or None. A successful sign-in clears the count afterwards."""
    with write_transaction(db):
        until = locked_until(db, email, now)
        if until is None:
            db.execute(
                "INSERT INTO sign_in_failures (email, failures) VALUES (?, 1) "
                "ON CONFLICT(email) DO UPDATE SET failures = failures + 1",
                [_key(email)],
            )
            row = list(
                db.query("SELECT failures FROM sign_in_failures WHERE email = ?", [_key(email)])
            )[0]
            if row["failures"] >= limit:
                db.execute(
                    "UPDATE sign_in_failures SET failures = 0, locked_until = ? WHERE email = ?",
                    [(now + lock).isoformat(timespec="seconds"), _key(email)],
                )
    return until


def clear_failures(db: Database, email: str) -> None:
    """A successful sign-in starts the count again."""
    with write_transaction(db):
        db.execute("DELETE FROM sign_in_failures WHERE email = ?", [_key(email)])
