"""Measuring a matcher against labelled questions: topic accuracy and correct refusals."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from knowledge.content import ContentError, read_yaml
from knowledge.matcher import SearchResult

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
# Splits: "tune" questions guide the entries' phrasings; "calibrate" questions (never used for
# phrasings) set the weights and thresholds; "heldout" questions are only ever used by the tests.
QUESTION_FILES = tuple(
    DATA_DIR / name
    for name in (
        "questions.yaml",
        "questions_extra.yaml",
        "questions_extra2.yaml",
        "questions_extra3.yaml",
    )
)
SPLITS = ("tune", "calibrate", "heldout")


@dataclass(frozen=True)
class LabelledQuestion:
    """A question, the topics that would be right (None: it should not be answered), its split."""

    text: str
    topics: frozenset[str] | None
    split: str


@dataclass(frozen=True)
class Verdict:
    """What a matcher said: whether it answered, and the topic of its best match."""

    answered: bool
    top_topic: str | None


@dataclass(frozen=True)
class Report:
    """Accuracy figures over a set of labelled questions."""

    answerable: int
    top1_correct: int
    answered_correct: int
    answered_wrong: int
    unanswerable: int
    correctly_refused: int

    @property
    def top1_accuracy(self) -> float:
        """Share of answerable questions whose best match has a right topic."""
        return self.top1_correct / self.answerable if self.answerable else 0.0

    @property
    def answer_accuracy(self) -> float:
        """Share of answerable questions answered confidently with a right topic."""
        return self.answered_correct / self.answerable if self.answerable else 0.0

    @property
    def wrong_answer_rate(self) -> float:
        """Share of answerable questions answered confidently with a wrong topic."""
        return self.answered_wrong / self.answerable if self.answerable else 0.0

    @property
    def rejection_accuracy(self) -> float:
        """Share of questions that should get no answer and got none."""
        return self.correctly_refused / self.unanswerable if self.unanswerable else 0.0


def load_questions(
    paths: tuple[Path, ...] = QUESTION_FILES, split: str | None = None
) -> list[LabelledQuestion]:
    """The labelled questions, optionally only one split ('tune', 'calibrate' or 'heldout')."""
    questions = []
    for path in paths:
        questions += _read_questions(path)
    return [q for q in questions if split is None or q.split == split]


def _read_questions(path: Path) -> list[LabelledQuestion]:
    data = read_yaml(path)
    if not isinstance(data, list):
        raise ContentError(f"{path}: (top level): expected a list of questions")
    questions = []
    for index, item in enumerate(data):
        topics = item.get("topics") or ([item["topic"]] if item.get("topic") else None)
        if item.get("split") not in SPLITS:
            raise ContentError(f"{path}: {index}.split: must be one of {', '.join(SPLITS)}")
        questions.append(
            LabelledQuestion(item["q"], frozenset(topics) if topics else None, item["split"])
        )
    return questions


def evaluate(questions: Iterable[LabelledQuestion], judge: Callable[[str], Verdict]) -> Report:
    """Run every question through `judge` and count what it got right."""
    counts = dict.fromkeys(("answerable", "top1", "right", "wrong", "unanswerable", "refused"), 0)
    for question in questions:
        verdict = judge(question.text)
        if question.topics is None:
            counts["unanswerable"] += 1
            counts["refused"] += not verdict.answered
            continue
        correct = verdict.top_topic in question.topics
        counts["answerable"] += 1
        counts["top1"] += correct
        counts["right"] += verdict.answered and correct
        counts["wrong"] += verdict.answered and not correct
    return Report(
        counts["answerable"],
        counts["top1"],
        counts["right"],
        counts["wrong"],
        counts["unanswerable"],
        counts["refused"],
    )


class Searcher(Protocol):
    """What answers a question for a council (the knowledge service)."""

    def search(self, question: str, council_id: str) -> SearchResult: ...


def supplier_questions(name: str, split: str) -> list[tuple[LabelledQuestion, str]]:
    """One split of a set of questions suppliers typed (tests/data/<name>), each with the
    council it was asked of ("any" is asked of the default council). In-scope questions of
    the earlier sets carry no topics: only their out-of-scope questions are kept."""
    data = read_yaml(DATA_DIR / name)
    found = []
    for scope, in_scope in (("in_scope", True), ("out_of_scope", False)):
        for item in data[scope]:
            if item["split"] != split or (in_scope and "topics" not in item):
                continue
            topics = frozenset(item["topics"]) if in_scope else None
            council = "tower-hamlets" if item["council"] == "any" else item["council"]
            found.append((LabelledQuestion(item["text"], topics, split), council))
    return found


def measure_service(service: Searcher, questions: list[tuple[LabelledQuestion, str]]) -> Report:
    """Top-1, answered-right and refusal figures, each question asked of its council."""
    councils = {q.text: council for q, council in questions}

    def judge(text: str) -> Verdict:
        result = service.search(text, councils[text])
        top = result.matches[0].entry.topic if result.matches else None
        return Verdict(result.answered, top)

    return evaluate([q for q, _ in questions], judge)
