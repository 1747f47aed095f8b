"""Submitting an offer to an opportunity: the frozen version, its receipt, withdrawing it."""

from flask import Blueprint, abort, redirect, render_template, url_for

from forms.offer import ConfirmForm, SubmitOfferForm
from offer.submission import closing_text, parse_closing
from store import submissions
from store.conversations import Conversation
from store.opportunities import get_opportunity
from web import chat, security
from web.db import get_db

bp = security.private(Blueprint("submissions", __name__, url_prefix="/assistant/c/<token>/offer"))


@bp.route("/submit", methods=["GET", "POST"])
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
        open=chat.now() < closes,
        form=form,
        notice=notice,
    )


@bp.post("/submissions/<reference>/withdraw")
def withdraw(token: str, reference: str):
    """Withdraw a submitted version before the closing date."""
    conversation = chat.conversation_or_404(token)
    found = _own_submission(conversation, reference)
    opportunity = get_opportunity(get_db(), found.opportunity_code)
    form = ConfirmForm()
    closed = not chat.is_open(opportunity.code)
    if form.validate_on_submit() and form.confirm.data == "yes" and not closed:
        submissions.withdraw(get_db(), reference)
    if form.errors or closed:
        return receipt_page(token, found, form, closed), 400
    return redirect(url_for(".receipt", token=token, reference=reference), 303)
