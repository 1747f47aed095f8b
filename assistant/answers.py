"""Reading a typed answer as a value of the step's answer type, or saying what is wrong."""

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process

YES = {"yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "definitely", "of course", "i can"}
NO = {"no", "n", "nope", "nah", "not really", "not now", "no thanks", "none", "not for this one"}
# An answer that starts with one of these is a yes or a no: "yeah we could", "nah, skip it".
_YES_WORDS = {"yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "definitely"}
_NO_WORDS = {"no", "n", "nope", "nah"}
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "grand": 1e3, "m": 1e6, "mil": 1e6, "million": 1e6}
# A number, a multiplier ("40k", "75 grand") and what is counted ("9 staff", "4 sessions").
_COUNTED = re.compile(
    r"^(-?\d[\d,]*(?:\.\d+)?)\s*(k|m|mil|thousand|million|grand)?(?:\s+([a-z][a-z' -]*))?$"
)
# Words people put before a number they are not sure of, or a limit: "about 40", "up to 12".
_HEDGE = re.compile(
    r"^(?:about|around|roughly|approximately|approx\.?|circa|nearly|almost|maybe|probably|"
    r"just under|just over|over|under|fewer than|less than|more than|below|above|up to|"
    r"at least|est\.?|~)\s*"
)
_PERCENT = re.compile(r"\s*(?:%|per ?cent|pc)$")
_AMOUNT_PHRASES = {
    "a couple": 2, "a dozen": 12, "dozen": 12, "a hundred": 100, "a thousand": 1e3,
    "half a million": 5e5, "a million": 1e6,
}  # fmt: skip
_TIME_WORDS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "yr", "yrs"}
_MONEY_WORDS = {"pounds", "pound", "quid", "gbp"}
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})?$")
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(day|week|month|year|yr|mth)s?\b")
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
)
_WORD_NUMBERS = {word: number for number, word in enumerate(_NUMBER_WORDS.split(), start=1)}
_WORD_NUMBERS |= {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_WORD_NUMBERS |= {"eighty": 80, "ninety": 90, "hundred": 100}
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
_DAYS_PER = {"day": 1, "week": 7, "month": 30.4375, "mth": 30.4375, "year": 365.25, "yr": 365.25}
_WHOLE_CONTRACT = re.compile(r"\b(whole|over|throughout|during|length|life|end)\b.*\bcontract\b")


@dataclass(frozen=True)
class Parsed:
    """A value read from an answer, or the problem (a key of the step's messages)."""

    value: object = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        """True when the answer could be read."""
        return self.problem is None


def _clean(text: str) -> str:
    return " ".join(text.strip().split())


def parse_text(text: str, max_length: int, min_length: int = 1) -> Parsed:
    """Free text, trimmed, within its length limits."""
    cleaned = _clean(text)
    if len(cleaned) < min_length:
        return Parsed(problem="required" if not cleaned else "too_short")
    if len(cleaned) > max_length:
        return Parsed(problem="too_long")
    return Parsed(cleaned)


def parse_yes_no(text: str) -> Parsed:
    """Yes or no, however it is typed."""
    cleaned = re.sub(r"[^a-z ]", "", _clean(text).lower()).strip()
    if not cleaned:
        return Parsed(problem="required")
    first = cleaned.split()[0]
    if cleaned in YES or first in _YES_WORDS:
        return Parsed(True)
    if cleaned in NO or first in _NO_WORDS:
        return Parsed(False)
    return Parsed(problem="invalid")


def parse_choice(text: str, options: list[tuple[str, str]]) -> Parsed:
    """One of the (value, label) options, by value, number, label or a close spelling."""
    cleaned = _clean(text).lower()
    if not cleaned:
        return Parsed(problem="required")
    for value, label in options:
        if cleaned in (value.lower(), label.lower()):
            return Parsed(value)
    if re.fullmatch(r"[0-9]{1,3}", cleaned) and 1 <= int(cleaned) <= len(options):
        return Parsed(options[int(cleaned) - 1][0])
    labels = [label.lower() for _, label in options]
    match = process.extractOne(cleaned, labels, scorer=fuzz.WRatio, score_cutoff=86)
    if match and len(cleaned) >= 3:
        return Parsed(options[match[2]][0])
    return _band(cleaned, options)


def _in_band(number: float, label: str) -> bool:
    """Whether a number falls in a band worded like "Fewer than 10", "10 to 49", "250 or more"."""
    label = label.lower().replace(",", "")
    if found := re.search(r"(?:fewer|less) than (\d+)", label):
        return number < int(found.group(1))
    if found := re.search(r"(\d+) to (\d+)", label):
        return int(found.group(1)) <= number <= int(found.group(2))
    if found := re.search(r"(\d+) or more", label):
        return number >= int(found.group(1))
    return False


def _band(cleaned: str, options: list[tuple[str, str]]) -> Parsed:
    """A count ("9 staff", "around 30 people", "twelve of us") picks the one band it falls in."""
    number = _number(cleaned)
    if number is not None and re.match(r"(?:under|fewer than|less than|below)\b", cleaned):
        number -= 1  # people are counted whole: "under 10" is at most 9
    elif number is not None and re.match(r"(?:over|more than|above)\b", cleaned):
        number += 1
    fits = [value for value, label in options if number is not None and _in_band(number, label)]
    return Parsed(fits[0]) if len(fits) == 1 else Parsed(problem="invalid")


def _counted(tail: str | None, money: bool, unit_words: frozenset[str]) -> bool:
    """Whether the words after a number say what it counts, in a way this answer allows: money
    only in pounds; a count never in days, weeks or years unless that is the unit asked for."""
    if not tail:
        return True
    words = set(tail.replace("-", " ").split())
    if money:
        return words <= _MONEY_WORDS
    return not (words & _TIME_WORDS) or words <= unit_words | {"of", "a", "the"}


def _number(
    text: str, money: bool = False, unit_words: frozenset[str] = frozenset()
) -> float | None:
    cleaned = _HEDGE.sub("", _PERCENT.sub("", _clean(text).lower().replace("£", "")))
    if cleaned in _AMOUNT_PHRASES:
        return float(_AMOUNT_PHRASES[cleaned])
    first, _, rest = cleaned.partition(" ")
    if first in _WORD_NUMBERS and _counted(rest or None, money, unit_words):
        return float(_WORD_NUMBERS[first])
    match = _COUNTED.match(cleaned)
    if not match or not _counted(match.group(3), money, unit_words):
        return None
    try:
        value = float(match.group(1).replace(",", ""))
    except ValueError:
        return None
    return value * _MULTIPLIERS.get(match.group(2) or "", 1)


def parse_number(
    text: str,
    minimum: float,
    maximum: float,
    whole: bool = True,
    money: bool = False,
    unit_words: frozenset[str] = frozenset(),
) -> Parsed:
    """A number (or an amount of money) within limits, as people type it: "12", "1,500",
    "£40k", "roughly 75 grand", "about 40", "9 staff", "twelve", "90%". `unit_words` are the
    words of the unit asked for ("weeks"), allowed after the number even when they are time."""
    if not _clean(text):
        return Parsed(problem="required")
    value = _number(text, money, unit_words)
    if value is None:
        return Parsed(problem="invalid")
    if not math.isfinite(value):
        return Parsed(problem="too_big" if value > 0 else "too_small")
    if whole and not money and value != int(value):
        return Parsed(problem="whole_number")
    if value < minimum:
        return Parsed(problem="too_small")
    if value > maximum:
        return Parsed(problem="too_big")
    return Parsed(round(value, 2) if money else (int(value) if whole else value))


def parse_postcode(text: str) -> Parsed:
    """A UK postcode or postcode district, normalised to capitals with one space."""
    cleaned = _clean(text).upper()
    if not cleaned:
        return Parsed(problem="required")
    match = _POSTCODE.match(cleaned.replace(" ", "")[:-3] + " " + cleaned.replace(" ", "")[-3:])
    match = match if match and match.group(2) else _POSTCODE.match(cleaned)
    if not match:
        return Parsed(problem="invalid")
    return Parsed(" ".join(part for part in match.groups() if part))


def parse_timescale(text: str, today: date, max_months: int = 240) -> Parsed:
    """A duration ("6 months", "two years") or a date ("March 2027", "31/03/2027").

    The value is {"text": what they typed, "months": months from today}, so both a plain-English
    timescale and a comparable number are kept.
    """
    cleaned = _clean(text).lower()
    if not cleaned:
        return Parsed(problem="required")
    if _WHOLE_CONTRACT.search(cleaned):
        return Parsed({"text": "over the whole contract", "months": None})
    months = _duration_months(cleaned)
    if months is None:
        months = _months_until(cleaned, today)
    if months is None:
        return Parsed(problem="invalid")
    if months <= 0:
        return Parsed(problem="in_the_past")
    if months > max_months:
        return Parsed(problem="too_far")
    return Parsed({"text": _clean(text), "months": round(months, 1)})


def _duration_months(text: str) -> float | None:
    for word, number in _WORD_NUMBERS.items():
        text = re.sub(rf"\b{word}\b", str(number), text)
    text = re.sub(r"\ba\s+(year|month|week)\b", r"1 \1", text)
    match = _DURATION.search(text)
    if not match:
        return None
    return float(match.group(1)) * _DAYS_PER[match.group(2)] / _DAYS_PER["month"]


def _months_until(text: str, today: date) -> float | None:
    numeric = re.fullmatch(r"(?:by\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})", text)
    if numeric:
        day, month, year = (int(part) for part in numeric.groups())
        target = _safe_date(year + 2000 if year < 100 else year, month, day)
    else:
        words = re.findall(r"[a-z]+|\d+", text)
        month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
        year = next((int(w) for w in words if w.isdigit() and len(w) == 4), None)
        if month is None or year is None:
            return None
        # "By March 2027" means by the end of March.
        target = _safe_date(
            year, month, calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 1
        )
    if target is None:
        return None
    return (target - today).days / _DAYS_PER["month"]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
