"""Grouping similar questions, so staff see what people keep asking and how often."""

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from knowledge.normalise import content_tokens

SIMILAR = 70  # token_set_ratio of the questions' content words


@dataclass
class QuestionGroup:
    """Questions that ask much the same thing; the most asked one names the group."""

    title: str
    ids: list[int] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    times_asked: int = 0


def group_questions(questions: list[tuple[int, str, int]]) -> list[QuestionGroup]:
    """Greedy grouping of (id, text, times asked), most asked first; groups by total, largest
    first."""
    groups: list[tuple[str, QuestionGroup]] = []
    for qid, text, count in sorted(questions, key=lambda q: -q[2]):
        words = " ".join(content_tokens(text)) or text.lower()
        home = next((g for key, g in groups if fuzz.token_set_ratio(words, key) >= SIMILAR), None)
        if home is None:
            home = QuestionGroup(title=text)
            groups.append((words, home))
        home.ids.append(qid)
        home.questions.append(text)
        home.times_asked += count
    return sorted((g for _, g in groups), key=lambda g: -g.times_asked)
