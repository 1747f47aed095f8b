"""The tidy-wording step: which of a supplier's answers have suggestions, and the answers with
the suggestions they accepted made. A rejected suggestion is remembered, so it is not made
again; nothing is changed that the supplier did not accept."""

import copy
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from knowledge.entries import Entry
from knowledge.library import Library
from knowledge.packs import CouncilPack
from knowledge.wording import load_wording
from offer.wording import Suggestion, Tidier, apply

KEPT = "offer.kept_wording"  # the answer key of suggestions the supplier said no to
ANSWERS = {
    "organisation.name": "Your organisation's name",
    "organisation.activity": "What your organisation does",
    "value.beneficiaries": "Who you already support",
    "value.outcomes": "The difference you make",
    "value.evidence": "How you know",
    "value.areas": "Where you work",
}
COMMITMENT_FIELDS = {
    "idea": "The commitment in your words",
    "timescale": "By when",
    "delivery": "How you will deliver it",
    "beneficiaries": "Who will benefit",
    "partners": "Who you will work with",
    "evidence_plan": "How you will show it happened",
}


def tidier_for(pack: CouncilPack, entries: Iterable[Entry]) -> Tidier:
    """A council's tidier: its places in capitals, and every word of its pack and knowledge
    base known, so that none of them is suggested as a misspelling."""
    content = json.dumps(pack.model_dump(mode="json")) + " ".join(e.answer for e in entries)
    known = set(re.findall(r"[a-z][a-z'’-]+", content.lower()))
    return Tidier(load_wording(), places=pack.local_area.places, known=known)


def tidiers(library: Library) -> dict[str, Tidier]:
    """Every council's tidier."""
    return {
        council_id: tidier_for(pack, library.entries_by_council[council_id].values())
        for council_id, pack in library.packs.items()
    }


@dataclass(frozen=True)
class Answer:
    """One typed answer and the suggestions for it."""

    key: str  # "organisation.activity", or "c2.delivery" for a commitment's
    label: str
    text: str
    suggestions: list[Suggestion]


def _remembered(suggestion: Suggestion, key: str) -> str:
    return f"{key}|{suggestion.original}|{suggestion.replacement}"


def _texts(answers: dict[str, Any], commitments: list[dict]) -> list[tuple[str, str, str]]:
    found = [(key, label, answers.get(key)) for key, label in ANSWERS.items()]
    for number, commitment in enumerate(commitments, start=1):
        title = " ".join((commitment.get("title") or f"Commitment {number}").split())
        short = " ".join(title.split()[:6]) + ("…" if len(title.split()) > 6 else "")
        title = short[:1].upper() + short[1:]
        for name, label in COMMITMENT_FIELDS.items():
            key = f"{commitment['id']}.{name}"
            text = commitment.get(name)
            if name == "timescale":
                text = (text or {}).get("text") if isinstance(text, dict) else None
            found.append((key, f"{title} – {label.lower()}", text))
    return [(k, label, text) for k, label, text in found if isinstance(text, str) and text]


def review(tidier: Tidier, answers: dict[str, Any], commitments: list[dict]) -> list[Answer]:
    """The answers that have suggestions still to decide, in the order they were asked."""
    kept = set(answers.get(KEPT) or [])
    found = []
    for key, label, text in _texts(answers, commitments):
        open_ = [s for s in tidier.suggest(text) if _remembered(s, key) not in kept]
        if open_:
            found.append(Answer(key, label, text, open_))
    return found


def decide(
    tidier: Tidier,
    answers: dict[str, Any],
    commitments: list[dict],
    choices: dict[tuple[str, str], bool],
) -> tuple[dict[str, Any], list[dict]]:
    """The answers and commitments with each accepted suggestion made and each rejected one
    remembered. `choices` maps (answer key, suggestion key) to accepted or not; suggestions
    not in it are left for later."""
    answers, commitments = dict(answers), copy.deepcopy(commitments)
    kept = list(answers.get(KEPT) or [])
    by_id = {c["id"]: c for c in commitments}
    for answer in review(tidier, answers, commitments):
        accepted = []
        for suggestion in answer.suggestions:
            choice = choices.get((answer.key, suggestion.key))
            if choice is True:
                accepted.append(suggestion)
            elif choice is False:
                kept.append(_remembered(suggestion, answer.key))
        if not accepted:
            continue
        text = apply(answer.text, accepted)
        if answer.key in ANSWERS:
            answers[answer.key] = text
        else:
            _set(by_id, answer.key, answer.text, text)
    if kept:
        answers[KEPT] = kept
    return answers, commitments


def _set(commitments: dict[str, dict], key: str, was: str, text: str) -> None:
    """Put a tidied answer back in its commitment."""
    commitment_id, _, name = key.partition(".")
    commitment = commitments.get(commitment_id)
    if commitment is None:
        return
    if name == "timescale":
        commitment["timescale"] = {**commitment["timescale"], "text": text}
        return
    commitment[name] = text
    if name == "idea" and commitment.get("title") == was:
        commitment["title"] = text  # a commitment in its own words


def version(found: list[Answer]) -> str:
    """Which suggestions were shown, so that choices are never applied to others."""
    shown = [(a.key, s.key, s.replacement) for a in found for s in a.suggestions]
    return hashlib.sha256(json.dumps(shown).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Change:
    """One suggested change, wherever it is suggested: "&" to "and" in three answers is
    asked once."""

    suggestion: Suggestion  # the first of them
    places: list[tuple[Answer, Suggestion]]

    @property
    def choices(self) -> list[tuple[str, str]]:
        """The (answer key, suggestion key) of every place the change would be made."""
        return [(answer.key, suggestion.key) for answer, suggestion in self.places]


def changes(found: list[Answer]) -> list[Change]:
    """The distinct changes suggested, in the order they first appear."""
    grouped: dict[tuple[str, str, str], list[tuple[Answer, Suggestion]]] = {}
    for answer in found:
        for suggestion in answer.suggestions:
            same = (suggestion.kind, suggestion.original.strip(), suggestion.replacement.strip())
            grouped.setdefault(same, []).append((answer, suggestion))
    return [Change(places[0][1], places) for places in grouped.values()]


def in_context(answer: Answer, suggestion: Suggestion, words: int = 6) -> tuple[str, str, str]:
    """A few words either side of the suggestion, to show where it is."""
    before, after = answer.text[: suggestion.start], answer.text[suggestion.end :]
    head = re.search(rf"(?:\S+\s*){{0,{words}}}$", before).group()
    tail = re.match(rf"(?:\s*\S+){{0,{words}}}", after).group()
    head = "…" + head if len(head) < len(before) else head
    tail = tail + "…" if len(tail) < len(after) else tail
    return head, answer.text[suggestion.start : suggestion.end], tail


def question(suggestion: Suggestion) -> str:
    """The suggestion as a question to the supplier."""
    original = suggestion.original.strip()
    if not suggestion.replacement:
        return f"Leave out “{original}”?"
    return f"Change “{original}” to “{suggestion.replacement.strip()}”?"
