"""Totals worked out from figures that are not the total: a rate over the contract ("£500 a
month"), a count times a length ("8 people, 26 weeks each"), things of two kinds added up;
something done every so often is in recurring.py."""

import re

from assistant.figures import (
    COUNTED,
    FILLING,
    FOR_A_SPAN,
    MEASURED,
    MONTHS_IN,
    OTHER_MEASURES,
    PART_OF_A_DAY,
    PATTERN,
    PEOPLE,
    PERIOD_SAID,
    PERIODS,
    RATE_WORDS,
    TIME_SPENT,
    Figure,
    Reading,
    counts_time,
    figures_in,
    in_other_unit,
    in_unit,
    length_each,
    length_months,
    period_of,
    plain,
)
from assistant.recurring import every_time
from knowledge.vocabulary import amount

_TOTAL_SAID = re.compile(r"^(?:in total|total|altogether|overall|all in|in all)\b")


# What a number of people each give: "25 volunteers doing 4 hrs a week".
_DOING = [["doing"], ["giving"], ["give"], ["do"], ["putting"], ["put"], ["working"], ["work"]]
_HEDGED = {
    "about",
    "around",
    "roughly",
    "maybe",
    "approx",
    "approximately",
    "up",
    "to",
    "at",
    "least",
}


_EACH = re.compile(r"\b(?:each|apiece|per person|per apprentice|every one|lasting)\b")


def from_figures(cleaned: str, unit: str, contract_months: float | None) -> Reading | None:
    """The total from the figures said: a rate, a count times a length, the one in the unit."""
    said = [f for f in figures_in(cleaned) if not in_other_unit(f, unit)]
    figures = _without_schedule(said, contract_months)
    if unit == "weeks":  # "3 days a week", "30 hrs/week": how they work, not how long
        figures = [f for f in figures if not (set(f.after[:1]) & PATTERN and period_of(f.after))]
    scheduled = len(figures) < len(said)  # "4 sessions, one each quarter": the rate is said
    if not scheduled and (every := every_time(cleaned, figures, unit, contract_months)):
        return every
    if not figures:
        return None
    if _TOTAL_SAID.match(" ".join(figures[-1].after[:2])):
        return Reading(figures[-1].number)  # "30 a year, 60 in total"
    if (added := _things_added(figures, unit)) is not None:
        return added
    if reading := count_times_length(figures, unit, contract_months):
        return reading
    if reading := _rate(figures, unit, contract_months):
        return reading
    named = [
        f
        for f in figures
        if in_unit(f, unit) and not period_of(f.after) and f.after[:1] not in (["per"], ["each"])
    ]
    if len(named) == 1 and not _other_counts(figures, named[0], unit):
        return Reading(named[0].number)
    counts = [
        f
        for f in figures
        if not period_of(f.after)
        and length_months(f) is None
        and not (f.after[:1] and f.after[0] in OTHER_MEASURES)
        and "by" not in f.before[-1:]  # "8 students, mentored by 4 of our staff"
    ]
    return Reading(counts[0].number) if unit in COUNTED and len(counts) == 1 else None


def _things_added(figures: list[Figure], unit: str) -> Reading | None:
    """Things of two kinds counted together: "a dozen bird boxes and 6 bat boxes" is 18."""
    if unit not in ("items", "events", "sessions") or len(figures) < 2:
        return None
    joined = all(f.after[-1:] in (["and"], ["plus"]) for f in figures[:-1])
    plain_counts = all(
        f.after
        and not period_of(f.after)
        and length_months(f) is None
        and not counts_time(f)
        and not set(f.after[:2]) & PEOPLE  # "4 sessions and 20 people": sessions, for people
        for f in figures
    )
    if not joined or not plain_counts:
        return None
    total = sum(f.number for f in figures)
    said = " + ".join(plain(f.number) for f in figures)
    return Reading(total, f"That is {amount(total, unit)} in all ({said}).")


def _other_counts(figures: list[Figure], chosen: Figure, unit: str) -> bool:
    """Whether another plain count stands beside the one in the unit asked ("90 workshops in
    total, but only 45 are extra"): which one is meant is read clause by clause instead."""
    return (
        unit in COUNTED
        and any(
            f is not chosen
            and f.number != chosen.number
            and length_months(f) is None
            and not period_of(f.after)
            and f.before[-1:] not in (["not"], ["no"])  # "4 people, not 9"
            and not {"each", "per"} & set(f.after[:3] + f.before[-2:])  # "2 documents for each"
            for f in figures
        )
    )


def _without_schedule(figures: list[Figure], contract_months: float | None) -> list[Figure]:
    """Without a rate that only says when a count comes: in "3 trainees, one a year" (over
    three years) the count is 3, said twice."""
    if len(figures) < 2 or not contract_months:
        return figures
    for figure in figures:
        period = period_of(figure.after)
        times = contract_months / MONTHS_IN[period] if period else 0
        said_as_count = any(
            f is not figure
            and length_months(f) is None  # "one a month for 24 months": 24 is the span
            and abs(f.number - figure.number * times) < 0.5
            for f in figures
        )
        if period and said_as_count:
            return [f for f in figures if f is not figure]
    return figures


def _weeks_long(length: Figure, months: float) -> float:
    """How many weeks a length is: in working days, "10 days" is 2 weeks."""
    if length.after[:1] in (["day"], ["days"]):
        return length.number / 5
    return round(months * 52 / 12)


def count_times_length(
    figures: list[Figure], unit: str, contract_months: float | None = None
) -> Reading | None:
    """So many people for so long each: "8 people, 26 weeks each" is 208 weeks where weeks are
    asked, and 8 where people are."""
    if len(figures) > 2:  # "9 trainees over the 3 yrs, 6mo each": the span is not the length
        figures = [
            f for f in figures if not (FOR_A_SPAN.search(" ".join(f.before)) and length_months(f))
        ]
    if len(figures) != 2:
        return None
    count, length = figures
    if length_months(count) is not None and length_months(length) is None:
        count, length = length, count  # "10 weeks each, 2 of them"
    elif in_unit(count, unit) and not in_unit(length, unit) and unit in MEASURED:
        count, length = length, count  # "10 hours per person, 4 people", "£250 x 4"
    # "2 trainees a year, 10 weeks each", "2 a year, each 2 weeks" (not "2 students, a term
    # each (about 12 weeks)": how long each lasts)
    lasting = length_each(count.after) and length.before[-1:] != ["each"]
    if (period := period_of(count.after)) and contract_months and not lasting:
        times = contract_months / MONTHS_IN[period]
        count = Figure(round(count.number * times), count.before, [])
    months = length_months(length)
    each = _EACH.search(" ".join(length.after + count.after)) or "for" in length.before[-1:]
    each = each or "x" in count.after[:2] + length.after[:1] or unit == "weeks"
    rated = period_of(length.after)  # "2 hours a week each" is a rate, for _rate
    if months is None and each and not rated and in_unit(length, unit) and not in_unit(count, unit):
        total = count.number * length.number  # "6 interpreters, each 40 hours training"
        said = f"{plain(count.number)} × {amount(length.number, unit)}"
        return Reading(total, f"That is {amount(total, unit)} in all ({said}).")
    if months is None or length_months(count) is not None or not each:
        return None
    if unit in ("people", "organisations", "items"):
        return Reading(count.number)
    if unit != "weeks":
        return None
    weeks = _weeks_long(length, months)
    total = count.number * weeks
    said = f"{plain(count.number)} × {amount(weeks, 'weeks')}"
    return Reading(total, f"That is {amount(total, 'weeks')} in all ({said}).")


def _lasting(figure: Figure) -> bool:
    """Whether the period after a count is how long each lasts ("three trainees... a year
    each"), not how often: time given ("2 hours a week each") is a rate for each."""
    time_given = figure.after[:1] and figure.after[0] in OTHER_MEASURES | TIME_SPENT
    return length_each(figure.after) and not time_given


def _rate(figures: list[Figure], unit: str, contract_months: float | None) -> Reading | None:
    """So much a week, month or year, over a stated span or the whole contract."""
    rated = [(f, p) for f in figures if (p := period_of(f.after)) and not _lasting(f)]
    if len(rated) != 1:
        return None
    figure, period = rated[0]
    noun = figure.after[:1]
    if (
        unit in MEASURED
        and noun
        and not in_unit(figure, unit)
        and noun[0] not in FILLING | TIME_SPENT | RATE_WORDS
        and noun[0] not in PERIODS
    ) or (unit == "hours" and noun and noun[0] in PART_OF_A_DAY):
        return None  # "1 placement a term" says nothing of how many weeks; nor "a morning" hours
    if (
        unit in ("people", "organisations")
        and figure.after[:1]
        and figure.after[0] in OTHER_MEASURES | TIME_SPENT
    ):
        return None  # "4 survivors, 2 hours a week each", "2 days a month": not people
    span = next(
        (m for f in figures if f is not figure and FOR_A_SPAN.search(" ".join(f.before))
         and (m := length_months(f))), None)  # fmt: skip
    lengths = [m for f in figures if f is not figure and (m := length_months(f))]
    if span is None and len(lengths) == 1 and len(figures) == 2:
        span = lengths[0]  # "£2.5k/month, 3 yrs"
    months = span or contract_months
    if not months:
        return None
    times = months / MONTHS_IN[period]
    also = [f for f in figures if f is not figure and in_unit(f, unit) and length_months(f) is None]
    also += [
        f
        for f in figures
        if unit == "hours" and f is not figure and f.after[:1] in (["hours"], ["hrs"])
    ]
    if unit in ("people", "organisations") and also and not in_unit(figure, unit):
        return None  # "40 people... each gets a call once a week": still 40 people
    each = also[0].number if also and not in_unit(figure, unit) else 1
    if figure.after[:1] and figure.after[0] in OTHER_MEASURES and not in_unit(figure, unit):
        figure = Figure(1.0, figure.before, figure.after)  # "3 hours every wednesday": 1 session
    # "one a month in each of the three towns": so many places, each at that rate.
    # "3 volunteers, 2 hours a week each"; "our 4 staff will each do 2 days a year"
    per_head = (
        "each" in figure.after[:6]
        or bool({"each", "them", "us"} & set(figure.before[-3:]))
        or [w for w in figure.before if w not in _HEDGED][-1:] in _DOING
    )  # "20 champions doing about 2 hours a week"
    places = [
        f
        for f in figures
        if f is not figure
        and (
            {"each", "x"} & set(f.before[-3:])
            or "x" in f.after[:2]
            or per_head
            or (f.before[-1:] in (["in"], ["at"], ["across"]) and f.after[:1] != [])
        )
    ]
    each *= places[0].number if places and length_months(places[0]) is None else 1
    places_kept = (
        2
        if unit in ("gbp", "tonnes", "tonnes-co2e")
        else (1 if figure.number != int(figure.number) else 0)
    )
    total = round(figure.number * each * times, places_kept)
    per = (
        amount(figure.number * each, unit)
        if unit in ("gbp", "percent", "hours")
        else plain(figure.number * each)
    )
    said = f"{per} a {PERIOD_SAID.get(period, period)} for {plain(round(months))} months"
    return Reading(total, f"That is {amount(total, unit)} in all ({said}).")
