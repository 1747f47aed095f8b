"""What needs a member of staff, for the page they land on after signing in: offers to score,
offers waiting for moderation and contracts to award, on the council's closed opportunities."""

from dataclasses import dataclass, field

from flask import url_for

from permissions.roles import EVALUATORS, MANAGERS
from store import evaluations as scoring
from store.contracts import contract_for_opportunity
from store.opportunities import opportunities_for
from store.submissions import current_submissions
from web.common.db import get_db
from web.staff.opportunity_state import closing


@dataclass
class Work:
    """Links to what needs doing, as (text, href)."""

    to_score: list[tuple[str, str]] = field(default_factory=list)
    to_moderate: list[tuple[str, str]] = field(default_factory=list)
    to_award: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Section:
    """One kind of work on the page: its title, its links, and what to say when there are none."""

    title: str
    items: list[tuple[str, str]]
    empty: str


def sections_for(staff) -> list[Section]:
    """The page's sections for this person's role: evaluators score, managers also moderate
    and award (a trainer has none here)."""
    if staff.role not in EVALUATORS:
        return []
    work = work_for(staff)
    found = [Section("Offers to score", work.to_score, "No offers are waiting for your scores.")]
    if staff.role in MANAGERS:
        found += [
            Section(
                "Offers waiting for moderation",
                work.to_moderate,
                "No offers are waiting for moderation.",
            ),
            Section(
                "Contracts to award",
                work.to_award,
                "No moderated offers are waiting for an award.",
            ),
        ]
    return found


def work_for(staff) -> Work:
    """What needs this person now."""
    db, work = get_db(), Work()
    manager = staff.role in MANAGERS
    for opportunity in opportunities_for(db, staff.council_id):
        if not closing(opportunity)[0]:
            continue  # offers are still coming in: nothing to score yet
        if contract_for_opportunity(db, opportunity.code):
            continue
        moderated = 0
        for submission in current_submissions(db, opportunity.code):
            supplier = submission.offer.get("supplier", {}).get("name") or "An offer"
            link = url_for(
                "staff_opportunities.review", code=opportunity.code, reference=submission.reference
            )
            label = f"{supplier}, for {opportunity.title}"
            scored = scoring.evaluations_for(db, submission.id)
            moderation = scoring.moderation_for(db, submission.id)
            mine = any(e.staff_id == staff.id for e in scored)
            if moderation:
                moderated += 1
            elif manager and scored and not mine:  # others have scored it: it waits for them
                work.to_moderate.append((label, f"{link}#moderation"))
            elif not mine:
                work.to_score.append((label, link))
        if manager and moderated:
            show = url_for("staff_opportunities.show", code=opportunity.code, sort="score")
            work.to_award.append((opportunity.title, show))
    return work
