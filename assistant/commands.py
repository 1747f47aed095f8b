"""Recognising what the supplier typed: a command, a question, or an answer."""

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from assistant.flow import Flow

# In free text, "can", "do", "will"... often start a statement ("Can offer 2 placements").
OPEN_QUESTION_WORDS = frozenset(
    ["what", "whats", "how", "why", "where", "who", "which", "explain", "define", "meaning"]
)
QUESTION_WORDS = frozenset(
    [
        "what",
        "whats",
        "how",
        "why",
        "when",
        "where",
        "who",
        "which",
        "can",
        "could",
        "do",
        "does",
        "did",
        "is",
        "are",
        "should",
        "would",
        "will",
        "may",
        "explain",
        "define",
        "meaning",
    ]
)
_SIMPLE = {
    "help": "help",
    "back": "back",
    "go back": "back",
    "undo": "back",
    "previous": "back",
    "skip": "skip",
    "skip this": "skip",
    "skip this one": "skip",
    "start again": "start-again",
    "start over": "start-again",
    "restart": "start-again",
    "reset": "start-again",
}
_CHANGE = re.compile(r"^(?:change|edit|go to)\s+(?:the\s+|my\s+)?(.+)$")
# Other names suppliers use for the stages.
STAGE_ALIASES = {
    "about-you": ["about you", "about me", "organisation", "my organisation", "details"],
    "opportunity": ["contract", "the contract", "opportunity", "tender"],
    "themes": ["priorities", "commitments", "themes", "council's priorities", "offer"],
    "value": ["what you already do", "what we already do", "value", "intrinsic value"],
    "check": ["check", "check your offer", "summary"],
}


@dataclass(frozen=True)
class Command:
    """A command: 'help', 'back', 'skip', 'start-again' or 'change' (with a stage id)."""

    name: str
    stage: str | None = None


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^a-z' ]", " ", text.lower()).split())


def parse_command(text: str, flow: Flow) -> Command | None:
    """The command the text is, if it is one (whole-message commands only)."""
    plain = _plain(text)
    if plain in _SIMPLE:
        return Command(_SIMPLE[plain])
    if plain == "change":
        return Command("change", None)
    match = _CHANGE.match(plain)
    stage = _stage_named(match.group(1), flow) if match else None
    # "Go to local schools..." is an answer, not a command: only a known section is a change.
    return Command("change", stage) if stage else None


def _stage_named(name: str, flow: Flow) -> str | None:
    names = {stage.title.lower(): stage.id for stage in flow.stages}
    names |= {alias: sid for sid, aliases in STAGE_ALIASES.items() for alias in aliases}
    names |= {stage.id.replace("-", " "): stage.id for stage in flow.stages}
    match = process.extractOne(name, list(names), scorer=fuzz.ratio, score_cutoff=80)
    stage = names[match[0]] if match else None
    return stage if stage in flow.stage_ids() else None


def looks_like_question(text: str, free_text: bool) -> bool:
    """A question mark, or a question word first (only open ones in free text)."""
    words = _plain(text).replace("'", "").split()
    starters = OPEN_QUESTION_WORDS if free_text else QUESTION_WORDS
    return "?" in text or (bool(words) and words[0] in starters)
