"""The KPI schedule an awarded offer becomes: one KPI per commitment, targets staff can adjust."""

from dataclasses import dataclass, field
from typing import Any

LARGE_CONTRACT_GBP = 5_000_000
MIN_KPIS_FOR_LARGE = 3


@dataclass(frozen=True)
class KpiDraft:
    """A commitment as it becomes a KPI, before staff agree its target."""

    commitment_id: str
    theme_id: str | None
    theme_title: str | None
    title: str
    unit: str | None
    unit_label: str | None
    target: float | None
    value_per_unit: float | None
    milestones: list[str] = field(default_factory=list)
    due_months: float | None = None  # the commitment's own timescale, if it gave one


def value_per_unit(commitment: dict[str, Any]) -> float | None:
    """£ per unit: the proxy's rate, £1 for a commitment counted in pounds, else unknown."""
    if commitment.get("proxy"):
        return float(commitment["proxy"]["rate_gbp"])
    return 1.0 if commitment.get("unit") == "gbp" else None


def kpis_from_offer(offer: dict[str, Any]) -> list[KpiDraft]:
    """Every commitment of a submitted offer, in order, as a draft KPI."""
    return [
        KpiDraft(
            commitment_id=c["id"],
            theme_id=c.get("theme_id"),
            theme_title=c.get("theme_title"),
            title=c["title"],
            unit=c.get("unit"),
            unit_label=c.get("unit_label"),
            target=c.get("quantity"),
            value_per_unit=value_per_unit(c),
            milestones=list(c.get("milestones") or []),
            due_months=c.get("timescale_months"),
        )
        for c in offer.get("commitments", [])
    ]


def schedule_warning(value_gbp: float | None, kpi_count: int) -> str | None:
    """Contracts over £5 million should publish at least three KPIs (Procurement Act 2023)."""
    if (value_gbp or 0) > LARGE_CONTRACT_GBP and kpi_count < MIN_KPIS_FOR_LARGE:
        return (
            f"This contract is worth more than £5 million but has {kpi_count} "
            f"KPI{'' if kpi_count == 1 else 's'}. Contracts of this size should have at least "
            f"{MIN_KPIS_FOR_LARGE} KPIs, published and reported on."
        )
    return None
