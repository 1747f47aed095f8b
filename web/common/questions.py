"""Answering a question for the web: ask the knowledge service, log what it could not answer
(each question once per address a day, and at most MAX_KEPT_A_DAY new ones from an address,
so nobody can flood the council's list or inflate a question's count)."""

import hashlib
import threading
import time
from collections import OrderedDict

from flask import current_app, request

from knowledge.entries import Entry
from knowledge.matcher import SearchResult
from store.knowledge_additions import approved_additions
from store.questions import record_unanswered
from web.common.db import get_db

MAX_KEPT_A_DAY = 100  # new unanswered questions kept from one address
WINDOW = 24 * 3600.0  # seconds
REMEMBERED = 50_000  # (address, question) pairs remembered, oldest forgotten first


class _Seen:
    """What each address has asked lately, in this worker's memory (like the rate limits'
    counts): a question's first asking in the window, and how many it has had kept."""

    def __init__(self) -> None:
        self._asked: OrderedDict[str, float] = OrderedDict()
        self._kept: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def first_time(self, address: str, council_id: str, question: str, now: float) -> bool:
        """Whether to keep this question from this address now (and note that it was)."""
        words = " ".join(question.lower().split())
        key = hashlib.sha256(f"{address}|{council_id}|{words}".encode()).hexdigest()
        with self._lock:
            while self._asked and next(iter(self._asked.values())) < now - WINDOW:
                self._asked.popitem(last=False)
            if key in self._asked:
                return False
            since, count = self._kept.get(address, (now, 0))
            if since < now - WINDOW:
                since, count = now, 0
            if count >= MAX_KEPT_A_DAY:
                return False
            self._kept[address] = (since, count + 1)
            self._asked[key] = now
            if len(self._asked) > REMEMBERED:
                self._asked.popitem(last=False)
            if len(self._kept) > REMEMBERED:
                self._kept.pop(next(iter(self._kept)))
            return True


def keep_unanswered(
    council_id: str,
    question: str,
    source: str,
    best_entry_id: str | None = None,
    best_score: float | None = None,
) -> None:
    """Keep a question nobody's entry answered for the council's staff, unless this address
    asked it already today or has had its day's share kept."""
    seen = current_app.extensions.setdefault("asked", _Seen())  # one per app (and worker)
    if seen.first_time(request.remote_addr or "", council_id, question, time.monotonic()):
        record_unanswered(
            get_db(),
            council_id=council_id,
            question=question,
            source=source,
            best_entry_id=best_entry_id,
            best_score=best_score,
        )


def answer_question(question: str, council_id: str, source: str) -> SearchResult:
    """Search the council's knowledge base, with the answers its staff have approved since
    the pack's release; keep unanswered questions for staff."""
    approved = approved_additions(get_db(), council_id)
    result = current_app.extensions["knowledge"].search(question, council_id, approved=approved)
    if not result.answered and not result.outside:  # only gaps in the knowledge base
        best = result.matches[0] if result.matches else None
        keep_unanswered(
            council_id,
            question,
            source,
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
