"""Answering a question for the web: ask the knowledge service, log what it could not answer."""

from flask import current_app

from knowledge.matcher import SearchResult
from store.questions import record_unanswered
from web.common.db import get_db


def answer_question(question: str, council_id: str, source: str) -> SearchResult:
    """Search the council's knowledge base; keep unanswered questions for staff."""
    result = current_app.extensions["knowledge"].search(question, council_id)
    if not result.answered and not result.outside:  # only gaps in the knowledge base
        best = result.matches[0] if result.matches else None
        record_unanswered(
            get_db(),
            council_id=council_id,
            question=question,
            source=source,
            best_entry_id=best.entry.id if best else None,
            best_score=best.score if best else None,
        )
    return result
