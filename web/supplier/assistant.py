"""The supplier's assistant: start a conversation, talk to it, come back to it later.

Each turn is a plain form POST followed by a redirect, so the page works without JavaScript.
The conversation's token is in its URL: whoever has the link (or a return code) has access.
"""

import dataclasses

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from assistant.engine import MAX_INPUT, TOO_LONG, TOO_MANY_TURNS
from assistant.summary import summary_sections
from forms.assistant import MessageForm, ReturnCodeForm, StartForm
from store import conversations as store
from store.conversations import TurnConflict
from store.opportunities import get_opportunity, opportunities_for
from web.common import limits, security
from web.common.councils import use_council
from web.common.db import get_db
from web.supplier import chat, chat_page

bp = security.private(Blueprint("assistant", __name__, url_prefix="/assistant"))
bp.add_app_template_filter(chat_page.summary_row, "summary_row")


def _opportunity_from_link():
    """The opportunity named by a share link (?opportunity=CODE); its council is the page's."""
    code = request.args.get("opportunity")
    if not code:
        return None, use_council(request.args.get("council"))
    opportunity = get_opportunity(get_db(), code)
    if opportunity is None:
        abort(404)
    return opportunity, use_council(opportunity.council_id)


@bp.get("/")
def start():
    """What the assistant does, and the button that starts a conversation."""
    opportunity, council = _opportunity_from_link()
    practice = [
        o
        for o in opportunities_for(get_db(), council.id)
        if o.practice and chat.is_open(o.code) and o != opportunity
    ]
    return render_template(
        "assistant/start.html",
        form=StartForm(),
        council_param=council.id,
        opportunity=opportunity,
        closed=chat.closed_message(opportunity),
        practice=practice,
    )


@bp.post("/")
@limits.rate_limited(limits.START, limits.JOIN_ADDRESS)
def create():
    """Start a conversation (for the linked opportunity, if any) and go to it."""
    opportunity, council = _opportunity_from_link()
    form = StartForm()
    closed = chat.closed_message(opportunity)
    if closed or not form.validate():
        page = render_template(
            "assistant/start.html",
            form=form,
            council_param=council.id,
            opportunity=opportunity,
            closed=closed,
        )
        return page, 400
    created, _turn = chat.begin(council.id, opportunity)
    session["new_return_code"] = {"id": created.id, "code": security.seal(created.return_code)}
    return redirect(url_for(".conversation", token=created.token), code=303)


@bp.get("/c/<token>")
def conversation(token: str):
    """The chat: the transcript, the current question and, at the end, the offer to check."""
    return _chat(token, chat.conversation_or_404(token))


def _chat(token: str, found, problem: str | None = None):
    """The chat page; `problem` is a message that could not be taken (kept in the field)."""
    turn = chat.current_turn(found)
    prompt = turn.prompt
    if problem:
        prompt = dataclasses.replace(prompt, error=problem, value=request.form.get("text", ""))
    form = MessageForm(formdata=None)
    if prompt.error:
        form.text.errors = [prompt.error]
    code = session.get("new_return_code")
    if code and code.get("id") == found.id:
        session.pop("new_return_code")
    messages = store.transcript(get_db(), found.id)
    if messages and messages[-1].kind == "prompt":
        messages = messages[:-1]  # The current question is the form's label.
    control = chat_page.control_for(prompt)
    flow = current_app.extensions["flows"][found.council_id]
    page = render_template(
        "assistant/conversation.html",
        form=form,
        token=token,
        prompt=prompt,
        control=control,
        question_id="text" if control.kind == "none" else "question",
        quick_replies=chat_page.quick_replies(prompt, bool(turn.state.trail)),
        progress=chat_page.progress(flow.stages, prompt.stage),
        messages=messages,
        sections=summary_sections(
            turn.state, current_app.extensions["councils"][found.council_id], flow.choice_labels
        ),
        state=turn.state,
        show_summary=prompt.stage == "check" or turn.state.done,
        return_code=security.unseal(code["code"]) if code and code.get("id") == found.id else None,
    )
    return page, 400 if problem else 200


@bp.post("/c/<token>")
@limits.rate_limited(limits.MESSAGE)
def message(token: str):
    """Take one message (answer, question or command), save it, and show the chat again."""
    found = chat.conversation_or_404(token)
    form = MessageForm()
    if not form.validate():
        abort(400)
    asking = "question" in request.form
    text = (form.question.data if asking else form.text.data) or ""
    if len(text) > MAX_INPUT:  # refused before saving, and kept in the field to shorten
        return _chat(token, found, TOO_LONG)
    # If another submission was saved first (a double click), just show where things are.
    try:
        chat.take_turn(found, text, asking)
    except TurnConflict:
        pass
    except chat.ConversationFull:
        return _chat(token, found, TOO_MANY_TURNS)
    return redirect(url_for(".conversation", token=token, _anchor="prompt"), code=303)


@bp.post("/c/<token>/return-code")
def new_return_code(token: str):
    """Issue a new return code (the old one stops working) and show it once."""
    found = chat.conversation_or_404(token)
    if not StartForm().validate():
        abort(400)
    code = store.new_return_code(get_db(), found.id)
    session["new_return_code"] = {"id": found.id, "code": security.seal(code)}
    return redirect(url_for(".conversation", token=token, _anchor="save"), code=303)


@bp.route("/return", methods=["GET", "POST"])
@limits.rate_limited(limits.RETURN_CODE)
def come_back():
    """Enter a return code to carry on with a conversation, on this or another device."""
    use_council(request.args.get("council"))
    form = ReturnCodeForm()
    if form.validate_on_submit():
        token = store.open_with_return_code(get_db(), form.code.data)
        if token:
            return redirect(url_for(".conversation", token=token), code=303)
        form.code.errors = ["We could not find an offer with that code. Check it and try again"]
    status = 400 if form.errors else 200
    return render_template("assistant/return.html", form=form), status
