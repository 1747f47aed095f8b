"""The engine's context for a council, built once per test session from the real content."""

from datetime import date
from functools import cache

from assistant.flow import load_flows
from assistant.turns import Context
from knowledge.packs import COUNCILS_DIR
from knowledge.service import KnowledgeService
from offer.commitment_review import review

TODAY = date(2026, 11, 22)


@cache
def context(council_id: str) -> Context:
    """The real flow, pack and knowledge base of a council, with a fixed date."""
    knowledge = KnowledgeService.load()
    flow = load_flows(COUNCILS_DIR, [council_id])[council_id]
    pack = knowledge.library.packs[council_id]
    return Context(
        flow=flow,
        pack=pack,
        review=lambda answers, commitment: review(pack, answers, commitment),
        search=lambda text, topics=(): knowledge.search(text, council_id, topics),
        suggest=lambda text: knowledge.suggest(text, council_id),
        today=TODAY,
    )
