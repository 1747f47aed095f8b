"""Answers staff add from the unanswered-questions page: new ways of asking an entry, or new
entries.

Staff draft them in the service and a manager approves them; approved, they change what the
assistant answers at once, without a release. They are kept in the database until someone
exports them to the council's pack as ordinary entry files (`flask export-answers`), where the
change is reviewed like any other content. Applying them is idempotent: a phrasing a pack file
already holds is not added twice, and a pack file's entry wins over a drafted one of its id.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import yaml
from pydantic import ValidationError

from knowledge.content import ContentError, describe
from knowledge.entries import Entry, Topic, word_count

PHRASING, ENTRY = "phrasing", "entry"
MAX_QUESTION = 300  # characters in one way of asking
# A drafted answer is checked by the staff who write and approve it; like a file's dated
# facts, it is due for a fresh check a year later (`flask export-answers` keeps the dates).
REVIEW_AFTER = timedelta(days=365)
# What a drafted entry lacks, in the words of the form that drafts it.
PROBLEMS = {
    "title": "Give the answer a title of at least 5 characters",
    "questions": "Give at least 3 ways of asking the question, one on each line",
    "keywords": "Give at least 2 keywords, separated by commas",
    "answer": "Write an answer of at least 40 characters",
    "source_title": "Say where the answer's facts come from, in at least 5 characters",
    "source_url": "Give the source's web address, starting https://",
}


@dataclass(frozen=True)
class Addition:
    """New ways of asking an existing entry (`entry` is None), or a whole new entry."""

    kind: str
    entry_id: str
    questions: tuple[str, ...]
    entry: Entry | None = None


class DraftProblem(ContentError):
    """What is wrong with a drafted entry, and which of its fields it is about."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Approved:
    """A council's approved additions, and a stamp that changes whenever they do."""

    stamp: str
    additions: tuple[Addition, ...]


def phrasings(entry_id: str, questions: Iterable[str]) -> Addition:
    """New ways of asking an existing entry (blank lines and repeats dropped)."""
    return Addition(PHRASING, entry_id, tuple(_distinct(questions)))


def new_entry(
    *,
    title: str,
    topic: str,
    answer: str,
    questions: Iterable[str],
    keywords: Iterable[str],
    source_title: str,
    source_url: str | None,
    topics: dict[str, Topic],
    taken: Iterable[str],
    checked_on: date,
) -> Addition:
    """A new entry, checked like an entry file; its id is made from the title (unique among
    `taken`) and its source is dated `checked_on`, due for review a year later. Raises
    DraftProblem, naming the field, with a plain message."""
    if topic not in topics:
        raise DraftProblem("topic", "Choose the topic the answer belongs to")
    data = {
        "id": entry_id_for(title, set(taken)),
        "topic": topic,
        "title": title.strip(),
        "questions": _distinct(questions),
        "keywords": _distinct(keywords),
        "answer": answer.strip(),
        "sources": [
            {
                "title": source_title.strip(),
                "url": source_url or None,
                "as_of": checked_on,
                "review_by": checked_on + REVIEW_AFTER,
            }
        ],
    }
    try:
        entry = Entry.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = str(first["loc"][0])
        if field == "sources":
            field = "source_url" if first["loc"][-1] == "url" else "source_title"
        message = PROBLEMS.get(field, describe(error))
        if field == "answer" and first["type"] == "value_error":
            message = f"Keep the answer under about 150 words (it has {word_count(answer)})"
        raise DraftProblem(field, message) from error
    return Addition(ENTRY, entry.id, tuple(entry.questions), entry)


def entry_id_for(title: str, taken: set[str]) -> str:
    """A kebab-case id from the title's first words, not one of `taken`."""
    words = re.findall(r"[a-z0-9]+", title.lower())[:6] or ["answer"]
    base = "-".join(words)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def apply(entries: dict[str, Entry], additions: Iterable[Addition]) -> dict[str, Entry]:
    """The entries with the additions made (idempotent; what the files hold wins)."""
    result = dict(entries)
    for addition in additions:
        if addition.entry is not None:
            result.setdefault(addition.entry_id, addition.entry)
            continue
        entry = result.get(addition.entry_id)
        if entry is None:  # the entry has left the pack since
            continue
        known = {q.casefold() for q in entry.questions}
        new = [q for q in addition.questions if q.casefold() not in known]
        if new:
            result[addition.entry_id] = entry.model_copy(
                update={"questions": [*entry.questions, *new]}
            )
    return result


def entry_file(entry: Entry) -> str:
    """The entry as a pack's entry file (YAML, in the files' field order)."""
    data = entry.model_dump(exclude_none=True)
    data["sources"] = [{k: v for k, v in s.items() if v is not None} for s in data["sources"]]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _distinct(texts: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for text in texts:
        tidy = " ".join(text.split())[:MAX_QUESTION]
        if tidy and tidy.casefold() not in seen:
            seen.add(tidy.casefold())
            result.append(tidy)
    return result
