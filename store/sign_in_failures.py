"""Failed sign-ins in a row, per email address (known or not), and the lock that follows."""

from datetime import datetime, timedelta

from sqlite_utils import Database


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


def record_failure(
    db: Database, email: str, now: datetime, limit: int, lock: timedelta
) -> datetime | None:
    """Count a failure; at `limit` in a row, lock the address for `lock`. Return the lock's end."""
    with db.atomic():
        db.execute(
            "INSERT INTO sign_in_failures (email, failures) VALUES (?, 1) "
            "ON CONFLICT(email) DO UPDATE SET failures = failures + 1",
            [_key(email)],
        )
        failures = list(
            db.query("SELECT failures FROM sign_in_failures WHERE email = ?", [_key(email)])
        )[0]["failures"]
        if failures < limit:
            return None
        until = now + lock
        db.execute(
            "UPDATE sign_in_failures SET failures = 0, locked_until = ? WHERE email = ?",
            [until.isoformat(timespec="seconds"), _key(email)],
        )
        return until


def clear_failures(db: Database, email: str) -> None:
    """A successful sign-in starts the count again."""
    db.execute("DELETE FROM sign_in_failures WHERE email = ?", [_key(email)])
