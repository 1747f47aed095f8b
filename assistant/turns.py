"""What the engine works with and gives back: its context, messages, the prompt and a turn."""

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from assistant.flow import Flow
from assistant.state import State
from knowledge.matcher import SearchResult
from knowledge.packs import CouncilPack, Theme
from knowledge.suggest import Suggestion


@dataclass(frozen=True)
class LocalNeed:
    """An approved need of a verified local organisation, which a commitment can meet."""

    id: int
    organisation: str
    title: str
    measure_id: str
    quantity: float
    unit: str
    timescale: str


@dataclass(frozen=True)
class Context:
    """Everything the engine needs besides the state: the flow, the council, the knowledge."""

    flow: Flow
    pack: CouncilPack
    search: Callable[..., SearchResult]  # (question, topics=()) -> SearchResult
    suggest: Callable[[str], list[Suggestion]]
    today: date
    themes: tuple[Theme, ...] = ()
    needs: tuple[LocalNeed, ...] = ()
    # (answers, a commitment just finished) -> what is out of proportion or cannot be done in
    # time, said as it is filed (offer/commitment_review.py; the engine cannot import offer).
    review: Callable[[dict[str, Any], dict[str, Any]], list[str]] = field(
        default=lambda _answers, _commitment: []
    )

    @property
    def loop_themes(self) -> tuple[Theme, ...]:
        """The themes the conversation goes through: the opportunity's, or all the council's."""
        return self.themes or tuple(self.pack.themes)

    def theme_at(self, index: int) -> Theme | None:
        """The theme at a position of the theme loop, or None outside it."""
        themes = self.loop_themes
        return themes[index] if 0 <= index < len(themes) else None


@dataclass(frozen=True)
class Message:
    """One chat message. `kind` is 'prompt', 'say', 'answer' (from the knowledge base) or
    'problem' (an answer that could not be used); `entry` links a knowledge-base answer."""

    role: str
    text: str
    kind: str = "say"
    entry: dict[str, str] | None = None
    links: tuple[dict[str, str], ...] = ()  # help pages that might help, when not answered

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, without empty fields."""
        data = {k: v for k, v in asdict(self).items() if v is not None and k != "links"}
        return data | ({"links": list(self.links)} if self.links else {})


@dataclass(frozen=True)
class Choice:
    """An option of a choice prompt."""

    value: str
    label: str
    hint: str | None = None
    also: tuple[str, ...] = ()  # other words people use for it, not shown
    means: tuple[str, ...] = ()  # patterns that say it in other words
    examples: tuple[str, ...] = ()  # answers people have typed for it


@dataclass(frozen=True)
class Prompt:
    """What the supplier is being asked now, and how to answer it."""

    step: str | None
    stage: str
    text: str
    type: str
    options: tuple[Choice, ...] = ()
    hint: str | None = None
    example: str | None = None
    error: str | None = None
    skippable: bool = False
    value: str | None = None
    theme: str | None = None
    suggested: tuple[str, ...] = ()  # answers offered to choose with one tap

    def to_dict(self) -> dict[str, Any]:
        """The API's prompt object: type, text, and options when there is a choice."""
        data: dict[str, Any] = {"type": self.type, "text": self.text, "step": self.step}
        if self.options:
            data["options"] = [
                {"value": o.value, "label": o.label, "hint": o.hint} for o in self.options
            ]
        for name in ("hint", "example", "error"):
            if getattr(self, name):
                data[name] = getattr(self, name)
        data["skippable"] = self.skippable
        data["theme"] = self.theme
        if self.suggested:
            data["suggested_answers"] = list(self.suggested)
        return data


@dataclass(frozen=True)
class Turn:
    """The result of one exchange: the new state, new messages, the next prompt, and events
    for the web layer (for example a question the knowledge base could not answer)."""

    state: State
    messages: list[Message]
    prompt: Prompt
    events: list[dict[str, str]] = field(default_factory=list)
