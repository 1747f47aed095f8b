"""Reading an answer according to the step's answer type."""

from assistant.answers import (
    Parsed,
    parse_choice,
    parse_duration,
    parse_number,
    parse_postcode,
    parse_text,
    parse_timescale,
    parse_yes_no,
)
from assistant.flow import Step
from assistant.prompts import choices
from assistant.state import State
from assistant.turns import Context
from knowledge.vocabulary import UNIT_LABELS


def parse_answer(ctx: Context, step: Step, state: State, text: str) -> Parsed:
    """The value of the answer for this step, or its problem."""
    spec = step.answer
    if spec.type == "text":
        return parse_text(text, spec.max_length, spec.min_length)
    if spec.type == "yes-no":
        return parse_yes_no(text)
    if spec.type == "choice":
        return _choice(text, [(c.value, c.label, c.also) for c in choices(step, state)])
    if spec.type in ("number", "money"):
        unit = str(state.draft.get("unit") or "") if step.loop else ""
        unit_words = frozenset({unit, unit.rstrip("s"), UNIT_LABELS.get(unit, "")} - {""})
        return parse_number(
            text,
            spec.min,
            spec.max,
            money=spec.type == "money",
            unit_words=unit_words,
            unit=unit or None,
        )
    if spec.type == "duration":
        return parse_duration(text, int(spec.max))
    if spec.type == "timescale":
        return parse_timescale(text, ctx.today, int(spec.max))
    return parse_postcode(text)


def _choice(text: str, options: list[tuple[str, str, tuple[str, ...]]]) -> Parsed:
    parsed = parse_choice(text, options)
    if parsed.ok or parsed.problem == "required":
        return parsed
    # "yes" or "no" answers a choice whose options are yes and no, however they are worded.
    yes_no = parse_yes_no(text)
    values = {option[0] for option in options}
    if yes_no.ok and {"yes", "no"} <= values:
        return Parsed("yes" if yes_no.value else "no")
    return parsed
