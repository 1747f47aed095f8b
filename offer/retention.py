"""How long records are kept, by the council pack's retention periods: when a submitted offer,
a conversation or an unanswered question is due for deletion, and what a purge removes."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from knowledge.pack_parts import Retention
from monitoring.periods import add_months, contract_end


def period_text(months: int) -> str:
    """A retention period in words: "6 years", "18 months"."""
    if months % 12 == 0 and months >= 24:
        return f"{months // 12} years"
    return f"{months} months"


def day_of(stored: str) -> date:
    """The date of a stored ISO time ("2031-03-01T12:00:00+00:00") or date."""
    return date.fromisoformat(stored[:10])


def offer_kept_until(
    closes_at: str,
    retention: Retention,
    contract_starts_on: str | None = None,
    contract_months: int | None = None,
) -> date:
    """The day a submitted offer may be deleted: the retention period after the opportunity
    closed or, for the winning offer, after its contract ends (whichever is later)."""
    start = day_of(closes_at)
    if contract_starts_on and contract_months:
        start = max(start, contract_end(day_of(contract_starts_on), contract_months))
    return add_months(start, retention.submitted_offers_months)


@dataclass(frozen=True)
class Expired:
    """One record due for deletion, and the day its retention ended."""

    key: str | int
    council_id: str
    due_on: date
    what: str


@dataclass
class PurgePlan:
    """What a purge on a given day removes."""

    submissions: list[Expired] = field(default_factory=list)
    conversations: list[Expired] = field(default_factory=list)
    questions: list[Expired] = field(default_factory=list)

    @property
    def total(self) -> int:
        """How many records go."""
        return len(self.submissions) + len(self.conversations) + len(self.questions)


def plan_purge(
    today: date,
    retention_for: Callable[[str], Retention],
    submissions: Iterable,
    conversations: Iterable,
    questions: Iterable,
) -> PurgePlan:
    """Everything whose retention ended on or before `today`.

    A submitted offer goes when its own period ends (its contract's records with it). A
    conversation goes once no offer kept from it remains and, unless its owner deleted it
    already, it has not changed for the draft period. A question goes its period after it was
    first asked."""
    plan = PurgePlan()
    for s in submissions:
        due = offer_kept_until(
            s.closes_at, retention_for(s.council_id), s.contract_starts_on, s.contract_months
        )
        contract = f" and contract {s.contract_id}" if s.contract_id else ""
        plan.submissions.append(Expired(s.id, s.council_id, due, s.reference + contract))
    plan.submissions = [e for e in plan.submissions if e.due_on <= today]
    expired = {e.key for e in plan.submissions}
    for c in conversations:
        if c.kept_submission_ids <= expired:
            plan.conversations.append(_conversation_due(c, retention_for(c.council_id)))
    plan.conversations = [e for e in plan.conversations if e.due_on <= today]
    for q in questions:
        months = retention_for(q.council_id).unanswered_questions_months
        due = add_months(day_of(q.asked_at), months)
        plan.questions.append(Expired(q.id, q.council_id, due, f"first asked {q.asked_at[:10]}"))
    plan.questions = [e for e in plan.questions if e.due_on <= today]
    return plan


def _conversation_due(conversation, retention: Retention) -> Expired:
    """When a conversation with no kept offers left goes: at once if its owner deleted it,
    else the draft period after it last changed."""
    c = conversation
    if c.deleted_at:
        return Expired(c.id, c.council_id, day_of(c.deleted_at), "deleted by its owner")
    due = add_months(day_of(c.updated_at), retention.draft_conversations_months)
    return Expired(c.id, c.council_id, due, f"last changed {c.updated_at[:10]}")
