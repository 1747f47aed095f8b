"""The JSON API for conversations: create one, post messages, read the transcript and the offer,
submit it, delete it.

Authentication is the conversation's token as a Bearer header, so these routes need no CSRF
token (no cookie is involved). Documented in web/openapi.yaml.
"""

import json
from typing import Any

from flask import Blueprint, current_app, jsonify, request

from assistant.engine import MAX_INPUT, TOO_MANY_TURNS
from assistant.state import State
from offer.retention import offer_kept_until
from store import conversations as store
from store import privacy, submissions
from store.assessments import summary_for
from store.conversations import Conversation, SessionClosed, TurnConflict
from store.opportunities import get_opportunity
from store.sessions import session_by_code
from web.api.knowledge import api_error
from web.common import limits
from web.common.councils import retention_for
from web.common.db import get_db
from web.supplier import chat, training

bp = Blueprint("api_conversations", __name__, url_prefix="/api/v1")
CREATE_FIELDS = {"council", "opportunity", "session", "attendee"}


@bp.after_request
def _private(response):
    """Responses carry tokens and a supplier's answers: never cache them."""
    response.headers["Cache-Control"] = "no-store"
    return response


def _body() -> tuple[dict[str, Any] | None, tuple | None]:
    """The JSON object in the request body ({} when empty), or an error response."""
    if not request.get_data():
        return {}, None
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return None, api_error(400, "invalid_json", "The request body must be a JSON object.")
    try:  # JSON may escape a lone surrogate ("\ud800"), which no UTF-8 text (or SQLite) holds.
        json.dumps(body, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return None, api_error(400, "invalid_json", "The request body must be Unicode text.")
    return body, None


def _authorised(conversation_id: str) -> tuple[Conversation | None, tuple | None]:
    """The conversation if the Bearer token opens it; otherwise a 401 or 404 response."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        error = api_error(401, "unauthorised", "Send the conversation's token: Bearer <token>.")
        error[0].headers["WWW-Authenticate"] = "Bearer"
        return None, error
    found = store.conversation_with_token(get_db(), conversation_id, token.strip())
    if found is None:
        return None, api_error(404, "not_found", "There is no conversation with that id and token.")
    return found, None


def _messages(messages: list) -> list[dict[str, Any]]:
    return [m.to_dict() for m in messages]


@bp.post("/conversations")
@limits.rate_limited(limits.START, limits.JOIN_ADDRESS)
def create_conversation():
    """Start a conversation for a council (the default if none is given)."""
    body, error = _body()
    if error:
        return error
    error = _invalid_field(body)
    if error:
        return error
    if body.get("session") is not None:
        return _join(body)
    council_id = body.get("council", current_app.config["DEFAULT_COUNCIL"])
    if not isinstance(council_id, str) or council_id not in current_app.extensions["councils"]:
        return api_error(422, "unknown_council", "There is no council with that id.", "council")
    opportunity = None
    if body.get("opportunity") is not None:
        opportunity = get_opportunity(get_db(), body["opportunity"])
        if opportunity is None or opportunity.council_id != council_id:
            message = "There is no opportunity with that share code for this council."
            return api_error(422, "unknown_opportunity", message, "opportunity")
        closed = chat.closed_message(opportunity)
        if closed:
            return api_error(422, "closed_opportunity", f"{closed}.", "opportunity")
    return _created(*chat.begin(council_id, opportunity))


def _invalid_field(body: dict):
    """A 422 for the first field the document does not allow, before any field is used."""
    unknown = sorted(set(body) - CREATE_FIELDS)
    if unknown:
        return api_error(422, "unknown_field", f"Unknown field '{unknown[0]}'.", unknown[0])
    for name in ("council", "opportunity", "session"):
        if not isinstance(body.get(name), str | None):
            return api_error(422, "invalid_field", f"Send '{name}' as a string.", name)
    attendee = body.get("attendee")
    if not isinstance(attendee, str | None) or len(attendee or "") > 80:
        message = "Send 'attendee' as a name of 80 characters or fewer, or leave it out."
        return api_error(422, "invalid_field", message, "attendee")
    return None


def _join(body: dict):
    """Join a training session by its code: its council and opportunity, a conversation of
    one's own."""
    code, attendee = body["session"], body.get("attendee")
    found = session_by_code(get_db(), code)
    if found is None:
        return api_error(422, "unknown_session", training.UNKNOWN, "session")
    opportunity = get_opportunity(get_db(), found.opportunity_code)
    try:
        if not found.is_open:
            raise SessionClosed(found.id)
        return _created(*chat.begin(found.council_id, opportunity, found, attendee or None))
    except SessionClosed:
        return api_error(409, "session_closed", training.CLOSED, "session")


def _created(created, turn):
    payload = {
        "id": created.id,
        "token": created.token,
        "return_code": created.return_code,
        "messages": _messages(turn.messages),
        "prompt": turn.prompt.to_dict(),
    }
    return jsonify(payload), 201


@bp.post("/conversations/<conversation_id>/messages")
@limits.rate_limited(limits.MESSAGE)
def post_message(conversation_id: str):
    """Send one message; get the replies and the next prompt."""
    found, error = _authorised(conversation_id)
    if error:
        return error
    body, error = _body()
    if error:
        return error
    # "text" is an answer (or a question or command, as typed); "question" is only ever a
    # question or a command, answered without touching the answer being asked for.
    if ("text" in body) == ("question" in body):
        message = "Send the message as a string in 'text', or a question in 'question'."
        return api_error(422, "invalid_field", message, "text")
    field = "question" if "question" in body else "text"
    text = body[field]
    if not isinstance(text, str):
        return api_error(422, "invalid_field", f"Send the message as a string in '{field}'.", field)
    if len(text) > MAX_INPUT:
        message = f"The message must be {MAX_INPUT:,} characters or fewer."
        return api_error(422, "too_long", message, field)
    try:
        turn = chat.take_turn(found, text, asking=field == "question")
    except TurnConflict:
        message = "Another message was saved at the same time. Get the conversation and try again."
        return api_error(409, "conflict", message)
    except chat.ConversationFull:
        return api_error(409, "conversation_full", TOO_MANY_TURNS)
    return jsonify(
        {
            "messages": _messages(turn.messages),
            "prompt": turn.prompt.to_dict(),
            "stage": turn.prompt.stage,
            "done": turn.state.done,
        }
    )


@bp.get("/conversations/<conversation_id>")
def get_conversation(conversation_id: str):
    """The whole transcript and the state."""
    found, error = _authorised(conversation_id)
    if error:
        return error
    turn = chat.current_turn(found)
    state: State = turn.state
    return jsonify(
        {
            "id": found.id,
            "council": found.council_id,
            "stage": turn.prompt.stage,
            "done": state.done,
            "turns": found.turns,
            "created_at": found.created_at,
            "updated_at": found.updated_at,
            "messages": [
                {"turn": m.turn, "role": m.role, "kind": m.kind, "text": m.text}
                | ({"entry": {"id": m.entry_id, "title": m.entry_title}} if m.entry_id else {})
                | ({"links": m.links} if m.links else {})
                for m in store.transcript(get_db(), found.id)
            ],
            "prompt": turn.prompt.to_dict(),
            "state": {
                "step": state.step,
                "answers": state.answers,
                "commitments": state.commitments,
                "draft": state.draft,
            },
        }
    )


@bp.get("/conversations/<conversation_id>/offer")
def get_offer(conversation_id: str):
    """The offer as it stands."""
    found, error = _authorised(conversation_id)
    if error:
        return error
    return jsonify(chat.offer_for(found).model_dump(mode="json"))


def _submission_json(made) -> dict[str, Any]:
    summary = summary_for(get_db(), made.id)
    issued = summary if summary and summary.issued_at else None
    return {
        "reference": made.reference,
        "version": made.version,
        "status": made.status,
        "opportunity": made.opportunity_code,
        "submitted_at": made.submitted_at,
        "outcome": {
            "result": issued.outcome,
            "summary": issued.text,
            "issued_at": issued.issued_at,
        }
        if issued
        else None,
    }


@bp.get("/conversations/<conversation_id>/submissions/<reference>")
def get_submission(conversation_id: str, reference: str):
    """One submitted version of this conversation's offer, with the outcome and its
    assessment summary once the council has issued them."""
    found, error = _authorised(conversation_id)
    if error:
        return error
    made = submissions.get_submission(get_db(), reference)
    if made is None or made.conversation_id != found.id:
        return api_error(404, "not_found", "There is no submission with that reference.")
    return jsonify(_submission_json(made))


@bp.post("/conversations/<conversation_id>/submissions")
@limits.rate_limited(limits.SUBMIT, limits.SUBMIT_ADDRESS)
def submit_offer(conversation_id: str):
    """Submit the offer as it stands to an opportunity: a frozen new version."""
    found, error = _authorised(conversation_id)
    if error:
        return error
    body, error = _body()
    if error:
        return error
    code = body.get("opportunity")
    if not isinstance(code, str) or not code.strip():
        message = "Send the opportunity's share code in 'opportunity'."
        return api_error(422, "invalid_field", message, "opportunity")
    problem, opportunity = chat.submission_error(found, code)
    if problem:
        return api_error(422, "cannot_submit", problem + ".", "opportunity")
    return jsonify(_submission_json(chat.submit(found, opportunity))), 201


@bp.post("/conversations/<conversation_id>/submissions/<reference>/withdraw")
def withdraw_offer(conversation_id: str, reference: str):
    """Withdraw a submitted version before the opportunity closes."""
    found, error = _authorised(conversation_id)
    if error:
        return error
    made = submissions.get_submission(get_db(), reference)
    if made is None or made.conversation_id != found.id:
        return api_error(404, "not_found", "There is no submission with that reference.")
    if not chat.is_open(made.opportunity_code):
        return api_error(422, "closed", "The opportunity has closed; it is too late to withdraw.")
    if not submissions.withdraw(get_db(), reference):
        message = f"This version is already {made.status}; only the current one can be withdrawn."
        return api_error(409, "not_current", message)
    return jsonify(_submission_json(submissions.get_submission(get_db(), reference)))


@bp.delete("/conversations/<conversation_id>")
def delete_conversation(conversation_id: str):
    """Delete the conversation and its draft offer; list the submitted versions the council
    keeps. Refused (409) if the offer won a contract."""
    found, error = _authorised(conversation_id)
    if error:
        return error
    try:
        held = privacy.delete_conversation(get_db(), found.id)
    except privacy.ContractAwarded:
        message = "This offer won a contract: the council keeps it while the contract runs."
        return api_error(409, "contract_awarded", message)
    kept = [
        {
            "reference": k.reference,
            "status": k.status,
            "kept_until": offer_kept_until(k.closes_at, retention_for(k.council_id)).isoformat(),
        }
        for k in held.kept
    ]
    return jsonify({"id": found.id, "deleted": True, "kept_submissions": kept})
