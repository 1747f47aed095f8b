"""Reading an answer according to the step's answer type."""

import re
from collections.abc import Sequence
from functools import partial

from assistant.amounts import (
    RATE_SAID,
    answer_parts,
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
from assistant.numbers import read_number, tidy
from assistant.parsed import Parsed
from assistant.prompts import RETRY, choices
from assistant.quantities import read_total
from assistant.state import State
from assistant.turns import Choice, Context
from assistant.two_figures import alternatives, two_figures_or_a_correction
from assistant.yes_no import UNSURE, asks, parse_yes_no
from knowledge.vocabulary import UNIT_LABELS

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
        unit = str(state.draft.get("unit") or "")
        read = partial(_parse_whole, ctx, step, state)
        if (found := two_figures_or_a_correction(text, step.answer.type, unit, read)) is not None:
            return found
    parsed = _parse_whole(ctx, step, state, text)
    if parsed.ok or step.answer.type == "text" or parsed.problem == "required":
        return parsed
    aside = re.sub(r"\([^)]*\)", " ", text).strip()  # "36 months (3+1+1 but base term only)"
    if aside != text.strip() and (found := _parse_whole(ctx, step, state, aside)).ok:
        return found
    if alternatives(text):  # "£40,000 - £50,000", "2 or 3 years": which is it?
        return Parsed(problem="two_figures") if step.answer.type == "money" else parsed
    for part in answer_parts(text):
        found = _parse_whole(ctx, step, state, part)
        if found.ok:
            return found
    return parsed


_NET_OF_VAT = re.compile(
    r"(£?\s*\d[\d,.]*\s*(?:k|m|thousand|million)?)\s*(?:ex\.?|exc\.?|excl\.?|excluding|"
    r"exclusive of|net of|before)\s*vat\b",
    re.I,
)


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
