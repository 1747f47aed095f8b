"""A conversation's state, as plain data that round-trips through JSON."""

import json
from dataclasses import dataclass, field
from typing import Any

# Enough to undo a whole conversation; each entry holds only what one answer changed.
MAX_TRAIL = 400


def next_commitment_id(commitments: list[dict[str, Any]]) -> str:
    """An id no commitment has: one more than the highest (ids are "c1", "c2"...)."""
    numbers = [int(c["id"][1:]) for c in commitments if str(c.get("id", ""))[1:].isdecimal()]
    return f"c{max(numbers, default=0) + 1}"


@dataclass
class State:
    """Where a conversation is, and everything the supplier has told the assistant."""

    step: str | None
    answers: dict[str, Any] = field(default_factory=dict)
    prefill: dict[str, Any] = field(default_factory=dict)
    theme_index: int = -1
    draft: dict[str, Any] = field(default_factory=dict)
    commitments: list[dict[str, Any]] = field(default_factory=list)
    suggestions: list[dict[str, Any]] = field(default_factory=list)
    trail: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    return_to: str | None = None
    changing: str | None = None
    confirming_restart: bool = False
    # A total worked out from what they said ("2 apprentices for a year each" is 104 weeks),
    # waiting for them to confirm it: {"value": 104, "text": "That is 104 weeks in all..."}.
    confirming: dict[str, Any] | None = None
    # What they typed at a free-text step that read as a question, kept for one turn in case
    # it was their answer ("use that"): {"step": ..., "value": ...}.
    held: dict[str, Any] | None = None
    # The theme a commitment was just filed under ({"index": 0, "title": ...}), so the next
    # question can offer "Add another for <title>". Forgotten at the next answer.
    filed_theme: dict[str, Any] | None = None
    turns: int = 0
    # "commitment" while one commitment is being changed from the summary: when it is filed,
    # the conversation returns to `return_to` (for a stage, `changing` holds the stage id).
    # What "back" took away, by path: shown as the question's current answer, so the person
    # sees (and can keep) what they said before. Forgotten at the next answer.
    undone: dict[str, Any] = field(default_factory=dict)

    @property
    def done(self) -> bool:
        """True once the supplier has finished the flow."""
        return self.step is None

    def to_dict(self) -> dict[str, Any]:
        """The state as JSON-ready data. Shallow: its values are the state's own (copy it
        through JSON to change it independently, as `copy` does)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    def copy(self) -> "State":
        """An independent copy. Through JSON, which the state already is, because that is
        several times faster than copy.deepcopy on a long undo trail."""
        return State.from_dict(json.loads(json.dumps(self.to_dict())))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "State":
        """A state from `to_dict` output (unknown keys are ignored, so old rows still load)."""
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        return cls(**known)

    def value(self, path: str) -> Any:
        """A saved answer: 'organisation.name', or 'commitment.quantity' from the draft."""
        root, _, name = path.partition(".")
        if root == "commitment":
            return self.draft.get(name)
        return self.answers.get(path)

    def remember(self) -> dict[str, Any]:
        """Start an undo entry for what is about to change (an answer, a skip, a jump)."""
        self.undone = {}
        self.filed_theme = None
        entry = {
            "step": self.step,
            "theme_index": self.theme_index,
            "changing": self.changing,
            "return_to": self.return_to,
            "answers": {},
            "draft": dict(self.draft),
            "commitments": len(self.commitments),
            "suggestions": list(self.suggestions),
        }
        self.trail = [*self.trail, entry][-MAX_TRAIL:]
        return entry

    def set_value(self, path: str, value: Any, entry: dict[str, Any]) -> None:
        """Save an answer, noting the old value in the undo entry."""
        root, _, name = path.partition(".")
        if root == "commitment":
            self.draft[name] = value
            return
        entry["answers"].setdefault(path, self.answers.get(path))
        self.answers[path] = value

    def undo(self) -> bool:
        """Put back the state from before the last answer; False if there is nothing to undo."""
        if not self.trail:
            return False
        entry = self.trail.pop()
        self.filed_theme = None
        self.undone = {path: self.answers.get(path) for path in entry["answers"]}
        self.undone |= {
            f"commitment.{name}": value
            for name, value in self.draft.items()
            if entry["draft"].get(name) != value
        }
        for path, old in entry["answers"].items():
            if old is None:
                self.answers.pop(path, None)
            else:
                self.answers[path] = old
        self.step = entry["step"]
        self.theme_index = entry["theme_index"]
        self.changing = entry.get("changing")
        self.return_to = entry.get("return_to")
        self.draft = dict(entry["draft"])
        if "commitment_list" in entry:  # a commitment was changed or removed: put them back
            self.commitments = [dict(c) for c in entry["commitment_list"]]
        else:
            self.commitments = self.commitments[: entry["commitments"]]
        self.suggestions = list(entry["suggestions"])
        self.error = None
        return True
