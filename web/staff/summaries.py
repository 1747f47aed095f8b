"""Staff: the assessment summary for every bidder of an opportunity, drafted from the moderated
scores and reasons, edited, then issued once the contract is awarded; each supplier then sees
the outcome and their own summary (and never another bidder's) on their receipt and in the API."""

from flask import Blueprint, g, redirect, render_template, request, url_for

from forms.evaluation import summaries_form
from offer.assessment import Standing, draft, outcome
from permissions.roles import MANAGERS
from store.assessments import save_summaries, summary_for
from store.contracts import contract_for_opportunity
from web.common.councils import current_council
from web.common.db import get_db
from web.staff import auth, panel_access
from web.staff.evaluation_record import scored_offers
from web.staff.opportunities import own_opportunity

bp = Blueprint("staff_summaries", __name__, url_prefix="/staff/opportunities")
NOT_AWARDED = (
    "Issue the summaries once the contract is awarded: each one tells the bidder the outcome"
)


@bp.route("/<code>/summaries", methods=["GET", "POST"])
@auth.staff_required(*MANAGERS)
def summaries(code: str):
    """Every bidder's assessment summary: the saved draft (or one written from the moderated
    scores), to edit, save and issue."""
    db, pack = get_db(), current_council()
    opportunity = own_opportunity(code)
    panel_access.require(opportunity)
    contract = contract_for_opportunity(db, opportunity.code)
    offers = scored_offers(db, opportunity, pack)
    winning = next(
        (s.weighted for s in offers if contract and s.submission.id == contract.submission_id),
        None,
    )
    rows, drafts = [], {}
    for rank, s in enumerate(offers, start=1):
        name = s.submission.offer.get("supplier", {}).get("name") or "The bidder"
        saved = summary_for(db, s.submission.id)
        standing = Standing(
            supplier=name,
            consensus=s.moderation.scores if s.moderation else None,
            weighted=s.weighted,
            weighting=opportunity.weighting_percent or 0,
            rank=rank if s.weighted is not None else None,
            bidders=len(offers),
        )
        drafts[f"summary_{s.submission.id}"] = saved.text if saved else draft(standing, pack.rubric)
        result = None
        if contract:
            won = contract.submission_id == s.submission.id
            result = outcome(won, winning, opportunity.weighting_percent or 0)
        rows.append({"scored": s, "name": name, "saved": saved, "outcome": result})
    issued = all(r["saved"] and r["saved"].issued_at for r in rows) and bool(rows)
    if issued:  # issued summaries are not changed: the page shows them, with no form
        page = render_template(
            "staff/summaries.html", opportunity=opportunity, rows=rows, form=None, issued=True
        )
        return page, (409 if request.method == "POST" else 200)
    form = summaries_form([(r["scored"].submission.id, r["name"]) for r in rows])(data=drafts)
    if form.validate_on_submit():
        if form.issue.data and not contract:
            form.issue.errors = [NOT_AWARDED]
        else:
            save_summaries(
                db,
                council_id=g.staff.council_id,
                texts={
                    r["scored"].submission.id: form[f"summary_{r['scored'].submission.id}"].data
                    for r in rows
                },
                staff_id=g.staff.id,
                outcomes={r["scored"].submission.id: r["outcome"] for r in rows}
                if form.issue.data
                else None,
                subject=opportunity.code,
            )
            return redirect(url_for(".summaries", code=code), 303)
    return render_template(
        "staff/summaries.html",
        opportunity=opportunity,
        rows=rows,
        form=form,
        contract=contract,
        issued=issued,
        not_awarded=NOT_AWARDED,
    ), (400 if form.errors else 200)
