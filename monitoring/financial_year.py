"""The UK public sector's financial year, April to March, named by the year it starts in."""

from collections.abc import Iterable
from datetime import date


def financial_year(day: date) -> int:
    """The financial year `day` falls in: 2026 for 1 April 2026 to 31 March 2027."""
    return day.year if day.month >= 4 else day.year - 1


def year_dates(year: int) -> tuple[date, date]:
    """The first and last day of financial year `year`."""
    return date(year, 4, 1), date(year + 1, 3, 31)


def year_label(year: int) -> str:
    """Like "April 2026 to March 2027"."""
    return f"April {year} to March {year + 1}"


def years_to_choose(starts: Iterable[date], today: date) -> list[int]:
    """Financial years to offer, newest first: next year back to the year the earliest
    contract started (or this year, if none started earlier)."""
    this_year = financial_year(today)
    first = min([financial_year(day) for day in starts] + [this_year])
    return list(range(max(this_year + 1, first), first - 1, -1))
