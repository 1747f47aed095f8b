"""A contract's promised-against-delivered report: each KPI's progress, the contract's rating,
and the reasons behind it in plain English (the annual performance assessment)."""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from knowledge.pack_parts import KpiRating
from monitoring.periods import Period, long_date, periods_due
from monitoring.ratings import Kpi, Progress, achieved, contract_rating, kpi_progress


@dataclass(frozen=True)
class Report:
    """Delivery against every KPI when `ended` of the contract's periods have ended."""

    progress: list[Progress]
    percent: float
    rating: str
    ended: int
    periods: int
    reasons: list[str]


@dataclass(frozen=True)
class ReturnCounts:
    """Returns that change how a report reads: late, overdue, not yet checked, or queried."""

    late: int = 0
    overdue: int = 0
    awaiting: int = 0
    queried: int = 0


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _reasons(report: Report, periods: Sequence[Period], rating: KpiRating, counts: ReturnCounts):
    if report.ended == 0:
        first = periods[0] if periods else None
        yield "No return is due yet, so nothing was due" + (
            f": the first is due on {long_date(first.due_on)}." if first else "."
        )
    else:
        last = periods[report.ended - 1]
        yield (
            f"Delivery is counted against what was due by the end of period {report.ended} of "
            f"{report.periods} ({long_date(last.ends_on)}), whose return was due on "
            f"{long_date(last.due_on)}: each target, pro rata."
        )
    if rating.method == "target":
        yield (
            f"Rated on targets: the average of the KPIs' delivery against what was due, each "
            f"capped at 100%, is {report.percent:g}%."
        )
    else:
        yield (
            f"Rated on value: the KPIs with a £ value weighed by £ (the value delivered "
            f"against the value due), and each KPI without one by its own delivery against "
            f"what was due, each capped at 100%: {report.percent:g}%."
        )
    for p in report.progress:
        if p.rating != rating.bands[0].rating and p.due:
            yield (
                f"{p.kpi.title}: {_number(p.achieved)} delivered of {_number(p.due)} due "
                f"({p.percent_of_due:g}%), {p.rating.lower()}."
            )
    if counts.late:
        yield f"{_plural(counts.late, 'return was', 'returns were')} late."
    if counts.overdue:
        yield f"{_plural(counts.overdue, 'return is', 'returns are')} overdue."
    if counts.awaiting:
        yield (
            f"{_plural(counts.awaiting, 'return is', 'returns are')} waiting for the council "
            "to check, and not yet counted."
        )
    if counts.queried:
        yield (
            f"{_plural(counts.queried, 'return was', 'returns were')} queried by the council, "
            "and not yet counted."
        )


def contract_report(
    kpis: list[Kpi],
    accepted: dict[str, list[float]],
    periods: Sequence[Period],
    today: date,
    rating: KpiRating,
    counts: ReturnCounts = ReturnCounts(),
) -> Report:
    """Each KPI's accepted delivery (quantities by KPI id) against what was due by the last
    period that has ended."""
    ended = periods_due(periods, today)
    elapsed = ended / len(periods) if periods else 0.0
    progress = [kpi_progress(k, achieved(k, accepted.get(k.id, [])), elapsed, rating) for k in kpis]
    percent, overall = contract_rating(progress, rating)
    report = Report(progress, percent, overall, ended, len(periods), [])
    return replace(report, reasons=list(_reasons(report, periods, rating, counts)))
