"""Awarding a contract: when a submitted offer may be awarded, and how the submission, the
opportunity and the schedule staff agree become the contract and its KPIs."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from monitoring.periods import add_months
from monitoring.schedule import KpiDraft
from offer.submission import closing_text

DEFAULT_DURATION_MONTHS = 12


@dataclass(frozen=True)
class Scheduled:
    """What staff agreed for one KPI: its target and milestones."""

    target: float
    milestones: list[str]


def award_refusal(status: str, closes_at: datetime, now: datetime) -> str | None:
    """Why this version of an offer cannot be awarded now, in plain English, or None if it can:
    only a current submitted version, and only once offers have closed."""
    if status != "submitted":
        return "This version of the offer was replaced or withdrawn, so it cannot be awarded."
    if now < closes_at:
        return f"Offers close {closing_text(closes_at)}. You can award the contract after that."
    return None


def award_standing(chosen: str, weighted: dict[str, float], names: dict[str, str]) -> str | None:
    """What staff must know before awarding the offer `chosen` (a reference), given the
    moderated weighted scores of the current offers ({reference: score}): why a reason is
    needed, or None when it is the top-scoring moderated offer."""
    if chosen not in weighted:
        return (
            "Nobody has moderated this offer's scores. You can award it without a moderated "
            "score only if you give the reason, which is recorded."
        )
    best = max(weighted, key=lambda ref: weighted[ref])
    if weighted[best] > weighted[chosen]:
        return (
            f"This offer's moderated score is {weighted[chosen]:g}; {names[best]} scored "
            f"higher ({weighted[best]:g}). You can award it only if you give the reason, "
            "which is recorded."
        )
    return None


def default_start(today: date) -> date:
    """The start date offered by default: the first day of next month."""
    return add_months(today.replace(day=1), 1)


def contract_record(
    council_id: str,
    opportunity: Any,
    submission: Any,
    starts_on: date,
    period_months: int,
) -> dict[str, Any]:
    """The contract an award makes: from the opportunity (code, title, value, duration), the
    submission (id, conversation, the supplier in its frozen offer) and the agreed dates."""
    supplier = submission.offer.get("supplier", {})
    return {
        "council_id": council_id,
        "opportunity_code": opportunity.code,
        "submission_id": submission.id,
        "conversation_id": submission.conversation_id,
        "title": opportunity.title,
        "supplier_name": supplier.get("name") or "Supplier",
        "supplier_type": supplier.get("type"),
        "supplier_size": supplier.get("size"),
        "supplier_local": int(bool(supplier.get("local"))),
        "value_gbp": opportunity.value_gbp or 0,
        "starts_on": starts_on.isoformat(),
        "duration_months": opportunity.duration_months or DEFAULT_DURATION_MONTHS,
        "period_months": period_months,
    }


def kpi_records(drafts: Sequence[KpiDraft], agreed: Sequence[Scheduled]) -> list[dict[str, Any]]:
    """The contract's KPIs: each commitment's draft with the target and milestones agreed."""
    return [
        {
            "commitment_id": d.commitment_id,
            "theme_id": d.theme_id,
            "theme_title": d.theme_title,
            "title": d.title,
            "unit": d.unit,
            "unit_label": d.unit_label,
            "value_per_unit": d.value_per_unit,
            "target": a.target,
            "milestones": a.milestones,
            "due_months": d.due_months,
        }
        for d, a in zip(drafts, agreed, strict=True)
    ]
