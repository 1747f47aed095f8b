"""Something done again and again, said without a rate's figure: "every half term" (one each
time), "once a month", "every 6 months", "every half term... about 10 each time", "every half
term at each of our 5 homes"."""

import re

from assistant.figures import (
    MONTHS_IN,
    PEOPLE,
    PERIODS,
    Figure,
    Reading,
    length_months,
    period_of,
    plain,
    said_plainly,
)
from knowledge.vocabulary import amount

_EVERY_TIME = re.compile(
    r"\b(?:every|each|once a|once every)\s+(other month|other week|[a-z]+)\b"
    r"|\b(weekly|monthly|fortnightly|termly|quarterly|yearly|annual|annually)\b"
    r"|\b(?:every|once every)\s+(\d+)\s+(week|month|year)s?\b"
)


_EVERY_WORD = {
    "weekly": "week", "monthly": "month", "fortnightly": "fortnight", "termly": "term",
    "quarterly": "quarter", "yearly": "year", "annual": "year", "annually": "year",
}  # fmt: skip


def every_time(
    text: str, figures: list[Figure], unit: str, contract_months: float | None
) -> Reading | None:
    """A rate said without a number: "every half term" (one each time), "once a month", "every
    half term... about 10 each time", "every half term at each of our 5 homes"."""
    found = _EVERY_TIME.search(text)
    said = (found.group(1) or "") if found else ""
    period = (PERIODS.get(said) or MONTHS_IN.get(said) and said) if found else None
    if found and found.group(2):
        period = _EVERY_WORD[found.group(2)]
    span = MONTHS_IN.get(period or "")
    if found and found.group(3):  # "every 6 months": the 6 is how often, not how many
        span = float(found.group(3)) * MONTHS_IN[found.group(4)]
        figures = [f for f in figures if not (f.number == float(found.group(3)) and f.before[-1:]
                   in (["every"],))]  # fmt: skip
    if not span or not contract_months or any(period_of(f.after) for f in figures):
        return None
    counts = [f for f in figures if length_months(f) is None]
    if len(counts) > 1 or len(figures) != len(counts):
        return None
    times = round(contract_months / span)
    each_time = re.search(r"\b(?:each|every|per|a) (?:time|session|visit|class|event)\b", text)
    if unit in ("sessions", "events") and counts and not each_time:
        # "monthly, for about 12 people": one session a month, for 12 people
        counts = [f for f in counts if not set(f.after[:3]) & PEOPLE]
    each = counts[0].number if counts else 1.0
    if unit in ("people", "organisations") and counts and not each_time:
        return None  # "40 people... each gets a call once a week": still 40 people
    if not counts and unit not in ("sessions", "events"):
        return None
    total = each * times
    said = (
        f"{amount(each, unit) if unit == 'gbp' else plain(each)} × {times}, "
        f"{said_plainly(found.group(0))} "
        f"over {plain(round(contract_months))} months"
    )
    return Reading(total, f"That is {amount(total, unit)} in all ({said}).")
