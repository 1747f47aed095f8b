"""Promised against delivered: each KPI's progress and rating, and the contract's, using the
council's rating bands (target-based or value-based). Pure; the contract pages build on it."""

from dataclasses import dataclass

from knowledge.pack_parts import KpiRating


@dataclass(frozen=True)
class Kpi:
    """A commitment as a contract KPI: its whole-contract target, and £ per unit if known.

    Most KPIs count things, which add up over the contract. A `level` KPI is a rate to hold,
    like "60% of waste recycled": all of it is due once the first period ends, and what was
    achieved is the average of the periods reported.
    """

    id: str
    title: str
    target: float
    value_per_unit: float | None = None
    level: bool = False
    # The share of the contract by the end of which the whole target is due (its own
    # timescale: 0.5 for "within 12 months" on a two-year contract); 1 is the whole contract.
    due_by: float = 1.0


@dataclass(frozen=True)
class Progress:
    """A KPI's delivery so far: proposed, due by now, achieved, and the rating."""

    kpi: Kpi
    due: float
    achieved: float
    percent_of_target: float
    percent_of_due: float
    rating: str


def rating_for(percent: float, rating: KpiRating) -> str:
    """The band a percentage falls in (bands run best first, ending at 0%)."""
    return next(b.rating for b in rating.bands if percent >= b.min_percent)


def achieved(kpi: Kpi, quantities: list[float]) -> float:
    """What the reported quantities add up to: their sum, or for a level KPI their average."""
    if not quantities:
        return 0.0
    return sum(quantities) / len(quantities) if kpi.level else sum(quantities)


def kpi_progress(kpi: Kpi, achieved: float, elapsed: float, rating: KpiRating) -> Progress:
    """Progress of one KPI when `elapsed` (0 to 1) of the contract has passed: what was due is
    the target pro rata (to the KPI's own timescale where it is sooner than the contract's
    end), and the rating is on what was due, not the whole-contract target."""
    elapsed = min(max(elapsed, 0.0), 1.0)
    if kpi.due_by < 1.0:  # due sooner than the contract ends: pro rata to its own timescale
        elapsed = min(elapsed / kpi.due_by, 1.0) if kpi.due_by > 0 else 1.0
    due = kpi.target * (1.0 if kpi.level and elapsed > 0 else elapsed)
    of_due = 100.0 if due == 0 else achieved / due * 100
    of_target = 0.0 if kpi.target == 0 else achieved / kpi.target * 100
    return Progress(
        kpi,
        round(due, 2),
        achieved,
        round(of_target, 1),
        round(of_due, 1),
        rating_for(of_due, rating),
    )


def contract_rating(progress: list[Progress], rating: KpiRating) -> tuple[float, str]:
    """The contract's percentage and rating.

    Target-based: the average of the KPIs' percentages of what was due, each capped at 100%, so
    over-delivery on one KPI does not hide a miss on another.

    Value-based: the KPIs with a £ value per unit are weighed against each other by £ (the
    value delivered, capped KPI by KPI at what was due, over the value due); that share
    counts once for each of them, and each KPI without a £ value counts once with its own
    capped percentage. Pounds are never added to people or hours (counting a unit as £1
    let £20,000 of spend swamp two jobs); with no £ values at all this is the target method.
    """
    if not progress:
        return 0.0, rating_for(0.0, rating)
    capped = [min(p.percent_of_due, 100.0) for p in progress]
    if rating.method == "target":
        percent = sum(capped) / len(progress)
    else:
        valued = [p for p in progress if p.kpi.value_per_unit]
        due = sum(p.due * p.kpi.value_per_unit for p in valued)
        delivered = sum(min(p.achieved, p.due) * p.kpi.value_per_unit for p in valued)
        share = 100.0 if due == 0 else delivered / due * 100
        unvalued = [c for p, c in zip(progress, capped, strict=True) if not p.kpi.value_per_unit]
        percent = (share * len(valued) + sum(unvalued)) / len(progress)
    percent = round(percent, 1)
    return percent, rating_for(percent, rating)
