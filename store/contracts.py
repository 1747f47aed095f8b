"""Awarded contracts and their KPI schedules: one contract per opportunity, one KPI per
commitment of the winning offer, with targets staff may adjust."""

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from clock import now_iso
from store.database import write_transaction
from store.evaluations import audit


class AlreadyAwarded(Exception):
    """The opportunity already has a contract."""


@dataclass(frozen=True)
class ContractKpi:
    """One KPI of a contract's schedule."""

    id: int
    position: int
    commitment_id: str | None
    theme_id: str | None
    theme_title: str | None
    title: str
    unit: str | None
    unit_label: str | None
    target: float
    value_per_unit: float | None
    milestones: list[str]
    due_months: float | None = None  # its own timescale; None: the whole contract


@dataclass(frozen=True)
class Contract:
    """An awarded contract: who delivers it, when, how often they report, and its KPIs."""

    id: int
    council_id: str
    opportunity_code: str
    submission_id: int
    conversation_id: str
    title: str
    supplier_name: str
    supplier_type: str | None
    supplier_size: str | None
    supplier_local: bool
    value_gbp: float
    starts_on: str
    duration_months: int
    period_months: int
    awarded_at: str
    kpis: list[ContractKpi]


def _kpi(row: dict[str, Any]) -> ContractKpi:
    return ContractKpi(
        **{k: row[k] for k in ContractKpi.__dataclass_fields__ if k != "milestones"},
        milestones=json.loads(row["milestones"]),
    )


def _contracts(db: Database, where: str, params: list) -> list[Contract]:
    rows = list(db.query(f"SELECT * FROM contracts WHERE {where} ORDER BY id", params))
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    kpis: dict[int, list[ContractKpi]] = {i: [] for i in ids}
    marks = ",".join("?" * len(ids))
    for row in db.query(
        f"SELECT * FROM kpis WHERE contract_id IN ({marks}) ORDER BY contract_id, position", ids
    ):
        kpis[row["contract_id"]].append(_kpi(row))
    fields = [k for k in Contract.__dataclass_fields__ if k not in {"kpis", "supplier_local"}]
    return [
        Contract(
            **{k: r[k] for k in fields},
            supplier_local=bool(r["supplier_local"]),
            kpis=kpis[r["id"]],
        )
        for r in rows
    ]


def get_contract(db: Database, contract_id: int) -> Contract | None:
    """A contract with its KPIs."""
    found = _contracts(db, "id = ?", [contract_id])
    return found[0] if found else None


def contract_for_opportunity(db: Database, code: str) -> Contract | None:
    """The contract an opportunity was awarded as, if it was."""
    found = _contracts(db, "opportunity_code = ?", [code])
    return found[0] if found else None


def contracts_for_council(db: Database, council_id: str) -> list[Contract]:
    """Every contract of a council, oldest first."""
    return _contracts(db, "council_id = ?", [council_id])


def contracts_for_conversation(db: Database, conversation_id: str) -> list[Contract]:
    """The contracts a supplier won with this conversation's offer."""
    return _contracts(db, "conversation_id = ?", [conversation_id])


def award(
    db: Database,
    *,
    contract: dict[str, Any],
    kpis: list[dict[str, Any]],
    staff_id: int,
    reason: str | None = None,
) -> int:
    """Create the contract and its KPI schedule in one transaction; return the contract's id.
    `reason`: why it was awarded without a moderated score or over a higher one (audited)."""
    try:
        with write_transaction(db):
            db["contracts"].insert({**contract, "awarded_at": now_iso(), "awarded_by": staff_id})
            contract_id = db.conn.execute("SELECT last_insert_rowid()").fetchone()[0]
            db["kpis"].insert_all(
                {
                    **kpi,
                    "contract_id": contract_id,
                    "position": position,
                    "milestones": json.dumps(kpi.get("milestones", [])),
                }
                for position, kpi in enumerate(kpis, start=1)
            )
            audit(
                db,
                council_id=contract["council_id"],
                staff_id=staff_id,
                action="awarded",
                subject=f"contract:{contract_id}",
                detail={"submission_id": contract["submission_id"], "kpis": len(kpis)}
                | ({"reason": reason} if reason else {}),
            )
    except sqlite3.IntegrityError as error:
        raise AlreadyAwarded(contract["opportunity_code"]) from error
    return contract_id


def update_schedule(
    db: Database,
    contract: Contract,
    *,
    starts_on: str,
    period_months: int,
    kpis: dict[int, dict[str, Any]],
    staff_id: int,
) -> None:
    """Change the start, reporting period, and each KPI's target and milestones."""
    with write_transaction(db):
        db.execute(
            "UPDATE contracts SET starts_on = ?, period_months = ? WHERE id = ?",
            [starts_on, period_months, contract.id],
        )
        for kpi_id, change in kpis.items():
            db.execute(
                "UPDATE kpis SET target = ?, milestones = ? WHERE id = ? AND contract_id = ?",
                [change["target"], json.dumps(change["milestones"]), kpi_id, contract.id],
            )
        audit(
            db,
            council_id=contract.council_id,
            staff_id=staff_id,
            action="schedule changed",
            subject=f"contract:{contract.id}",
            detail={"starts_on": starts_on, "period_months": period_months, "kpis": kpis},
        )
