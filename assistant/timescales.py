"""Reading when something will happen, as people say it: a length of time ("6 mnths", "a year
and a half"), a point in the contract ("end of year one", "from day one", "each year") or a
date ("by summer 2027", "march 28", "31/03/2027")."""

import calendar
import re
from datetime import date

from assistant.numbers import leading_number, words_of
from assistant.spelling import spelt_right

DAYS_PER = {"day": 1, "week": 7, "fortnight": 14, "month": 30.4375, "quarter": 91.3125}
DAYS_PER |= {"year": 365.25}
UNIT_SPELLINGS = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "wk": "week", "wks": "week",
    "fortnight": "fortnight", "fortnights": "fortnight", "month": "month", "months": "month",
    "mth": "month", "mths": "month", "mnth": "month", "mnths": "month", "mo": "month",
    "mos": "month", "monhs": "month", "moths": "month", "montsh": "month", "quarter": "quarter",
    "quarters": "quarter", "year": "year", "years": "year", "yr": "year", "yrs": "year",
    "yeras": "year", "yaers": "year", "years'": "year", "munths": "month", "munth": "month",
    "mnts": "month", "monts": "month", "yeaers": "year", "weks": "week", "wkes": "week",
    "yeer": "year", "yeers": "year", "yera": "year", "yrs.": "year",
    "mounths": "month", "monthes": "month", "weekes": "week",
}  # fmt: skip
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# The month a season (or quarter) is over: "by summer" is by the end of August.
_SEASON_ENDS = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}
_SEASON_ENDS |= {"q1": 3, "q2": 6, "q3": 9, "q4": 12, "christmas": 12, "xmas": 12}
_SEASON_ENDS |= {"easter": 3, "spring term": 4, "summer term": 7, "autumn term": 12}
# Two times offered as alternatives: "2+1", "6 to 12 months", "two or three years".
TIME_RANGE = re.compile(
    r"\d\s*\+\s*\d|"
    r"\b(?:\d+|one|two|three|four|five|six|nine|twelve|eighteen)\s*(?:-|–|to|or)\s*"
    r"(?:\d+|two|three|four|five|six|nine|twelve|eighteen|twenty four)\s+[a-z]"
)

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
_ORDINALS |= {"4th": 4, "fifth": 5, "5th": 5, "one": 1, "two": 2, "three": 3, "four": 4}
_ORDINALS |= {"five": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
_EVERY = re.compile(
    r"\b(?:each|every|evry|per|once a|once every)\s+"
    r"(?:academic\s+|school\s+|financial\s+|contract\s+)?"
    r"(year|yr|month|mth|quarter|halfterm|term|week|summer|spring|autumn|winter|christmas"
    r"|easter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b"
    r"|\b(annually|annual|yearly|monthly|quarterly|termly|weekly)\b"
    r"|\b(?:every|evry)\s+(\d+|two|three|four|six|twelve|other)\s+(months?|weeks?)\b"
)
_EVERY_WORDS = {
    "annual": "year",
    "annually": "year",
    "yearly": "year",
    "monthly": "month",
    "quarterly": "quarter",
}
_EVERY_WORDS |= {"termly": "quarter", "weekly": "week"}
_EVERY_MONTHS = {1: "month", 3: "quarter", 12: "year"}
_WHOLE_CONTRACT = re.compile(
    r"\b(?:whole|full|entire)\s+(?:\w+\s+)?(?:years?|months?|yrs?|time|thing)\b|"
    r"\b(?:all the \w+ (?:months|years)|all the way (?:thru|through)|throughout|the whole way"
    r"|over (?:the )?job|spread (?:out )?(?:across|over|through)"
    r"|through (?:all|the whole|whole|the entire|the full|the) ?(?:the )?contract"
    r"|before (?:the )?(?:contract|job|framework) (?:is )?(?:end|ends|over|done|finish\w*)"
    r"|all (?:of )?the contract|by the time (?:we|it|they) (?:finish|end)"
    r"|end of (?:the )?(?:job|install|project|works?)|whole (?:job|project|thing|framework)"
    r"|(?:every|each|for every|for each) order|on this contract"
    r"|over the \w+ (?:months?|years?)|(?:for |over )?both years|all (?:the )?years"
    r"|end of the (?:job|install|project|"
    r"installation|works|work)|over the \w+ years?)\b|"
    r"(?:by|when we) (?:the )?hand ?over|(?:at|by) (?:practical )?completion|over the build|"
    r"\b(?:through|thru) (?:the )?contract\b|^all (?:of )?(?:the )?contract$|"
    r"\b(?:whole|over|throughout|during|length|life|lifetime|duration|end|full|entire|across)"
    r"\b.*\b(?:contract|framework"
    r"|(?<!spring )(?<!summer )(?<!autumn )(?<!first )(?<!second )(?<!third )(?<!school )term)\b"
    r"|^(?:throughout|ongoing throughout|for the duration)$"
    # "ongoing", "all time of contract", "all through the job", "before we hand over"
    r"|^(?:it'?s |its |it is )?(?:on ?going|continuous(?:ly)?|all the time|the whole time)$"
    r"|\ball (?:the )?time of (?:the )?contract\b|\ball (?:the way )?through (?:the )?job\b"
    r"|\b(?:before|by the time) (?:we|they) hand (?:it |the \w+ )?over\b|\bat hand ?over\b"
    r"|\b(?:while|whilst) (?:we'?re|we are|we'?m) on site\b"
    r"|\bduring the (?:build|works|job|install)\b"
    r"|\bover the course of the (?:commission|contract|job|project|works)\b"
    r"|\bschool terms? (?:thru|through|all through|across) the year\b"
)
_YEAR_OF_CONTRACT = re.compile(
    r"\b(?:year|yr|y)\s*(one|two|three|four|five|[1-5])\b"
    r"|\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|one)\s+(?:year|yr)\b"
    r"|\bend of (?:the )?year (to|too)$"  # "buy the end of year to", said to a phone
)
_FROM_START = re.compile(
    r"\b(?:day (?:one|1)|from the (?:start|beginning|off|outset|get go)|straight ?away"
    r"|immediately|right away|from (?:week|month) (?:one|1)"
    r"|as soon as (?:the contract|we start|it starts)"
    r"|(?:the )?start of (?:the )?(?:contract|job|works|project)|at the (?:start|beginning)"
    r"|from (?:the )?start|from (?:the )?(?:very )?beginning|from the word go|already"
    r"|from when we start|straight off|from the (?:very )?(?:start|beginning)"
    r"|(?:from|at) (?:the )?(?:contract )?(?:go live|golive|launch|mobilisation|mobilization)"
    r"|day (?:one|1) of"
    r"|(?:from )?(?:contract )?commencement|from (?:the )?contract start"
    r"|from (?:the )?(?:very )?first (?!year|yr)[a-z]+"
    r"|when (?:the )?contract starts?"
    r"|from the first (?:week|month|day)"
    r"|from launch|from the first day|first day|right now|now"
    r"|(?:as )?soon as (?:we'?m|we'?re|we are|we get) on site|once (?:we'?re |we are )?on site"
    r"|(?:start|starting|from) (?:in )?(?:month|week) (?:1|one))\b"
)
_MONTHS_OF_YEAR = re.compile(
    r"\b(?:in|within) the first (\w+) months? of (?:the )?(?:year|yr) (\w+)\b"
)
_STARTS_LATER = re.compile(
    r"\b(?:start(?:s|ing)?|begin(?:s|ning)?|from) (?:in )?(?:the )?(?:year|yr) (?:two|three|four"
    r"|five|[2-5])\b|\b(?:start(?:s|ing)?|begin(?:s|ning)?|from) (?:in )?(?:the )?(?:second"
    r"|third|fourth|fifth) year\b"
)
_STARTING = re.compile(r"\b(?:start|starting|starts|from|begin|beginning)\b")
_POINT_IN_CONTRACT = re.compile(r"\b(month|week)\s+(\d+)\b")
# The months in full, to write one as a name ("by March").
MONTH_NAMES = frozenset(name for name in _MONTHS if len(name) > 3)


_FINANCIAL_YEAR = re.compile(
    r"\b(?:the )?end of (?:this|the current|the|our) (?:financial|fiscal|council'?s?) year\b"
)


def read(text: str, today: date) -> tuple[str | None, float | None] | None:
    """(how it reads, or None to keep what was typed; months from today, or None for the whole
    contract), or None when the text says no time."""
    text = _spelt_right(text)
    # "by the end of this financial year": 31 March.
    year_end = today.year if today.month <= 3 else today.year + 1
    text = _FINANCIAL_YEAR.sub(f"end of march {year_end}", text)
    for reading in (_quarter, _recurring):
        if (found := reading(text)) is not None:
            return found
    if _STARTS_LATER.search(text):
        return None  # "starting in year 2" says when it starts, not by when: asked again
    if (found := _in_a_year_of_the_contract(text)) is not None:
        return found
    if _WHOLE_CONTRACT.search(text):
        return "over the whole contract", None
    if (months := duration(text)) is not None:
        return None, months
    if points := _POINT_IN_CONTRACT.findall(text):  # "from month 3 to month 12": by month 12
        return _at_a_point(text, *points[-1])
    if _FROM_START.search(text):
        return "from the start of the contract", 1.0
    if (until := _months_until(text, today)) is not None:
        return None, round(until, 1)
    return None


# The words a timescale is read by; one slip in a longer one is put right first ("yaer",
# "contarct", "begining"), as the knowledge base puts right its own words.
_TIME_VOCABULARY = (
    "year", "years", "month", "months", "week", "weeks", "contract", "start", "beginning",
    "whole", "first", "second", "third", "through", "throughout", "every", "quarter",
    "annually", "monthly", "weekly", "yearly", "within", "before", "until", "january",
    "february", "september", "october", "november", "december", "christmas", "while",
)  # fmt: skip


# Slips that change the first letter: "the hole job".
_SOUNDS_LIKE = {"hole": "whole"}


def _spelt_right(text: str) -> str:
    """The text with a word one slip from a timescale word put right (first letter kept)."""
    said = re.sub(r"[a-z]+", lambda m: _SOUNDS_LIKE.get(m.group(0), m.group(0)), text.lower())
    return spelt_right(said, _TIME_VOCABULARY)


def _in_a_year_of_the_contract(text: str) -> tuple[str | None, float] | None:
    """ "From year 1" (the start), "within the first 3 months of year 2" (15), "by the end of
    year one" (12), "in the contract year" (12)."""
    if re.search(
        r"\bfrom (?:the )?(?:year|yr) (?:one|1)\b|\bfrom (?:the )?first (?:year|yr)\b", text
    ):
        return "from the start of the contract", 1.0
    if within := _MONTHS_OF_YEAR.search(text):
        months, year = leading_number([within.group(1)]), _ORDINALS.get(within.group(2))
        if months and year:
            return None, 12.0 * (year - 1) + months[0]
    if year := _YEAR_OF_CONTRACT.search(text):
        number = _ORDINALS.get(year.group(1) or year.group(2), 2)
        return f"by the end of year {number} of the contract", 12.0 * number
    if re.search(r"\b(?:in|within|during) (?:the )?(?:first )?contract(?:'?s)? year\b", text):
        return "by the end of year 1 of the contract", 12.0  # "in the contract year"
    return None


def _at_a_point(text: str, unit: str, number: str) -> tuple[str | None, float]:
    """ "By month 6": 6 months; "start month 1": from the start."""
    if int(number) == 1 and _STARTING.search(text):
        return "from the start of the contract", 1.0
    return None, _months(int(number), unit)


def _quarter(text: str) -> tuple[str | None, float | None] | None:
    """ "Within the first quarter" (3 months), "by end Q3 yr1" (9), "3 a year" (every year)."""
    if ordinal := re.search(r"\b(first|1st|second|2nd|third|3rd|fourth|4th) quarter\b", text):
        return None, 3.0 * _ORDINALS[ordinal.group(1)]
    if rate := re.search(r"\b\d+\s+(?:a|per)\s+(year|month|week|quarter)\b", text):
        return f"every {rate.group(1)}", _months(1, rate.group(1))
    if quarter := re.search(r"\bq([1-4])\s*(?:of\s*)?(?:yr|year)\s*([1-5])\b", text):
        return None, (int(quarter.group(2)) - 1) * 12 + int(quarter.group(1)) * 3.0
    return None


# What "every <word>" comes round each: "every summer" is every year, "every wednesday" a week.
_PERIOD_OF = {"term": "quarter", "yr": "year", "mth": "month", "halfterm": "half term"}
_PERIOD_OF |= dict.fromkeys(("summer", "spring", "autumn", "winter", "christmas", "easter"), "year")
_PERIOD_OF |= dict.fromkeys(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"), "week"
)


def _recurring(text: str) -> tuple[str, float | None] | None:
    """Something done again and again: "each year", "quarterly", "every other month"; "every
    year of the contract" is every year, throughout it (no one date)."""
    found = _EVERY.search(text)
    if not found:
        return None
    throughout = bool(re.search(r"\b(?:contract|term|halfterm)\b|\bfor the\b", text))
    if throughout and found.group(3):
        return "over the whole contract", None
    if found.group(3):
        other = (2.0, 1) if found.group(3) == "other" else None
        number = leading_number([found.group(3)]) or other
        count = number[0] if number else 1
        months = _months(count, found.group(4).rstrip("s"))
        period = _EVERY_MONTHS.get(round(months))
        said = f"every {period}" if period else f"every {found.group(3)} {found.group(4)}"
        return said, months
    period = found.group(1) or _EVERY_WORDS.get(found.group(2), "year")
    period = _PERIOD_OF.get(period, period)
    return f"every {period}", None if throughout else _months(1, period)


def _months(number: float, unit: str) -> float:
    return round(number * DAYS_PER[unit] / DAYS_PER["month"], 1)


def duration(text: str) -> float | None:
    """A length of time: "6 months", "six mnths", "a year and a half", "18 months", "1.5 yrs"."""
    words = [UNIT_SPELLINGS.get(word, word) for word in words_of(text)]
    for i, word in enumerate(words):
        if word not in DAYS_PER:
            continue
        before = words[max(0, i - 6) : i]
        number = _number_ending_at(before)
        after = words[i + 1 : i + 4]
        if number is None and before[-2:] == ["half", "a"]:
            number = 0.5
        elif number is None and before[-2:] == ["couple", "of"]:
            number = 2.0
        elif number is None and before[-1:] in (["a"], ["an"], ["one"]):
            number = 1.0
        if number is None:
            continue
        if after[:3] == ["and", "a", "half"]:
            number += 0.5
        return _months(number, word)
    return None


def lengths_in(text: str) -> int:
    """How many lengths of time the text gives ("4 years but our contract is 3 years": 2)."""
    words = [UNIT_SPELLINGS.get(word, word) for word in words_of(text)]
    return sum(
        1
        for i, word in enumerate(words)
        if word in DAYS_PER and _number_ending_at(words[max(0, i - 6) : i]) is not None
    )


def _number_ending_at(words: list[str]) -> float | None:
    """The number the words end with ("within the first 6" -> 6, "two and a half" -> 2.5)."""
    for start in range(len(words)):
        found = leading_number(words[start:])
        if found and found[1] == len(words) - start:
            return found[0]
    return None


def _months_until(text: str, today: date) -> float | None:
    """Months to a date or season named; after "by", the one after it ("one in summer and one
    at Christmas, so all done by Christmas next year")."""
    by = re.search(r"\b(?:by|until|before)\s+(.*)$", text)
    if by and by.start() > 0:
        tail = by.group(0)
        if (until := _months_until(tail, today)) is not None:
            return until
    return _months_to(text, today)


def _months_to(text: str, today: date) -> float | None:
    for written in (_month_and_short_year, _numeric_date, _this_or_next_year_end):
        if (months := written(text, today)) is not None:
            return months
    return _named_month_or_season(text, today)


def _numeric_date(text: str, today: date) -> float | None:
    """ "31/03/2027", "31.3.27"."""
    numeric = re.search(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b", text)
    if not numeric:
        return None
    day, month, year = (int(part) for part in numeric.groups())
    target = _safe_date(year + 2000 if year < 100 else year, month, day)
    return None if target is None else (target - today).days / DAYS_PER["month"]


def _named_month_or_season(text: str, today: date) -> float | None:
    """ "By March 2027", "by summer", "march 28", "by Christmas next year"."""
    words = words_of(text)
    year = _year_in(words, today)
    month = next((_MONTHS[w] for w in words if w in _MONTHS and w != "may"), None)
    if month is None and re.search(r"\b(?:by|in|until|before|end of|of|from)\s+may\b", text):
        month = 5
    season = next((w for w in words if w in _SEASON_ENDS), None)
    if term := re.search(r"\b(spring|summer|autumn) term\b", text):
        season = f"{term.group(1)} term"
    if quarter := re.search(r"\bq\s?([1-4])\b", text):  # "from Q2 2027": words split "q2"
        season = f"q{quarter.group(1)}"
    end_month = month or (_SEASON_ENDS[season] if season else None)
    if end_month is None:
        if year is None or not re.search(r"\b(?:by|end of|in|until|before|during)\b", text):
            return None
        end_month = 12
    winter = season == "winter" and month is None
    if year is None:
        alone = len(words) == 1  # "summer", "christmas": the next one
        if not alone and not re.search(
            r"\b(?:by|in|until|before|end of|next|this|during|from|starting|startin|start)\b", text
        ):
            return None
        year = today.year + (1 if "next" in words else 0)
        if date(year, end_month, 1) < date(today.year, today.month, 1):
            year += 1
    elif winter:
        year += 1  # winter 2027 ends in February 2028
    last_day = calendar.monthrange(year, end_month)[1] if 1 <= year <= 9999 else 1
    day = 25 if season in ("christmas", "xmas") and month is None else last_day
    target = _safe_date(year, end_month, day)
    return None if target is None else (target - today).days / DAYS_PER["month"]


def _month_and_short_year(text: str, today: date) -> float | None:
    """ "By 04/27": months to the end of April 2027."""
    short = re.search(r"\b(\d{1,2})/(\d{2})\b(?![/.-]\d)", text)
    if not short or not 1 <= int(short.group(1)) <= 12:
        return None
    month, year = int(short.group(1)), 2000 + int(short.group(2))
    end = date(year, month, calendar.monthrange(year, month)[1])
    return (end - today).days / DAYS_PER["month"]


def _this_or_next_year_end(text: str, today: date) -> float | None:
    """ "By the end of next year", "end of this year": months to that 31 December."""
    found = re.search(r"\bend of (this|next) (?:year|yr)\b", text)
    if not found:
        return None
    year = today.year + (1 if found.group(1) == "next" else 0)
    return (date(year, 12, 31) - today).days / DAYS_PER["month"]


def _year_in(words: list[str], today: date) -> int | None:
    """A year named: "2027", or "28" after a month or season ("march 28", "summer 27")."""
    for i, word in enumerate(words):
        if word.isdigit() and len(word) == 4:
            return int(word)
        named = i and (words[i - 1] in _MONTHS or words[i - 1] in _SEASON_ENDS)
        if word.isdigit() and len(word) == 2 and named and int(word) >= today.year % 100:
            return 2000 + int(word)
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
