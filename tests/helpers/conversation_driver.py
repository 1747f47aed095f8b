"""Plays a supplier from tests/data/conversations.yaml through any interface to the assistant.

`send(text)` returns the next prompt as a dict with at least `step` and `theme` (the API's
prompt object), so the same supplier can talk to the engine, the API or a real server.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from assistant import engine
from tests.helpers.engine_context import context

DATA = yaml.safe_load((Path(__file__).parents[1] / "data" / "conversations.yaml").read_text())
SUPPLIERS = {s["name"]: s for s in DATA["suppliers"]}
COUNCILS = list(DATA["theme_kinds"])
DEFAULTS = {
    "commitment-delivery": "Our operations manager will lead this and report on it each quarter",
    "commitment-beneficiaries": "Local residents, especially those furthest from work",
    "value-towns": "Smethwick and West Bromwich",  # A step only Sandwell's flow adds.
    "commitment-need": "yes",  # Asked only when a local need matches the measure.
}
IDEA_STEPS = {
    "commitment-idea": "idea",
    "commitment-quantity": "quantity",
    "commitment-timescale": "timescale",
    "commitment-evidence": "evidence",
    "commitment-classification": "classification",
}
MAX_TURNS = 200


class Supplier:
    """One supplier's answers, with memory of what it has already done."""

    def __init__(self, name: str, council: str):
        self.data = SUPPLIERS[name]
        self.council = council
        self.used_kinds: set[str] = set()
        self.asked: set[str] = set()
        self.slipped: set[str] = set()
        self.must_go_back = False
        self.sent: list[str] = []

    def reply_to(self, prompt: dict[str, Any]) -> str:
        """What this supplier types in answer to the prompt."""
        text = self._reply(prompt.get("step"), prompt.get("theme"))
        self.sent.append(text)
        return text

    def _reply(self, step: str | None, theme: str | None) -> str:
        if self.must_go_back:
            self.must_go_back = False
            return "back"
        if step in self.data.get("questions", {}) and step not in self.asked:
            self.asked.add(step)
            return self.data["questions"][step]
        if step in self.data.get("slips", {}) and step not in self.slipped:
            self.slipped.add(step)
            self.must_go_back = True
            return self.data["slips"][step]
        if step == "org-postcode":
            return DATA["postcodes"][self.council]
        if step in self.data["answers"]:
            return self.data["answers"][step]
        return self._commitment_reply(step, theme)

    def _commitment_reply(self, step: str | None, theme: str | None) -> str:
        kind = DATA["theme_kinds"][self.council].get(theme or "")
        idea = self.data["ideas"].get(kind)
        if step == "theme-interest":
            return "yes" if idea and kind not in self.used_kinds else "no"
        if step == "commitment-idea":
            self.used_kinds.add(kind)
        if step in IDEA_STEPS and idea:
            return idea[IDEA_STEPS[step]]
        if step == "commitment-measure":
            return "1"
        if step == "commitment-unit":
            return "people"
        return DEFAULTS.get(step or "", "help")


def drive(first_prompt: dict[str, Any], send: Callable[[str], dict], supplier: Supplier) -> int:
    """Answer prompts until the conversation ends; return how many messages were sent."""
    prompt = first_prompt
    for turn in range(MAX_TURNS):
        if prompt.get("type") == "end":
            return turn
        prompt = send(supplier.reply_to(prompt))
    raise AssertionError(f"no end after {MAX_TURNS} turns; last prompt {prompt}")


def run(supplier_name: str, council: str):
    ctx = context(council)
    turn = engine.start(ctx)
    turns = [turn]

    def send(text):
        turns.append(engine.respond(ctx, turns[-1].state, text))
        return turns[-1].prompt.to_dict()

    drive(turn.prompt.to_dict(), send, Supplier(supplier_name, council))
    return turns
