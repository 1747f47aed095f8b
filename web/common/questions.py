"""Answering a question for the web: ask the knowledge service, log what it could not answer."""

from flask import current_app

from knowledge.entries import Entry
from knowledge.matcher import SearchResult
from store.knowledge_additions import approved_additions
from store.questions import record_unanswered
from web.common.db import get_db


def answer_question(question: str, council_id: str, source: str) -> SearchResult:
    """Search the council's knowledge base, with the answers its staff have approved since
    the pack's release; keep unanswered questions for staff."""
    approved = approved_additions(get_db(), council_id)
    result = current_app.extensions["knowledge"].search(question, council_id, approved=approved)
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


def council_entries(council_id: str) -> dict[str, Entry]:
    """The council's entries as the assistant answers with them now: its pack's, with the
    answers its staff have approved since."""
    knowledge = current_app.extensions["knowledge"]
    return knowledge.matcher(council_id, approved_additions(get_db(), council_id)).entries


def entries_in_topic(council_id: str, topic_id: str) -> list[Entry]:
    """The council's entries in one topic, by title (approved answers included)."""
    entries = council_entries(council_id).values()
    return sorted((e for e in entries if e.topic == topic_id), key=lambda e: e.title)
