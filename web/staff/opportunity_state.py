"""An opportunity as staff see it: whether it has closed, its status and the contract's
details, and whether this person may score or moderate an offer to it now (the rules are in
permissions/scores.py; this gathers what they need)."""

from flask import g

import clock
from offer.submission import closing_text, parse_closing
from permissions.scores import moderation_refusal as permissions_moderation_refusal
from permissions.scores import score_change_refusal
from store import evaluations as scoring
from store.contracts import contract_for_opportunity
from store.opportunities import Opportunity
from web.common.councils import current_council
from web.common.db import get_db


def closing(opportunity: Opportunity) -> tuple[bool, str]:
    """Whether the opportunity has closed, and when it closes, in words."""
    closes = parse_closing(opportunity.closes_at)
    return clock.now() >= closes, closing_text(closes)


def scoring_open(opportunity: Opportunity) -> tuple[bool, str]:
    """Whether scoring has opened (at the close, or before it when the opportunity records why),
    and when the opportunity closes, in words."""
    closed, closes = closing(opportunity)
    return closed or bool(opportunity.early_scoring_reason), closes


def score_refusal(opportunity: Opportunity, submission, moderation) -> str | None:
    """Why this person cannot give or change scores for this version of an offer now."""
    closed, closes = scoring_open(opportunity)
    return score_change_refusal(
        replaced=submission.status == "replaced",
        moderated=moderation is not None,
        closed=closed,
        closes=closes,
        moderated_it=moderation is not None and moderation.staff_id == g.staff.id,
    )


def moderation_refusal(opportunity: Opportunity, submission) -> str | None:
    """Why this person cannot record the consensus for this version of an offer now."""
    closed, closes = scoring_open(opportunity)
    everyone = scoring.evaluations_for(get_db(), submission.id)
    return permissions_moderation_refusal(
        replaced=submission.status == "replaced",
        closed=closed,
        closes=closes,
        scored_it=any(e.staff_id == g.staff.id for e in everyone),
        evaluations=len(everyone),
    )


def status(opportunity: Opportunity) -> str:
    """Open, Closed (offers being evaluated) or Awarded."""
    if contract_for_opportunity(get_db(), opportunity.code):
        return "Awarded"
    return "Closed" if closing(opportunity)[0] else "Open"


def details(opportunity: Opportunity) -> list[dict]:
    """The contract the opportunity is for, as staff check it."""
    pack = current_council()
    themes = [t.title for t in pack.themes if t.id in opportunity.themes] or ["All of them"]

    def row(key: str, value) -> dict:
        return {"key": {"text": key}, "value": {"text": value or "Not given"}}

    value = f"£{opportunity.value_gbp:,.0f}" if opportunity.value_gbp is not None else None
    months = opportunity.duration_months
    return [
        row("Status", status(opportunity)),
        row("Kind of contract", (opportunity.contract_type or "").capitalize()),
        row("Value", value),
        row("Length", f"{months} months" if months else None),
        row("The council's themes it asks about", ", ".join(themes)),
        row(
            "Scoring opens",
            f"Before the closing date: {opportunity.early_scoring_reason}"
            if opportunity.early_scoring_reason
            else "When offers close",
        ),
    ]
