"""A short answer that says two things: a figure said again ("call it 3.5 hours"), a
correction ("50 weeks - no, 60"), a higher figure only hoped for ("4, maybe 5 if..."), a total
beside a range, or two figures offered as alternatives ("2, maybe 3", "£40,000 - £50,000").
`read` reads one answer at the step, as parsing.py does."""

import re
from collections.abc import Callable

from assistant.amounts import answer_parts, corrected
from assistant.numbers import ONES, SCALES
from assistant.parsed import Parsed
from knowledge.vocabulary import amount

Read = Callable[[str], Parsed]


def two_figures_or_a_correction(
    text: str, answer_type: str, unit: str, read: Read
) -> Parsed | None:
    """A short answer that says two things: a figure said again, a correction, a hoped-for
    higher figure, or a range; None when it says one."""
    # Number words as figures ("six or seven" is "6 or 7") where a commitment's amount is asked.
    figures = _in_digits(text) if answer_type == "number" else text
    ranged = answer_type == "number" and _RANGE.match(figures) and not corrected(text)
    if _RESTATED.search(text) and (whole := read(text)).ok:
        return whole  # "half a day a month, call it 3.5 hours": the same, said again
    if not ranged and corrected(text) and (found := _correction(text, read)):
        return found  # "goods - sorry, services", "50 weeks - no, 60": the correction
    if _MAYBE_MORE.search(figures) and (lower := _the_lower(figures, answer_type, unit, read)):
        return lower  # "100 sets, could be 150 if donations are good": the 100
    total = _STATED_TOTAL.search(text) if answer_type == "money" else None
    if total and (found := read(total.group(0))).ok:
        return found  # "£146k total i think? its like 48-49k a yr": the total they gave
    if ranged or (answer_type in ("number", "money") and alternatives(figures)):
        # "10-15", "2 apprentices, maybe 3", "six or seven of them": a commitment promises
        # the lower, checked with them; a contract's value given as a range is asked again.
        return _the_lower(figures, answer_type, unit, read) or Parsed(problem="two_figures")
    return None


# The second of two figures offered as alternatives, with what joins them: "maybe 3", "or 4",
# "- 4", "to 20".
_SECOND_FIGURE = re.compile(
    r"(?<=\d)[^0-9]{0,25}?(?P<alt>[,.…]*\s*\b(?:or|maybe|possibly|perhaps|to|could be|might be"
    r"|or even)\s+(?:maybe\s+)?£?"
    r"(?P<figure>\d[\d,.]*)\b)|(?<=\d)(?P<dash>\s*[-–]\s*(?P<dashed>\d[\d,.]*)\b)",
    re.IGNORECASE,  # "One. Maybe two if it goes well"
)


def _in_digits(text: str) -> str:
    """Number words written as figures: "six or seven" is "6 or 7"."""
    return _NUMBER_WORD.sub(lambda found: f"{ONES[found.group(0).lower()]:g}", text)


_NUMBER_WORD = re.compile(rf"\b(?:{'|'.join(ONES)})\b", re.IGNORECASE)


_RANGE = re.compile(r"^\s*(?:about |around |roughly )?\d[\d,.]*\s*(?:-|–|to)\s*\d")
# A total said as one: "£146k total", "£165k in all".
_STATED_TOTAL = re.compile(
    r"£?\s*\d[\d,.]*\s*(?:k|m|grand|thousand)?\s*(?:in )?(?:total|all|altogether|overall)\b"
)
_RESTATED = re.compile(r"\bcall it\b")
# A second, higher figure that is only hoped for: "could be 150", "might be 4".
_MAYBE_MORE = re.compile(r"\d[^0-9]{0,40}\b(?:could|might|may) (?:be|go to|reach)\s+£?\d")


def _the_lower(text: str, answer_type: str, unit: str, read: Read) -> Parsed | None:
    """A commitment's quantity given as two figures ("2, maybe 3"): the lower, to confirm,
    since a council checks what is promised."""
    if answer_type != "number":
        return None
    first = re.search(r"\d[\d,.]*", text)
    second = _SECOND_FIGURE.search(text, first.end() - 1) if first else None
    if not first or not second:
        return None
    joined = "alt" if second.group("alt") else "dash"
    figure = second.group("figure") or second.group("dashed")
    low, high = (float(f.strip(",.").replace(",", "")) for f in (first.group(0), figure))
    if low >= high:
        return None
    # Without the second figure and what it hangs on: "if phase 3 comes through", "(depends...)"
    rest = _ONLY_IF.sub("", text[second.end(joined) :])
    found = read(text[: second.start(joined)] + rest)
    scale = _SCALE_AFTER.match(text[first.end() :])  # "£8k - maybe 10": £8,000
    if scale and not _SCALE_AFTER.match(text[second.end(joined) :]):
        low *= SCALES[scale.group(1)]
    lower = (
        "You gave two figures, so I have put the lower, {}: a council checks what you promise, "
        "so promise what you are sure of."
    )
    if found.ok and found.confirm and isinstance(found.value, int | float) and low:
        # "2 or 3 a year": the lower rate, worked out over the contract
        if abs(float(found.value) % low) < 1e-9:
            said = amount(low, unit) if unit == "gbp" else f"{low:g}"
            return Parsed(found.value, confirm=f"{lower.format(said)} {found.confirm}")
        return None
    if not found.ok or found.confirm or found.value != low:
        return None
    return Parsed(found.value, confirm=lower.format(amount(low, unit) if unit else f"{low:g}"))


# What a hoped-for figure hangs on: "if we get the bow one", "(depends who sticks with it)".
_ONLY_IF = re.compile(
    r"\s*(?:\bif\b|\bdepend(?:s|ing)?\b|\bwhen\b|\bprovided\b|\bsubject to\b)[^()]*$"
    r"|\s*\((?:if|depend|depends|depending|subject)\b[^)]*\)"
)
_SCALE_AFTER = re.compile(r"\s*(k|m|grand|thousand)\b")


def _correction(text: str, read: Read) -> Parsed | None:
    """What a person corrected themselves to, when it reads as one answer."""
    for part in answer_parts(text)[:2]:
        if not alternatives(part) and (found := read(part)).ok:
            return found
    return None


# Two amounts offered as alternatives or a range: asked again, never one of them chosen.
_EITHER_OR = re.compile(
    r"\d[\d,.]*\s*[kmt]?\b[^0-9]{0,25}?\b(?<!so )(?<!thats )(?<!that's )"
    r"(?:maybe|or|possibly|perhaps|to)\b\s*£?\d"
    r"|\d[\d,.]*\s*[km]?\s*[-–]\s*£\d|£\s*\d[\d,.]*\s*[km]?\s*[-–]\s*\d"
    # "£40k + £10k", "40k+10k" (not "a 2+1": a base term and an extension)
    r"|\d\s*[km]?\s*\+\s*£\d|\d\s*[km]\s*\+\s*\d|£\s*\d[\d,.]*\s*\+\s*\d"
    r"|\bbetween\s+£?\d[\d,.]*\s*[km]?\s+and\s+£?\d"
    r"|\d[\d,.]*\s*[-–]\s*\d[\d,.]*\s*(?:k|m|grand)\b"  # "60-70k a yr"
)
# Words after a figure that do not say what it counts ("maybe 5 if we get the bow one").
_NOT_A_NOUN = frozenset(
    ["if", "when", "depending", "depends", "a", "an", "per", "each", "every", "or", "and", "in"]
    + ["at", "next", "this", "by", "to", "for", "of", "on", "maybe", "k", "m", "t", "but", "so"]
    + ["is", "are", "with", "the", "more", "tops", "max", "ish", "i", "we", "then", "between"]
)
_UNIT_AFTER = re.compile(r"^\s*(%|percent|per cent|£|[a-z]+)")


def alternatives(text: str) -> bool:
    """Two amounts offered as alternatives or a range ("2, maybe 3"), not two amounts of
    different things ("100% FSC - and maybe 3 tonnes of offcuts")."""
    lowered = text.lower()
    for found in _EITHER_OR.finditer(lowered):
        first = re.match(r"£?\s*[\d,.]+\s*[kmt]?\b", lowered[found.start() :])
        ends = (found.start() + (first.end() if first else 0), _number_end(lowered, found.end()))
        units = [_UNIT_AFTER.match(lowered[end:]) for end in ends]
        said = [u.group(1) for u in units if u]
        if len(said) == 2 and said[0] != said[1] and "%" in said[0] + said[1]:
            continue
        if len(said) == 2 and said[0] != said[1] and not set(said) & _NOT_A_NOUN:
            continue  # "12 volunteers... maybe 3 hours a week each": two things, not two guesses
        return True
    return False


def _number_end(text: str, start: int) -> int:
    found = re.match(r"[\d,.]*\s*[kmt]?\b", text[start:])
    return start + (found.end() if found else 0)
