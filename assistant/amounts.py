"""Reading amounts, times and the rest of the answer types: numbers and money as people type
them ("£8.5k", "about 40", "three quarters"), timescales, postcodes, free text, and the parts
of an answer to read when the whole does not make sense (the contract's length: durations.py)."""

import math
import re
from datetime import date

from assistant import timescales
from assistant.numbers import ONES, TENS, read_number, strip_hedges, tidy
from assistant.parsed import Parsed, clean
from assistant.yes_no import asks

TIME_WORDS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "yr", "yrs"}
TIME_WORDS |= {"wk", "wks", "mth", "mths", "mnth", "mnths", "fortnight", "fortnights"}
_MONEY_WORDS = {"pounds", "pound", "quid", "gbp", "£", "sterling", "total", "in", "all"}
# Units that are measured, not counted: the word after the number must be the unit's own.
_MEASURED_IN = {
    "weeks": {"week", "weeks", "wk", "wks"},
    "hours": {"hour", "hours", "hrs", "hr", "h"},
    "tonnes": {"tonne", "tonnes", "tons", "ton", "t"},
    "tonnes-co2e": {"tonne", "tonnes", "tons", "ton", "t", "co2e", "co2"},
}
# Where money goes, after its amount: "250 grand with Sandwell firms".
_SPENT_WITH = {"with", "on", "to", "into", "spent", "going", "towards", "through"}
_PERCENT_WORDS = {"%", "percent", "pc", "per", "cent", "percentage"}
_FILLERS = {
    "i", "think", "reckon", "believe", "guess", "tcv", "value", "contract", "hopefully", "ex",
    "vat", "inc", "incl", "including", "excluding", "exc", "excl", "plus", "net", "gross", "is",
    "its", "approximately", "term", "full", "overall", "budget",
    "in", "total", "or", "so", "ish", "max", "tops", "altogether", "all", "roughly",
    "approx", "about", "over", "the", "whole", "across", "a",
    "of", "them", "it", "at", "most", "least", "minimum", "maximum", "give", "take",
}  # fmt: skip
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})?$")
_OVER_THE_CONTRACT = re.compile(
    r"\s+(?:over|across|for|during|in)\s+(?:the\s+)?(?:whole\s+|full\s+|entire\s+)?"
    r"(?:(?!each\b|every\b|a\b|per\b)\w+\s+)?"
    r"(?:years?|yrs?|months?|term|contract|job|project|life of the contract)\b.*$"
    r"|\s+(?:for|over)\s+(?:the\s+)?(?:whole|full|entire|total|all)\b.*$"
)
_RANGE = re.compile(r"\d\s*(?:-|–|to|or)\s*\d")
RATE_SAID = re.compile(
    r"\bper (?!cent\b)\w+|"
    r"\b(?:a|per|each|every|evry)\s+(?:other\s+)?(?:week|wk|month|mth|year|yr|quarter|"
    r"fortnight|term|halfterm|summer|sumer|annum|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|sat|weekend)\b"
)
# A share in words, for a percentage: "three quarters", "every one of them".
_SHARES = {
    "half": 50, "a half": 50, "quarter": 25, "a quarter": 25, "three quarters": 75,
    "third": 33, "a third": 33, "one third": 33, "two thirds": 67, "a tenth": 10,
    "one quarter": 25, "one half": 50, "three quarter": 75,
}  # fmt: skip
_ALL = re.compile(
    r"^(?:all of it|all of them|all|every|each|the lot|the whole lot)\b"
    r"|\b(?:everyone|everybody|all of (?:them|us|our|"
    r"the)|every (?:single )?one|every (?:single )?(?:member|worker|employee|person)"
    r"|all (?:of )?(?:our|the) (?:staff|team|workers|employees|people))\b"
)
_NONE = re.compile(r"^(?:none|no one|noone|nobody|zero|nil|not any)\b")


# A person correcting themselves: "12 - no sorry, 18 months", "£18,000 - no wait, £36,000".
_CORRECTION = re.compile(
    r"(?:\b(?:no sorry|sorry|no wait|wait|actually|i mean|correction|scratch that|make that|"
    r"or rather|no no|hang on|hold on|make it)\b|\s[-–—]\s*no\b|,\s*no\s*,|,\s*no\s+(?=£?\d)"
    r"|\b(?:say|call it)\b(?=\s*(?:at least |about |around )?(?:£?\d|(?:one|two|three)\b)))"
    r"[\s,:—–-]*",
)


def corrected(text: str) -> bool:
    """Whether the person corrects themselves: "11 - no, 8", "a CIC - sorry, a CIO"."""
    return bool(_CORRECTION.search(text.lower()))


_CLAUSE_BREAK = re.compile(
    r"(?:\.(?!\d)|[!;\n])+|\?|,(?!\d{3})|\(|\)| [-–—] | but | so |\bthen\b|\b(?:because|as) we\b"
)


_NUMBER_WORD = (
    r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen"
    r"|twenty|thirty|forty|fifty|sixty"
)


def _with_number_changed(said: str, correction: str) -> str:
    """What was said with its number corrected: "within nine months of starting" and
    "twelve, it's the first season" is "within twelve months of starting"."""
    period = _PERIOD_ONLY.match(correction)  # "£500 a quarter no sorry a month"
    if period and (said_period := list(_PERIOD_SAID.finditer(said))):
        last = said_period[-1]
        return said[: last.start()] + period.group(0).strip() + said[last.end() :]
    new = re.match(rf"\s*£?\s*({_NUMBER_WORD})\b(?=\s*(?:[,.;]|$))", correction, re.I)
    old = list(re.finditer(rf"\b({_NUMBER_WORD})\b", said, re.I))
    if not new or not old:
        return correction
    # The figure it corrects is the one nearest it in size: "3 apprentices 12 months each..
    # actually make it 4" corrects the 3; "within nine months - twelve" the nine.
    value = _figure(new.group(1))
    last = min(old[::-1], key=lambda found: abs(math.log(max(_figure(found.group(1)), 0.1)
               / max(value, 0.1))))  # fmt: skip
    return said[: last.start()] + new.group(1) + said[last.end() :]


_PERIOD_SAID = re.compile(r"\b(?:a|per|every|each)\s+(?:week|month|year|quarter|term|fortnight)\b")
_PERIOD_ONLY = re.compile(
    r"^\s*(?:a|per|every|each)\s+(?:week|month|year|quarter|term|fortnight)\s*[.!]*\s*$"
)


def _figure(said: str) -> float:
    """A figure as typed ("12", "1,500", "twelve"), or 0."""
    found = read_number(said.replace(",", ""))
    return found[0] if found else 0.0


# A clause about where things stand, not what is promised: "we're at 18% now", "last year".
_NOT_THE_PROMISE = re.compile(
    r"\b(?:now|currently|at the moment|at present|last year|this year|so far|already|we did|"
    r"we'?re at|we are at|was|were|of (?:them|those|whom))\b",
    re.I,
)


def answer_parts(text: str) -> list[str]:
    """The parts of an answer a person reads when the whole does not make sense: what follows
    a correction (and the answer with the correction made), what is left without questions,
    then each clause, the last first."""
    parts: list[str] = []
    statements = re.sub(r"[^.!?]*\?", " ", text).strip()
    if statements != text.strip():
        if not re.search(r"[a-z0-9£]", statements.lower()):
            return []  # only questions: nothing of it is an answer
        parts.append(statements)
        text = statements  # "Per year or total? Total is £54,000.": read what is not asked
    aside = re.sub(r"\([^)]*\)", " ", text).strip()  # "2 (one in Ipswich, one in Lowestoft)"
    if aside != text.strip() and re.search(r"[a-z0-9£]", aside.lower()):
        parts.append(aside)
    corrected = list(_CORRECTION.finditer(text))
    if corrected:
        after = text[corrected[-1].end() :]
        said = text[: corrected[0].start()].rstrip(" -–—,")
        before = re.sub(r"[\d.,]+\s*[-–—,]*\s*$", "", said)
        changed = _with_number_changed(said, after)  # "60 tonnes a year - no, 45": 45 a year
        parts += (
            [changed, after, f"{before} {after}"]
            if changed != after
            else [after, f"{before} {after}"]
        )
    clauses = [c.strip() for c in _CLAUSE_BREAK.split(text) if c and c.strip()]
    if len(clauses) > 1:  # the last first; what is so now or was so before, after the rest
        parts += sorted(clauses[::-1], key=lambda clause: bool(_NOT_THE_PROMISE.search(clause)))
    return [part for part in dict.fromkeys(parts) if re.search(r"[a-z0-9£]", part.lower())][:12]


def parse_text(text: str, max_length: int, min_length: int = 1) -> Parsed:
    """Free text, trimmed, within its length limits."""
    cleaned = clean(text)
    if len(cleaned) < min_length:
        return Parsed(problem="required" if not cleaned else "too_short")
    if len(cleaned) > max_length:
        return Parsed(problem="too_long")
    return Parsed(cleaned)


def _fits_unit(rest: list[str], unit: str | None, unit_words: frozenset[str]) -> bool:
    """Whether the words after a number say what it counts in a way this answer allows: money
    only in pounds, a percentage only as one, a count never in time, pounds or per cent unless
    that is the unit asked for."""
    words = [word for word in rest if word not in _FILLERS]
    if unit == "gbp":
        if rest[:1] == ["£"] or "£" in rest[:1] or words[:1] and words[0] in _SPENT_WITH:
            return not (set(words) & TIME_WORDS)  # "£30k of it would go to local firms"
        return set(words) <= _MONEY_WORDS
    if unit == "percent":
        return not words or words[0] in _PERCENT_WORDS or words[0] in unit_words
    kinds = set(words)
    if kinds & {"£", "pounds", "pound", "quid"} or kinds & _PERCENT_WORDS - {"per"}:
        return False
    if unit in _MEASURED_IN:  # "3 firms" is not 3 weeks; "300 volunteer hours" is 300 hours
        return not words or bool(set(words[:2]) & (_MEASURED_IN[unit] | unit_words))
    if kinds & TIME_WORDS:
        return bool(kinds & unit_words)
    return True


def _share(cleaned: str) -> float | None:
    """A percentage said as a share: "three quarters", "roughly half", "1 in 5", "everyone",
    "none yet"."""
    if (but := _all_but(strip_hedges(cleaned))) is not None:
        return but
    if re.search(r"\b(?:not|nearly|almost|except|but)\b", cleaned) and re.search(
        r"\b(?:all|every|everyone|everybody)\b", cleaned
    ):
        return None  # "nearly all", "not all of them", "all except 2": not 100%
    plain = strip_hedges(cleaned)
    share = re.sub(r"\s*\bof (?:them|our staff|the staff|staff|us|the team|our team)\b", "", plain)
    if share.strip() in _SHARES:
        return float(_SHARES[share.strip()])
    # "three quarters of what comes in", "cut bottles by a quarter": a share named in words.
    for said in sorted(_SHARES, key=len, reverse=True):
        by = rf"\bby (?:about |around |roughly |nearly |almost |over |just over )?{said}\b"
        less = (
            rf"^{said} (?:less|fewer|lower|down|cut|smaller|reduction)\b"  # "a quarter less miles"
        )
        if plain.startswith(f"{said} of ") or re.search(by, plain) or re.search(less, plain):
            return float(_SHARES[said])
    if found := re.fullmatch(r"(\w+)(?: \w+)? (?:in|out of) (?:every |each )?(\w+)(?: .*)?", plain):
        part, whole = read_number(found.group(1)), read_number(found.group(2))
        if part and whole and whole[0] and not part[1] and not whole[1]:
            return round(100 * part[0] / whole[0], 1)
    return _all_or_none(plain)


_ALL_BUT = re.compile(r"^all but (\w+)(?: of (?:our|the|my|them|us)?\s*(\w+))?")


def _all_but(plain: str) -> float | None:
    """ "All but one of our 8": 87.5%."""
    found = _ALL_BUT.match(plain)
    if not found or not found.group(2):
        return None
    part, whole = read_number(found.group(1)), read_number(found.group(2))
    if not part or not whole or not whole[0] or part[0] >= whole[0]:
        return None
    return round(100 * (whole[0] - part[0]) / whole[0], 1)


def _all_or_none(plain: str) -> float | None:
    """ "Everyone", "all 23 staff" (100); "none yet" (0); "not all", "nearly all" (neither)."""
    if re.search(r"\b(?:not|nearly|almost|except|but)\b", plain):
        return None
    if re.match(r"(?:all|all of|every one of|everyone|every single one of)\b", plain):
        return None if "%" in plain else 100.0
    if re.search(r"\d", plain):
        return None
    if _NONE.search(plain):
        return 0.0
    if _ALL.search(plain):
        return 100.0
    return None


def read_amount(text: str, unit: str | None, unit_words: frozenset[str] = frozenset()):
    """The amount in an answer, in the unit asked for, or None: figures or words, money with
    "k", "grand" or "m", a share in words for a percentage."""
    cleaned = tidy(text)
    if unit == "percent" and (share := _share(cleaned)) is not None:
        return share
    if unit == "gbp":
        cleaned = _OVER_THE_CONTRACT.sub("", cleaned)
    if _RANGE.search(cleaned) or RATE_SAID.search(cleaned):
        return None
    found = read_number(cleaned)
    if found is None:
        return None
    value, rest = found
    another = any(re.fullmatch(r"[\d.]+", w) or w in ONES or w in TENS for w in rest)
    if unit != "gbp" and rest[:1] == ["£"] or another:
        return None  # "8 people, 26 weeks each" is a total to work out, not 8
    return value if _fits_unit(rest, unit, unit_words) else None


def _read_instead(text: str) -> str | None:
    """A number and what it counts, read from an answer that gives something other than what
    was asked ("2 years" for money, "3 firms" for a percentage), to say so."""
    found = read_number(tidy(text))
    if found is None or not found[1] or found[1][0] in ("£",):
        return f"£{found[0]:,.0f}" if found and found[1][:1] == ["£"] else None
    value, rest = found
    said = f"{value:g}" if value != int(value) else f"{int(value):,}"
    return f"{said} {' '.join(rest[:2])}".strip()


def parse_number(
    text: str,
    minimum: float,
    maximum: float,
    whole: bool = True,
    money: bool = False,
    unit_words: frozenset[str] = frozenset(),
    unit: str | None = None,
) -> Parsed:
    """A number (or an amount of money) within limits, as people type it: "12", "1,500",
    "£40k", "roughly 75 grand", "about 40", "9 staff", "twelve", "a dozen", "90%", "three
    quarters" (of a percentage). `unit` is the unit asked for ("gbp" for money); `unit_words`
    its words ("weeks"), allowed after the number even when they are time."""
    if not clean(text):
        return Parsed(problem="required")
    unit = "gbp" if money else unit
    if asks(text):
        return Parsed(problem="invalid")
    text = text.replace("?", " ")  # "maybe one every fortnight?": unsure, not asking
    value = read_amount(text, unit, unit_words)
    if value is None:
        return Parsed(problem="invalid", understood=_read_instead(text))
    if not math.isfinite(value):
        return Parsed(problem="too_big" if value > 0 else "too_small")
    if unit == "percent":
        maximum, value = min(maximum, 100), round(value)
    if whole and unit != "gbp" and value != int(value):
        return Parsed(problem="whole_number")
    if value < minimum:
        return Parsed(problem="too_small")
    if value > maximum:
        return Parsed(problem="too_big")
    return Parsed(round(value, 2) if unit == "gbp" else (int(value) if whole else value))


def parse_postcode(text: str) -> Parsed:
    """A UK postcode or postcode district, normalised to capitals with one space."""
    cleaned = clean(text).upper()
    if not cleaned:
        return Parsed(problem="required")
    match = _POSTCODE.match(cleaned.replace(" ", "")[:-3] + " " + cleaned.replace(" ", "")[-3:])
    match = match if match and match.group(2) else _POSTCODE.match(cleaned)
    if not match:
        return Parsed(problem="invalid")
    return Parsed(" ".join(part for part in match.groups() if part))


def parse_timescale(text: str, today: date, max_months: int = 240) -> Parsed:
    """A duration ("6 months", "two years"), a point in the contract ("end of year one", "in
    the first six months", "from day one", "each year") or a date ("by summer 2027",
    "31/03/2027"). The value is {"text": how it reads, "months": months from today, or None
    for the whole contract}, so both plain English and a comparable number are kept."""
    if not clean(text):
        return Parsed(problem="required")
    if "?" in text:
        return Parsed(problem="invalid")
    cleaned = _year_in_digits(tidy(text))
    if timescales.TIME_RANGE.search(cleaned):
        return Parsed(problem="invalid")
    worked_out = re.split(r",?\s+so\s+", cleaned)  # "from the first term, so by October 2027"
    found = timescales.read(worked_out[-1], today) if len(worked_out) > 1 else None
    found = found or timescales.read(cleaned, today)
    if found is None:
        return Parsed(problem="invalid")
    words, months = found
    if months is not None and months <= 0:
        return Parsed(problem="in_the_past")
    if months is not None and months > max_months:
        return Parsed(problem="too_far")
    if words is None and months is not None and re.fullmatch(r"[a-z]+", cleaned):
        named = cleaned in timescales.MONTH_NAMES | {"christmas", "easter"}
        words = f"by {cleaned.capitalize() if named else cleaned}"
    return Parsed({"text": words or _as_said(text), "months": months})


def _year_in_digits(text: str) -> str:
    """A year said in words as a figure: "twenty twenty seven" is 2027."""
    return re.sub(
        r"\b(?:twenty|two thousand(?: and)?) (twenty|thirty)(?: (one|two|three|four|five|six"
        r"|seven|eight|nine))?\b",
        lambda m: str(
            2000 + (20 if m.group(1) == "twenty" else 30) + ONES.get(m.group(2) or "", 0)
        ),
        text,
    )


def _as_said(text: str) -> str:
    """A timescale as typed, to sit inside a sentence: "By March 2027." reads "by March 2027"."""
    said = clean(text).rstrip(".!,;: ")
    first, _, rest = said.partition(" ")
    if first.lower() in _LOWER_FIRST:
        said = f"{first.lower()} {rest}".strip()
    return said


_LOWER_FIRST = {
    "by", "within", "in", "over", "from", "every", "each", "end", "before", "after", "during",
    "around", "about", "roughly", "at", "for", "the", "until", "no", "not", "right", "starting",
    "six", "twelve", "three", "two", "one", "four", "five", "eighteen", "a", "an",
}  # fmt: skip
