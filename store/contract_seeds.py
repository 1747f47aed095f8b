"""Awarded contracts with returns, written through the data layer: the demo data, the budget
benchmark's 200 contracts, and the tests' hand-worked fixtures."""

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlite_utils import Database

from store.contracts import award
from store.conversations import create_conversation
from store.opportunities import create_opportunity
from store.returns import Entry, save_return
from store.submissions import submit


@dataclass(frozen=True)
class KpiSeed:
    """A KPI to create: its theme, target, £ a unit, unit, and quantity by period number."""

    title: str
    theme: str
    target: float
    value_per_unit: float | None = None
    unit: str = "people"
    delivered: dict[int, float] = field(default_factory=dict)


@dataclass(frozen=True)
class ContractSeed:
    """A contract to create, with its supplier, dates and KPIs."""

    title: str
    supplier: str
    supplier_type: str | None
    supplier_size: str | None
    local: bool
    value_gbp: float
    starts_on: str
    duration_months: int
    period_months: int
    kpis: list[KpiSeed]


def seed_contract(db: Database, council_id: str, seed: ContractSeed, staff_id: int) -> int:
    """An opportunity, a submitted offer, the award and accepted returns; the contract's id."""
    code = create_opportunity(
        db,
        council_id=council_id,
        title=seed.title,
        closes_at=datetime(2020, 1, 1, 12, tzinfo=UTC).isoformat(),
        value_gbp=seed.value_gbp,
        duration_months=seed.duration_months,
    )
    conversation = create_conversation(
        db, council_id=council_id, opportunity=code, state={}, stage="done", messages=[]
    )
    submitted = submit(
        db,
        conversation_id=conversation.id,
        opportunity_code=code,
        council_id=council_id,
        offer={"supplier": {"name": seed.supplier}},
    )
    contract_id = award(
        db,
        contract={
            "council_id": council_id,
            "opportunity_code": code,
            "submission_id": submitted.id,
            "conversation_id": conversation.id,
            "title": seed.title,
            "supplier_name": seed.supplier,
            "supplier_type": seed.supplier_type,
            "supplier_size": seed.supplier_size,
            "supplier_local": int(seed.local),
            "value_gbp": seed.value_gbp,
            "starts_on": seed.starts_on,
            "duration_months": seed.duration_months,
            "period_months": seed.period_months,
        },
        kpis=[
            {
                "title": k.title,
                "theme_title": k.theme,
                "target": k.target,
                "value_per_unit": k.value_per_unit,
                "unit": k.unit,
            }
            for k in seed.kpis
        ],
        staff_id=staff_id,
    )
    ids = [
        r["id"]
        for r in db.query(
            "SELECT id FROM kpis WHERE contract_id = ? ORDER BY position", [contract_id]
        )
    ]
    periods = sorted({n for k in seed.kpis for n in k.delivered})
    for period in periods:
        entries = [
            Entry(kpi_id, k.delivered[period], "payroll", "Seeded return")
            for kpi_id, k in zip(ids, seed.kpis, strict=True)
            if period in k.delivered
        ]
        save_return(
            db, council_id=council_id, contract_id=contract_id, period=period, entries=entries,
            staff_id=staff_id,
        )  # fmt: skip
    return contract_id
