"""A supplier deletes their conversation and draft offer, after a confirmation page.

What the council keeps (the rule is in store/privacy.py, explained in the privacy notice): a
version submitted to a real opportunity is a procurement record, kept until the council's
retention period ends; an offer that won a contract cannot be deleted while its records are
kept. Once deleted, the link and return code open nothing: every supplier page and the API
answer 404, like a token that never existed.
"""

from flask import Blueprint, redirect, render_template, request, session, url_for

from forms.deletion import DeleteConversationForm
from monitoring.periods import long_date
from offer.retention import offer_kept_until, period_text
from store import privacy
from store.privacy import Holdings
from web.common import security
from web.common.councils import retention_for, use_council
from web.common.db import get_db
from web.supplier import chat

bp = security.private(Blueprint("deletion", __name__, url_prefix="/assistant"))
KEPT = "deleted_kept"  # in the session: what the council keeps, for the page after deleting


def kept_rows(held: Holdings) -> list[dict[str, str]]:
    """Each submitted version the council keeps, and until when."""
    return [
        {
            "reference": k.reference,
            "title": k.opportunity_title,
            "status": k.status,
            "until": long_date(offer_kept_until(k.closes_at, retention_for(k.council_id))),
        }
        for k in held.kept
    ]


@bp.route("/c/<token>/delete", methods=["GET", "POST"])
def confirm(token: str):
    """Delete this conversation and offer, after asking; refused if the offer won a contract."""
    conversation = chat.conversation_or_404(token)
    held = privacy.holdings(get_db(), conversation.id)
    form = DeleteConversationForm()
    if form.validate_on_submit() and not held.contract_titles:
        try:
            rows = kept_rows(privacy.delete_conversation(get_db(), conversation.id))
        except privacy.ContractAwarded:
            held = privacy.holdings(get_db(), conversation.id)
        else:
            session[KEPT] = {"council": conversation.council_id, "rows": rows}
            return redirect(url_for(".done"), code=303)
    from_offer = request.args.get("back") == "offer"
    page = render_template(
        "assistant/delete.html",
        form=form,
        token=token,
        kept=kept_rows(held),
        contracts=held.contract_titles,
        period=period_text(retention_for(conversation.council_id).submitted_offers_months),
        back=url_for("offers.offer" if from_offer else "assistant.conversation", token=token),
    )
    refused = request.method == "POST" and held.contract_titles
    return page, 409 if refused else 200


@bp.get("/deleted")
def done():
    """The conversation is gone; what the council keeps, if anything (shown once)."""
    deleted = session.pop(KEPT, None) or {}
    use_council(deleted.get("council") or request.args.get("council"))
    return render_template("assistant/deleted.html", kept=deleted.get("rows", []))
