"""The knowledge service: one matcher and one measure suggester per council, built once."""

from functools import cache

from knowledge.additions import Approved, apply
from knowledge.entries import neighbourhoods
from knowledge.library import Library, load_library
from knowledge.matcher import (
    Calibration,
    KnowledgeMatcher,
    Outside,
    SearchResult,
    documents_of,
    load_calibration,
    load_outside,
)
from knowledge.second_opinion import SecondOpinion
from knowledge.suggest import MeasureSuggester, Suggestion


class KnowledgeService:
    """Answers questions and suggests measures for any council pack."""

    def __init__(self, library: Library, calibration: Calibration):
        self.library = library
        self.calibration = calibration
        self._outside = load_outside()
        self._second = SecondOpinion(_phrasings(library, self._outside))
        self._near = neighbourhoods(library.topics)
        self._matchers = {
            council_id: KnowledgeMatcher(
                entries, calibration, self._outside, self._second, self._near
            )
            for council_id, entries in library.entries_by_council.items()
        }
        self._extended: dict[str, tuple[str, KnowledgeMatcher]] = {}
        self._suggesters = {
            council_id: MeasureSuggester(pack, calibration.weights, calibration.thresholds.measure)
            for council_id, pack in library.packs.items()
        }

    @classmethod
    def load(cls) -> "KnowledgeService":
        """Load every content file and the calibration, validating them (once per process)."""
        return _load_once(cls)

    def search(
        self,
        question: str,
        council_id: str,
        topics: tuple[str, ...] = (),
        approved: Approved | None = None,
    ) -> SearchResult:
        """Answer a question with this council's view of the knowledge base (`topics`: those
        of the question being asked when it came, see KnowledgeMatcher.search), including
        the answers its staff have `approved` since the pack was released."""
        return self.matcher(council_id, approved).search(question, topics=topics)

    def matcher(self, council_id: str, approved: Approved | None = None) -> KnowledgeMatcher:
        """The council's matcher; with approved additions, one built with them (kept until
        they change)."""
        if approved is None or not approved.additions:
            return self._matchers[council_id]
        kept = self._extended.get(council_id)
        if kept is None or kept[0] != approved.stamp:
            entries = apply(self.library.entries_by_council[council_id], approved.additions)
            matcher = KnowledgeMatcher(
                entries, self.calibration, self._outside, self._second, self._near
            )
            kept = self._extended[council_id] = (approved.stamp, matcher)
        return kept[1]

    def suggest(self, text: str, council_id: str) -> list[Suggestion]:
        """Measures of this council's pack that the text may describe."""
        return self._suggesters[council_id].suggest(text)


def _phrasings(library: Library, outside: list[Outside]) -> dict[str, list[str]]:
    """Every council's phrasings of each document, together: one second opinion serves all
    councils (a council's own version of an entry keeps the entry's id)."""
    phrasings: dict[str, list[str]] = {}
    for entries in library.entries_by_council.values():
        for doc_id, document in documents_of(entries, outside).items():
            known = phrasings.setdefault(doc_id, [])
            known += [p for p in document.phrasings if p not in known]
    return phrasings


@cache
def _load_once(cls: type[KnowledgeService]) -> KnowledgeService:
    # Content files do not change while a process runs; every app in it shares one service.
    return cls(load_library(), load_calibration())
