"""Staff accounts: create, look up and check passwords."""

import os
import sqlite3
from dataclasses import dataclass
from functools import cache

from sqlite_utils import Database
from werkzeug.security import check_password_hash, generate_password_hash

import clock
from permissions.roles import ROLES
from store.database import write_transaction

# werkzeug's scrypt (n=32768, r=8, p=1) unless SVOA_PASSWORD_HASH names a cheaper method: only
# the tests do, and a production app refuses to start with it set (web/common/config.py).
PASSWORD_HASH_SETTING = "SVOA_PASSWORD_HASH"


def _method() -> str:
    return os.environ.get(PASSWORD_HASH_SETTING) or "scrypt"


@cache
def _dummy_hash(method: str) -> str:
    # A real hash of a random password, checked when an email is unknown so that a wrong
    # email takes as long as a wrong password.
    return generate_password_hash("not-a-real-password-9f3c1e", method=method)


@dataclass(frozen=True)
class Staff:
    """A member of council staff, without their password hash."""

    id: int
    email: str
    name: str
    council_id: str
    role: str
    session_version: int = 0


class StaffExists(Exception):
    """Raised when an account with that email already exists."""


def hash_password(password: str) -> str:
    """A scrypt hash of the password, as stored (also for organisations' accounts)."""
    return generate_password_hash(password, method=_method())


def password_matches(stored_hash: str | None, password: str) -> bool:
    """Whether the password matches the stored hash. With no account (None), a dummy hash is
    checked, so that a wrong email takes as long as a wrong password."""
    if stored_hash is None:
        check_password_hash(_dummy_hash(_method()), password)
        return False
    return check_password_hash(stored_hash, password)


def _normalise_email(email: str) -> str:
    return email.strip().lower()


def _from_row(row: dict) -> Staff:
    return Staff(
        row["id"],
        row["email"],
        row["name"],
        row["council_id"],
        row["role"],
        row["session_version"],
    )


def create_staff(
    db: Database, *, email: str, name: str, council_id: str, role: str, password: str
) -> Staff:
    """Create a staff account with a scrypt-hashed password."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    record = {
        "email": _normalise_email(email),
        "name": name.strip(),
        "council_id": council_id,
        "role": role,
        "password_hash": hash_password(password),
        "created_at": clock.now_iso(),
    }
    try:
        with write_transaction(db):
            staff_id = db["staff"].insert(record).last_pk
    except sqlite3.IntegrityError as error:
        raise StaffExists(record["email"]) from error
    return get_staff(db, staff_id)


def set_password(db: Database, staff_id: int, password: str) -> None:
    """Replace a staff member's password, ending all their current sessions."""
    with write_transaction(db):
        db["staff"].update(staff_id, {"password_hash": hash_password(password)})
        _new_session_version(db, staff_id)


def end_sessions(db: Database, staff_id: int) -> None:
    """Invalidate every session cookie issued to this staff member so far."""
    with write_transaction(db):
        _new_session_version(db, staff_id)


def _new_session_version(db: Database, staff_id: int) -> None:
    db.execute("UPDATE staff SET session_version = session_version + 1 WHERE id = ?", [staff_id])


def get_staff(db: Database, staff_id: int) -> Staff | None:
    """Return the staff member with this id, or None."""
    rows = list(db.query("SELECT * FROM staff WHERE id = ?", [staff_id]))
    return _from_row(rows[0]) if rows else None


def find_staff_by_email(db: Database, email: str) -> Staff | None:
    """Return the staff member with this email, or None."""
    rows = list(db.query("SELECT * FROM staff WHERE email = ?", [_normalise_email(email)]))
    return _from_row(rows[0]) if rows else None


def authenticate(db: Database, email: str, password: str) -> Staff | None:
    """Return the staff member if the email and password match, else None."""
    rows = list(db.query("SELECT * FROM staff WHERE email = ?", [_normalise_email(email)]))
    if not password_matches(rows[0]["password_hash"] if rows else None, password):
        return None
    return _from_row(rows[0])
