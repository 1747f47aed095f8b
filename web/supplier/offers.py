"""The supplier's offer pages: check it, edit it, fit the text, download it, submit it."""

import json

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)
from wtforms.fields.choices import SelectChoice

import clock
from assistant.state import State
from forms.offer import (
    CommitmentForm,
    ConfirmForm,
    NarrativeForm,
    OrganisationForm,
    wording_form,
)
from forms.validators import MaxWords
from knowledge.vocabulary import CHECK_KINDS, UNIT_LABELS
from offer import edits, tidying
from offer.build import NARRATIVE_BASIS
from offer.exports import to_csv, to_docx, to_text
from offer.files import file_name
from offer.fitting import blocks
from offer.ocds import Publication, to_ocds
from store import conversations as store
from store import submissions
from store.contracts import contracts_for_conversation
from store.conversations import Conversation, TurnConflict
from web.common import limits, security
from web.common.db import get_db
from web.supplier import chat, offer_page
from web.supplier.offer_documents import offer_pdf

bp = security.private(Blueprint("offers", __name__, url_prefix="/assistant/c/<token>/offer"))
EXPORTS = {
    "txt": to_text,
    "csv": to_csv,
    "json": lambda offer: json.dumps(offer.model_dump(mode="json"), indent=2, ensure_ascii=False),
}
MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain; charset=utf-8",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "ocds.json": "application/json",
}


def _pack(conversation: Conversation):
    return current_app.extensions["councils"][conversation.council_id]


def _save(conversation: Conversation, state: State) -> None:
    # Edits made here are not steps of the chat: "back" in the chat must not undo them.
    state.trail = []
    try:
        store.save_state(get_db(), conversation, state.to_dict())
    except TurnConflict:
        abort(409)


def _status(form) -> int:
    """400 when a form came back with errors, so clients and tests can tell."""
    return 400 if form.errors else 200


def _back(token: str, anchor: str | None = None):
    return redirect(url_for(".offer", token=token, _anchor=anchor), code=303)


@bp.get("")
def offer(token: str):
    """Check your offer: every part, the checks beside it, the text, downloads and submitting."""
    conversation = chat.conversation_or_404(token)
    built = chat.offer_for(conversation)
    show_proxies = _pack(conversation).procurement.uses_proxy_values
    state = State.from_dict(conversation.state)
    tidier = current_app.extensions["tidiers"][conversation.council_id]
    to_tidy = tidying.review(tidier, state.answers, state.commitments)
    return render_template(
        "offers/offer.html",
        token=token,
        offer=built,
        organisation_rows=offer_page.organisation_rows(built),
        contract_rows=offer_page.contract_rows(built),
        cards=offer_page.commitment_cards(built, show_proxies),
        offer_checks=offer_page.offer_wide_checks(built),
        problems=offer_page.problem_count(built),
        show_proxies=show_proxies and built.totals.proxy_total_gbp is not None,
        downloads=offer_page.DOWNLOADS,
        narrative_blocks=blocks(built.narrative.text),
        check_tags=offer_page.CHECK_TAGS,
        check_kinds=CHECK_KINDS,
        history=submissions.submissions_for_conversation(get_db(), conversation.id),
        contracts=contracts_for_conversation(get_db(), conversation.id),
        suggestions=len(tidying.changes(to_tidy)),  # as the page asks: once per change
    )


@bp.route("/organisation", methods=["GET", "POST"])
def organisation(token: str):
    """Change the organisation's details."""
    conversation = chat.conversation_or_404(token)
    state = State.from_dict(conversation.state)
    form = OrganisationForm(data=edits.organisation_form_data(state.answers))
    if form.validate_on_submit():
        state.answers = edits.save_organisation(state.answers, form.data)
        _save(conversation, state)
        return _back(token, "organisation")
    return render_template("offers/organisation.html", form=form, token=token), _status(form)


def _commitment_form(conversation: Conversation, data: dict | None) -> CommitmentForm:
    form = CommitmentForm(data=data)
    pack = _pack(conversation)
    form.measure.choices = [SelectChoice("", "None: my own words")] + [
        SelectChoice(m.id, f"{t.title}: {m.title}") for t, m in pack.measures
    ]
    form.unit.choices = [SelectChoice("", "Choose what you count")] + [
        SelectChoice(key, label) for key, label in UNIT_LABELS.items()
    ]
    form.theme.choices = [SelectChoice("", "Choose a theme")] + [
        SelectChoice(t.id, t.title) for t in pack.themes
    ]
    return form


@bp.route("/commitments/new", methods=["GET", "POST"], defaults={"commitment_id": None})
@bp.route("/commitments/<commitment_id>", methods=["GET", "POST"])
def commitment(token: str, commitment_id: str | None):
    """Add a commitment, or change one."""
    conversation = chat.conversation_or_404(token)
    state = State.from_dict(conversation.state)
    existing = next((c for c in state.commitments if c["id"] == commitment_id), None)
    if commitment_id and existing is None:
        abort(404)
    form = _commitment_form(
        conversation, edits.commitment_form_data(existing) if existing else None
    )
    if form.validate_on_submit():
        state.commitments, saved_id = edits.save_commitment(
            state.commitments, commitment_id, form.data, _pack(conversation), clock.today()
        )
        _save(conversation, state)
        return _back(token, f"commitment-{saved_id}")
    page = render_template("offers/commitment.html", form=form, token=token, adding=not existing)
    return page, _status(form)


@bp.route("/commitments/<commitment_id>/remove", methods=["GET", "POST"])
def remove(token: str, commitment_id: str):
    """Remove a commitment, after asking."""
    conversation = chat.conversation_or_404(token)
    state = State.from_dict(conversation.state)
    existing = next((c for c in state.commitments if c["id"] == commitment_id), None)
    if existing is None:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        if form.confirm.data == "yes":
            state.commitments = edits.remove_commitment(state.commitments, commitment_id)
            _save(conversation, state)
        return _back(token, "commitments")
    page = render_template("offers/remove.html", form=form, token=token, commitment=existing)
    return page, _status(form)


@bp.route("/narrative", methods=["GET", "POST"])
def narrative(token: str):
    """Edit the written response, within the opportunity's word limit."""
    conversation = chat.conversation_or_404(token)
    built = chat.offer_for(conversation)
    limit = built.narrative.word_limit
    form = NarrativeForm(data={"text": built.narrative.text})
    form.text.validators = [*form.text.validators, MaxWords(limit)]
    if form.validate_on_submit():
        state = State.from_dict(conversation.state)
        state.answers = {
            **state.answers,
            "offer.narrative": form.text.data,
            NARRATIVE_BASIS: built.narrative.basis,
        }
        _save(conversation, state)
        return _back(token, "narrative")
    page = render_template("offers/narrative.html", form=form, token=token, limit=limit)
    return page, _status(form)


@bp.route("/wording", methods=["GET", "POST"])
def wording(token: str):
    """Tidy your wording: each change suggested to the supplier's answers, to accept or not."""
    conversation = chat.conversation_or_404(token)
    state = State.from_dict(conversation.state)
    tidier = current_app.extensions["tidiers"][conversation.council_id]
    found = tidying.review(tidier, state.answers, state.commitments)
    changes = tidying.changes(found)
    form = wording_form(len(changes))
    changed = form.is_submitted() and form.version.data != tidying.version(found)
    if not changed and form.validate_on_submit():
        decided = {}
        for number, change in enumerate(changes):
            said = "yes" if form.accept_all.data else form[f"s{number}"].data
            if said in ("yes", "no"):
                decided |= dict.fromkeys(change.choices, said == "yes")
        state.answers, state.commitments = tidying.decide(
            tidier, state.answers, state.commitments, decided
        )
        _save(conversation, state)
        return _back(token, "narrative")
    if changed and not changes:
        return redirect(url_for(".wording", token=token), code=303)
    if changed:
        form["s0"].errors = [
            "Your answers changed after this page was shown, so nothing was saved. "
            "Check the suggestions again"
        ]
    form.version.data = tidying.version(found)
    questions = [
        {
            "field": form[f"s{number}"],
            "question": tidying.question(change.suggestion),
            "reason": change.suggestion.reason,
            "where": [(a.label, tidying.in_context(a, s)) for a, s in change.places[:3]],
            "more": len(change.places) - 3,
        }
        for number, change in enumerate(changes)
    ]
    page = render_template(
        "offers/wording.html", form=form, token=token, questions=questions, changed=changed
    )
    return page, 409 if changed else _status(form)


@bp.post("/narrative/reset")
def reset_narrative(token: str):
    """Go back to the text generated from the commitments (CSRF is checked for every POST)."""
    conversation = chat.conversation_or_404(token)
    state = State.from_dict(conversation.state)
    dropped = {"offer.narrative", NARRATIVE_BASIS}
    state.answers = {k: v for k, v in state.answers.items() if k not in dropped}
    _save(conversation, state)
    return _back(token, "narrative")


def _publication(pack) -> Publication:
    """Where, when and by whom the OCDS download is published."""
    return Publication(
        host=request.host.split(":")[0],
        published=clock.now(),
        council=pack.identity.name,
        ocid_prefix=pack.procurement.ocid_prefix,
        themes=tuple((t.id, t.title) for t in pack.themes),
    )


@bp.get("/download/<kind>")
@limits.rate_limited(limits.DOWNLOAD)
def download(token: str, kind: str):
    """The offer as a file."""
    conversation = chat.conversation_or_404(token)
    if kind not in MIME:
        abort(404)
    built = chat.offer_for(conversation)
    pack = _pack(conversation)
    if kind == "pdf":
        body = offer_pdf(built, pack)
    elif kind == "docx":
        body = to_docx(built, pack.identity.name)
    elif kind == "ocds.json":
        body = json.dumps(to_ocds(built, _publication(pack)), indent=2, ensure_ascii=False)
    else:
        body = EXPORTS[kind](built)
    name = file_name(built, kind, clock.today())
    return Response(
        body,
        mimetype=MIME[kind].split(";")[0],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
