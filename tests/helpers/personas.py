"""Plays a persona from tests/data/personas.yaml through the conversation API, as that person
would: their own words for every answer, their questions typed mid-flow into the answer box,
and, like a person reading the screen, the suggested measure that counts what they meant.

The player keeps score: answers misread (refused, or read as something else), answers met
with a help article, questions taken as answers, and how many messages the offer took.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from knowledge.packs import load_packs

DATA = Path(__file__).parents[1] / "data"
# The first corpus (tuning and held-out), and five more, all tuning, each by another blind
# writer.
PERSONAS = [
    *yaml.safe_load((DATA / "personas.yaml").read_text()),
    *yaml.safe_load((DATA / "personas_more.yaml").read_text()),
    *yaml.safe_load((DATA / "personas_third.yaml").read_text()),
    *yaml.safe_load((DATA / "personas_fourth.yaml").read_text()),
    *yaml.safe_load((DATA / "personas_fifth.yaml").read_text()),
    *yaml.safe_load((DATA / "personas_sixth.yaml").read_text()),
    *yaml.safe_load((DATA / "personas_seventh.yaml").read_text()),
    *yaml.safe_load((DATA / "personas_eighth.yaml").read_text()),
]
# The persona's words for what they count, as the service's unit codes.
UNITS = {
    "people": "people", "hours": "hours", "weeks": "weeks", "sessions": "sessions",
    "events": "events", "items": "items", "organisations": "organisations", "pounds": "gbp",
    "gbp": "gbp",  # the ninth corpus names money by the unit the packs list
    "percent": "percent", "tonnes": "tonnes", "tonnes-co2e": "tonnes-co2e",
}  # fmt: skip
TOPICS = {
    "org-name": "about.name",
    "org-type": "about.kind",
    "org-size": "about.size",
    "org-postcode": "about.postcode",
    "org-activity": "about.activity",
    "contract-title": "contract.title",
    "contract-type": "contract.kind",
    "contract-value": "contract.value",
    "contract-duration": "contract.length",
    "commitment-idea": "idea",
    "commitment-quantity": "quantity",
    "commitment-timescale": "timescale",
    "commitment-delivery": "delivery",
    "commitment-beneficiaries": "beneficiaries",
    "commitment-evidence": "evidence",
    "commitment-classification": "classification",
    "value-beneficiaries": "value.beneficiaries",
    "value-outcomes": "value.outcomes",
    "value-evidence": "value.evidence",
    "value-towns": "value.towns",
    "check-offer": "ready",
}
MAX_MESSAGES = 150
PACKS = load_packs()


@dataclass
class Score:
    """What happened while a persona talked to the assistant."""

    answers: int = 0
    misread: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    asks: int = 0
    asks_answered: int = 0
    asks_taken: list[str] = field(default_factory=list)
    asks_unanswered: list[str] = field(default_factory=list)
    finished: bool = False


class Persona:
    """One persona talking: `reply(prompt)` is what they type next."""

    def __init__(
        self,
        data: dict[str, Any],
        theme_titles: dict[str, str],
        units: dict[str, str],
        measure_themes: dict[str, str] | None = None,
    ):
        self.data = data
        self.theme_titles = theme_titles  # theme id -> title, as the supplier reads it
        self.units = units  # measure title -> its unit code
        self.measure_themes = measure_themes or {}  # measure title -> its theme id
        self.done: list[int] = []  # commitments finished, by index
        self.current: int | None = None
        self.asked: set[int] = set()
        self.yes_no_turn = 0
        self.just_filed: str | None = None  # the priority a commitment was just finished for
        self.score = Score()

    def _said(self, key: str) -> str:
        words = self.data[key]
        self.yes_no_turn += 1
        return str(words[self.yes_no_turn % len(words)])

    def _commitment(self) -> dict[str, Any]:
        return self.data["commitments"][self.current or 0]

    def _topic_value(self, topic: str) -> str:
        if "." in topic:
            part, name = topic.split(".")
            # A step the writer was not told of (Sandwell's towns): as a person would, "skip".
            value = self.data[part].get(name, "skip")
        elif topic == "ready":
            value = self.data["ready"]
        else:
            value = self._commitment()[topic]
        return str(value["say"] if isinstance(value, dict) else value)

    def _full_topic(self, step: str) -> str | None:
        topic = TOPICS.get(step)
        if topic and "." not in topic and topic != "ready":
            return f"commitments.{self.current}.{topic}"
        return topic

    def pending_ask(self, step: str | None) -> str | None:
        """A question this persona types before answering this step, if any is left (the
        delivery question also asks about partners)."""
        topic = self._full_topic(step or "")
        topics = {topic, (topic or "").replace(".delivery", ".partners")}
        for number, ask in enumerate(self.data.get("asks", [])):
            if number not in self.asked and ask["before"] in topics:
                self.asked.add(number)
                return str(ask["text"])
        return None

    def answer(self, prompt: dict[str, Any]) -> str:
        """The persona's answer to the prompt."""
        step = prompt["step"]
        if another := self._another_for_last(prompt):
            return another
        if step == "commitment-classification":
            self._finish()
        special = {
            "theme-interest": lambda: self._interest(prompt["theme"]),
            "commitment-measure": lambda: self._measure(prompt),
            "commitment-unit": self._unit,
            "commitment-need": lambda: self._said("no"),
            "confirm-amount": lambda: self._said("yes"),
            "start-again": lambda: self._said("no"),
            "commitment-delivery": self._delivery,
        }
        if step in special:
            return special[step]()
        topic = TOPICS.get(step)
        if topic is None:
            raise AssertionError(f"{self.data['id']}: no answer for step {step}: {prompt['text']}")
        return self._topic_value(topic)

    def _unit(self) -> str:
        counted = self._commitment()["quantity"]["means"][0]["counted"]
        return {"percent": "percentage"}.get(counted, counted)

    def _for_theme(self, theme: str) -> list[int]:
        title = self.theme_titles[theme]
        return [
            i
            for i, c in enumerate(self.data["commitments"])
            if c["priority"] == title and i not in self.done and i != self.current
        ]

    def _interest(self, theme: str) -> str:
        left = self._for_theme(theme)
        if not left:
            return self._said("no")
        self.current = left[0]
        return self._said("yes")

    def _delivery(self) -> str:
        """How they will deliver it, with their partners: one question asks for both."""
        commitment = self._commitment()
        partners = str(commitment.get("partners", "")).strip()
        none = partners.lower().strip(".! ") in {"", "no", "none", "nope", "n/a", "na", "nobody"}
        return commitment["delivery"] if none else f"{commitment['delivery']}, with {partners}"

    def _finish(self) -> None:
        """The commitment is finished with this answer: remember its priority."""
        self.just_filed = self._commitment()["priority"]

    def _another_for_last(self, prompt: dict[str, Any]) -> str | None:
        """Another commitment for the priority just finished, as the assistant offers it."""
        title, self.just_filed = self.just_filed, None
        if title is None or self.current is None:
            return None
        self.done.append(self.current)
        self.current = None
        left = [
            i
            for i, c in enumerate(self.data["commitments"])
            if c["priority"] == title and i not in self.done
        ]
        if not left:
            return None
        self.current = left[0]
        values = [o["value"] for o in prompt.get("options", [])]
        return "another" if "another" in values else "add another"

    def meant_units(self) -> list[str]:
        return [UNITS[m["counted"]] for m in self._commitment()["quantity"]["means"]]

    def _measure(self, prompt: dict[str, Any]) -> str:
        """Like a person reading the options: the first that counts what they meant, for the
        priority they are answering; else their own words."""
        options = prompt.get("options", [])
        meant = self.meant_units()
        for number, option in enumerate(options):
            theme = self.measure_themes.get(option["label"], prompt.get("theme"))
            if self.units.get(option["label"]) in meant and theme == prompt.get("theme"):
                return self._said("yes") if number == 0 else option["value"]
        return "own"


def play(persona: Persona, first: dict[str, Any], send: Callable[[str], dict[str, Any]]) -> Score:
    """Talk until the offer is finished; `send` posts a message and returns the response."""
    prompt, score = first, persona.score
    for _ in range(MAX_MESSAGES):
        if prompt["type"] == "end":
            score.finished = True
            return score
        step = prompt["step"]
        if ask := persona.pending_ask(step):
            score.asks += 1
            body = send(ask)
            kinds = [m.get("kind") for m in body["messages"]]
            if "answer" in kinds:
                score.asks_answered += 1
            else:
                score.asks_unanswered.append(ask)
            if body["prompt"]["step"] != step:
                score.asks_taken.append(f"{step}: {ask}")
            prompt = body["prompt"]
            continue
        text = persona.answer(prompt)
        score.answers += 1
        body = send(text)
        said = f"{persona.data['id']} at {step}: {text!r}"
        if any(m.get("kind") == "answer" for m in body["messages"]):
            score.articles.append(said)
        if _taken_as_question(body, step):
            score.misread.append(f"{said} -> taken as a question")
            body = send("use that")  # as the assistant suggests, when it was an answer
            score.answers += 1
        elif body["prompt"].get("error"):
            score.misread.append(f"{said} -> {body['prompt']['error']}")
            plainly = _plainly(persona, prompt)
            body = send(plainly)
            score.answers += 1
            if body["prompt"].get("error"):
                raise AssertionError(f"{said}: not understood even as {plainly!r}")
        prompt = body["prompt"]
    return score


def _taken_as_question(body: dict[str, Any], step: str | None) -> bool:
    return body["prompt"]["step"] == step and any(
        "use that" in m.get("text", "") for m in body["messages"]
    )


def _plainly(persona: Persona, prompt: dict[str, Any]) -> str:
    """What a person does when not understood: taps the option, or types the bare value."""
    step = prompt["step"]
    if prompt.get("options"):
        topic = TOPICS.get(step, "")
        value = persona.data
        for part in topic.split("."):
            value = value.get(part, {}) if isinstance(value, dict) else {}
        means = value.get("means") if isinstance(value, dict) else None
        labels = {o["label"]: o["value"] for o in prompt["options"]}
        return next((v for label, v in labels.items() if label == means), means or "1")
    topic = TOPICS.get(step, "")
    value = persona.data.get(topic.split(".")[0], {}) if "." in topic else {}
    value = value.get(topic.split(".")[1], {}) if "." in topic else {}
    if isinstance(value, dict) and "means_months" in value:
        return f"{value['means_months']} months"
    if isinstance(value, dict) and isinstance(value.get("means"), int | float):
        return str(value["means"])
    if step == "commitment-quantity":
        return str(persona._commitment()["quantity"]["means"][0]["amount"])
    if step == "commitment-timescale":
        return "12 months"
    return "We will say more in the bid"


def run(client, data: dict) -> tuple[Score, dict[str, Any], dict[str, Any]]:
    """Play a persona through the JSON API: its score, its conversation (id and token) and the
    offer it ends with."""
    council = data["council"]
    pack = PACKS[council]
    measures = [(t, m) for t in pack.themes for o in t.outcomes for m in o.measures]
    created = client.post("/api/v1/conversations", json={"council": council})
    assert created.status_code == 201, created.json
    conversation = created.json
    headers = {"Authorization": f"Bearer {conversation['token']}"}
    url = f"/api/v1/conversations/{conversation['id']}"

    def send(text: str) -> dict:
        response = client.post(f"{url}/messages", json={"text": text}, headers=headers)
        assert response.status_code == 200, response.json
        return response.json

    titles = {t.id: t.title for t in pack.themes}
    units = {m.title: m.unit for _, m in measures}
    persona = Persona(data, titles, units, {m.title: t.id for t, m in measures})
    score = play(persona, conversation["prompt"], send)
    offer = client.get(f"{url}/offer", headers=headers).json
    return score, conversation, offer


def offer_differences(data: dict, offer: dict) -> list[str]:
    """Where the offer is not what the persona meant."""
    wrong = []
    supplier, opportunity = offer["supplier"], offer["opportunity"]
    about, contract = data["about"], data["contract"]
    if supplier["type"] != about["kind"]["means"]:
        wrong.append(f"kind {supplier['type']}")
    if abs((opportunity["value_gbp"] or 0) - contract["value"]["means"]) > 1:
        wrong.append(f"value {opportunity['value_gbp']}")
    if abs((opportunity["duration_months"] or 0) - contract["length"]["means_months"]) > 0.6:
        wrong.append(f"length {opportunity['duration_months']}")
    commitments = offer["commitments"]
    if len(commitments) != len(data["commitments"]):
        return [*wrong, f"{len(commitments)} commitments"]
    for meant, made in _paired(data["commitments"], commitments):
        readings = {(UNITS[m["counted"]], float(m["amount"])) for m in meant["quantity"]["means"]}
        if not made:
            wrong.append(f"{meant['priority']}: no commitment made")
            continue
        if (made["unit"], float(made["quantity"] or 0)) not in readings:
            wrong.append(f"{meant['quantity']['say']!r} -> {made['quantity']} {made['unit']}")
        if not _when_as_meant(meant["timescale"]["means"], made):
            wrong.append(f"{meant['timescale']['say']!r} -> {made['timescale']}")
        if made["classification"] != meant["classification"]["means"]:
            wrong.append(f"{meant['classification']['say']!r} -> {made['classification']}")
    return wrong


def _paired(meant: list[dict], made: list[dict]) -> list[tuple[dict, dict]]:
    """Each meant commitment with the one made for it: by priority, in order within it (the
    offer lists commitments in the council's order of priorities)."""
    pairs, left = [], list(made)
    unmatched = []
    for title in dict.fromkeys(c["priority"] for c in meant):
        wanted = [c for c in meant if c["priority"] == title]
        got = [c for c in left if c.get("theme_title") == title][: len(wanted)]
        left = [c for c in left if all(c is not g for g in got)]
        pairs += list(zip(wanted, got, strict=False))
        unmatched += wanted[len(got) :]
    # A measure of another priority files the commitment there: pair what is left in order.
    return pairs + list(zip(unmatched, left + [{}] * len(unmatched), strict=False))


def _when_as_meant(means: dict, made: dict) -> bool:
    months = made.get("timescale_months")
    if means.get("whole_contract"):
        return months is None
    if means.get("from_start"):
        return made["timescale"] == "from the start of the contract"
    if "every" in means:
        return made["timescale"] == f"every {means['every']}"
    want = means.get("months")
    if "by" in means:
        want = (date.fromisoformat(str(means["by"])) - date.today()).days / 30.4375
    return months is not None and abs(months - want) <= 1
