"""What needs a member of staff, for the page they land on after signing in: declarations of
interest to make, offers to score (and offers changed since they scored them), offers waiting
for moderation and contracts to award, on the panels they sit on."""

from dataclasses import dataclass, field

from flask import url_for

from permissions.panel import offer_access_refusal
from permissions.roles import EVALUATORS, MANAGERS
from store import evaluations as scoring
from store import panels
from store.contracts import contract_for_opportunity
from store.opportunities import opportunities_for
from store.submissions import current_submissions
from web.common.db import get_db
from web.staff.opportunity_state import scoring_open
from web.staff.panel_access import declaration


@dataclass
class Work:
    """Links to what needs doing, as (text, href)."""

    to_declare: list[tuple[str, str]] = field(default_factory=list)
    replaced: list[tuple[str, str]] = field(default_factory=list)
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
    found = [
        Section(
            "Declarations of interest to make",
            work.to_declare,
            "No evaluation panel is waiting for your declaration.",
        ),
        Section(
            "Offers changed since you scored them",
            work.replaced,
            "No offer has changed since you scored it.",
        ),
        Section("Offers to score", work.to_score, "No offers are waiting for your scores."),
    ]
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
    """What needs this person now, on the panels they sit on."""
    db, work = get_db(), Work()
    mine_panels = panels.panels_of(db, staff.id)
    replaced = {row["reference"]: row for row in scoring.scored_then_replaced(db, staff.id)}
    for opportunity in opportunities_for(db, staff.council_id):
        if opportunity.code not in mine_panels or contract_for_opportunity(db, opportunity.code):
            continue
        standing = declaration(opportunity, staff.id)
        if not standing.conflict and offer_access_refusal(staff.role, standing):
            link = url_for("staff_panel.declaration", code=opportunity.code)
            work.to_declare.append((opportunity.title, link))
        elif not standing.conflict and scoring_open(opportunity)[0]:
            _offers_work(staff, opportunity, replaced, work)
    return work


def _offers_work(staff, opportunity, replaced: dict[str, dict], work: Work) -> None:
    """What the offers to one opportunity whose scoring is open need from this person."""
    db, manager = get_db(), staff.role in MANAGERS
    moderated = 0
    for submission in current_submissions(db, opportunity.code):
        supplier = submission.offer.get("supplier", {}).get("name") or "An offer"
        link = url_for(
            "staff_opportunities.review", code=opportunity.code, reference=submission.reference
        )
        label = f"{supplier}, for {opportunity.title}"
        scored = scoring.evaluations_for(db, submission.id)
        mine = any(e.staff_id == staff.id for e in scored)
        if scoring.moderation_for(db, submission.id):
            moderated += 1
        elif submission.reference in replaced and not mine:
            earlier = replaced[submission.reference]["earlier_version"]
            work.replaced.append((f"{label} (you scored version {earlier})", link))
        elif manager and scored and not mine:  # others have scored it: it waits for them
            work.to_moderate.append((label, f"{link}#moderation"))
        elif not mine:
            work.to_score.append((label, link))
    if manager and moderated:
        show = url_for("staff_opportunities.show", code=opportunity.code, sort="score")
        work.to_award.append((opportunity.title, show))
