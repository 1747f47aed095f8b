"""Submitting an offer to an opportunity: the frozen version, its receipt, withdrawing it."""

from flask import Blueprint, abort, redirect, render_template, url_for

import clock
from forms.offer import ConfirmForm, SubmitOfferForm
from offer.submission import closing_text, parse_closing
from store import submissions
from store.assessments import summary_for
from store.conversations import Conversation
from store.opportunities import get_opportunity
from web.common import limits, security
from web.common.db import get_db
from web.supplier import chat

bp = security.private(Blueprint("submissions", __name__, url_prefix="/assistant/c/<token>/offer"))


@bp.route("/submit", methods=["GET", "POST"])
@limits.rate_limited(limits.SUBMIT, limits.SUBMIT_ADDRESS)
def submit(token: str):
    """Submit the offer to the council's opportunity."""
    conversation = chat.conversation_or_404(token)
    form = SubmitOfferForm(data={"code": conversation.opportunity or ""})
    if form.validate_on_submit():
        problem, opportunity = chat.submission_error(conversation, form.code.data)
        if problem is None:
            made = chat.submit(conversation, opportunity)
            return redirect(url_for(".receipt", token=token, reference=made.reference), 303)
        form.code.errors = [problem]
    return render_template("offers/submit.html", form=form, token=token), (
        400 if form.errors else 200
    )


def _own_submission(conversation: Conversation, reference: str):
    found = submissions.get_submission(get_db(), reference)
    if found is None or found.conversation_id != conversation.id:
        abort(404)
    return found


@bp.get("/submissions/<reference>")
def receipt(token: str, reference: str):
    """The receipt for a submitted version."""
    conversation = chat.conversation_or_404(token)
    return receipt_page(token, _own_submission(conversation, reference), ConfirmForm())


def receipt_page(token: str, found, form: ConfirmForm, closed_error: bool = False) -> str:
    """The receipt, with the withdraw form while the opportunity is open."""
    opportunity = get_opportunity(get_db(), found.opportunity_code)
    closes = parse_closing(opportunity.closes_at)
    notice = None
    if closed_error:
        notice = f"It is too late to withdraw: this opportunity closed at {closing_text(closes)}."
    return render_template(
        "offers/receipt.html",
        token=token,
        submission=found,
        opportunity=opportunity,
        closes=closing_text(closes),
        open=clock.now() < closes,
        form=form,
        notice=notice,
        outcome=issued_summary(found.id),
    )


def issued_summary(submission_id: int):
    """The assessment summary of this version, once the council has issued it."""
    found = summary_for(get_db(), submission_id)
    return found if found and found.issued_at else None


@bp.post("/submissions/<reference>/withdraw")
def withdraw(token: str, reference: str):
    """Withdraw a submitted version before the closing date."""
    conversation = chat.conversation_or_404(token)
    found = _own_submission(conversation, reference)
    if found.status != "submitted":
        # Already withdrawn or replaced (a double click, a second tab): the receipt says so.
        return redirect(url_for(".receipt", token=token, reference=reference), 303)
    opportunity = get_opportunity(get_db(), found.opportunity_code)
    if not chat.is_open(opportunity.code):
        # The receipt shows no form once closed, so its errors would point at nothing.
        return receipt_page(token, found, ConfirmForm(formdata=None), closed_error=True), 400
    form = ConfirmForm()
    if not form.validate_on_submit():
        return receipt_page(token, found, form), 400
    if form.confirm.data == "yes":
        submissions.withdraw(get_db(), reference)
    return redirect(url_for(".receipt", token=token, reference=reference), 303)
