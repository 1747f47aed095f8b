"""Knowledge-base entries and topics: loading, validation and council overrides."""

import re
from datetime import date
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from knowledge.content import ContentError, Source, Strict, month_year, read_yaml, validate

KNOWLEDGE_DIR = Path(__file__).parent
BASE_DIR = KNOWLEDGE_DIR / "base"
TOPICS_FILE = KNOWLEDGE_DIR / "topics.yaml"
MAX_ANSWER_WORDS = 160


class Topic(Strict):
    """One of the fixed topics that every entry belongs to."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str
    scope: str
    # Topics whose answers overlap with this one's (the relation is read both ways round).
    neighbours: list[str] = Field(default_factory=list)


# What in an answer can change: a rate (£13.45 an hour, £226.50 a week), a threshold
# (£5 million), or a statement of law or policy (an Act, Regulations, a section, a procurement
# policy note). An answer stating one needs a dated source.
CHANGEABLE = re.compile(
    r"£\s?\d[\d,]*(?:\.\d\d)?\s?(?:an? hour|a week|a tonne|per tonne|million|billion)"
    r"|£\d+\.\d\d|\b(?:Act|Regulations) (?:19|20)\d\d|\bsection \d+|\bPPN\b",
    re.IGNORECASE,
)


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

    @model_validator(mode="after")
    def _changeable_facts_are_dated(self) -> "Entry":
        found = CHANGEABLE.search(self.answer)
        if found and not any(source.dated for source in self.sources):
            raise ValueError(
                f"sources: the answer states '{found.group(0)}', which can change: give the "
                "source that supports it an as_of and a review_by date"
            )
        return self

    @property
    def as_of(self) -> date | None:
        """When its changeable facts were last checked (the oldest dated source), if any."""
        days = [source.as_of for source in self.sources if source.as_of]
        return min(days) if days else None

    @property
    def shown_answer(self) -> str:
        """The answer as people read it: with "As of …" when it states what can change."""
        if self.as_of is None:
            return self.answer
        return f"{self.answer} (As of {month_year(self.as_of)}.)"


def load_topics(path: Path = TOPICS_FILE) -> dict[str, Topic]:
    """The fixed topic list, keyed by id."""
    data = read_yaml(path)
    if not isinstance(data, list):
        raise ContentError(f"{path}: (top level): expected a list of topics")
    topics = {topic.id: topic for topic in (validate(Topic, item, path) for item in data)}
    for topic in topics.values():
        unknown = sorted(set(topic.neighbours) - set(topics))
        if unknown:
            raise ContentError(f"{path}: {topic.id}.neighbours: no topic {', '.join(unknown)}")
    return topics


def neighbourhoods(topics: dict[str, Topic]) -> dict[str, frozenset[str]]:
    """Each topic with itself and its neighbours, the relation read both ways round."""
    near: dict[str, set[str]] = {topic_id: {topic_id} for topic_id in topics}
    for topic in topics.values():
        for other in topic.neighbours:
            near[topic.id].add(other)
            near[other].add(topic.id)
    return {topic_id: frozenset(ids) for topic_id, ids in near.items()}


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
