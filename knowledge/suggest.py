"""Suggesting which of a council's measures a supplier's free-text idea fits."""

from dataclasses import asdict, dataclass

from knowledge.index import Document, FuzzyIndex, Weights
from knowledge.packs import CouncilPack


@dataclass(frozen=True)
class Suggestion:
    """A measure that may fit the supplier's words, with its theme."""

    measure_id: str
    theme_id: str
    title: str
    score: float

    def to_dict(self) -> dict:
        """The documented JSON shape."""
        return asdict(self)


class MeasureSuggester:
    """Matches free text against each measure's title, example phrases and description."""

    def __init__(self, pack: CouncilPack, weights: Weights, min_score: float):
        self.min_score = min_score
        self._measures = {m.id: (t, m) for t, m in pack.measures}
        documents = {
            m.id: Document([m.title, *m.examples], " ".join([m.description, *m.evidence]))
            for _, m in pack.measures
        }
        self.index = FuzzyIndex(documents, weights)

    def suggest(self, text: str, limit: int = 5) -> list[Suggestion]:
        """Measures ranked best first; none when nothing fits well enough."""
        suggestions = []
        for hit in self.index.search(text[:1000], limit=limit):
            if hit.score < self.min_score:
                break
            theme, measure = self._measures[hit.doc_id]
            suggestions.append(Suggestion(measure.id, theme.id, measure.title, hit.score))
        return suggestions
