"""Needs on the community exchange: posted by local organisations, approved by council staff.

The public sees a need only when it is approved and its organisation is verified
(`open_needs`, `get_need`). An organisation reaches only its own needs (`own_need`); staff
only their council's (`council_need`).
"""

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from clock import now_iso
from store.database import write_transaction
from store.evaluations import audit

STATUSES = ("pending", "approved", "rejected", "closed")
_SELECT = (
    "SELECT n.*, o.name AS organisation_name, o.verified_at AS organisation_verified_at "
    "FROM exchange_needs n JOIN exchange_organisations o ON o.id = n.organisation_id"
)
_PUBLIC = "n.status = 'approved' AND o.verified_at IS NOT NULL"
_NEWEST = "ORDER BY n.created_at DESC, n.id DESC"


@dataclass(frozen=True)
class Need:
    """A need as the public board and the assistant see it."""

    id: int
    council_id: str
    organisation_id: int
    organisation_name: str
    title: str
    description: str
    measure_id: str
    quantity: float
    unit: str
    timescale: str
    area: str
    status: str


@dataclass(frozen=True)
class NeedRecord:
    """A need with what its organisation and council staff see besides: the review and dates."""

    need: Need
    organisation_verified: bool
    review_note: str | None
    reviewed_at: str | None
    created_at: str
    updated_at: str


def _need(row: dict[str, Any]) -> Need:
    return Need(
        id=row["id"],
        council_id=row["council_id"],
        organisation_id=row["organisation_id"],
        organisation_name=row["organisation_name"],
        title=row["title"],
        description=row["description"],
        measure_id=row["measure_id"],
        quantity=row["quantity"],
        unit=row["unit"],
        timescale=row["timescale"],
        area=row["area"],
        status=row["status"],
    )


def _record(row: dict[str, Any]) -> NeedRecord:
    return NeedRecord(
        need=_need(row),
        organisation_verified=row["organisation_verified_at"] is not None,
        review_note=row["review_note"],
        reviewed_at=row["reviewed_at"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _details(fields: dict[str, Any]) -> dict[str, Any]:
    """The columns an organisation writes, from keyword arguments."""
    names = ("title", "description", "measure_id", "quantity", "unit", "timescale", "area")
    return {name: fields[name] for name in names}


def open_needs(db: Database, council_id: str) -> list[Need]:
    """The council's approved needs of verified organisations, newest first."""
    rows = db.query(f"{_SELECT} WHERE n.council_id = ? AND {_PUBLIC} {_NEWEST}", [council_id])
    return [_need(row) for row in rows]


def get_need(db: Database, need_id: int) -> Need | None:
    """A public need (approved, of a verified organisation), or None."""
    rows = list(db.query(f"{_SELECT} WHERE n.id = ? AND {_PUBLIC}", [need_id]))
    return _need(rows[0]) if rows else None


def post_need(db: Database, *, organisation_id: int, council_id: str, **details: Any) -> Need:
    """Save a new need, pending approval: title, description, measure_id, quantity, unit,
    timescale and area."""
    now = now_iso()
    record = {
        **_details(details),
        "organisation_id": organisation_id,
        "council_id": council_id,
        "status": "pending",
        "created_at": now,
        "updated_at": now,
    }
    with write_transaction(db):
        need_id = db["exchange_needs"].insert(record).last_pk
    return own_need(db, organisation_id, need_id).need


def own_need(db: Database, organisation_id: int, need_id: int) -> NeedRecord | None:
    """One of this organisation's needs, or None if it has no such need."""
    rows = list(
        db.query(f"{_SELECT} WHERE n.id = ? AND n.organisation_id = ?", [need_id, organisation_id])
    )
    return _record(rows[0]) if rows else None


def needs_of_organisation(db: Database, organisation_id: int) -> list[NeedRecord]:
    """Every need the organisation has posted, newest first."""
    rows = db.query(f"{_SELECT} WHERE n.organisation_id = ? {_NEWEST}", [organisation_id])
    return [_record(row) for row in rows]


def update_need(
    db: Database, *, organisation_id: int, need_id: int, status: str, **details: Any
) -> bool:
    """Change an open need's details and set its status (an approved need goes back to
    pending); a closed need or another organisation's is left alone (False)."""
    with write_transaction(db):
        changed = db.execute(
            "UPDATE exchange_needs SET title = :title, description = :description, "
            "measure_id = :measure_id, quantity = :quantity, unit = :unit, "
            "timescale = :timescale, area = :area, status = :status, updated_at = :now "
            "WHERE id = :id AND organisation_id = :organisation_id AND status != 'closed'",
            {
                **_details(details),
                "status": status,
                "now": now_iso(),
                "id": need_id,
                "organisation_id": organisation_id,
            },
        ).rowcount
    return bool(changed)


def close_need(db: Database, *, organisation_id: int, need_id: int) -> bool:
    """Close one of the organisation's needs: it leaves the board for good."""
    with write_transaction(db):
        changed = db.execute(
            "UPDATE exchange_needs SET status = 'closed', updated_at = ? "
            "WHERE id = ? AND organisation_id = ? AND status != 'closed'",
            [now_iso(), need_id, organisation_id],
        ).rowcount
    return bool(changed)


def council_need(db: Database, council_id: str, need_id: int) -> NeedRecord | None:
    """One of the council's needs, whatever its status, for staff; None if not theirs."""
    rows = list(db.query(f"{_SELECT} WHERE n.id = ? AND n.council_id = ?", [need_id, council_id]))
    return _record(rows[0]) if rows else None


def needs_by_status(db: Database, council_id: str, status: str) -> list[NeedRecord]:
    """The council's needs with this status, oldest first (the order staff review them)."""
    rows = db.query(
        f"{_SELECT} WHERE n.council_id = ? AND n.status = ? ORDER BY n.updated_at, n.id",
        [council_id, status],
    )
    return [_record(row) for row in rows]


def status_counts(db: Database, council_id: str) -> dict[str, int]:
    """How many of the council's needs have each status."""
    rows = db.query(
        "SELECT status, COUNT(*) AS n FROM exchange_needs WHERE council_id = ? GROUP BY status",
        [council_id],
    )
    return dict.fromkeys(STATUSES, 0) | {row["status"]: row["n"] for row in rows}


def review_need(
    db: Database, *, council_id: str, need_id: int, staff_id: int, status: str, note: str
) -> bool:
    """Approve or reject one of the council's open needs with a note, and audit it."""
    if status not in ("approved", "rejected"):
        raise ValueError("a need is approved or rejected")
    with write_transaction(db):
        changed = db.execute(
            "UPDATE exchange_needs SET status = ?, review_note = ?, reviewed_by = ?, "
            "reviewed_at = ? WHERE id = ? AND council_id = ? AND status != 'closed'",
            [status, note, staff_id, now_iso(), need_id, council_id],
        ).rowcount
        if changed:
            audit(
                db,
                council_id=council_id,
                staff_id=staff_id,
                action=f"{status} need",
                subject=f"exchange-need:{need_id}",
                detail=note,
            )
    return bool(changed)
