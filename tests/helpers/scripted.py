"""Enter a given offer through the conversation API, as a supplier would type it: the
organisation's answers, then each commitment under its council theme (tests/test_checks.py
enters the over-promised and vague offers of issue 19 this way)."""

from dataclasses import dataclass, field
from typing import Any

MAX_TURNS = 150
ANSWERS = {
    "org-activity": "We provide care at home for older and disabled people.",
    "value-beneficiaries": "Older and disabled people who live at home",
    "value-outcomes": "People stay independent at home for longer",
    "value-evidence": "Care plans and feedback from the people we support",
    "value-towns": "West Bromwich",
    "commitment-need": "no",
    "check-offer": "yes",
}


@dataclass
class Plan:
    """What one supplier types: organisation answers, and its commitments (each a dict of
    theme, idea, measure, quantity, timescale, delivery, beneficiaries, evidence, kind)."""

    organisation: dict[str, str]
    commitments: list[dict[str, str]]
    said: list[tuple[str, str, list[str]]] = field(default_factory=list)  # step, typed, replies
    filed: list[dict[str, str]] = field(default_factory=list)
    current: dict[str, str] | None = None

    def fresh(self) -> "Plan":
        """The same plan, not yet typed (the module-level plans keep what a test typed)."""
        return Plan(dict(self.organisation), [dict(c) for c in self.commitments])

    def reply(self, prompt: dict[str, Any]) -> str:
        step, theme = prompt.get("step"), prompt.get("theme")
        waiting = [c for c in self.commitments if c not in self.filed]
        if step == "theme-interest":
            if self.filed and any(c["theme"] == self.filed[-1]["theme"] for c in waiting):
                self.current = next(c for c in waiting if c["theme"] == self.filed[-1]["theme"])
                return "add another"
            self.current = next((c for c in waiting if c["theme"] == theme), None)
            return "yes" if self.current else "no"
        if step and step.startswith("commitment-") and self.current is None:
            self.current = next(c for c in waiting if c["theme"] == theme)
        if step == "commitment-measure":
            labels = {o["value"]: o["label"] for o in prompt.get("options", [])}
            assert self.current["measure"] in labels, (self.current["measure"], labels)
            return labels[self.current["measure"]]
        if step == "commitment-classification":
            self.filed.append(self.current)
            chosen, self.current = self.current["kind"], None
            return chosen
        key = (step or "").removeprefix("commitment-")
        if step and step.startswith("commitment-") and key in self.current:
            return self.current[key]
        return self.organisation.get(step or "") or ANSWERS.get(step or "", "skip")


def enter(client, council: str, code: str, plan: Plan) -> dict[str, Any]:
    """Start a conversation for the opportunity and type the plan; the conversation (id and
    token), with every reply kept in `plan.said`."""
    created = client.post("/api/v1/conversations", json={"council": council, "opportunity": code})
    assert created.status_code == 201, created.json
    conversation = created.json
    headers = {"Authorization": f"Bearer {conversation['token']}"}
    prompt = conversation["prompt"]
    for _ in range(MAX_TURNS):
        if prompt.get("type") == "end":
            assert not [c for c in plan.commitments if c not in plan.filed], plan.said[-5:]
            return conversation
        text = plan.reply(prompt)
        body = client.post(
            f"/api/v1/conversations/{conversation['id']}/messages",
            json={"text": text},
            headers=headers,
        ).json
        plan.said.append((prompt.get("step"), text, [m["text"] for m in body["messages"]]))
        last = plan.said[-3:]
        assert len(last) < 3 or any(said != last[0] for said in last), f"stuck: {last}"
        prompt = body["prompt"]
    raise AssertionError(f"no end after {MAX_TURNS} turns: {plan.said[-5:]}")
