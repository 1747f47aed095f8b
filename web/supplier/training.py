"""Attendees of a training session: join with the code the trainer reads out (no account),
and get a conversation of their own, tagged with the session."""

from flask import Blueprint, redirect, render_template, request, session, url_for

from forms.training import JoinForm
from store.conversations import SessionClosed
from store.opportunities import get_opportunity
from store.sessions import TrainingSession, session_by_code
from web.common import limits
from web.common.councils import use_council
from web.common.db import get_db
from web.supplier import chat

bp = Blueprint("training", __name__, url_prefix="/join")
CLOSED = (
    "This session has closed, so no one can join it now. You can still use the assistant "
    "on your own from the start page."
)
UNKNOWN = "There is no session with that code. Check the code with your trainer."


def _page(form: JoinForm, status: int = 200):
    return render_template("training/join.html", form=form), status


def _open_session(form: JoinForm) -> TrainingSession | None:
    """The session the code names, if it is open; otherwise the code field says why."""
    found = session_by_code(get_db(), form.code.data)
    if found is None or not found.is_open:
        form.code.errors = [UNKNOWN if found is None else CLOSED]
        return None
    return found


@bp.get("/")
def join():
    """The join page: a code, and an optional name. Works on a phone, without JavaScript."""
    form = JoinForm(formdata=None, data={"code": request.args.get("code", "")[:20]})
    return _page(form)


@bp.post("/")
@limits.rate_limited(limits.START, limits.JOIN_ADDRESS)
def start():
    """Join: a new conversation in the session, on its opportunity, then straight to the chat."""
    form = JoinForm()
    found = _open_session(form) if form.validate() else None
    if found is None:
        return _page(form, 400)
    use_council(found.council_id)
    opportunity = get_opportunity(get_db(), found.opportunity_code)
    try:
        created, _turn = chat.begin(found.council_id, opportunity, found, form.name.data or None)
    except SessionClosed:
        form.code.errors = [CLOSED]
        return _page(form, 400)
    session["new_return_code"] = {"id": created.id, "code": created.return_code}
    return redirect(url_for("assistant.conversation", token=created.token), code=303)
