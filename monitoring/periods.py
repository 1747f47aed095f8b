"""Reporting periods of a contract, and when a return is due or late."""

from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

RETURN_DUE_DAYS = 30  # a return is due within 30 days of the end of its period
PERIOD_CHOICES = (3, 6, 12)  # quarterly, half-yearly, yearly (months)
DEFAULT_PERIOD_MONTHS = 3


@dataclass(frozen=True)
class Period:
    """One reporting period: its number (from 1), dates, and when its return is due."""

    number: int
    starts_on: date
    ends_on: date
    due_on: date

    @property
    def label(self) -> str:
        """Like "Period 2: 1 April 2027 to 30 June 2027"."""
        return f"Period {self.number}: {long_date(self.starts_on)} to {long_date(self.ends_on)}"


def long_date(day: date) -> str:
    """A date as GOV.UK writes it: "1 April 2027"."""
    return f"{day.day} {day:%B %Y}"


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day if it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def contract_end(starts_on: date, months: int) -> date:
    """The last day of a contract of `months` months."""
    return add_months(starts_on, months) - timedelta(days=1)


@lru_cache(maxsize=4096)
def reporting_periods(starts_on: date, months: int, period_months: int) -> tuple[Period, ...]:
    """The contract cut into periods of `period_months`; the last may be shorter (cached: a
    page of 200 contracts asks for the same few hundred schedules each time)."""
    end = contract_end(starts_on, months)
    periods = []
    for offset in range(0, months, period_months):
        first = add_months(starts_on, offset)
        last = min(add_months(starts_on, offset + period_months) - timedelta(days=1), end)
        periods.append(
            Period(len(periods) + 1, first, last, last + timedelta(days=RETURN_DUE_DAYS))
        )
    return tuple(periods)


def is_due(period: Period, today: date) -> bool:
    """Whether the period's return is due by `today` (30 days after it ends): only then does
    what it promised count as due, so a contract is not rated on a return not yet owed."""
    return period.due_on < today


def periods_due(periods: Sequence[Period], today: date) -> int:
    """How many periods' returns are due by `today`: what was due is counted up to there."""
    return sum(1 for p in periods if is_due(p, today))


def is_late(period: Period, recorded_on: date) -> bool:
    """A return recorded after its due date is late."""
    return recorded_on > period.due_on


def is_overdue(period: Period, today: date, returned: bool) -> bool:
    """A period whose return is past due and has not come in."""
    return not returned and today > period.due_on
