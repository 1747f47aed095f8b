"""What "help" says about the current question, and the tender's own facts that go before a
knowledge-base answer ("For this contract, social value is 15% of the score.")."""

from datetime import date
from typing import Any

from assistant.prompts import fill
from assistant.state import State
from assistant.turns import Context
from knowledge.vocabulary import UNIT_LABELS

COMMANDS_TEXT = (
    'You can also ask me a question at any time, type "back" to change your last answer, or '
    '"skip" where a question is optional.'
)
HELP_TEXT = (
    "Answer each question in your own words, or choose an option. You can ask me a question "
    'at any time, like "what does additional mean?". You can also type "back" to change your '
    'last answer, "skip" to move on where a question is optional, "start again", or "change" '
    'and a section, like "change about you". Your answers are saved as you go.'
)


# Which of the opportunity's own facts go before an answer on each knowledge topic.
_FACTS_FOR = {
    "scoring": ("weighting",),
    "procurement-act": ("weighting",),
    "why-councils-ask": ("weighting",),
    "writing-the-response": ("word_limit", "closes"),
    "thresholds": ("value",),
    "proportionality": ("value",),
}


def opportunity_facts(answers: dict[str, Any], topic: str) -> str:
    """The tender's own facts that bear on an answer: "For this contract, social value is 10%
    of the score." Only what is known: the weighting, word limit and closing date come from a
    tender the conversation was started for."""
    said = []
    for fact in _FACTS_FOR.get(topic, ()):
        value = answers.get(f"opportunity.{fact}")
        if value is None:
            continue
        if fact == "weighting":
            said.append(f"social value is {value:g}% of the score")
        elif fact == "word_limit":
            said.append(f"your written response can be up to {value:,} words")
        elif fact == "closes":
            said.append(f"bids close on {_day(str(value))}")
        elif fact == "value" and isinstance(value, int | float):
            said.append(f"the contract is worth about £{value:,.0f}")
    return f"For this contract, {' and '.join(said)}. " if said else ""


def _day(iso: str) -> str:
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def explain(ctx: Context, state: State) -> str:
    """Why the current question is asked, what a good answer looks like for this commitment's
    measure, an example, and what else they can type."""
    step = ctx.flow.steps.get(state.step or "")
    if step is None:
        return HELP_TEXT
    parts = [fill(step.why, ctx, state)] if step.why else []
    measure = _draft_measure(ctx, state)
    if measure and step.loop and step.save and step.save.startswith("commitment."):
        parts.append(
            f"This commitment counts {measure.title.lower()}, in {UNIT_LABELS[measure.unit]}."
        )
        if step.save == "commitment.evidence_plan":
            parts.append(f"The council would accept, for example: {state.draft.get('evidence')}.")
    if example := step.example_for(state.draft.get("unit")):
        parts.append(f"For example: {fill(example, ctx, state).rstrip('. ')}.")
    parts.append(COMMANDS_TEXT)
    return " ".join(part.strip() for part in parts if part.strip())


def _draft_measure(ctx: Context, state: State):
    measure_id = state.draft.get("measure_id")
    return next((m for _, m in ctx.pack.measures if m.id == measure_id), None)


def outside_reply(area: str) -> str:
    """What the assistant says to a question about something other than social value."""
    return (
        f"I can only help with the social value part of a bid, so I cannot answer questions "
        f"about {area}. The council's website or the tender documents may help with that."
    )
