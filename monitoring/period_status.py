"""How a reporting period stands: not due yet, due, overdue, or its returns' review status (and
whether they came in late); and the counts that change how a contract's report reads."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from monitoring.assessment import ReturnCounts
from monitoring.periods import Period, is_late, is_overdue

STATUS_LABELS = {"accepted": "Accepted", "submitted": "Waiting for check", "queried": "Queried"}


class ReturnLike(Protocol):
    """What the rules need of a recorded return: its review status and when it was recorded."""

    status: str  # "accepted", "submitted" (waiting for staff) or "queried"
    recorded_at: str  # ISO 8601 timestamp


@dataclass(frozen=True)
class PeriodStatus:
    """A period's standing on `day`: late (a return came after its due date), overdue (none
    came and the due date has passed), and the label the contract pages show."""

    late: bool
    overdue: bool
    label: str
    awaiting: bool  # a return is waiting for staff to check it
    queried: bool = False  # a return was queried by staff


def period_status(period: Period, returns: Sequence[ReturnLike], day: date) -> PeriodStatus:
    """How `period` stands on `day`, given the returns recorded for it."""
    late = any(is_late(period, date.fromisoformat(r.recorded_at[:10])) for r in returns)
    overdue = is_overdue(period, day, bool(returns))
    awaiting = any(r.status == "submitted" for r in returns)
    queried = any(r.status == "queried" for r in returns)
    if overdue:
        return PeriodStatus(late, overdue, "Overdue", awaiting, queried)
    if not returns:
        return PeriodStatus(late, overdue, "Not due yet" if period.ends_on >= day else "Due", False)
    kinds = {r.status for r in returns}
    label = next(STATUS_LABELS[s] for s in ("queried", "submitted", "accepted") if s in kinds)
    return PeriodStatus(late, overdue, f"{label} (late)" if late else label, awaiting, queried)


def return_counts(statuses: Sequence[PeriodStatus]) -> ReturnCounts:
    """How many periods had late returns, are overdue, or have returns awaiting staff or
    queried by them."""
    return ReturnCounts(
        late=sum(s.late for s in statuses),
        overdue=sum(s.overdue for s in statuses),
        awaiting=sum(s.awaiting for s in statuses),
        queried=sum(s.queried for s in statuses),
    )


def pending_words(unit: str | None, pending: Sequence[tuple[str, float]]) -> list[str]:
    """What a KPI's returns not yet accepted say, as (status, quantity) pairs: counts add up
    ("58 more waiting for the council to check"), a percentage does not ("a return of 95%
    waiting for the council to check"), and queried figures are not waiting."""
    said = []
    for status, words in (
        ("submitted", "waiting for the council to check"),
        ("queried", "queried by the council, so not counted"),
    ):
        quantities = [q for s, q in pending if s == status]
        if not quantities:
            continue
        if unit == "percent":
            shown = ", ".join(f"{_plain(q)}%" for q in quantities)
            said.append(f"{'A return' if len(quantities) == 1 else 'Returns'} of {shown} {words}")
        elif status == "submitted":
            said.append(f"{_plain(sum(quantities))} more {words}")
        else:
            said.append(f"{_plain(sum(quantities))} {words}")
    return said


def _plain(number: float) -> str:
    """52 not 52.0; 12.5 stays; thousands with commas."""
    return f"{int(number):,}" if number == int(number) else f"{number:,}"
