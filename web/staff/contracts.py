"""Staff: awarding an offer as a contract, its KPI schedule, promised against delivered, and
the printable annual assessment (delivery returns, on the same blueprint: contract_returns.py).

Every route needs a signed-in member of staff of the contract's council (another council's
contract is a 404). Moderators and admins award and change schedules; evaluators, moderators and
admins record and review returns.
"""

from datetime import date

from flask import Blueprint, abort, g, redirect, render_template, url_for

import clock
from forms.contracts import KpiLine, schedule_form
from monitoring.periods import DEFAULT_PERIOD_MONTHS, contract_end, long_date
from monitoring.schedule import kpis_from_offer, schedule_warning
from offer.award import (
    Scheduled,
    award_refusal,
    award_standing,
    contract_record,
    default_start,
    kpi_records,
)
from offer.scoring import scores_only, weighted_score
from offer.submission import parse_closing
from permissions.roles import EVALUATORS, MANAGERS
from store import contracts as store
from store.evaluations import moderation_for
from store.opportunities import get_opportunity
from store.returns import returns_for
from store.submissions import current_submissions, get_submission
from web.common import delivery
from web.common.councils import current_council
from web.common.db import get_db
from web.staff import auth, panel_access

bp = Blueprint("staff_contracts", __name__, url_prefix="/staff/contracts")


def own_contract(contract_id: int) -> store.Contract:
    """The signed-in person's council's contract, or 404."""
    found = store.get_contract(get_db(), contract_id)
    if found is None or found.council_id != g.staff.council_id:
        abort(404)
    return found


def _schedule(form, positions: list[int]) -> dict[int, Scheduled]:
    return {
        position: Scheduled(
            float(getattr(form, f"target_{position}").data),
            (getattr(form, f"milestones_{position}").data or "").splitlines(),
        )
        for position in positions
    }


@bp.get("/")
@auth.staff_required(*EVALUATORS)
def index():
    """The council's contracts, each with its rating and returns needing attention."""
    db = get_db()
    contracts = store.contracts_for_council(db, g.staff.council_id)
    returns = returns_for(db, [c.id for c in contracts])
    grouped: dict[int, list] = {}
    for r in returns:
        grouped.setdefault(r.contract_id, []).append(r)
    views = [delivery.contract_view(c, grouped.get(c.id, []), current_council()) for c in contracts]
    return render_template("staff/contracts.html", views=views)


@bp.route("/award/<reference>", methods=["GET", "POST"])
@auth.staff_required(*MANAGERS)
def award(reference: str):
    """Award the contract to this offer: its commitments become the KPI schedule."""
    db = get_db()
    submission = get_submission(db, reference)
    if submission is None or submission.council_id != g.staff.council_id:
        abort(404)
    opportunity = get_opportunity(db, submission.opportunity_code)
    existing = store.contract_for_opportunity(db, opportunity.code)
    if existing:
        return redirect(url_for(".show", contract_id=existing.id), 303)
    panel_access.require(opportunity)
    reason = award_refusal(submission.status, parse_closing(opportunity.closes_at), clock.now())
    if reason:
        return render_template(
            "staff/award.html", form=None, reason=reason, opportunity=opportunity,
            submission=submission,
        ), 409  # fmt: skip
    standing = _standing(opportunity, submission)
    drafts = kpis_from_offer(submission.offer)
    lines = [KpiLine(i, d.title, d.unit_label) for i, d in enumerate(drafts, start=1)]
    defaults = {
        "starts_on": default_start(clock.today()),
        "period_months": str(DEFAULT_PERIOD_MONTHS),
    }
    for line, draft in zip(lines, drafts, strict=True):
        defaults[f"target_{line.position}"] = draft.target
        defaults[f"milestones_{line.position}"] = "\n".join(draft.milestones)
    form = schedule_form(lines, "Award the contract", reason=standing is not None)(data=defaults)
    if form.validate_on_submit():
        agreed = _schedule(form, [line.position for line in lines])
        contract_id = store.award(
            db,
            contract=contract_record(
                g.staff.council_id,
                opportunity,
                submission,
                form.starts_on.data,
                int(form.period_months.data),
            ),
            kpis=kpi_records(drafts, [agreed[line.position] for line in lines]),
            staff_id=g.staff.id,
            reason=form.override_reason.data if standing else None,
        )
        return redirect(url_for(".show", contract_id=contract_id), 303)
    return render_template(
        "staff/award.html",
        form=form,
        lines=lines,
        opportunity=opportunity,
        submission=submission,
        warning=schedule_warning(opportunity.value_gbp, len(drafts)),
        standing=standing,
    ), (400 if form.errors else 200)


def _standing(opportunity, submission) -> str | None:
    """Whether the offer has a moderated score, and whether another scored higher."""
    db, pack = get_db(), current_council()
    weighted, names = {}, {}
    for current in current_submissions(db, opportunity.code):
        names[current.reference] = current.offer.get("supplier", {}).get("name") or "Another"
        moderation = moderation_for(db, current.id)
        if moderation:
            weighted[current.reference] = weighted_score(
                scores_only(moderation.scores), pack.rubric, opportunity.weighting_percent or 0
            )
    return award_standing(submission.reference, weighted, names)


@bp.get("/<int:contract_id>")
@auth.staff_required(*EVALUATORS)
def show(contract_id: int):
    """A contract: promised against delivered, its returns by period, and its KPI schedule."""
    contract = own_contract(contract_id)
    view = delivery.contract_view(contract, returns_for(get_db(), [contract.id]), current_council())
    return render_template(
        "staff/contract.html",
        view=view,
        record_url=lambda n: url_for(".record_return", contract_id=contract.id, period=n),
        review_url=lambda r: url_for(".review", contract_id=contract.id, return_id=r.id),
        review_period_url=lambda n: url_for(".review_whole", contract_id=contract.id, period=n),
        evidence_files=delivery.evidence_by_period(contract),
        evidence_url=lambda f: url_for(".evidence", contract_id=contract.id, file_id=f.id),
        **_dates(contract),
        **delivery.page_context(),
    )


def _dates(contract: store.Contract) -> dict[str, str]:
    start = date.fromisoformat(contract.starts_on)
    return {
        "starts": long_date(start),
        "ends": long_date(contract_end(start, contract.duration_months)),
        "awarded": long_date(date.fromisoformat(contract.awarded_at[:10])),
    }


@bp.route("/<int:contract_id>/schedule", methods=["GET", "POST"])
@auth.staff_required(*MANAGERS)
def schedule(contract_id: int):
    """Adjust the start date, reporting period and each KPI's target and milestones."""
    contract = own_contract(contract_id)
    lines = delivery.kpi_lines(contract)
    defaults = {
        "starts_on": date.fromisoformat(contract.starts_on),
        "period_months": str(contract.period_months),
    }
    for kpi in contract.kpis:
        defaults[f"target_{kpi.position}"] = kpi.target
        defaults[f"milestones_{kpi.position}"] = "\n".join(kpi.milestones)
    form = schedule_form(lines, "Save the schedule")(data=defaults)
    if form.validate_on_submit():
        by_position = _schedule(form, [line.position for line in lines])
        store.update_schedule(
            get_db(),
            contract,
            starts_on=form.starts_on.data.isoformat(),
            period_months=int(form.period_months.data),
            kpis={k.id: vars(by_position[k.position]) for k in contract.kpis},
            staff_id=g.staff.id,
        )
        return redirect(url_for(".show", contract_id=contract.id), 303)
    return render_template(
        "staff/schedule.html",
        form=form,
        lines=lines,
        contract=contract,
        warning=schedule_warning(contract.value_gbp, len(contract.kpis)),
    ), (400 if form.errors else 200)


@bp.get("/<int:contract_id>/assessment")
@auth.staff_required(*EVALUATORS)
def assessment(contract_id: int):
    """The printable annual performance assessment: rating, reasons, delivery per KPI."""
    contract = own_contract(contract_id)
    view = delivery.contract_view(contract, returns_for(get_db(), [contract.id]), current_council())
    opportunity = get_opportunity(get_db(), contract.opportunity_code)
    return render_template(
        "staff/assessment.html",
        view=view,
        reference=opportunity.reference if opportunity else None,
        share_code=contract.opportunity_code,
        today=long_date(clock.today()),
        **_dates(contract),
        **delivery.page_context(),
    )
