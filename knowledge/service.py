"""The knowledge service: one matcher and one measure suggester per council, built once."""

from functools import cache

from knowledge.library import Library, load_library
from knowledge.matcher import Calibration, KnowledgeMatcher, SearchResult, load_calibration
from knowledge.suggest import MeasureSuggester, Suggestion


class KnowledgeService:
    """Answers questions and suggests measures for any council pack."""

    def __init__(self, library: Library, calibration: Calibration):
        self.library = library
        self.calibration = calibration
        self._matchers = {
            council_id: KnowledgeMatcher(entries, calibration)
            for council_id, entries in library.entries_by_council.items()
        }
        self._suggesters = {
            council_id: MeasureSuggester(pack, calibration.weights, calibration.thresholds.measure)
            for council_id, pack in library.packs.items()
        }

    @classmethod
    def load(cls) -> "KnowledgeService":
        """Load every content file and the calibration, validating them (once per process)."""
        return _load_once(cls)

    def search(self, question: str, council_id: str, topics: tuple[str, ...] = ()) -> SearchResult:
        """Answer a question with this council's view of the knowledge base (`topics`: those
        of the question being asked when it came, see KnowledgeMatcher.search)."""
        return self._matchers[council_id].search(question, topics=topics)

    def suggest(self, text: str, council_id: str) -> list[Suggestion]:
        """Measures of this council's pack that the text may describe."""
        return self._suggesters[council_id].suggest(text)


@cache
def _load_once(cls: type[KnowledgeService]) -> KnowledgeService:
    # Content files do not change while a process runs; every app in it shares one service.
    return cls(load_library(), load_calibration())
