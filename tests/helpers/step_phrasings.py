"""A typed answer read at its own step, as the conversation reads it (tests/data/
phrasings_steps_2026_12*.yaml): the step's parser with the state the conversation would have
(the commitment's unit, the contract's length), and whether it would be taken as a question."""

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from assistant.parsing import parse_answer
from assistant.questions import is_question
from assistant.state import State
from tests.helpers.engine_context import context

DATA = Path(__file__).parent.parent / "data"
# Two corpora by two blind writers: the second in other voices (second-language English, voice
# dictation, very terse or very wordy), for the three steps where most answers were misread.
CORPORA = {
    name: yaml.safe_load((DATA / f"{name}.yaml").read_text())
    for name in (
        "phrasings_steps_2026_12",
        "phrasings_steps_2026_12b",
        "phrasings_steps_2026_12c",
        "phrasings_steps_2026_12d",
    )
}
CORPUS = CORPORA["phrasings_steps_2026_12"]
STEPS = {
    "quantity": "commitment-quantity",
    "classification": "commitment-classification",
    "timescale": "commitment-timescale",
    "theme_interest": "theme-interest",
    "contract_type": "contract-type",
}
COUNCIL = "suffolk"
# The day the corpora were written: their dates ("by the autumn") count from it.
WRITTEN = date(2026, 12, 6)
# Where a month's deadline may fall from a date ("by March 2027": 3.8 months).
MONTHS_SLACK = 1.0


@dataclass
class Read:
    """How an answer was read: its value, or None, and whether it was taken as a question."""

    value: Any
    question: bool


def read(kind: str, item: dict) -> Read:
    """Read one answer at its step."""
    ctx = replace(context(COUNCIL), today=WRITTEN)
    step = ctx.flow.steps[STEPS[kind]]
    months = item.get("contract_months", 24)
    unit = item.get("unit", "people")
    state = State(
        step=STEPS[kind],
        answers={"opportunity.duration": {"text": f"{months} months", "months": months}},
        draft={"unit": unit, "unit_label": unit},
        theme_index=0,
    )
    parsed = parse_answer(ctx, step, state, item["say"])
    question = is_question(ctx, step, state, item["say"], parsed)
    return Read(parsed.value if parsed.ok else None, question)


def as_meant(kind: str, item: dict, got: Read) -> bool:
    """Whether it was read as the writer meant, and not taken as a question."""
    if got.question or got.value is None:
        return False
    means = item["means"]
    if kind == "quantity":
        return abs(float(got.value) - float(means)) < 0.5
    if kind != "timescale":
        return str(got.value) == str(means)
    text, months = got.value["text"], got.value["months"]
    if "whole_contract" in means:
        return months is None
    if "from_start" in means:
        return text == "from the start of the contract"
    if "every" in means:
        return text.startswith("every ") or text.startswith("each ")
    if "by" in means:
        y, m, _ = (int(x) for x in means["by"].split("-"))
        wanted = (y - 2026) * 12 + m - 12 + 0.8  # months from 6 December 2026 to the month's end
        return months is not None and abs(months - wanted) <= MONTHS_SLACK
    return months is not None and abs(months - float(means["months"])) <= MONTHS_SLACK


def refused(kind: str, said: str | dict) -> bool:
    """Whether something that is not an answer is not taken as one."""
    item = said if isinstance(said, dict) else {"say": said}
    got = read(kind, item | {"means": None})
    return got.question or got.value is None
