"""Staff: a contract's delivery returns, recorded (with evidence files), accepted or queried
line by line or a whole period at once, and the evidence files downloaded. The routes are on
the contracts blueprint (web/staff/contracts.py), so their endpoints are `staff_contracts.*`."""

from collections.abc import Callable

from flask import abort, g, redirect, render_template, url_for

from forms.contracts import ReviewForm
from permissions.roles import EVALUATORS
from store.returns import returns_for, review_period, review_return
from web.common import delivery, limits, security
from web.common.db import get_db
from web.staff import auth
from web.staff.contracts import bp, own_contract


@bp.route("/<int:contract_id>/returns", methods=["GET", "POST"])
@limits.rate_limited(limits.RETURN)
@security.accepts_files(delivery.RETURN_REQUEST_BYTES)
@auth.staff_required(*EVALUATORS)
def record_return(contract_id: int):
    """Record (or correct) a period's return, with evidence files; staff returns are accepted
    as they are saved."""
    contract = own_contract(contract_id)
    db = get_db()
    form = delivery.return_form_for(contract)
    if form.validate_on_submit() and delivery.save_submitted_return(form, contract, g.staff.id):
        return redirect(url_for(".show", contract_id=contract.id, _anchor="returns"), 303)
    period = delivery.requested_period()
    if period:
        delivery.fill_return(form, contract, returns_for(db, [contract.id]), period)
    return render_template(
        "contracts/return.html",
        form=form,
        contract=contract,
        back=url_for(".show", contract_id=contract.id),
        staff=True,
    ), (400 if form.errors else 200)


@bp.route("/<int:contract_id>/returns/<int:return_id>", methods=["GET", "POST"])
@auth.staff_required(*EVALUATORS)
def review(contract_id: int, return_id: int):
    """Accept a supplier's return, or query it with a note for the supplier."""
    contract = own_contract(contract_id)
    found = next((r for r in returns_for(get_db(), [contract.id]) if r.id == return_id), None)
    if found is None:
        abort(404)
    kpi = next(k for k in contract.kpis if k.id == found.kpi_id)
    return _review_page(
        contract,
        [(kpi, found)],
        found.period,
        lambda **decision: review_return(get_db(), return_id=found.id, **decision),
    )


@bp.route("/<int:contract_id>/periods/<int:period>/review", methods=["GET", "POST"])
@auth.staff_required(*EVALUATORS)
def review_whole(contract_id: int, period: int):
    """Accept a period's whole return, or query it, in one action."""
    contract = own_contract(contract_id)
    recorded = returns_for(get_db(), [contract.id])
    waiting = [r for r in recorded if r.period == period and r.status != "accepted"]
    if not waiting:
        return redirect(url_for(".show", contract_id=contract.id, _anchor="returns"), 303)
    kpis = {k.id: k for k in contract.kpis}
    return _review_page(
        contract,
        [(kpis[r.kpi_id], r) for r in waiting],
        period,
        lambda **decision: review_period(get_db(), period=period, **decision),
    )


def _review_page(contract, lines: list, period: int, decide: Callable[..., object]):
    """The review form for these lines; a valid decision is passed to `decide` (with the
    contract, the decision and the note) and goes back to the contract."""
    form = ReviewForm()
    if form.validate_on_submit():
        decide(
            council_id=contract.council_id,
            contract_id=contract.id,
            accept=form.decision.data == "accept",
            note=form.note.data or None,
            staff_id=g.staff.id,
        )
        return redirect(url_for(".show", contract_id=contract.id, _anchor="returns"), 303)
    return render_template(
        "staff/return_review.html",
        form=form,
        contract=contract,
        lines=lines,
        period=period,
        evidence=delivery.EVIDENCE_LABELS,
    ), (400 if form.errors else 200)


@bp.get("/<int:contract_id>/evidence/<int:file_id>")
@auth.staff_required(*EVALUATORS)
def evidence(contract_id: int, file_id: int):
    """One of the contract's evidence files, as a download."""
    return delivery.send_evidence(own_contract(contract_id), file_id)
