"""Dated facts in the content (rates, thresholds, statements of law) and which are due for a
fresh check: `python -m knowledge check` fails once a review-by date has passed."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from knowledge.content import Source
from knowledge.library import Library


@dataclass(frozen=True)
class DatedFact:
    """A figure or statement that can change: where it is, its source and its dates."""

    where: str
    source: str
    as_of: date
    review_by: date

    def describe(self) -> str:
        """One line for the command line."""
        return (
            f"{self.where}: {self.source} (as of {self.as_of:%-d %B %Y}, "
            f"review by {self.review_by:%-d %B %Y})"
        )


def dated_facts(library: Library) -> list[DatedFact]:
    """Every dated source in entries (shared and councils' own) and packs, soonest review first."""
    found: list[tuple[str, Iterable[Source]]] = [
        (f"entry {entry.id}", entry.sources) for entry in library.base_entries.values()
    ]
    for council_id, entries in library.entries_by_council.items():
        found += [
            (f"councils/{council_id} entry {entry.id}", entry.sources)
            for entry in entries.values()
            if library.base_entries.get(entry.id) is not entry
        ]
    facts: list[DatedFact] = []
    for council_id, pack in library.packs.items():
        for _theme, measure in pack.measures:
            where = f"councils/{council_id} measure {measure.id}"
            found.append((where, measure.sources))
            if proxy := measure.proxy:
                facts.append(
                    DatedFact(f"{where} proxy", proxy.source, proxy.as_of, proxy.review_by)
                )
    facts += [
        DatedFact(where, source.title, source.as_of, source.review_by)
        for where, sources in found
        for source in sources
        if source.as_of and source.review_by
    ]
    return sorted(facts, key=lambda fact: (fact.review_by, fact.where))


def overdue(facts: list[DatedFact], today: date) -> list[DatedFact]:
    """The facts whose review-by date has passed."""
    return [fact for fact in facts if fact.review_by < today]
