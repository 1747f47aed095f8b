"""Answering a supplier's question from the knowledge base, or saying it does not know."""

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field

from knowledge.content import Strict, read_yaml, validate
from knowledge.entries import Entry
from knowledge.index import Document, FuzzyIndex, Weights

CALIBRATION_FILE = Path(__file__).parent / "calibration.yaml"
MAX_QUESTION_LENGTH = 500  # characters; longer questions are refused, not cut


class Thresholds(Strict):
    """When the matcher answers, and when it only offers 'did you mean'."""

    answer: float = Field(ge=0, le=100)
    margin: float = Field(ge=0, le=100)
    suggest: float = Field(ge=0, le=100)
    measure: float = Field(ge=0, le=100)


class Calibration(Strict):
    """Scoring weights and thresholds, tuned on the tuning questions only."""

    query_coverage: float = Field(ge=0, le=1)
    phrasing_coverage: float = Field(ge=0, le=1)
    fuzzy: float = Field(ge=0, le=1)
    document: float = Field(ge=0, le=1)
    thresholds: Thresholds

    @property
    def weights(self) -> Weights:
        """The index weights."""
        return Weights(self.query_coverage, self.phrasing_coverage, self.fuzzy, self.document)


def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration:
    """The calibrated weights and thresholds."""
    return validate(Calibration, read_yaml(path), path)


@dataclass(frozen=True)
class Match:
    """An entry and how well it matched."""

    entry: Entry
    score: float


@dataclass(frozen=True)
class SearchResult:
    """The matcher's verdict: a confident answer, 'did you mean' candidates, or nothing."""

    query: str
    answered: bool
    matches: list[Match] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The documented JSON shape of the CLI and the API."""
        return {
            "query": self.query,
            "answered": self.answered,
            "matches": [
                {
                    "id": m.entry.id,
                    "topic": m.entry.topic,
                    "title": m.entry.title,
                    "score": m.score,
                    "answer": m.entry.answer,
                }
                for m in self.matches
            ],
        }


class KnowledgeMatcher:
    """Scores a question against every phrasing of every entry (pre-processed once)."""

    def __init__(self, entries: dict[str, Entry], calibration: Calibration):
        self.entries = entries
        self.thresholds = calibration.thresholds
        documents = {
            e.id: Document([*e.questions, e.title], " ".join([*e.keywords, e.answer]))
            for e in entries.values()
        }
        self.index = FuzzyIndex(documents, calibration.weights)

    def search(self, question: str, limit: int = 3, topics: tuple[str, ...] = ()) -> SearchResult:
        """Answer only above the threshold and with a clear lead over another topic. `topics`
        are those of the question being asked when it came (evidence, at the evidence
        question): an entry of one of them is answered from halfway between the suggest and
        answer thresholds, without the lead."""
        hits = self.index.search(question[:1000], limit=10)
        candidates = [h for h in hits if h.score >= self.thresholds.suggest]
        if not candidates:
            return SearchResult(question, answered=False)
        top = self.entries[candidates[0].doc_id]
        rival = next((h.score for h in hits if self.entries[h.doc_id].topic != top.topic), 0.0)
        answered = (
            candidates[0].score >= self.thresholds.answer
            and candidates[0].score - rival >= self.thresholds.margin
        )
        near = (self.thresholds.suggest + self.thresholds.answer) / 2
        in_context = [h for h in candidates[:3] if self.entries[h.doc_id].topic in topics]
        if not answered and in_context and in_context[0].score >= near:
            candidates = [in_context[0], *(h for h in candidates if h is not in_context[0])]
            answered = True
        matches = [Match(self.entries[h.doc_id], h.score) for h in candidates[:limit]]
        return SearchResult(question, answered, matches)
