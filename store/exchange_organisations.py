"""Local organisations' accounts on the needs exchange: register, sign in, verification by staff.

No email is ever sent: staff verify an organisation by checking its details themselves.
Passwords are stored only as scrypt hashes, made the same way as staff's.
"""

import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from clock import now_iso
from store.database import write_transaction
from store.evaluations import audit
from store.staff import hash_password, password_matches


@dataclass(frozen=True)
class Organisation:
    """A local organisation that posts needs, without its password hash."""

    id: int
    council_id: str
    name: str
    number: str
    address: str
    postcode: str
    contact_name: str
    email: str
    verified_at: str | None
    created_at: str
    session_version: int = 0
    rejected_at: str | None = None
    rejection_note: str | None = None

    @property
    def is_verified(self) -> bool:
        """Council staff have checked the organisation, so its approved needs are public."""
        return self.verified_at is not None


class OrganisationExists(Exception):
    """Raised when an account with that email address already exists."""


def normalise_email(email: str) -> str:
    """Email addresses are kept and compared in lower case, without surrounding spaces."""
    return email.strip().lower()


def _from_row(row: dict[str, Any]) -> Organisation:
    return Organisation(
        id=row["id"],
        council_id=row["council_id"],
        name=row["name"],
        number=row["number"],
        address=row["address"],
        postcode=row["postcode"],
        contact_name=row["contact_name"],
        email=row["email"],
        verified_at=row["verified_at"],
        created_at=row["created_at"],
        session_version=row["session_version"],
        rejected_at=row.get("rejected_at"),
        rejection_note=row.get("rejection_note"),
    )


def register_organisation(
    db: Database,
    *,
    council_id: str,
    name: str,
    number: str,
    address: str,
    postcode: str,
    contact_name: str,
    email: str,
    password: str,
) -> Organisation:
    """Create an unverified organisation's account; raise OrganisationExists for a taken email."""
    record = {
        "council_id": council_id,
        "name": name,
        "number": number,
        "address": address,
        "postcode": postcode,
        "contact_name": contact_name,
        "email": normalise_email(email),
        "password_hash": hash_password(password),
        "created_at": now_iso(),
    }
    try:
        with write_transaction(db):
            organisation_id = db["exchange_organisations"].insert(record).last_pk
    except sqlite3.IntegrityError as error:
        raise OrganisationExists(record["email"]) from error
    return get_organisation(db, organisation_id)


def get_organisation(db: Database, organisation_id: int) -> Organisation | None:
    """The organisation with this id, or None."""
    rows = list(db.query("SELECT * FROM exchange_organisations WHERE id = ?", [organisation_id]))
    return _from_row(rows[0]) if rows else None


def authenticate_organisation(db: Database, email: str, password: str) -> Organisation | None:
    """The organisation if the email address and password match, else None."""
    rows = list(
        db.query("SELECT * FROM exchange_organisations WHERE email = ?", [normalise_email(email)])
    )
    if not password_matches(rows[0]["password_hash"] if rows else None, password):
        return None
    return _from_row(rows[0])


def end_organisation_sessions(db: Database, organisation_id: int) -> None:
    """Invalidate every session cookie issued to this organisation so far."""
    with write_transaction(db):
        db.execute(
            "UPDATE exchange_organisations SET session_version = session_version + 1 WHERE id = ?",
            [organisation_id],
        )


def _organisations(db: Database, council_id: str, where: str, order: str) -> list[Organisation]:
    rows = db.query(
        f"SELECT * FROM exchange_organisations WHERE council_id = ? AND {where} ORDER BY {order}",
        [council_id],
    )
    return [_from_row(row) for row in rows]


def awaiting_verification(db: Database, council_id: str) -> list[Organisation]:
    """The council's organisations that staff have neither verified nor declined yet, oldest
    first."""
    return _organisations(
        db, council_id, "verified_at IS NULL AND rejected_at IS NULL", "created_at, id"
    )


def declined_organisations(db: Database, council_id: str) -> list[Organisation]:
    """The council's organisations staff declined to verify, most recent first."""
    return _organisations(
        db, council_id, "verified_at IS NULL AND rejected_at IS NOT NULL", "rejected_at DESC, id"
    )


def _decide(
    db: Database,
    organisation_id: int,
    *,
    council_id: str,
    staff_id: int,
    changes: dict[str, object],
    only_if: str,
    action: str,
    detail: object,
) -> bool:
    """Set `changes` on one of the council's organisations where `only_if` holds, and audit
    the decision if anything changed; return whether it did."""
    columns = ", ".join(f"{column} = ?" for column in changes)
    with write_transaction(db):
        changed = db.execute(
            f"UPDATE exchange_organisations SET {columns} "
            f"WHERE id = ? AND council_id = ? AND {only_if}",
            [*changes.values(), organisation_id, council_id],
        ).rowcount
        if changed:
            audit(
                db,
                council_id=council_id,
                staff_id=staff_id,
                action=action,
                subject=f"exchange-organisation:{organisation_id}",
                detail=detail,
            )
    return bool(changed)


def verify_organisation(
    db: Database, organisation_id: int, *, council_id: str, staff_id: int
) -> bool:
    """Mark the council's organisation as verified by this member of staff (after all, if it
    was declined), and audit it. Return False if it was verified already (the first
    verification is kept)."""
    return _decide(
        db, organisation_id, council_id=council_id, staff_id=staff_id,
        changes={"verified_at": now_iso(), "verified_by": staff_id, "rejected_at": None,
                 "rejected_by": None, "rejection_note": None},
        only_if="verified_at IS NULL", action="verified organisation", detail=None,
    )  # fmt: skip


def decline_organisation(
    db: Database, organisation_id: int, *, council_id: str, staff_id: int, note: str
) -> bool:
    """Decline to verify the council's organisation, with a note it reads, and audit it: its
    needs stay off the public board. Return False if it was verified (or declined) already."""
    return _decide(
        db, organisation_id, council_id=council_id, staff_id=staff_id,
        changes={"rejected_at": now_iso(), "rejected_by": staff_id, "rejection_note": note},
        only_if="verified_at IS NULL AND rejected_at IS NULL",
        action="declined to verify organisation", detail={"note": note},
    )  # fmt: skip
