"""An amount said in other terms than the unit asked for, worked out as a total: "two
apprentices for a year each" (104 weeks), "£5k a yr" on a three-year contract (£15,000),
"one evening a week, 3 hours" (hours over the contract), "£10,000 a year, so £40,000 in
total" (the total they gave), "(roughly 60 tonnes)" (the one figure in the unit asked)."""

import re
from dataclasses import dataclass

from assistant.numbers import leading_number, read_number, tidy, words_of
from assistant.timescales import UNIT_SPELLINGS
from knowledge.vocabulary import amount

MONTHS_IN = {"day": 12 / 365.25, "week": 12 / 52, "fortnight": 12 / 26, "month": 1.0}
MONTHS_IN |= {"quarter": 3.0, "term": 4.0, "year": 12.0, "summer": 12.0, "other month": 2.0}
MONTHS_IN |= {"halfterm": 2.0, "other week": 12 / 26, "termweek": 12 / 39}  # 39 school weeks
# The period a rate is said in: the lengths timescales know ("wk", "mnths"), and more.
_PERIODS = UNIT_SPELLINGS | {
    "term": "term", "summer": "year", "sumer": "year", "annum": "year", "monday": "week",
    "tuesday": "week", "wednesday": "week", "thursday": "week", "friday": "week",
    "saturday": "week", "sunday": "week", "sat": "week", "weekend": "week", "night": "day",
    "evening": "day", "morning": "day", "halfterm": "halfterm", "other week": "other week",
    "termweek": "termweek",
}  # fmt: skip
_UNIT_WORDS = {
    "weeks": {"week", "weeks", "wk", "wks"}, "hours": {"hour", "hours", "hrs", "hr"},
    "gbp": {"£", "pounds", "quid", "grand", "k"}, "percent": {"%", "percent", "per cent"},
    "tonnes-co2e": {"tonne", "tonnes", "tons", "ton", "t"},
    "tonnes": {"tonne", "tonnes", "tons", "ton", "t"},
    "sessions": {"session", "sessions", "visit", "visits", "workshop", "workshops", "class",
                 "classes", "talk", "talks", "lesson", "lessons", "clinic", "clinics"},
    "events": {"event", "events"},
    "people": {"people", "person", "persons"}, "items": {"items", "item"},
    "organisations": {"organisations", "organisation", "orgs", "firms", "businesses"},
}  # fmt: skip
# Units that count things: a lone count of anything is the count ("4 survivors").
_COUNTED = {"people", "organisations", "items", "sessions", "events"}
# Units measured, not counted: a figure for them must not name something else.
_MEASURED = {"weeks", "hours", "gbp", "percent", "tonnes", "tonnes-co2e"}
_FILLING = {"in", "total", "altogether", "overall", "a", "per", "of"}
_TOTAL_SAID = re.compile(r"^(?:in total|total|altogether|overall|all in|in all)\b")
# What a figure may count that is not the unit asked for: "3 hours every wednesday", sessions.
_OTHER_MEASURES = {"hours", "hour", "hrs", "hr", "mins", "minutes"}
_PART_OF_A_DAY = {"morning", "mornings", "afternoon", "afternoons", "evening", "evenings"}
_RATE_WORDS = {"each", "every", "per", "worth", "evry", "once", "x"}
_PATTERN = {"day", "days", "hours", "hrs", "hour", "hr"}
_TIME_SPENT = {"day", "days", "week", "weeks", "evening", "evenings", "morning", "mornings"}
_TOTAL_AFTER = re.compile(
    r"\b(?:so|that'?s|thats|making|makes|which is|i ?e|total of|totalling|"
    r"(?:which )?i make(?: it| that)?(?: to be)?|that makes|comes to|works out (?:at|as)"
    r"|equivalent to|equating to|equates to|amounting to)\b"
)
_RATE = re.compile(r"^(?:a|per|each|every|an|once a|evry)\s+(other month|[a-z]+)")
_EACH = re.compile(r"\b(?:each|apiece|per person|per apprentice|every one|lasting)\b")
_FOR = re.compile(r"\b(?:for|over|across|during)(?:\s+the)?(?:\s+(?:next|whole|full))?$")


@dataclass(frozen=True)
class Reading:
    """A total in the unit asked for, and, when it was worked out, the line that confirms it."""

    total: float
    confirm: str | None = None


@dataclass(frozen=True)
class _Figure:
    number: float
    before: list[str]
    after: list[str]


def read_total(
    text: str, unit: str, contract_months: float | None, contract_value: float | None = None
) -> Reading | None:
    """The total the text gives in `unit`, or None when it gives no single total. A working
    day is 7 hours where hours are asked ("2 days a month"), and the line says so."""
    reading = _read_total(text, unit, contract_months, contract_value)
    if reading is None or unit != "hours" or not _DAYS.search(tidy(text)):
        return reading
    confirm = (reading.confirm or f"That is {amount(reading.total, unit)} in all.").rstrip(".")
    return Reading(reading.total, f"{confirm}, counting a day as {HOURS_A_DAY} hours.")


# Hours in a working day: a 35-hour week over 5 days (ONS average full-time hours, rounded
# down, as Measure Up uses; as of 2024).
HOURS_A_DAY = 7
_DAYS = re.compile(r"\b(\d+(?:\.\d+)?|one|two|three|four|five|six|half a) days?\b")
_SPELT_DAYS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "half a": 0.5}
_OF_CONTRACT = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:%|percent|per cent)\s+of\s+(?:the\s+)?(?:total\s+)?"
    r"(?:contract|tender)(?:\s+(?:value|price|sum))?\b"
)


def _read_total(
    text: str, unit: str, contract_months: float | None, contract_value: float | None
) -> Reading | None:
    cleaned = _readable(text, unit)
    if (share := _a_share(cleaned, unit, contract_value)) is not None:
        return share
    if contract_months:  # "2 apprentices for the full contract"
        cleaned = _WHOLE_LENGTH.sub(f"for {contract_months:g} months", cleaned)
    if (stated := _worked_out(cleaned, unit, contract_months)) is not None:
        return stated
    if (yearly := _year_by_year(cleaned, unit)) is not None:
        return yearly
    if unit == "weeks" and (several := _one_after_another(cleaned)) is not None:
        return several
    return _from_figures(cleaned, unit, contract_months)


def _from_figures(cleaned: str, unit: str, contract_months: float | None) -> Reading | None:
    """The total from the figures said: a rate, a count times a length, the one in the unit."""
    figures = _without_schedule(
        [f for f in _figures(cleaned) if not _in_other_unit(f, unit)], contract_months
    )
    if unit == "weeks":  # "3 days a week", "30 hrs/week": how they work, not how long
        figures = [f for f in figures if not (set(f.after[:1]) & _PATTERN and _period(f.after))]
    if (every := _every_time(cleaned, figures, unit, contract_months)) is not None:
        return every
    if not figures:
        return None
    if _TOTAL_SAID.match(" ".join(figures[-1].after[:2])):
        return Reading(figures[-1].number)  # "30 a year, 60 in total"
    if reading := _count_times_length(figures, unit, contract_months):
        return reading
    if reading := _rate(figures, unit, contract_months):
        return reading
    in_unit = [
        f
        for f in figures
        if _in_unit(f, unit) and not _period(f.after) and f.after[:1] not in (["per"], ["each"])
    ]
    if len(in_unit) == 1 and not _other_counts(figures, in_unit[0], unit):
        return Reading(in_unit[0].number)
    counts = [
        f
        for f in figures
        if not _period(f.after)
        and _length_months(f) is None
        and not (f.after[:1] and f.after[0] in _OTHER_MEASURES)
        and "by" not in f.before[-1:]  # "8 students, mentored by 4 of our staff"
    ]
    return Reading(counts[0].number) if unit in _COUNTED and len(counts) == 1 else None


_IN_YEAR = re.compile(
    r"(£?\s*\d[\d.]*\s*k?)\s*(?:[a-z]+\s+){0,2}?in (?:year|yr) ?(?:[1-5]|one|two|three|four|five)\b"
)


# "8 of the 11", "2 of our 6 buses": a part of a whole.
_PART_OF = re.compile(r"\b(\d+)\s+(?:out\s+)?of\s+(?:our|the|my|their|all)?\s*(\d+)\b")
_WHOLE_LENGTH = re.compile(
    r"\bfor the (?:full|whole|entire) (?:contract|term)\b"
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
        said.append(f"{_plain(people)} × {amount(weeks, 'weeks')}")
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
        return Reading(share, f"That is {share}% ({_plain(part)} of {_plain(whole)}).")
    return Reading(part) if unit in _COUNTED else None


def _share_of(percent: float, contract_value: float) -> Reading:
    """ "10% of contract value", in pounds."""
    total = round(percent / 100 * contract_value, 2)
    said = f"{_plain(percent)}% of {amount(contract_value, 'gbp')}"
    return Reading(total, f"That is {amount(total, 'gbp')} in all ({said}).")


_IN_ALL = re.compile(r"^(?:\w+ )?(?:in total|in all|altogether|overall|over the)\b")


def _worked_out(cleaned: str, unit: str, contract_months: float | None) -> Reading | None:
    """What they worked out themselves: "so 12 in total"; "6 trainees, each doing all 3
    holidays, so roughly 10 weeks each" is 6 × 10 weeks."""
    clauses = _TOTAL_AFTER.split(cleaned)
    if len(clauses) < 2:
        return None
    first = _plain_in_unit(clauses[0], unit)
    stated_first = first and any(_in_unit(f, unit) for f in _figures(clauses[0]))
    if unit in _MEASURED and stated_first and _plain_in_unit(clauses[-1], unit) is None:
        return Reading(first)  # "104 weeks, so 2 apprentices": 104
    if not re.search(r"\beach\b", clauses[-1]):
        stated = _plain_in_unit(clauses[-1], unit)
        if stated is None:  # "so twelve a year, and thirty-six over the three years"
            stated = next(
                (
                    f.number
                    for f in _figures(clauses[-1])
                    if _IN_ALL.match(" ".join(f.after[1:] if _in_unit(f, unit) else f.after))
                    and (_in_unit(f, unit) or unit in _COUNTED)
                ),
                None,
            )
        return Reading(stated) if stated else None
    if (head := _figures(clauses[0])) and (tail := _figures(clauses[-1])):
        return _count_times_length([head[0], tail[-1]], unit, contract_months)
    return None


def _other_counts(figures: list[_Figure], chosen: _Figure, unit: str) -> bool:
    """Whether another plain count stands beside the one in the unit asked ("90 workshops in
    total, but only 45 are extra"): which one is meant is read clause by clause instead."""
    return (
        unit in _COUNTED
        and any(
            f is not chosen
            and f.number != chosen.number
            and _length_months(f) is None
            and not _period(f.after)
            and f.before[-1:] not in (["not"], ["no"])  # "4 people, not 9"
            and not {"each", "per"} & set(f.after[:3] + f.before[-2:])  # "2 documents for each"
            for f in figures
        )
    )


def _without_schedule(figures: list[_Figure], contract_months: float | None) -> list[_Figure]:
    """Without a rate that only says when a count comes: in "3 trainees, one a year" (over
    three years) the count is 3, said twice."""
    if len(figures) < 3 or not contract_months:
        return figures
    for figure in figures:
        period = _period(figure.after)
        times = contract_months / MONTHS_IN[period] if period else 0
        said_as_count = any(
            f is not figure and abs(f.number - figure.number * times) < 0.5 for f in figures
        )
        if period and said_as_count:
            return [f for f in figures if f is not figure]
    return figures


def _readable(text: str, unit: str) -> str:
    """The text with what is not an amount set aside: "L3 apprentices", "starting in 2027";
    "18m" as months (where money is not asked), kilos as tonnes (where tonnes are) and days
    as hours (where hours are)."""
    cleaned = re.sub(r"\b(?:l|level|nvq)\s?\d\b", " ", tidy(text))
    cleaned = re.sub(r"\bco2e?\b", "carbon", cleaned)  # not a figure of 2
    if re.search(r"\bterm[ -]?time\b", cleaned):  # "once a week in term time": 39 weeks a year
        cleaned = re.sub(r"\b(a|per|each|every|once a)\s+week\b", r"\1 termweek", cleaned)
        cleaned = re.sub(r"\bweekly\b", "every termweek", cleaned)
        cleaned = re.sub(r"\b(?:in|during|only in)?\s*term[ -]?time(?: only)?\b", " ", cleaned)
    # "4 students, a week each" (not "2 hours a week each", a rate)
    cleaned = re.sub(r"(?:^|(?<=, )|(?<=for ))a (year|month|week) each\b", r"1 \1 each", cleaned)
    if unit == "hours":
        cleaned = _DAYS.sub(
            lambda m: f"{float(_SPELT_DAYS.get(m.group(1)) or m.group(1)) * HOURS_A_DAY:g} hours",
            cleaned,
        )
    if unit != "gbp":
        cleaned = re.sub(r"(?<=\d) m\b", " months", cleaned)
    if unit in ("tonnes", "tonnes-co2e"):
        cleaned = _in_tonnes(cleaned)
    return re.sub(r"\b(?:in|by|from|starting(?: in)?|until)\s+(?:19|20)\d\d\b", " ", cleaned)


def _in_tonnes(text: str) -> str:
    """Kilos as tonnes: "20 kilo each week" is 0.02 tonnes a week."""
    return re.sub(
        r"(\d+(?:\.\d+)?)\s*(?:kg|kgs|kilo|kilos|kilogram|kilograms)\b",
        lambda m: f"{float(m.group(1)) / 1000:g} tonnes",
        text,
    )


def _year_by_year(text: str, unit: str) -> Reading | None:
    """A figure for each year: "52 weeks in year 1 and 26 in year 2" is 78 in all."""
    found = [read_number(m.group(1)) for m in _IN_YEAR.finditer(text)]
    numbers = [number[0] for number in found if number]
    if len(numbers) < 2 or len(numbers) != len(found):
        return None
    total = round(sum(numbers), 2)
    said = " + ".join(amount(n, unit) if unit == "gbp" else _plain(n) for n in numbers)
    return Reading(total, f"That is {amount(total, unit)} in all ({said}, year by year).")


_EVERY_TIME = re.compile(
    r"\b(?:every|each|once a|once every)\s+(other month|other week|[a-z]+)\b"
    r"|\b(weekly|monthly|fortnightly|termly|quarterly|yearly|annual|annually)\b"
)
_EVERY_WORD = {
    "weekly": "week", "monthly": "month", "fortnightly": "fortnight", "termly": "term",
    "quarterly": "quarter", "yearly": "year", "annual": "year", "annually": "year",
}  # fmt: skip


_PEOPLE = {
    "people", "residents", "families", "children", "kids", "pupils", "students", "adults",
    "participants", "young", "older", "elderly", "members", "carers", "clients", "users",
}  # fmt: skip


def _every_time(
    text: str, figures: list[_Figure], unit: str, contract_months: float | None
) -> Reading | None:
    """A rate said without a number: "every half term" (one each time), "once a month", "every
    half term... about 10 each time", "every half term at each of our 5 homes"."""
    found = _EVERY_TIME.search(text)
    said = (found.group(1) or "") if found else ""
    period = (_PERIODS.get(said) or MONTHS_IN.get(said) and said) if found else None
    if found and found.group(2):
        period = _EVERY_WORD[found.group(2)]
    if not period or not contract_months or any(_period(f.after) for f in figures):
        return None
    counts = [f for f in figures if _length_months(f) is None]
    if len(counts) > 1 or len(figures) != len(counts):
        return None
    times = round(contract_months / MONTHS_IN[period])
    each_time = re.search(r"\b(?:each|every|per|a) (?:time|session|visit|class|event)\b", text)
    if unit in ("sessions", "events") and counts and not each_time:
        # "monthly, for about 12 people": one session a month, for 12 people
        counts = [f for f in counts if not set(f.after[:3]) & _PEOPLE]
    each = counts[0].number if counts else 1.0
    if unit in ("people", "organisations") and counts and not each_time:
        return None  # "40 people... each gets a call once a week": still 40 people
    if not counts and unit not in ("sessions", "events"):
        return None
    total = each * times
    said = (
        f"{_plain(each)} × {times}, {_said_plainly(found.group(0))} "
        f"over {_plain(round(contract_months))} months"
    )
    return Reading(total, f"That is {amount(total, unit)} in all ({said}).")


def _figures(text: str) -> list[_Figure]:
    text = re.sub(r"\beach one\b", "each", text)
    text = re.sub(
        r"\b(for|of|lasting|each|over)\s+(?:a|an)\s+(year|month|week)\b", r"\1 1 \2", text
    )
    words = words_of(text)
    figures: list[_Figure] = []
    i = 0
    while i < len(words):
        found = leading_number(words[i:])
        if found is None or (words[i] in ("a", "an", "half") and found[1] == 1):
            i += 1
            continue
        end = i + found[1]
        following = next(
            (j for j in range(end, len(words)) if leading_number(words[j:]) and words[j] not in
             ("a", "an", "half")), len(words))  # fmt: skip
        figures.append(_Figure(found[0], words[max(0, i - 3) : i], words[end:following]))
        i = end
    return figures


def _plain_in_unit(text: str, unit: str) -> float | None:
    figures = [
        f
        for f in _figures(text)
        if not _in_other_unit(f, unit)
        and not (_FOR.search(" ".join(f.before)) and _length_months(f))  # "over the 3 years"
    ]
    if len(figures) != 1 or _period(figures[0].after):
        return None
    noun = figures[0].after[:1]
    if unit in _MEASURED and noun and noun[0] not in _UNIT_WORDS[unit] | _FILLING:
        return None  # "3 tonnes diverted (that's approx 200 bikes)": bikes are not tonnes
    return figures[0].number


def _in_other_unit(figure: _Figure, unit: str) -> bool:
    """A figure in £ where £ is not asked, or a percentage where one is not ("12 new hires
    (est. £310,000 in wages)")."""
    pounds = "£" in figure.before[-1:] or figure.after[:1] in (["pounds"], ["quid"])
    percent = figure.after[:1] in (["%"], ["percent"], ["per"])
    return (pounds and unit != "gbp") or (percent and unit != "percent")


def _period(after: list[str]) -> str | None:
    """The period of a rate ("a month", "per yr", "every other month"), if the words say one:
    "2 hours each, every month" is a month."""
    for skip in range(4):
        found = _RATE.match(" ".join(after[skip : skip + 3]))
        period = found and (
            found.group(1) if found.group(1) == "other month" else _PERIODS.get(found.group(1))
        )
        if period:
            return period
    return None


def _length_months(figure: _Figure) -> float | None:
    """A length of time: "18 months", "26 weeks", "2 yrs", "18 munths"."""
    period = _PERIODS.get(figure.after[0]) if figure.after else None
    if period is None or _period(figure.after):
        return None
    return figure.number * MONTHS_IN[period]


def _in_unit(figure: _Figure, unit: str) -> bool:
    """Whether the figure is in the unit asked ("10 small organisations", "£5k")."""
    words = _UNIT_WORDS.get(unit, {unit})
    named = figure.after[:1] if unit in _MEASURED else figure.after[:3]
    return bool(set(named) & words) or (unit == "gbp" and "£" in figure.before[-1:])


def _weeks_long(length: _Figure, months: float) -> float:
    """How many weeks a length is: in working days, "10 days" is 2 weeks."""
    if length.after[:1] in (["day"], ["days"]):
        return length.number / 5
    return round(months * 52 / 12)


def _count_times_length(
    figures: list[_Figure], unit: str, contract_months: float | None = None
) -> Reading | None:
    """So many people for so long each: "8 people, 26 weeks each" is 208 weeks where weeks are
    asked, and 8 where people are."""
    if len(figures) > 2:  # "9 trainees over the 3 yrs, 6mo each": the span is not the length
        figures = [
            f for f in figures if not (_FOR.search(" ".join(f.before)) and _length_months(f))
        ]
    if len(figures) != 2:
        return None
    count, length = figures
    if _length_months(count) is not None and _length_months(length) is None:
        count, length = length, count  # "10 weeks each, 2 of them"
    elif _in_unit(count, unit) and not _in_unit(length, unit) and unit in _MEASURED:
        count, length = length, count  # "10 hours per person, 4 people", "£250 x 4"
    if (period := _period(count.after)) and contract_months:  # "2 trainees a year, 10 weeks each"
        times = contract_months / MONTHS_IN[period]
        count = _Figure(round(count.number * times), count.before, [])
    months = _length_months(length)
    each = _EACH.search(" ".join(length.after + count.after)) or "for" in length.before[-1:]
    each = each or "x" in count.after[:2] + length.after[:1] or unit == "weeks"
    rated = _period(length.after)  # "2 hours a week each" is a rate, for _rate
    if (
        months is None
        and each
        and not rated
        and _in_unit(length, unit)
        and not _in_unit(count, unit)
    ):
        total = count.number * length.number  # "6 interpreters, each 40 hours training"
        said = f"{_plain(count.number)} × {amount(length.number, unit)}"
        return Reading(total, f"That is {amount(total, unit)} in all ({said}).")
    if months is None or _length_months(count) is not None or not each:
        return None
    if unit in ("people", "organisations", "items"):
        return Reading(count.number)
    if unit != "weeks":
        return None
    weeks = _weeks_long(length, months)
    total = count.number * weeks
    said = f"{_plain(count.number)} × {amount(weeks, 'weeks')}"
    return Reading(total, f"That is {amount(total, 'weeks')} in all ({said}).")


def _rate(figures: list[_Figure], unit: str, contract_months: float | None) -> Reading | None:
    """So much a week, month or year, over a stated span or the whole contract."""
    rated = [(f, p) for f in figures if (p := _period(f.after))]
    if len(rated) != 1:
        return None
    figure, period = rated[0]
    noun = figure.after[:1]
    if (
        unit in _MEASURED
        and noun
        and not _in_unit(figure, unit)
        and noun[0] not in _FILLING | _TIME_SPENT | _RATE_WORDS
        and noun[0] not in _PERIODS
    ) or (unit == "hours" and noun and noun[0] in _PART_OF_A_DAY):
        return None  # "1 placement a term" says nothing of how many weeks; nor "a morning" hours
    if (
        unit in ("people", "organisations")
        and figure.after[:1]
        and figure.after[0] in _OTHER_MEASURES | _TIME_SPENT
    ):
        return None  # "4 survivors, 2 hours a week each", "2 days a month": not people
    span = next(
        (m for f in figures if f is not figure and _FOR.search(" ".join(f.before))
         and (m := _length_months(f))), None)  # fmt: skip
    lengths = [m for f in figures if f is not figure and (m := _length_months(f))]
    if span is None and len(lengths) == 1 and len(figures) == 2:
        span = lengths[0]  # "£2.5k/month, 3 yrs"
    months = span or contract_months
    if not months:
        return None
    times = months / MONTHS_IN[period]
    also = [
        f for f in figures if f is not figure and _in_unit(f, unit) and _length_months(f) is None
    ]
    also += [
        f
        for f in figures
        if unit == "hours" and f is not figure and f.after[:1] in (["hours"], ["hrs"])
    ]
    if unit in ("people", "organisations") and also and not _in_unit(figure, unit):
        return None  # "40 people... each gets a call once a week": still 40 people
    each = also[0].number if also and not _in_unit(figure, unit) else 1
    if figure.after[:1] and figure.after[0] in _OTHER_MEASURES and not _in_unit(figure, unit):
        figure = _Figure(1.0, figure.before, figure.after)  # "3 hours every wednesday": 1 session
    # "one a month in each of the three towns": so many places, each at that rate.
    per_head = "each" in figure.after[:6]  # "3 volunteers, 2 hours a week each"
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
    each *= places[0].number if places and _length_months(places[0]) is None else 1
    places_kept = (
        2
        if unit in ("gbp", "tonnes", "tonnes-co2e")
        else (1 if figure.number != int(figure.number) else 0)
    )
    total = round(figure.number * each * times, places_kept)
    per = (
        amount(figure.number * each, unit)
        if unit in ("gbp", "percent", "hours")
        else _plain(figure.number * each)
    )
    said = f"{per} a {_PERIOD_SAID.get(period, period)} for {_plain(round(months))} months"
    return Reading(total, f"That is {amount(total, unit)} in all ({said}).")


_PERIOD_SAID = {"termweek": "week in term time", "halfterm": "half term"}


def _said_plainly(said: str) -> str:
    """A rate's words with the reading's own spellings put back: "every half term"."""
    for spelling, words in _PERIOD_SAID.items():
        said = said.replace(spelling, words)
    return said


def _plain(number: float) -> str:
    return f"{number:,.0f}" if number == int(number) else f"{number:,.2f}"
