"""How long a contract lasts, as people type it: "2 yrs", "eighteen months", "a year and a
half", "36 months + optional 12-month extension", "2+1 years, we're going off the 3"."""

import re

from assistant import timescales
from assistant.numbers import tidy
from assistant.parsed import Parsed, clean

# An option to extend is not the contract's length.
_EXTENSION = re.compile(
    r"\b(?:with\s+)?(?:the\s+|an?\s+)?(?:option(?:al)?|possible|possibility)\s+"
    r"(?:to\s+extend|of\s+extending|extension|for)?\s*(?:it\s+)?(?:by|for)?\s*"
    r"(?:a\s+further|another|up\s+to)?\s*\d+[\s-]*(?:months?|years?)"
    r"|\b(?:extendable|extendible|extended)\s+(?:by|for)\s+(?:a\s+further\s+|another\s+|up\s+to\s+)?"
    r"\d+[\s-]*(?:months?|years?)"
)


# A base term and its extensions: "2+1 years", "2 + 1 + 1 yrs", "3 plus 1".
_TERMS = re.compile(
    r"\b(\d+)\s*(?:years?|months?)?\s*(?:\+|plus)\s*(?:an?\s+)?(\d+)(?:\s*(?:\+|plus)\s*(\d+))?"
    r"\s*(years?|months?)?\b"
)
# The length they say they count: "we're going off the 3", "so 3", "counting the 3".
_COUNTING = re.compile(
    r"\b(?:so|off|counting|count|using|use|call it|that'?s|thats|is|=)\s+(?:the\s+)?(\d+)\b"
    r"(?!\s*(?:\+|plus))"
)


def _terms(cleaned: str) -> str:
    """ "2+1 years": the base term (an extension is not the contract's length), unless they
    say they count another ("2+1 years, we're going off the 3")."""
    found = _TERMS.search(cleaned)
    if not found:
        return cleaned
    named = re.match(r"\d+\s*(years?|months?)", found.group(0))
    base, unit = int(found.group(1)), found.group(4) or (named and named.group(1)) or "years"
    terms = [int(t) for t in found.groups()[:3] if t]
    counted = _COUNTING.search(cleaned[found.end() :])
    chosen = (
        int(counted.group(1)) if counted and int(counted.group(1)) in (base, sum(terms)) else base
    )
    unit = unit if unit.endswith("s") or chosen == 1 else f"{unit}s"
    return f"{chosen} {unit}"


def parse_duration(text: str, max_months: int = 240) -> Parsed:
    """How long something lasts ("2 yrs", "eighteen months", "a year and a half"), as
    {"text", "months"}; not a date or a point in time."""
    if not clean(text):
        return Parsed(problem="required")
    cleaned = re.sub(r"(?<=\d) ?m\b", " months", tidy(text))  # "24m" is 24 months here
    cleaned = _terms(cleaned)
    cleaned = re.sub(  # "+ optional 12-month extension" is not the contract's length
        r"\+?\s*(?:an?\s+|plus\s+)?(?:optional\s+|possible\s+)?\d+[\s-]*(?:months?|years?)\s+"
        r"(?:optional\s+)?extensions?\b",
        " ",
        cleaned,
    )
    cleaned = _EXTENSION.sub(" ", cleaned)  # "with the option to extend by a further 12 months"
    cleaned = re.sub(
        r"\b(academic|calendar|financial|school|full|whole)\s+(?=years?\b)", "", cleaned
    )
    cleaned = " ".join(timescales.UNIT_SPELLINGS.get(w, w) for w in cleaned.split())
    months = (
        None
        if "?" in text or timescales.TIME_RANGE.search(cleaned)
        else timescales.duration(cleaned)
    )
    if months is None or timescales.lengths_in(cleaned) > 1:
        return Parsed(problem="invalid")  # "funding runs 4 years but our contract is 3 years"
    if months <= 0:
        return Parsed(problem="too_small")
    if months > max_months:
        return Parsed(problem="too_far")
    years = months / 12
    said = f"{years:g} year{'s' * (years != 1)}" if years == int(years) else f"{months:g} months"
    return Parsed({"text": said, "months": months})
