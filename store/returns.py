"""Delivery returns: the quantity delivered per KPI and period, with evidence, recorded by
staff (accepted at once) or by the supplier (accepted or queried by staff)."""

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from clock import now_iso
from store.database import write_transaction
from store.evaluations import audit


@dataclass(frozen=True)
class DeliveryReturn:
    """One KPI's delivery in one period."""

    id: int
    contract_id: int
    kpi_id: int
    period: int
    quantity: float
    evidence_type: str | None
    evidence_note: str | None
    recorded_by: str  # "staff" or "supplier"
    recorded_at: str
    status: str  # "accepted", "submitted" (waiting for staff) or "queried"
    query_note: str | None


@dataclass(frozen=True)
class Entry:
    """What was delivered for one KPI in a return."""

    kpi_id: int
    quantity: float
    evidence_type: str
    evidence_note: str


def _row(row: dict[str, Any]) -> DeliveryReturn:
    return DeliveryReturn(**{k: row[k] for k in DeliveryReturn.__dataclass_fields__})


def returns_for(db: Database, contract_ids: list[int]) -> list[DeliveryReturn]:
    """Every return of these contracts, by contract, period and KPI."""
    if not contract_ids:
        return []
    marks = ",".join("?" * len(contract_ids))
    rows = db.query(
        f"SELECT * FROM delivery_returns WHERE contract_id IN ({marks}) "
        "ORDER BY contract_id, period, kpi_id",
        contract_ids,
    )
    return [_row(row) for row in rows]


def save_return(
    db: Database,
    *,
    council_id: str,
    contract_id: int,
    period: int,
    entries: list[Entry],
    staff_id: int | None,
) -> None:
    """Record a period's delivery, KPI by KPI, in one transaction. A return already recorded
    for the same KPI and period is replaced (the old figures stay in the audit log), unless it
    says the same: a correction changes only the lines it changes, so lines staff accepted
    stay accepted. Staff returns are accepted, a supplier's waits for staff to check it."""
    status, by = ("accepted", "staff") if staff_id else ("submitted", "supplier")
    now = now_iso()
    with write_transaction(db):
        for entry in entries:
            old = list(
                db.query(
                    "SELECT quantity, evidence_type, evidence_note, status FROM delivery_returns "
                    "WHERE kpi_id = ? AND period = ?",
                    [entry.kpi_id, period],
                )
            )
            said = (entry.quantity, entry.evidence_type, entry.evidence_note)
            if (
                old
                and tuple(old[0][k] for k in ("quantity", "evidence_type", "evidence_note")) == said
            ):
                continue  # unchanged: it keeps its status, and nothing is audited
            db.execute(
                "INSERT INTO delivery_returns (contract_id, kpi_id, period, quantity, "
                "evidence_type, evidence_note, recorded_by, staff_id, recorded_at, status) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kpi_id, period) DO UPDATE SET "
                "quantity = excluded.quantity, evidence_type = excluded.evidence_type, "
                "evidence_note = excluded.evidence_note, recorded_by = excluded.recorded_by, "
                "staff_id = excluded.staff_id, recorded_at = excluded.recorded_at, "
                "status = excluded.status, query_note = NULL, reviewed_by = NULL, "
                "reviewed_at = NULL",
                [
                    contract_id,
                    entry.kpi_id,
                    period,
                    entry.quantity,
                    entry.evidence_type,
                    entry.evidence_note,
                    by,
                    staff_id,
                    now,
                    status,
                ],
            )
            audit(
                db,
                council_id=council_id,
                staff_id=staff_id,
                action=f"return recorded by {by}",
                subject=f"contract:{contract_id}",
                detail={
                    "kpi_id": entry.kpi_id,
                    "period": period,
                    "quantity": entry.quantity,
                    "replaced": {"quantity": old[0]["quantity"], "status": old[0]["status"]}
                    if old
                    else None,
                },
            )


def review_return(
    db: Database, *, council_id: str, contract_id: int, return_id: int, accept: bool,
    note: str | None, staff_id: int,
) -> bool:  # fmt: skip
    """Accept a supplier's return, or query it with a note; False if there is no such return."""
    with write_transaction(db):
        found = db.execute(
            "SELECT 1 FROM delivery_returns WHERE id = ? AND contract_id = ?",
            [return_id, contract_id],
        ).fetchone()
        if found is None:
            return False
        _set_review(db, [return_id], accept, note, staff_id)
        audit(
            db,
            council_id=council_id,
            staff_id=staff_id,
            action="return accepted" if accept else "return queried",
            subject=f"contract:{contract_id}",
            detail={"return_id": return_id, "note": note},
        )
    return True


def _set_review(
    db: Database, return_ids: list[int], accept: bool, note: str | None, staff_id: int
) -> None:
    """Mark these returns accepted, or queried with the note, by this member of staff."""
    now = now_iso()
    for return_id in return_ids:
        db.execute(
            "UPDATE delivery_returns SET status = ?, query_note = ?, reviewed_by = ?, "
            "reviewed_at = ? WHERE id = ?",
            ["accepted" if accept else "queried", note, staff_id, now, return_id],
        )


def review_period(
    db: Database, *, council_id: str, contract_id: int, period: int, accept: bool,
    note: str | None, staff_id: int,
) -> int:  # fmt: skip
    """Accept, or query with a note, every line of a period's return not yet accepted, in one
    transaction; how many lines."""
    with write_transaction(db):
        waiting = [
            row["id"]
            for row in db.query(
                "SELECT id FROM delivery_returns WHERE contract_id = ? AND period = ? "
                "AND status != 'accepted' ORDER BY kpi_id",
                [contract_id, period],
            )
        ]
        _set_review(db, waiting, accept, note, staff_id)
        if waiting:
            audit(
                db,
                council_id=council_id,
                staff_id=staff_id,
                action="return accepted" if accept else "return queried",
                subject=f"contract:{contract_id}",
                detail={"period": period, "return_ids": waiting, "note": note},
            )
    return len(waiting)


def accepted_deliveries(db: Database, council_id: str) -> list[tuple[int, int, int, float]]:
    """(contract id, KPI id, period, quantity) of every accepted return of a council's
    contracts: all the budget needs, read as plain rows because it reads thousands."""
    cursor = db.execute(
        "SELECT r.contract_id, r.kpi_id, r.period, r.quantity FROM delivery_returns r "
        "JOIN contracts c ON c.id = r.contract_id WHERE c.council_id = ? AND r.status = 'accepted'",
        [council_id],
    )
    return cursor.fetchall()
