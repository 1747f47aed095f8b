"""Staff: opportunities, the offers submitted to them, scoring and moderation.

Every route needs a signed-in member of staff of the opportunity's council (another council's
opportunity is a 404). Evaluators score; moderators and admins also create opportunities and
record consensus scores.
"""

from flask import Blueprint, abort, g, redirect, render_template, request, url_for

from forms.evaluation import rubric_form
from knowledge.vocabulary import CHECK_KINDS
from offer.model import Offer
from offer.scoring import scores_only, weighted_score
from offer.submission import closing_text, parse_closing
from permissions.roles import EVALUATORS, MANAGERS, is_manager
from store import evaluations as scoring
from store.contracts import contract_for_opportunity
from store.opportunities import (
    Opportunity,
    create_opportunity,
    get_opportunity,
    opportunities_for,
    update_opportunity,
)
from store.submissions import get_submission, submissions_for_conversation
from web.common.councils import current_council
from web.common.db import get_db
from web.staff import auth, evaluation_record, offer_review, opportunity_form, panel_access
from web.staff import opportunity_state as state

bp = Blueprint("staff_opportunities", __name__, url_prefix="/staff/opportunities")
bp.add_app_template_filter(offer_review.score_rows, "score_rows")


def own_opportunity(code: str) -> Opportunity:
    """This council's opportunity with this code, or a 404."""
    found = get_opportunity(get_db(), code)
    if found is None or found.council_id != g.staff.council_id:
        abort(404)
    return found


@bp.get("")
@auth.staff_required(*EVALUATORS)
def index():
    """The council's opportunities."""
    listed = [
        {"opportunity": o, "status": state.status(o), "closes": state.closing(o)[1]}
        for o in opportunities_for(get_db(), g.staff.council_id)
    ]
    return render_template("staff/opportunities.html", opportunities=listed)


@bp.route("/new", methods=["GET", "POST"])
@auth.staff_required(*MANAGERS)
def new():
    """Create an opportunity; it gets a share code for bidders."""
    form = opportunity_form.for_page()
    if form.validate_on_submit() and not opportunity_form.closes_at_once(form):
        fields = opportunity_form.fields(form)
        code = create_opportunity(
            get_db(),
            council_id=g.staff.council_id,
            title=fields.pop("title"),
            closes_at=fields.pop("closes_at"),
            **fields,
        )
        scoring.audit(
            get_db(),
            council_id=g.staff.council_id,
            staff_id=g.staff.id,
            action="created opportunity",
            subject=code,
            detail={"title": form.title.data},
        )
        return redirect(url_for(".show", code=code), 303)
    return render_template(
        "staff/opportunity_form.html",
        form=form,
        opportunity=None,
        closes_at_once=opportunity_form.CLOSES_AT_ONCE,
    ), (400 if form.errors else 200)


@bp.route("/<code>/edit", methods=["GET", "POST"])
@auth.staff_required(*MANAGERS)
def edit(code: str):
    """Change an opportunity's details."""
    opportunity = own_opportunity(code)
    form = opportunity_form.for_page(opportunity)
    if form.validate_on_submit() and not opportunity_form.closes_at_once(form):
        fields = opportunity_form.fields(form)
        update_opportunity(get_db(), opportunity.code, **fields)
        scoring.audit(
            get_db(),
            council_id=g.staff.council_id,
            staff_id=g.staff.id,
            action="changed opportunity",
            subject=opportunity.code,
            detail=fields,
        )
        return redirect(url_for(".show", code=opportunity.code), 303)
    return render_template(
        "staff/opportunity_form.html",
        form=form,
        opportunity=opportunity,
        closes_at_once=opportunity_form.CLOSES_AT_ONCE,
    ), (400 if form.errors else 200)


@bp.get("/<code>")
@auth.staff_required(*EVALUATORS)
def show(code: str):
    """An opportunity, its share link, and the offers submitted to it (sortable, filterable)."""
    opportunity = own_opportunity(code)
    refused = panel_access.refusal(opportunity)
    rows = (
        []
        if refused
        else offer_review.offer_rows(get_db(), opportunity, current_council(), g.staff)
    )
    rows = offer_review.sorted_and_filtered(rows, request.args)
    return render_template(
        "staff/opportunity.html",
        opportunity=opportunity,
        rows=rows,
        share_link=url_for("assistant.start", opportunity=opportunity.code, _external=True),
        closes=closing_text(parse_closing(opportunity.closes_at)),
        details=state.details(opportunity),
        refused=refused,
        may_declare=panel_access.may_declare(opportunity),
        offer_count=len(panel_access.bidders(opportunity)),
        sort=request.args.get("sort", "submitted"),
        status=request.args.get("status", ""),
        show_proxies=current_council().procurement.uses_proxy_values,
    )


def _submission(opportunity: Opportunity, reference: str, replaced_too: bool = False):
    """A version of an offer to this opportunity: the current one (or, to read, one since
    replaced, which keeps its scores and audit)."""
    found = get_submission(get_db(), reference)
    statuses = ("submitted", "replaced") if replaced_too else ("submitted",)
    if found is None or found.opportunity_code != opportunity.code or found.status not in statuses:
        abort(404)
    return found


@bp.route("/<code>/offers/<reference>", methods=["GET", "POST"])
@auth.staff_required(*EVALUATORS)
def review(code: str, reference: str):
    """One offer, its flags, and this person's scores (others' once their own are in)."""
    opportunity = own_opportunity(code)
    panel_access.require(opportunity)
    submission = _submission(opportunity, reference, replaced_too=True)
    pack = current_council()
    form = rubric_form(pack.rubric, "Comment", "Write a comment")()
    moderation = scoring.moderation_for(get_db(), submission.id)
    refusal = state.score_refusal(opportunity, submission, moderation)
    if refusal and request.method == "POST":
        form.validate_on_submit()
        first = getattr(form, f"{pack.rubric.criteria[0].id}_score")
        first.errors = [*first.errors, refusal]
    elif form.validate_on_submit():
        scores = offer_review.scores_from(form, pack.rubric, "comment")
        scoring.save_evaluation(
            get_db(),
            submission_id=submission.id,
            staff_id=g.staff.id,
            scores=scores,
            council_id=g.staff.council_id,
            subject=reference,
        )
        return redirect(url_for(".review", code=code, reference=reference, _anchor="scores"), 303)
    everyone = scoring.evaluations_for(get_db(), submission.id)
    mine = next((e for e in everyone if e.staff_id == g.staff.id), None)
    if mine and request.method == "GET":
        offer_review.fill(form, mine.scores, "comment")
    may_see_all = offer_review.may_see_scores(get_db(), submission.id, g.staff)
    moderation = moderation if may_see_all else None
    moderation_form, moderation_refused = None, None
    if is_manager(g.staff.role):
        moderation_refused = state.moderation_refusal(opportunity, submission)
        if not moderation_refused:
            moderation_form = rubric_form(pack.rubric, "Reasons", "Give the reasons")(prefix="m")
            if moderation:
                offer_review.fill(moderation_form, moderation.scores, "reasons")
    offer = Offer.model_validate(submission.offer)
    versions = submissions_for_conversation(get_db(), submission.conversation_id)
    versions = [v for v in versions if v.id != submission.id and v.status != "withdrawn"]
    scored_before = [
        v
        for v in versions
        if v.status == "replaced" and not mine and submission.status == "submitted"
        if any(e.staff_id == g.staff.id for e in scoring.evaluations_for(get_db(), v.id))
    ]
    return render_template(
        "staff/review.html",
        opportunity=opportunity,
        submission=submission,
        versions=versions,
        scored_before=scored_before,
        offer=offer,
        supplier_rows=offer_review.supplier_rows(offer),
        show_proxies=pack.procurement.uses_proxy_values,
        checks=sorted(
            (k for k in offer_review.checks_now(submission.offer, pack) if k.level != "ok"),
            key=lambda k: k.level != "problem",
        ),
        check_kinds=CHECK_KINDS,
        form=form,
        score_refusal=refusal if request.method == "GET" else None,
        mine=mine,
        criteria=pack.rubric.criteria,
        evaluations=everyone if may_see_all else [],
        hidden_count=0 if may_see_all else len(everyone),
        scores_hidden=not may_see_all,
        moderation=moderation,
        moderation_form=moderation_form,
        moderation_refused=moderation_refused,
        weighted=weighted_score(
            scores_only(moderation.scores), pack.rubric, opportunity.weighting_percent or 0
        )
        if moderation
        else None,
        trail=scoring.audit_trail(get_db(), g.staff.council_id, reference),
        contract=contract_for_opportunity(get_db(), opportunity.code),
    ), (400 if form.errors else 200)


@bp.post("/<code>/offers/<reference>/moderation")
@auth.staff_required(*MANAGERS)
def moderate(code: str, reference: str):
    """Record the consensus score for each criterion, with the reasons."""
    opportunity = own_opportunity(code)
    panel_access.require(opportunity)
    submission = _submission(opportunity, reference)
    pack = current_council()
    form = rubric_form(pack.rubric, "Reasons", "Give the reasons")(prefix="m")
    refused = state.moderation_refusal(opportunity, submission)
    valid = form.validate_on_submit()
    if refused or not valid:
        if refused:
            first = getattr(form, f"{pack.rubric.criteria[0].id}_score")
            first.errors = [*first.errors, refused]
        page = render_template(
            "staff/moderation_errors.html",
            form=form,
            opportunity=opportunity,
            submission=submission,
            criteria=pack.rubric.criteria,
        )
        return page, 409 if refused else 400
    scores = offer_review.scores_from(form, pack.rubric, "reasons")
    scoring.save_moderation(
        get_db(),
        submission_id=submission.id,
        staff_id=g.staff.id,
        scores=scores,
        council_id=g.staff.council_id,
        subject=reference,
    )
    return redirect(url_for(".review", code=code, reference=reference, _anchor="moderation"), 303)


@bp.get("/<code>/compare")
@auth.staff_required(*EVALUATORS)
def compare(code: str):
    """All the offers for an opportunity side by side."""
    opportunity = own_opportunity(code)
    panel_access.require(opportunity)
    pack = current_council()
    return render_template(
        "staff/compare.html",
        opportunity=opportunity,
        columns=offer_review.comparison(get_db(), opportunity, pack, g.staff),
        maximum=pack.rubric.scale_max * len(pack.rubric.criteria),
        themes=[t.title for t in pack.themes],
    )


@bp.get("/<code>/export.<kind>")
@auth.staff_required(*MANAGERS)  # Every score is in them, so not for evaluators mid-way.
def export(code: str, kind: str):
    """The offers, commitments and scores for the evaluation panel: CSV, XLSX or JSON."""
    opportunity = own_opportunity(code)
    if kind not in evaluation_record.MIME:
        abort(404)
    panel_access.require(opportunity)
    return evaluation_record.export_response(get_db(), opportunity, current_council(), kind)
