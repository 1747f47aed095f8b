"""The offer as it stands, from a conversation's state: for 'check your offer' and the API."""

from dataclasses import dataclass
from typing import Any

from assistant.prompts import display, money
from assistant.state import State
from knowledge.packs import CouncilPack
from knowledge.vocabulary import amount

# Answers saved by choice steps, by path: {value: the label people were shown}.
Labels = dict[str, dict[str, str]]

ORGANISATION_ROWS = [
    ("organisation.name", "Name"),
    ("organisation.type", "Kind of organisation"),
    ("organisation.size", "People working for you"),
    ("organisation.postcode", "Postcode"),
    ("organisation.activity", "What you do"),
]
CONTRACT_ROWS = [
    ("opportunity.title", "Contract"),
    ("opportunity.contract_type", "Kind of contract"),
    ("opportunity.value", "Value"),
    ("opportunity.duration", "Length"),
]
VALUE_ROWS = [
    ("value.beneficiaries", "Who you help"),
    ("value.outcomes", "The difference you make"),
    ("value.evidence", "How you know"),
    ("value.areas", "Where you work"),
]
# Rows that only some councils' conversations ask for: left out where not answered.
ASKED_BY_SOME = {"value.areas"}


@dataclass(frozen=True)
class Row:
    """One line of a summary list: a label and a value."""

    label: str
    value: str
    commitment: str | None = None  # the commitment's id, on a commitment's row

    @property
    def change_command(self) -> str:
        """What the supplier types to change this commitment."""
        return f"change commitment {self.commitment}"

    @property
    def remove_command(self) -> str:
        """What the supplier types to remove this commitment."""
        return f"remove commitment {self.commitment}"


@dataclass(frozen=True)
class Section:
    """A summary list with a heading, and the stage to go back to for changes."""

    title: str
    stage: str
    rows: list[Row]

    @property
    def change_command(self) -> str:
        """What the supplier types to change this section."""
        return f"change {self.stage.replace('-', ' ')}"


def _rows(state: State, spec: list[tuple[str, str]], labels: Labels) -> list[Row]:
    rows = []
    for path, label in spec:
        value = state.answers.get(path)
        if value is None and path in ASKED_BY_SOME:
            continue
        if path == "opportunity.value":
            text = money(value)
        elif isinstance(value, str) and value in labels.get(path, {}):
            text = labels[path][value]  # a choice, in the words it was offered
        else:
            text = display(value)
        rows.append(Row(label, text or "Not given"))
    return rows


def _need(need: dict[str, Any]) -> str:
    return f"{need['organisation']}: {need['title']}"


def summary_sections(
    state: State, pack: CouncilPack, labels: Labels | None = None
) -> list[Section]:
    """The offer in sections: about you, the contract, commitments by theme, and your value.
    `labels` gives the words for chosen options (`Flow.choice_labels`)."""
    labels = labels or {}
    sections = [
        Section("About you", "about-you", _rows(state, ORGANISATION_ROWS, labels)),
        Section("The contract", "opportunity", _rows(state, CONTRACT_ROWS, labels)),
    ]
    for theme in pack.themes:
        mine = [c for c in state.commitments if c.get("theme_id") == theme.id]
        if mine:
            rows = [Row(c["title"], _one_line(c), c["id"]) for c in mine]
            sections.append(Section(theme.title, "themes", rows))
    sections.append(Section("What you already do", "value", _rows(state, VALUE_ROWS, labels)))
    return sections


def _one_line(commitment: dict[str, Any]) -> str:
    parts = [
        amount(commitment.get("quantity"), commitment.get("unit")),
        display(commitment.get("timescale")),
        f"evidence: {display(commitment.get('evidence_plan'))}",
        f"pledged to {_need(commitment['need'])}" if commitment.get("need") else "",
    ]
    return ", ".join(p for p in parts if p)
