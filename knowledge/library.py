"""Everything the knowledge package loads, validated together: packs, topics and entries."""

from dataclasses import dataclass
from pathlib import Path

from knowledge.content import ContentError
from knowledge.entries import BASE_DIR, Entry, Topic, council_entries, load_entries, load_topics
from knowledge.packs import COUNCILS_DIR, CouncilPack, load_packs


@dataclass(frozen=True)
class Library:
    """All council packs, the topic list, and each council's view of the knowledge base."""

    packs: dict[str, CouncilPack]
    topics: dict[str, Topic]
    base_entries: dict[str, Entry]
    entries_by_council: dict[str, dict[str, Entry]]

    def entries_in_topic(self, council_id: str, topic_id: str) -> list[Entry]:
        """A council's entries in one topic, by title."""
        entries = self.entries_by_council[council_id].values()
        return sorted((e for e in entries if e.topic == topic_id), key=lambda e: e.title)


def load_library(councils_dir: Path = COUNCILS_DIR, base_dir: Path = BASE_DIR) -> Library:
    """Load and cross-check every content file; raise ContentError on the first problem."""
    packs = load_packs(councils_dir)
    topics = load_topics()
    base = load_entries(base_dir, topics)
    missing = sorted(set(topics) - {entry.topic for entry in base.values()})
    if missing:
        raise ContentError(f"{base_dir}: topic: no entry covers {', '.join(missing)}")
    by_council = {
        council_id: council_entries(base, councils_dir / council_id, topics) for council_id in packs
    }
    return Library(packs, topics, base, by_council)
