"""Figures in what people type, and what each one counts: "2 apprentices" (a count), "26 weeks"
(a length), "£500 a month" (a rate), "8 of the 11"; the words around each figure, the units
they name, and the total's shape (Reading). Used by quantities.py and rates.py."""

import re
from dataclasses import dataclass

from assistant.numbers import leading_number, tidy, words_of
from assistant.timescales import UNIT_SPELLINGS

MONTHS_IN = {"day": 12 / 365.25, "week": 12 / 52, "fortnight": 12 / 26, "month": 1.0}
MONTHS_IN |= {"quarter": 3.0, "term": 4.0, "year": 12.0, "summer": 12.0, "other month": 2.0}
MONTHS_IN |= {"halfterm": 2.0, "other week": 12 / 26, "termweek": 12 / 39}  # 39 school weeks


# The period a rate is said in: the lengths timescales know ("wk", "mnths"), and more.
PERIODS = UNIT_SPELLINGS | {
    "term": "term", "summer": "year", "sumer": "year", "annum": "year", "monday": "week",
    "tuesday": "week", "wednesday": "week", "thursday": "week", "friday": "week",
    "saturday": "week", "sunday": "week", "sat": "week", "weekend": "week", "night": "day",
    "evening": "day", "morning": "day", "halfterm": "halfterm", "other week": "other week",
    "termweek": "termweek",
}  # fmt: skip


UNIT_WORDS = {
    "weeks": {"week", "weeks", "wk", "wks"}, "hours": {"hour", "hours", "hrs", "hr"},
    "gbp": {"£", "pounds", "pound", "quid", "grand", "k"}, "percent": {"%", "percent", "per cent"},
    "tonnes-co2e": {"tonne", "tonnes", "tons", "ton", "t"},
    "tonnes": {"tonne", "tonnes", "tons", "ton", "t"},
    "sessions": {"session", "sessions", "visit", "visits", "workshop", "workshops", "class",
                 "classes", "talk", "talks", "lesson", "lessons", "clinic", "clinics"},
    "events": {"event", "events"},
    "people": {"people", "person", "persons"}, "items": {"items", "item"},
    "organisations": {"organisations", "organisation", "orgs", "firms", "businesses"},
}  # fmt: skip


# Units that count things: a lone count of anything is the count ("4 survivors").
COUNTED = {"people", "organisations", "items", "sessions", "events"}


# Words for people, not things: "monthly, for about 12 people" counts sessions for them.
PEOPLE = {
    "people", "residents", "families", "children", "kids", "pupils", "students", "adults",
    "staff", "volunteers", "young", "person", "men", "women", "girls", "boys", "lads",
    "participants", "older", "elderly", "members", "carers", "clients", "users",
}  # fmt: skip


# Units measured, not counted: a figure for them must not name something else.
MEASURED = {"weeks", "hours", "gbp", "percent", "tonnes", "tonnes-co2e"}


FILLING = {"in", "total", "altogether", "overall", "a", "per", "of"}


# What a figure may count that is not the unit asked for: "3 hours every wednesday", sessions.
OTHER_MEASURES = {"hours", "hour", "hrs", "hr", "mins", "minutes"}


PART_OF_A_DAY = {"morning", "mornings", "afternoon", "afternoons", "evening", "evenings"}


RATE_WORDS = {"each", "every", "per", "worth", "evry", "once", "x"}


PATTERN = {"day", "days", "hours", "hrs", "hour", "hr"}


TIME_SPENT = {"day", "days", "week", "weeks", "evening", "evenings", "morning", "mornings"}


RATE = re.compile(r"^(?:a|per|each|every|an|once a|evry)\s+(other month|[a-z]+)")


FOR_A_SPAN = re.compile(r"\b(?:for|over|across|during)(?:\s+the)?(?:\s+(?:next|whole|full))?$")


@dataclass(frozen=True)
class Reading:
    """A total in the unit asked for, and, when it was worked out, the line that confirms it."""

    total: float
    confirm: str | None = None


@dataclass(frozen=True)
class Figure:
    number: float
    before: list[str]
    after: list[str]


# Hours in a working day: a 35-hour week over 5 days (ONS average full-time hours, rounded
# down, as Measure Up uses; as of 2024).
HOURS_A_DAY = 7


_KIND_OF_DAY = r"(?: (?:volunteering|volunteer|working|work|staff|training|team))?"
DAYS = re.compile(
    rf"\b(\d+(?:\.\d+)?|one|two|three|four|five|six|half a){_KIND_OF_DAY} days?\b(?! a day)"
)
# "a day each per year": one day, where no figure of hours comes before it.
A_DAY = re.compile(rf"(^|\b(?:do|give|offer|of|each)\s|,\s)an?(?={_KIND_OF_DAY} days?\b)")
# How long their day is, when they say: "7 hours a day", "theyre 7.5 hr days", "a 6 hour day".
_DAY_SAID = re.compile(
    r",?\s*(?:(?:they'?re|they are|theyre|each|which are|of|at)\s+)?(?:an?\s+)?"
    r"(\d+(?:\.\d+)?)\s*(?:hours?|hrs?)\s*(?:a|per|each|/)?\s*(?:working\s+)?days?\b"
    r"|[,.]?\s*(?:our|the|their|my) (?:working )?days are (?:about )?(\d+(?:\.\d+)?)"
    r"\s*(?:hours?|hrs?)\b"
)


def hours_a_day(text: str) -> float:
    """The hours in their working day, if they say it, else HOURS_A_DAY."""
    found = _DAY_SAID.search(text)
    hours = float(found.group(1) or found.group(2)) if found else 0.0
    return hours if 3 <= hours <= 12 else HOURS_A_DAY


_SPELT_DAYS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "half a": 0.5}


_TERMS_ONLY = re.compile(
    r"\bnot (?:in|during) (?:the )?school hol(?:i|y)days?\b|\bin (?:the )?school terms?\b"
)


def readable(text: str, unit: str) -> str:
    """The text with what is not an amount set aside: "L3 apprentices", "starting in 2027";
    "18m" as months (where money is not asked), kilos as tonnes (where tonnes are) and days
    as hours (where hours are)."""
    cleaned = re.sub(r"\b(?:l|level|nvq)\s?\d\b", " ", tidy(text))
    cleaned = re.sub(r"\bco2e?\b", "carbon", cleaned)  # not a figure of 2
    cleaned = re.sub(r"\b(times?) in (?:a |the )?(week|month|year)\b", r"\1 a \2", cleaned)
    cleaned = _TERMS_ONLY.sub("in term time", cleaned)  # "not in school holidays"
    if re.search(r"\bterm[ -]?time\b", cleaned):  # "once a week in term time": 39 weeks a year
        cleaned = re.sub(r"\b(a|per|each|every|once a)\s+week\b", r"\1 termweek", cleaned)
        cleaned = re.sub(r"\bweekly\b", "every termweek", cleaned)
        cleaned = re.sub(r"\b(?:in|during|only in)?\s*term[ -]?time(?: only)?\b", " ", cleaned)
    # "4 students, a week each" (not "2 hours a week each", a rate)
    cleaned = re.sub(r"(?:^|(?<=, )|(?<=for ))a (year|month|week) each\b", r"1 \1 each", cleaned)
    if unit == "hours":
        cleaned = re.sub(r"(^|\b(?:do|give|offer) )an hour\b", r"\g<1>1 hour", cleaned)
        cleaned = re.sub(
            r"\b(\d+) half days?\b", lambda m: f"{int(m.group(1)) / 2:g} days", cleaned
        )
        day = hours_a_day(cleaned)
        cleaned = _DAY_SAID.sub(" ", cleaned)
        cleaned = A_DAY.sub(r"\g<1>1", cleaned)
        cleaned = DAYS.sub(
            lambda m: f"{float(_SPELT_DAYS.get(m.group(1)) or m.group(1)) * day:g} hours",
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


# A time unit after "each one": "2 apprentices, each one year" is a length, not "each".
_TIME_AFTER = r"(?!\s+(?:years?|months?|weeks?|days?|terms?)\b)"
# "half a tonne", "half an hour": a half of that unit.
_HALF_A = re.compile(r"\bhalf an? (tonne|ton|hour|day|week|month|year)\b")


def _starts_figure(words: list[str], i: int) -> tuple[float, int] | None:
    """The number starting at word i, unless the word only looks like one there: "a" or
    "half" alone, a quarter as a period ("£250 per quarter", "£500 a quarter", not "a quarter
    of our staff"), or "every single one" (not "each one year")."""
    found = leading_number(words[i:])
    before, after = words[i - 1 : i], words[i + 1 : i + 3]
    if found is None or (words[i] in ("a", "an", "half") and found[1] == 1):
        return None
    if words[i] == "quarter" and before and before[0] in RATE_WORDS | {"a", "per"}:
        return None
    if words[i] == "a" and after[:1] == ["quarter"] and after[1:] != ["of"] and i:
        return None
    if words[i] == "one" and before and before[0] in ("every", "single", "each"):
        return found if after and PERIODS.get(after[0]) else None
    return found


def figures_in(text: str) -> list[Figure]:
    text = re.sub(rf"\beach one\b{_TIME_AFTER}", "each", text)
    # "7 hours each a year" is a rate for each, not hours lasting a year
    text = re.sub(r"\b(hours?|hrs?) each (?:a|per) (year|month|week)\b", r"\1 a \2 each", text)
    text = _HALF_A.sub(r"0.5 \1", text)
    text = re.sub(
        r"\b(for|of|lasting|each|over)\s+(?:a|an)\s+(year|month|week)\b", r"\1 1 \2", text
    )
    words = words_of(text)
    figures: list[Figure] = []
    i = 0
    while i < len(words):
        found = _starts_figure(words, i)
        if found is None:
            i += 1
            continue
        end = i + found[1]
        following = next(
            (j for j in range(end, len(words)) if _starts_figure(words, j)), len(words)
        )
        figures.append(Figure(found[0], words[max(0, i - 3) : i], words[end:following]))
        i = end
    return figures


def plain_in_unit(text: str, unit: str) -> float | None:
    figures = [
        f
        for f in figures_in(text)
        if not in_other_unit(f, unit)
        and not (FOR_A_SPAN.search(" ".join(f.before)) and length_months(f))  # "over the 3 years"
    ]
    if len(figures) != 1 or period_of(figures[0].after):
        return None
    noun = figures[0].after[:1]
    if unit in MEASURED and noun and noun[0] not in UNIT_WORDS[unit] | FILLING:
        return None  # "3 tonnes diverted (that's approx 200 bikes)": bikes are not tonnes
    if unit in COUNTED and counts_time(figures[0]):
        return None  # "nine students, which is eighteen weeks altogether": not 18 students
    return figures[0].number


def counts_time(figure: Figure) -> bool:
    """Whether the figure is a time ("18 weeks", "40 hours"), not a count of things."""
    noun = figure.after[:1]
    return bool(noun) and bool(PERIODS.get(noun[0]) or noun[0] in OTHER_MEASURES)


def in_other_unit(figure: Figure, unit: str) -> bool:
    """A figure in £ where £ is not asked, or a percentage where one is not ("12 new hires
    (est. £310,000 in wages)")."""
    pounds = "£" in figure.before[-1:] or figure.after[:1] in (["pounds"], ["quid"])
    percent = figure.after[:1] in (["%"], ["percent"]) or figure.after[:2] == ["per", "cent"]
    return (pounds and unit != "gbp") or (percent and unit != "percent")


def period_of(after: list[str]) -> str | None:
    """The period of a rate ("a month", "per yr", "every other month"), if the words say one:
    "2 hours each, every month" is a month."""
    for skip in range(4):
        found = RATE.match(" ".join(after[skip : skip + 3]))
        period = found and (
            found.group(1) if found.group(1) == "other month" else PERIODS.get(found.group(1))
        )
        if period:
            return period
    return None


def length_each(after: list[str]) -> bool:
    """Whether the period said is how long each one lasts, not how often ("3 trainees, a year
    each"): "each" straight after it."""
    for skip in range(4):
        found = RATE.match(" ".join(after[skip : skip + 3]))
        if found and (found.group(1) == "other month" or PERIODS.get(found.group(1))):
            following = after[skip + len(found.group(0).split()) :][:1]
            return following in (["each"], ["apiece"])
    return False


def length_months(figure: Figure) -> float | None:
    """A length of time: "18 months", "26 weeks", "2 yrs", "18 munths"."""
    period = PERIODS.get(figure.after[0]) if figure.after else None
    if period is None or period_of(figure.after):
        return None
    return figure.number * MONTHS_IN[period]


def in_unit(figure: Figure, unit: str) -> bool:
    """Whether the figure is in the unit asked ("10 small organisations", "£5k")."""
    words = UNIT_WORDS.get(unit, {unit})
    named = figure.after[:1] if unit in MEASURED else figure.after[:3]
    return bool(set(named) & words) or (unit == "gbp" and "£" in figure.before[-1:])


PERIOD_SAID = {"termweek": "week in term time", "halfterm": "half term"}


def said_plainly(said: str) -> str:
    """A rate's words with the reading's own spellings put back: "every half term"."""
    for spelling, words in PERIOD_SAID.items():
        said = said.replace(spelling, words)
    return said


def plain(number: float) -> str:
    return f"{number:,.0f}" if number == int(number) else f"{number:,.2f}".rstrip("0")
