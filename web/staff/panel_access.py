"""Whether the signed-in member of staff may see an opportunity's offers (the rule is in
permissions/panel.py; this gathers what it needs), and the page that says why not."""

from flask import abort, g, make_response, render_template, url_for

from permissions.panel import Declaration, may_join, offer_access_refusal
from store import panels
from store.opportunities import Opportunity
from store.submissions import current_submissions
from web.common.db import get_db


def bidders(opportunity: Opportunity) -> list[str]:
    """The conversations with an offer in to this opportunity now: who declarations cover."""
    return [s.conversation_id for s in current_submissions(get_db(), opportunity.code)]


def declaration(opportunity: Opportunity, staff_id: int) -> Declaration:
    """Where this person stands on the opportunity's panel."""
    found = panels.member(get_db(), opportunity.code, staff_id)
    if found is None:
        return Declaration(on_panel=False)
    return Declaration(
        on_panel=True,
        declared=found.declared_at is not None,
        conflict=found.conflict,
        bidders_not_covered=len(set(bidders(opportunity)) - found.declared_for),
    )


def refusal(opportunity: Opportunity) -> str | None:
    """Why the signed-in person may not see this opportunity's offers now, or None."""
    return offer_access_refusal(g.staff.role, declaration(opportunity, g.staff.id))


def may_declare(opportunity: Opportunity) -> bool:
    """Whether the signed-in person can make a declaration for this opportunity now."""
    standing = declaration(opportunity, g.staff.id)
    return (standing.on_panel or may_join(g.staff.role)) and not standing.conflict


def require(opportunity: Opportunity) -> None:
    """Stop here, with a page that says why and what to do, unless the signed-in person may
    see the opportunity's offers."""
    reason = refusal(opportunity)
    if reason is None:
        return
    page = render_template(
        "staff/panel_refusal.html",
        opportunity=opportunity,
        reason=reason,
        declare=url_for("staff_panel.declaration", code=opportunity.code)
        if may_declare(opportunity)
        else None,
    )
    abort(make_response(page, 403))
