"""Suppliers after award: their contract's KPIs and delivery, and recording a return, through
their own conversation link. A contract won with another conversation is a 404."""

from flask import Blueprint, abort, current_app, redirect, render_template, url_for

from store.contracts import Contract, contracts_for_conversation
from store.returns import returns_for
from web.common import delivery, limits, security
from web.common.db import get_db
from web.supplier import chat

bp = security.private(
    Blueprint("supplier_contracts", __name__, url_prefix="/assistant/c/<token>/contracts")
)


def _own_contract(token: str, contract_id: int) -> Contract:
    conversation = chat.conversation_or_404(token)
    found = next(
        (c for c in contracts_for_conversation(get_db(), conversation.id) if c.id == contract_id),
        None,
    )
    if found is None:
        abort(404)
    return found


@bp.get("/<int:contract_id>")
def show(token: str, contract_id: int):
    """The supplier's contract: promised against delivered, and their returns by period."""
    contract = _own_contract(token, contract_id)
    pack = current_app.extensions["councils"][contract.council_id]
    view = delivery.contract_view(contract, returns_for(get_db(), [contract.id]), pack)
    return render_template(
        "contracts/contract.html",
        view=view,
        token=token,
        record_url=lambda n: url_for(
            ".record_return", token=token, contract_id=contract.id, period=n
        ),
        evidence_files=delivery.evidence_by_period(contract),
        evidence_url=lambda f: url_for(
            ".evidence", token=token, contract_id=contract.id, file_id=f.id
        ),
        **delivery.page_context(),
    )


@bp.route("/<int:contract_id>/return", methods=["GET", "POST"])
@limits.rate_limited(limits.RETURN)
@security.accepts_files(delivery.RETURN_REQUEST_BYTES)
def record_return(token: str, contract_id: int):
    """Record a period's return, with evidence files; the council then accepts or queries it."""
    contract = _own_contract(token, contract_id)
    form = delivery.return_form_for(contract)
    if form.validate_on_submit() and delivery.save_submitted_return(form, contract, None):
        return redirect(
            url_for(".show", token=token, contract_id=contract.id, _anchor="returns"), 303
        )
    period = delivery.requested_period()
    if period:
        delivery.fill_return(form, contract, returns_for(get_db(), [contract.id]), period)
    return render_template(
        "contracts/return.html",
        form=form,
        contract=contract,
        back=url_for(".show", token=token, contract_id=contract.id),
        staff=False,
    ), (400 if form.errors else 200)


@bp.get("/<int:contract_id>/evidence/<int:file_id>")
def evidence(token: str, contract_id: int, file_id: int):
    """One of the contract's evidence files, as a download."""
    return delivery.send_evidence(_own_contract(token, contract_id), file_id)
