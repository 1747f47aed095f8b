"""Knowledge-base entries and topics: loading, validation and council overrides."""

import re
from pathlib import Path

from pydantic import Field, field_validator

from knowledge.content import ContentError, Strict, read_yaml, validate

KNOWLEDGE_DIR = Path(__file__).parent
BASE_DIR = KNOWLEDGE_DIR / "base"
TOPICS_FILE = KNOWLEDGE_DIR / "topics.yaml"
MAX_ANSWER_WORDS = 160


class Topic(Strict):
    """One of the fixed topics that every entry belongs to."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str
    scope: str


class Source(Strict):
    """Where an answer's facts come from."""

    title: str = Field(min_length=5)
    url: str | None = Field(default=None, pattern=r"^https://")


def word_count(text: str) -> int:
    """Number of words, as a reader would count them."""
    return len(re.findall(r"[\w£%'’-]+", text))


class Entry(Strict):
    """A plain-English answer and the questions it answers."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    topic: str
    title: str = Field(min_length=5)
    questions: list[str] = Field(min_length=3)
    keywords: list[str] = Field(min_length=2)
    answer: str = Field(min_length=40)
    read_more: str | None = None
    sources: list[Source] = Field(min_length=1)

    @field_validator("answer")
    @classmethod
    def _answer_is_short(cls, answer: str) -> str:
        words = word_count(answer)
        if words > MAX_ANSWER_WORDS:
            raise ValueError(f"{words} words; keep answers under about 150 words")
        return answer.strip()


def load_topics(path: Path = TOPICS_FILE) -> dict[str, Topic]:
    """The fixed topic list, keyed by id."""
    data = read_yaml(path)
    if not isinstance(data, list):
        raise ContentError(f"{path}: (top level): expected a list of topics")
    topics = [validate(Topic, item, path) for item in data]
    return {topic.id: topic for topic in topics}


def load_entry(path: Path, topics: dict[str, Topic]) -> Entry:
    """Load one entry file; its id must match the file name and its topic must exist."""
    entry = validate(Entry, read_yaml(path), path)
    if entry.id != path.stem:
        raise ContentError(f"{path}: id: '{entry.id}' must match the file name '{path.stem}'")
    if entry.topic not in topics:
        raise ContentError(f"{path}: topic: '{entry.topic}' is not one of the fixed topic ids")
    return entry


def load_entries(directory: Path, topics: dict[str, Topic]) -> dict[str, Entry]:
    """Every entry under a folder (recursively), keyed by id; ids must be unique."""
    entries: dict[str, Entry] = {}
    for path in sorted(directory.rglob("*.yaml")):
        entry = load_entry(path, topics)
        if entry.id in entries:
            raise ContentError(f"{path}: id: '{entry.id}' is used by another entry")
        entries[entry.id] = entry
    return entries


def council_entries(
    base: dict[str, Entry], council_dir: Path, topics: dict[str, Topic]
) -> dict[str, Entry]:
    """The base entries with a council's own entries added, or replacing those with its ids."""
    own = council_dir / "knowledge"
    if not own.is_dir():
        return dict(base)
    return {**base, **load_entries(own, topics)}
