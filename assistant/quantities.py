"""An amount said in other terms than the unit asked for, worked out as a total: "two
apprentices for a year each" (104 weeks), "£5k a yr" on a three-year contract (£15,000),
"one evening a week, 3 hours" (hours over the contract), "£10,000 a year, so £40,000 in
total" (the total they gave), "(roughly 60 tonnes)" (the one figure in the unit asked).
The figures are read in figures.py, rates and lengths worked out in rates.py."""

import re

from assistant.figures import (
    A_DAY,
    COUNTED,
    DAYS,
    MEASURED,
    MONTHS_IN,
    Reading,
    counts_time,
    figures_in,
    hours_a_day,
    in_unit,
    length_months,
    period_of,
    plain,
    plain_in_unit,
    readable,
)
from assistant.numbers import read_number, tidy
from assistant.rates import count_times_length, from_figures
from knowledge.vocabulary import amount

_TOTAL_AFTER = re.compile(
    r"\b(?:so|that'?s|thats|making|makes|which is|i ?e|total of|totalling|"
    r"(?:which )?i make(?: it| that)?(?: to be)?|that makes|comes to|works out(?: at| as| to)?"
    r"|equivalent to|equating to|equates to|amounting to)\b"
)


def read_total(
    text: str, unit: str, contract_months: float | None, contract_value: float | None = None
) -> Reading | None:
    """The total the text gives in `unit`, or None when it gives no single total. A working
    day is 7 hours where hours are asked ("2 days a month"), and the line says so."""
    reading = _read_total(text, unit, contract_months, contract_value)
    said = tidy(text)
    if reading is None or unit != "hours" or not (DAYS.search(said) or A_DAY.search(said)):
        return reading
    confirm = (reading.confirm or f"That is {amount(reading.total, unit)} in all.").rstrip(".")
    day = hours_a_day(tidy(text))
    return Reading(reading.total, f"{confirm}, counting a day as {day:g} hours.")


# A rate a year, month or week: "78 a year".
RATE_IN = re.compile(r"\d\s*(?:[a-z]+\s+)?(?:a|per|each|every)\s+(?:year|month|week)\b")

_OF_CONTRACT = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:%|percent|per cent)\s+of\s+(?:the\s+)?(?:total\s+)?"
    r"(?:contract|tender)(?:\s+(?:value|price|sum))?\b"
)


# Units a describing word may come before: "volunteer hours", "apprentice weeks".
_COUNTED_IN_TIME = ("hours", "weeks", "sessions")
_NOT_DESCRIBING = r"(?:hrs?|hours?|per|a|an|each|every|days?|times|of|for|in|at|x|or|and|to)"


def _read_total(
    text: str, unit: str, contract_months: float | None, contract_value: float | None
) -> Reading | None:
    cleaned = readable(text, unit)
    if unit in _COUNTED_IN_TIME:  # "3,000 volunteer hours a year": 3,000 hours a year
        cleaned = re.sub(
            rf"(\d)\s+(?:(?!{_NOT_DESCRIBING}\b)[a-z]+\s+){{1,2}}({unit}|{unit[:-1]})\b",
            r"\1 \2",
            cleaned,
        )
    if (share := _a_share(cleaned, unit, contract_value)) is not None:
        return share
    if (again := _said_twice(cleaned)) is not None:
        return again
    if contract_months:  # "2 apprentices for the full contract"
        cleaned = _WHOLE_LENGTH.sub(f"for {contract_months:g} months", cleaned)
    if (stated := _worked_out(cleaned, unit, contract_months)) is not None:
        return stated
    if (yearly := _year_by_year(cleaned, unit)) is not None:
        return yearly
    if unit == "weeks" and (several := _one_after_another(cleaned)) is not None:
        return several
    return from_figures(cleaned, unit, contract_months)


_IN_YEAR = re.compile(
    r"(£?\s*\d[\d.]*\s*k?)\s*(?:[a-z]+\s+){0,2}?in (?:year|yr) ?(?:[1-5]|one|two|three|four|five)\b"
)


# "8 of the 11", "2 of our 6 buses": a part of a whole.
_PART_OF = re.compile(r"\b(\d+)\s+(?:out\s+)?of\s+(?:our|the|my|their|all)?\s*(\d+)\b")


_WHOLE_LENGTH = re.compile(
    r"\bfor the (?:full|whole|entire) (?:contract|term|job|project)\b"
    r"|\bfor the (?:length|duration|life) of the contract\b"
)


# "1 apprentice for 26 weeks, 2 for 13 weeks", "1 for 12 months, then another for 6".
_FOR_A_TIME = re.compile(
    r"(?:\b(\d+)|\b(another|a second|one more))\s+(?:[a-z]+\s+){0,2}?for\s+(\d+)"
    r"(?:\s+(weeks?|months?|years?))?"
)


def _one_after_another(cleaned: str) -> Reading | None:
    """Weeks of people taken on in turn, each for its own time: added up."""
    found = _FOR_A_TIME.findall(cleaned)
    if len(found) < 2:
        return None
    total, last_unit, said = 0.0, None, []
    for count, _another, length, length_unit in found:
        length_unit = (length_unit or last_unit or "").rstrip("s")
        if not length_unit:
            return None
        last_unit = length_unit
        people = float(count) if count else 1.0
        weeks = round(float(length) * MONTHS_IN[length_unit] * 52 / 12)
        total += people * weeks
        said.append(f"{plain(people)} × {amount(weeks, 'weeks')}")
    return Reading(total, f"That is {amount(total, 'weeks')} in all ({' + '.join(said)}).")


def _a_share(cleaned: str, unit: str, contract_value: float | None) -> Reading | None:
    """A share of the contract's value in pounds, or a part of a whole ("8 of the 11")."""
    if unit == "gbp" and contract_value and (share := _OF_CONTRACT.search(cleaned)):
        return _share_of(float(share.group(1)), contract_value)
    if (part := _PART_OF.search(cleaned)) and 0 < float(part.group(1)) <= float(part.group(2)):
        return _part_of(float(part.group(1)), float(part.group(2)), unit)
    return None


def _part_of(part: float, whole: float, unit: str) -> Reading | None:
    """ "8 of the 11": 73% where a percentage is asked, 8 where a count is."""
    if unit == "percent":
        share = round(100 * part / whole)
        return Reading(share, f"That is {share}% ({plain(part)} of {plain(whole)}).")
    return Reading(part) if unit in COUNTED else None


def _share_of(percent: float, contract_value: float) -> Reading:
    """ "10% of contract value", in pounds."""
    total = round(percent / 100 * contract_value, 2)
    said = f"{plain(percent)}% of {amount(contract_value, 'gbp')}"
    return Reading(total, f"That is {amount(total, 'gbp')} in all ({said}).")


_IN_ALL = re.compile(r"^(?:\w+ )?(?:in total|in all|altogether|overall|over the)\b")


def _worked_out(cleaned: str, unit: str, contract_months: float | None) -> Reading | None:
    """What they worked out themselves: "so 12 in total"; "6 trainees, each doing all 3
    holidays, so roughly 10 weeks each" is 6 × 10 weeks."""
    clauses = _TOTAL_AFTER.split(cleaned)
    if len(clauses) < 2:
        return None
    first = plain_in_unit(clauses[0], unit)
    stated_first = first and any(in_unit(f, unit) for f in figures_in(clauses[0]))
    if unit in MEASURED and stated_first and plain_in_unit(clauses[-1], unit) is None:
        return Reading(first)  # "104 weeks, so 2 apprentices": 104
    if not re.search(r"\beach\b", clauses[-1]):
        stated = plain_in_unit(clauses[-1], unit)
        if stated is None:  # "so twelve a year, and thirty-six over the three years"
            stated = next(
                (
                    f.number
                    for f in figures_in(clauses[-1])
                    if _IN_ALL.match(" ".join(f.after[1:] if in_unit(f, unit) else f.after))
                    and (in_unit(f, unit) or (unit in COUNTED and not counts_time(f)))
                ),
                None,
            )
        if stated:
            return Reading(stated)
        # "twice a week in term time, which works out about 78 a year": their rate, worked on.
        return (
            from_figures(clauses[-1], unit, contract_months)
            if RATE_IN.search(clauses[-1])
            else None
        )
    if (head := figures_in(clauses[0])) and (tail := figures_in(clauses[-1])):
        return count_times_length([head[0], tail[-1]], unit, contract_months)
    return None


def _said_twice(cleaned: str) -> Reading | None:
    """One figure said again to be sure: "a dozen yes twelve", "6 - six"."""
    figures = figures_in(cleaned)
    plain_figures = all(not period_of(f.after) and length_months(f) is None for f in figures)
    if len(figures) >= 2 and len({f.number for f in figures}) == 1 and plain_figures:
        return Reading(figures[0].number)
    return None


def _year_by_year(text: str, unit: str) -> Reading | None:
    """A figure for each year: "52 weeks in year 1 and 26 in year 2" is 78 in all."""
    found = [read_number(m.group(1)) for m in _IN_YEAR.finditer(text)]
    numbers = [number[0] for number in found if number]
    if len(numbers) < 2 or len(numbers) != len(found):
        return None
    total = round(sum(numbers), 2)
    said = " + ".join(amount(n, unit) if unit == "gbp" else plain(n) for n in numbers)
    return Reading(total, f"That is {amount(total, unit)} in all ({said}, year by year).")
