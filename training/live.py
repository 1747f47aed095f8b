"""The trainer's live view: where the room is, what it offers and asks, and anonymised strong
and weak commitments, picked by the offer checks, to discuss on the projector."""

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from knowledge.grouping import group_questions
from knowledge.packs import CouncilPack
from knowledge.vocabulary import amount
from offer.build import commitments_from
from offer.checks import commitment_checks
from offer.model import Commitment

DONE = "done"
TOP = 8  # how many themes, commitments and questions the view lists
EXAMPLES = 3  # strong and weak examples each


@dataclass(frozen=True)
class Seat:
    """One attendee's conversation: its stage, whether it is finished, and the engine's state."""

    stage: str
    done: bool
    state: dict[str, Any]
    names: list[str] = field(default_factory=list)  # the attendee's own, to take out of text


@dataclass(frozen=True)
class Asked:
    """A question as the room asked it: how often, and whether the knowledge base answered."""

    question: str
    times: int
    answered: bool


@dataclass(frozen=True)
class Example:
    """A commitment with the organisation's name taken out, and what the checks say of it."""

    text: str
    problems: list[str]


@dataclass(frozen=True)
class LiveView:
    """Everything on the trainer's screen."""

    attendees: int
    stages: list[tuple[str, int]]  # (stage title, attendees there), in the flow's order
    themes: list[tuple[str, int]]  # (theme, commitments under it), most first
    common: list[tuple[str, int]]  # (commitment, how many attendees offered it), most first
    questions: list[Asked]
    unanswered: list[Asked]
    asked_total: int
    unanswered_total: int
    strong: list[Example]
    weak: list[Example]


def _anonymised(text: str, names: list[str]) -> str:
    for name in names:
        if name and len(name) > 2:
            text = re.sub(re.escape(name), "[the organisation]", text, flags=re.IGNORECASE)
    return text


def _describe(commitment: Commitment) -> str:
    parts = [commitment.title]
    if commitment.quantity:
        parts.append(amount(commitment.quantity, commitment.unit))
    if commitment.timescale:
        parts.append(commitment.timescale)
    text = ", ".join(parts)
    if commitment.delivery:
        text += f". How: {commitment.delivery}"
    return text


def _asked(rows: list[tuple[str, bool, str | None]]) -> tuple[list[Asked], list[Asked]]:
    counts = Counter((q.strip(), answered) for q, answered, _ in rows)
    answered = {q: a for (q, a) in counts}
    groups = group_questions([(i, q, n) for i, ((q, _), n) in enumerate(counts.items())])
    asked = [Asked(g.title, g.times_asked, answered[g.title]) for g in groups]
    return asked[:TOP], [a for a in asked if not a.answered][:TOP]


def live_view(
    seats: list[Seat],
    stages: list[tuple[str, str]],
    pack: CouncilPack,
    questions: list[tuple[str, bool, str | None]],
) -> LiveView:
    """The room at a glance. `stages` are the flow's (id, title); `questions` are (question,
    answered, answer title) as asked, oldest first."""
    at = Counter(DONE if s.done else s.stage for s in seats)
    by_stage = [(title, at.get(stage_id, 0)) for stage_id, title in stages]
    by_stage.append(("Finished", at.get(DONE, 0)))
    themes: Counter[str] = Counter()
    common: Counter[str] = Counter()
    scored: list[tuple[int, Example]] = []
    for seat in seats:
        answers = seat.state.get("answers", {})
        names = [answers.get("organisation.name") or "", *seat.names]
        offered = commitments_from(seat.state.get("commitments", []), pack)
        themes.update(c.theme_title or "Own ideas" for c in offered)
        common.update({c.title.strip().capitalize() for c in offered})
        for commitment in offered:
            checks = commitment_checks(commitment, pack)
            problems = [c.message for c in checks if c.level == "problem"]
            scored.append(
                (len(problems), Example(_anonymised(_describe(commitment), names), problems))
            )
    strong = [e for n, e in scored if n == 0][:EXAMPLES]
    weak = [e for _, e in sorted((s for s in scored if s[0] > 0), key=lambda s: -s[0])][:EXAMPLES]
    asked, unanswered = _asked(questions)
    return LiveView(
        len(seats),
        by_stage,
        themes.most_common(TOP),
        common.most_common(TOP),
        asked,
        unanswered,
        len(questions),
        sum(1 for _, answered, _ in questions if not answered),
        strong,
        weak,
    )


def summary(view: LiveView) -> dict[str, Any]:
    """What a closed session keeps for the council: counts only, no names, no text."""
    return {
        "attendees": view.attendees,
        "stages": dict(view.stages),
        "commitments_by_theme": dict(view.themes),
        "questions": view.asked_total,
        "unanswered": view.unanswered_total,
    }
