"""Yearly targets for a commitment on a contract longer than a year: proposed from its total,
its date and the contract's length, so that the council can see progress year by year (the
guidance: "give yearly targets, not one total at the end"). The supplier can change them."""

import math
import re

from offer import prose

WHOLE_UNITS = {"people", "sessions", "events", "items", "organisations"}
# Timescales that run through the contract ("every year", "from the start", "throughout").
_THROUGHOUT = re.compile(
    r"^\s*(?:every|each|per|a)\s+(?:contract\s+)?year\b|\bannually\b|^\s*from\b"
    r"|\bthroughout\b|\bover the\b|\bongoing\b|\ball the way\b",
    re.I,
)
_TARGET = re.compile(r"^Year (\d+): (.+)$")


def propose(
    quantity: float | None,
    unit: str | None,
    timescale: str | None,
    timescale_months: float | None,
    duration_months: float | None,
) -> list[str]:
    """ "Year 1: 52 weeks", "Year 2: 52 weeks"…: the total spread evenly over the contract
    years it is delivered in. Nothing for a contract of a year or less, a percentage (a
    standard kept, not a total reached), or a total due within the first year."""
    if not quantity or not duration_months or duration_months <= 12 or unit == "percent":
        return []
    years = math.ceil(duration_months / 12 - 1e-9)
    if timescale_months is not None and not _THROUGHOUT.search(timescale or ""):
        years = min(years, max(1, math.ceil(timescale_months / 12 - 1e-9)))
    if years < 2:
        return []
    return [
        f"Year {n}: {prose.count(share, unit)}"
        for n, share in enumerate(_split(quantity, unit, years), 1)
    ]


def _split(quantity: float, unit: str | None, years: int) -> list[float]:
    """The total in `years` shares: whole people or sessions with the remainder early, money
    and hours in whole units with the remainder in the last year."""
    whole = int(quantity) if quantity == int(quantity) else None
    if whole is not None and (unit in WHOLE_UNITS or whole % years == 0):
        base, extra = divmod(whole, years)
        return [float(base + (1 if n < extra else 0)) for n in range(years)]
    share = math.floor(quantity / years)
    return [float(share)] * (years - 1) + [round(quantity - share * (years - 1), 2)]


def said(milestones: list[str]) -> str:
    """Yearly targets in a sentence's words: "52 weeks in year 1, 52 weeks in year 2 and 52
    weeks in year 3"; targets the supplier wrote in their own way are listed as written."""
    found = [_TARGET.match(m.strip()) for m in milestones]
    if all(found):
        return prose.join([f"{m.group(2)} in year {m.group(1)}" for m in found if m])
    return prose.join([prose.clause(m) for m in milestones])
