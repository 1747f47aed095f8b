"""Answering a supplier's question from the knowledge base, or saying it does not know."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field

from knowledge.content import Strict, read_yaml, validate
from knowledge.entries import Entry, load_topics, neighbourhoods
from knowledge.index import Document, FuzzyIndex, Hit, Weights
from knowledge.second_opinion import SecondOpinion

CALIBRATION_FILE = Path(__file__).parent / "calibration.yaml"
OUTSIDE_FILE = Path(__file__).parent / "outside.yaml"
OUTSIDE = "outside:"  # the id prefix of what the assistant does not answer
MAX_QUESTION_LENGTH = 500  # characters; longer questions are refused, not cut


class Thresholds(Strict):
    """When the matcher answers, and when it only offers 'did you mean'."""

    answer: float = Field(ge=0, le=100)
    margin: float = Field(ge=0, le=100)
    # The (smaller) lead the best entry needs over an entry of a neighbouring topic.
    near_margin: float = Field(ge=0, le=100)
    # The lead the best entry needs over an area it does not answer to be answered at all
    # (by the index, the second opinion or the question's context): a question close to
    # payroll, licences or legal disputes is offered as choices, not answered.
    outside_margin: float = Field(default=0, ge=0, le=100)
    suggest: float = Field(ge=0, le=100)
    measure: float = Field(ge=0, le=100)
    # Below `answer` (or without the margin), a question is still answered from `agree` up
    # when the second opinion picks the same topic with at least this decision value.
    agree: float = Field(ge=0, le=100)
    second_opinion: float = Field(ge=-5, le=5)


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


class Outside(Strict):
    """An area the assistant does not answer (council tax, TUPE), and how people ask about it."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    area: str
    questions: list[str] = Field(min_length=3)


def load_outside(path: Path = OUTSIDE_FILE) -> list[Outside]:
    """The areas outside the knowledge base."""
    data = read_yaml(path)
    return [validate(Outside, item, path) for item in data]


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
    outside: str | None = None  # the area it is about, when that is not social value

    def to_dict(self) -> dict:
        """The documented JSON shape of the CLI and the API."""
        return {
            "query": self.query,
            "answered": self.answered,
            "outside": self.outside,
            "matches": [
                {
                    "id": m.entry.id,
                    "topic": m.entry.topic,
                    "title": m.entry.title,
                    "score": m.score,
                    "answer": m.entry.shown_answer,
                }
                for m in self.matches
            ],
        }


def clear_lead(
    hits: list[Hit],
    topic_of: Callable[[str], str],
    near: dict[str, frozenset[str]],
    answer: float,
    margin: float,
    near_margin: float,
) -> bool:
    """Whether the best hit scores at least `answer`, leads by `margin` the best hit of a topic
    that is neither its own nor a neighbour (an area it does not answer counts), and leads by
    `near_margin` the best hit of a neighbouring topic."""
    if not hits:
        return False
    topic = topic_of(hits[0].doc_id)
    close = near.get(topic, frozenset({topic}))
    rival = next((h.score for h in hits if topic_of(h.doc_id) not in close), 0.0)
    neighbour = next(
        (h.score for h in hits if topic_of(h.doc_id) in close and topic_of(h.doc_id) != topic), 0.0
    )
    best = hits[0].score
    return best >= answer and best - rival >= margin and best - neighbour >= near_margin


def clear_of_outside(hits: list[Hit], topic_of: Callable[[str], str], margin: float) -> bool:
    """Whether the best hit leads every area the assistant does not answer by `margin`."""
    outside = next((h.score for h in hits if topic_of(h.doc_id) == "outside"), 0.0)
    return not hits or hits[0].score - outside >= margin


def documents_of(entries: dict[str, Entry], outside: list[Outside]) -> dict[str, Document]:
    """What the matcher matches on: each entry's questions and title (its keywords and answer
    as context), and each area it does not answer."""
    documents = {
        e.id: Document([*e.questions, e.title], " ".join([*e.keywords, e.answer]))
        for e in entries.values()
    }
    for area in outside:
        documents[OUTSIDE + area.id] = Document(area.questions)
    return documents


class KnowledgeMatcher:
    """Scores a question against every phrasing of every entry (pre-processed once)."""

    def __init__(
        self,
        entries: dict[str, Entry],
        calibration: Calibration,
        outside: list[Outside] | None = None,
        second: SecondOpinion | None = None,
        near: dict[str, frozenset[str]] | None = None,
    ):
        """`second`: a second opinion shared by several councils' matchers (trained on all
        their phrasings); without one, this matcher trains its own. `near`: each topic with
        its neighbours (from topics.yaml unless given)."""
        self.entries = entries
        self.near = neighbourhoods(load_topics()) if near is None else near
        self.thresholds = calibration.thresholds
        outside = load_outside() if outside is None else outside
        self.areas = {OUTSIDE + area.id: area.area for area in outside}
        documents = documents_of(entries, outside)
        self.index = FuzzyIndex(documents, calibration.weights)
        self.second = second or SecondOpinion(
            {doc_id: document.phrasings for doc_id, document in documents.items()}
        )

    def topic(self, doc_id: str) -> str:
        """An entry's topic; "outside" for what the assistant does not answer."""
        return "outside" if doc_id.startswith(OUTSIDE) else self.entries[doc_id].topic

    def ranked(self, question: str) -> list[Hit]:
        """Entries and outside areas by score, best first; nothing when the best is outside."""
        hits = self.index.search(question[:1000], limit=10)
        return [] if hits and hits[0].doc_id.startswith(OUTSIDE) else hits

    def search(self, question: str, limit: int = 3, topics: tuple[str, ...] = ()) -> SearchResult:
        """Answer only above the threshold and with a clear lead over any entry of a topic that
        is neither the best entry's nor a neighbour of it, or an area it does not answer. `topics`
        are those of the question being asked when it came (evidence, at the evidence
        question): an entry of one of them is answered from halfway between the suggest and
        answer thresholds, without the lead."""
        hits = self.index.search(question[:1000], limit=10)
        if hits and hits[0].doc_id in self.areas:
            return SearchResult(question, answered=False, outside=self.areas[hits[0].doc_id])
        candidates = [
            h for h in hits if h.score >= self.thresholds.suggest and h.doc_id in self.entries
        ]
        if not candidates:
            return SearchResult(question, answered=False)
        top = self.entries[candidates[0].doc_id]
        t = self.thresholds
        if not clear_of_outside(hits, self.topic, t.outside_margin):
            return SearchResult(
                question,
                False,
                [Match(self.entries[h.doc_id], h.score) for h in candidates[:limit]],
            )
        answered = self.clear_lead(hits, t.answer, t.margin, t.near_margin) or self._agreed(
            question, candidates[0].score, top.topic
        )
        near = (self.thresholds.suggest + self.thresholds.answer) / 2
        in_context = [h for h in candidates[:3] if self.entries[h.doc_id].topic in topics]
        if not answered and in_context and in_context[0].score >= near:
            candidates = [in_context[0], *(h for h in candidates if h is not in_context[0])]
            answered = True
        matches = [Match(self.entries[h.doc_id], h.score) for h in candidates[:limit]]
        return SearchResult(question, answered, matches)

    def clear_lead(self, hits: list[Hit], answer: float, margin: float, near_margin: float) -> bool:
        """See `clear_lead`, with this matcher's topics and neighbours."""
        return clear_lead(hits, self.topic, self.near, answer, margin, near_margin)

    def _agreed(self, question: str, score: float, topic: str) -> bool:
        """Whether the second opinion, read from letters rather than words, picks the same
        topic as the index's best entry, which scores at least `agree`."""
        if score < self.thresholds.agree:
            return False
        opinion = self.second.best(question[:1000])
        return (
            opinion.decision >= self.thresholds.second_opinion
            and self.topic(opinion.doc_id) == topic
        )
