"""An awarded contract as the monitoring rules see it: its KPIs, its reporting periods, and the
facts the social value budget counts. Any record with these attributes will do (the data layer's
`Contract` has them), so the rules need no database."""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol

from monitoring.budget import ContractFacts, KpiFacts
from monitoring.periods import Period, reporting_periods
from monitoring.ratings import Kpi


class KpiRecord(Protocol):
    """One KPI of an awarded contract."""

    id: int
    title: str
    target: float
    value_per_unit: float | None
    unit: str
    theme_title: str | None
    due_months: float | None


class ContractRecord(Protocol):
    """An awarded contract and its KPI schedule."""

    id: int
    title: str
    supplier_name: str
    supplier_type: str | None
    supplier_size: str | None
    supplier_local: int
    value_gbp: float
    starts_on: str  # ISO date
    duration_months: int
    period_months: int
    kpis: Sequence[KpiRecord]


def kpis(contract: ContractRecord) -> list[Kpi]:
    """The contract's KPIs as the rating rules know them."""
    return [
        Kpi(
            str(k.id),
            k.title,
            k.target,
            k.value_per_unit,
            level=k.unit == "percent",
            due_by=_due_by(k.due_months, contract.duration_months),
        )
        for k in contract.kpis
    ]


def _due_by(due_months: float | None, duration_months: int) -> float:
    """The share of the contract by which a KPI is due in full (1: the whole contract)."""
    if not due_months or not duration_months or due_months >= duration_months:
        return 1.0
    return due_months / duration_months


def periods_of(contract: ContractRecord) -> tuple[Period, ...]:
    """The contract's reporting periods."""
    start = date.fromisoformat(contract.starts_on)
    return reporting_periods(start, contract.duration_months, contract.period_months)


def delivered_by_kpi(
    deliveries: Iterable[tuple[int, int, int, float]],
) -> dict[int, dict[int, float]]:
    """Accepted quantities by KPI id, then period, from (contract id, KPI id, period, quantity)."""
    grouped: dict[int, dict[int, float]] = {}
    for _, kpi_id, period, quantity in deliveries:
        grouped.setdefault(kpi_id, {})[period] = quantity
    return grouped


def budget_facts(contract: ContractRecord, delivered: dict[int, dict[int, float]]) -> ContractFacts:
    """A contract as the budget counts it, with accepted quantities by KPI and period."""
    return ContractFacts(
        contract.id,
        contract.title,
        contract.supplier_name,
        contract.supplier_type,
        contract.supplier_size,
        contract.supplier_local,
        contract.value_gbp,
        periods_of(contract),
        [
            KpiFacts(kpi, k.theme_title or "No theme", delivered.get(k.id, {}))
            for kpi, k in zip(kpis(contract), contract.kpis, strict=True)
        ],
    )
