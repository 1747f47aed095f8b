"""Reading an answer according to the step's answer type."""

import re
from collections.abc import Sequence

from assistant.amounts import (
    RATE_SAID,
    answer_parts,
    corrected,
    parse_number,
    parse_postcode,
    parse_text,
    parse_timescale,
)
from assistant.choice_model import pick
from assistant.choices import parse_choice
from assistant.durations import parse_duration
from assistant.figures import COUNTED
from assistant.flow import Step
from assistant.numbers import ONES, SCALES, read_number, tidy
from assistant.parsed import Parsed
from assistant.prompts import RETRY, choices
from assistant.quantities import read_total
from assistant.state import State
from assistant.turns import Choice, Context
from assistant.yes_no import UNSURE, asks, parse_yes_no
from knowledge.vocabulary import UNIT_LABELS, amount

# How much of an answer to a choice, number or date question is read: enough for "£18,000 - no
# wait, that's per year. £36,000 total", and it keeps a long message cheap to read.
MAX_SHORT_ANSWER = 400


def parse_answer(ctx: Context, step: Step, state: State, text: str) -> Parsed:
    """The value of the answer for this step, or its problem. An answer that does not read
    whole is read in its parts, as a person would: after a correction ("12 - no sorry, 18
    months"), without a question before it ("Per year or total? Total is £54,000."), or one
    clause of it ("£28,000 total, 2 saal ka")."""
    if step.answer.type != "text":
        text = text[:MAX_SHORT_ANSWER]  # a choice, number or date is said in a line or two
        if (found := _two_figures_or_a_correction(ctx, step, state, text)) is not None:
            return found
    parsed = _parse_whole(ctx, step, state, text)
    if parsed.ok or step.answer.type == "text" or parsed.problem == "required":
        return parsed
    aside = re.sub(r"\([^)]*\)", " ", text).strip()  # "36 months (3+1+1 but base term only)"
    if aside != text.strip() and (found := _parse_whole(ctx, step, state, aside)).ok:
        return found
    if _alternatives(text):  # "£40,000 - £50,000", "2 or 3 years": which is it?
        return Parsed(problem="two_figures") if step.answer.type == "money" else parsed
    for part in answer_parts(text):
        found = _parse_whole(ctx, step, state, part)
        if found.ok:
            return found
    return parsed


def _two_figures_or_a_correction(
    ctx: Context, step: Step, state: State, text: str
) -> Parsed | None:
    """A short answer that says two things: a figure said again, a correction, a hoped-for
    higher figure, or a range; None when it says one."""
    # Number words as figures ("six or seven" is "6 or 7") where a commitment's amount is asked.
    figures = _in_digits(text) if step.answer.type == "number" else text
    ranged = step.answer.type == "number" and _RANGE.match(figures) and not corrected(text)
    if _RESTATED.search(text) and (whole := _parse_whole(ctx, step, state, text)).ok:
        return whole  # "half a day a month, call it 3.5 hours": the same, said again
    if not ranged and corrected(text) and (found := _correction(ctx, step, state, text)):
        return found  # "goods - sorry, services", "50 weeks - no, 60": the correction
    if _MAYBE_MORE.search(figures) and (lower := _the_lower(ctx, step, state, figures)):
        return lower  # "100 sets, could be 150 if donations are good": the 100
    total = _STATED_TOTAL.search(text) if step.answer.type == "money" else None
    if total and (found := _parse_whole(ctx, step, state, total.group(0))).ok:
        return found  # "£146k total i think? its like 48-49k a yr": the total they gave
    if ranged or (step.answer.type in ("number", "money") and _alternatives(figures)):
        # "10-15", "2 apprentices, maybe 3", "six or seven of them": a commitment promises
        # the lower, checked with them; a contract's value given as a range is asked again.
        return _the_lower(ctx, step, state, figures) or Parsed(problem="two_figures")
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


def _the_lower(ctx: Context, step: Step, state: State, text: str) -> Parsed | None:
    """A commitment's quantity given as two figures ("2, maybe 3"): the lower, to confirm,
    since a council checks what is promised."""
    if step.answer.type != "number":
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
    found = _parse_whole(ctx, step, state, text[: second.start(joined)] + rest)
    scale = _SCALE_AFTER.match(text[first.end() :])  # "£8k - maybe 10": £8,000
    if scale and not _SCALE_AFTER.match(text[second.end(joined) :]):
        low *= SCALES[scale.group(1)]
    lower = (
        "You gave two figures, so I have put the lower, {}: a council checks what you promise, "
        "so promise what you are sure of."
    )
    unit = str(state.draft.get("unit") or "")
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


def _correction(ctx: Context, step: Step, state: State, text: str) -> Parsed | None:
    """What a person corrected themselves to, when it reads as one answer."""
    for part in answer_parts(text)[:2]:
        if not _alternatives(part) and (found := _parse_whole(ctx, step, state, part)).ok:
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
_NET_OF_VAT = re.compile(
    r"(£?\s*\d[\d,.]*\s*(?:k|m|thousand|million)?)\s*(?:ex\.?|exc\.?|excl\.?|excluding|"
    r"exclusive of|net of|before)\s*vat\b",
    re.I,
)
# Words after a figure that do not say what it counts ("maybe 5 if we get the bow one").
_NOT_A_NOUN = frozenset(
    ["if", "when", "depending", "depends", "a", "an", "per", "each", "every", "or", "and", "in"]
    + ["at", "next", "this", "by", "to", "for", "of", "on", "maybe", "k", "m", "t", "but", "so"]
    + ["is", "are", "with", "the", "more", "tops", "max", "ish", "i", "we", "then", "between"]
)
_UNIT_AFTER = re.compile(r"^\s*(%|percent|per cent|£|[a-z]+)")


def _alternatives(text: str) -> bool:
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


_SAME = re.compile(
    r"^(?:the )?(?:same|same again|same as (?:before|last time|above|the last one)|"
    r"as (?:before|above)|ditto)\W*$"
)


def _parse_whole(ctx: Context, step: Step, state: State, text: str) -> Parsed:
    spec = step.answer
    said = " ".join(text.lower().split())
    if (
        _SAME.match(said)
        and step.save
        and step.save.startswith("commitment.")
        and state.commitments
    ):
        last = state.commitments[-1]
        earlier = last.get(step.save.removeprefix("commitment."))
        other_unit = step.save == "commitment.quantity" and last.get("unit") != state.draft.get(
            "unit"
        )
        if earlier is not None and not other_unit:  # 104 weeks is not 104 organisations
            return Parsed(earlier)  # "same as before": what the last commitment said
    if spec.type == "text":
        return parse_text(text, spec.max_length, spec.min_length)
    if spec.type == "yes-no":
        return parse_yes_no(text)
    if spec.type == "choice":
        return _read_choice(text, choices(step, state))
    if spec.type in ("number", "money"):
        return _amount(step, state, text)
    if spec.type == "duration":
        return parse_duration(text, int(spec.max))
    if spec.type == "timescale":
        return _over_the_year(text, state) or parse_timescale(text, ctx.today, int(spec.max))
    return parse_postcode(text)


def _amount(step: Step, state: State, text: str) -> Parsed:
    """A number or money: as said, or worked out from other terms."""
    spec = step.answer
    if spec.type == "money" and (net := _NET_OF_VAT.search(text)):
        text = net.group(1)  # "£50k ex. VAT (£60k inc.)": the figure without VAT
    unit = str(state.draft.get("unit") or "") if step.loop else ""
    unit_words = frozenset({unit, unit.rstrip("s"), UNIT_LABELS.get(unit, "")} - {""})
    parsed = parse_number(
        text, spec.min, spec.max, money=spec.type == "money", unit_words=unit_words,
        unit=unit or None, whole=unit in COUNTED,
    )  # fmt: skip
    if parsed.problem != "invalid":
        return parsed
    unit = "gbp" if spec.type == "money" else unit or "people"
    if (total := _total(text, unit, spec.min, spec.max, state)) is not None:
        return total
    if not step.loop and RATE_SAID.search(tidy(text)) and read_number(tidy(text)):
        return Parsed(problem="a_rate")  # "approx 16k pa" before the contract's length is known
    return parsed


_THE_YEAR = re.compile(
    r"^(?:spread )?(?:over|during|throughout|across|within|in) the (?:year|yr)\W*$"
    r"|^all (?:the )?(?:year|yr)(?: round)?\W*$"
)


def _over_the_year(text: str, state: State) -> Parsed | None:
    """ "Over the year": the whole of a contract of a year or less, else its first year."""
    if not _THE_YEAR.match(" ".join(text.lower().split())):
        return None
    duration = state.answers.get("opportunity.duration")
    months = duration.get("months") if isinstance(duration, dict) else None
    if months and months <= 12:
        return Parsed({"text": "over the whole contract", "months": None})
    return Parsed({"text": "within the first year", "months": 12.0})


def _total(text: str, unit: str, low: float, high: float, state: State) -> Parsed | None:
    """A total worked out from other terms ("2 apprentices for a year each"), to confirm."""
    duration = state.answers.get("opportunity.duration")
    months = duration.get("months") if isinstance(duration, dict) else None
    value = state.answers.get("opportunity.value")
    reading = read_total(text, unit, months, value if isinstance(value, int | float) else None)
    if reading is None or asks(text):
        return None
    total = (
        int(reading.total)
        if unit != "gbp" and reading.total == int(reading.total)
        else reading.total
    )
    if total < low:
        return Parsed(problem="too_small")
    if total > high:
        return Parsed(problem="too_big")
    return Parsed(total, confirm=reading.confirm)


def _read_choice(text: str, offered: Sequence[Choice]) -> Parsed:
    """A choice by its words, then, to be confirmed, in the person's own words; never a guess
    at "not sure" or a plain "yes"."""
    parsed = _choice(text, [(c.value, c.label, c.also, c.means) for c in offered])
    undecided = asks(text) or UNSURE.search(text.lower()) or parse_yes_no(text).ok
    if parsed.ok or parsed.problem == "required" or undecided:
        return parsed
    return _in_own_words(text, offered) or parsed


def _in_own_words(text: str, offered: Sequence[Choice]) -> Parsed | None:
    """An option the second reading finds in words the rules do not know, to be confirmed:
    "we could not afford it without this contract" is probably "Extra, for this contract"."""
    value = pick(text, [(c.value, c.label, c.also, c.examples) for c in offered])
    if value is None:
        return None
    label = next(c.label for c in offered if c.value == value)
    return Parsed(value, confirm=f'That sounds like "{label}".')


def _choice(text: str, options: list[tuple[str, str, tuple[str, ...]]]) -> Parsed:
    parsed = parse_choice(text, options)
    if parsed.ok or parsed.problem == "required":
        return parsed
    yes_no = parse_yes_no(text)
    if not yes_no.ok:
        return parsed
    values = [option[0] for option in options]
    # "yes" or "no" answers a choice whose options are yes and no, however they are worded;
    # "yes" to "That sounds like X. Is that right?" is X; "yes" to a single option is it.
    if {"yes", "no"} <= set(values):
        return Parsed("yes" if yes_no.value else "no")
    if RETRY.value in values:
        return Parsed(values[0] if yes_no.value else RETRY.value)
    if len(values) == 1 and yes_no.value:
        return Parsed(values[0])
    return parsed
