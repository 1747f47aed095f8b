"""Running the assistant for the chat pages and the API: the engine, the store and the knowledge
base joined up. Every turn is saved before anything is sent back."""

from typing import Any

from flask import Flask, abort, current_app

import clock
from assistant import engine
from assistant.flow import load_flows_once
from assistant.prompts import as_said, current_prompt
from assistant.state import State
from assistant.turns import Context, LocalNeed, Turn
from knowledge.packs import COUNCILS_DIR
from offer.build import build_offer
from offer.commitment_review import review
from offer.model import Offer
from offer.submission import closing_text, parse_closing, submission_problem
from store import conversations as store
from store import sessions, submissions
from store.conversations import Conversation, NewConversation
from store.database import StorageError
from store.exchange import open_needs
from store.knowledge_additions import approved_additions
from store.opportunities import Opportunity, get_opportunity
from store.sessions import TrainingSession
from store.submissions import Submission
from web.common.councils import use_council
from web.common.db import get_db
from web.common.questions import keep_unanswered

FOCUS = "focus_themes"  # in the state's prefill: the themes a training session focuses on


def init_app(app: Flask) -> None:
    """Load and validate every council's flow once, at start-up."""
    app.extensions["flows"] = load_flows_once(COUNCILS_DIR, list(app.extensions["councils"]))


def context_for(council_id: str, focus: list[str] | None = None) -> Context:
    """The engine's context for a council; `focus` limits the themes the conversation goes
    through (a training session's focus), in the pack's order. The council's open local needs
    come with it, read afresh, so a need approved a minute ago is offered."""
    knowledge = current_app.extensions["knowledge"]
    pack = current_app.extensions["councils"][council_id]
    return Context(
        themes=tuple(t for t in pack.themes if t.id in (focus or ())),
        flow=current_app.extensions["flows"][council_id],
        pack=pack,
        search=lambda text, topics=(): knowledge.search(
            text, council_id, topics, approved_additions(get_db(), council_id)
        ),
        suggest=lambda text: knowledge.suggest(text, council_id),
        today=clock.today(),
        review=lambda answers, commitment: review(pack, answers, commitment),
        needs=tuple(
            LocalNeed(
                n.id, n.organisation_name, n.title, n.measure_id, n.quantity, n.unit, n.timescale
            )
            for n in open_needs(get_db(), council_id)
        ),
    )


def _focus(conversation: Conversation) -> list[str]:
    return conversation.state.get("prefill", {}).get(FOCUS, [])


def begin(
    council_id: str,
    opportunity: Opportunity | None = None,
    session: TrainingSession | None = None,
    attendee: str | None = None,
) -> tuple[NewConversation, Turn]:
    """Start and store a new conversation (for an opportunity, whose details are then known;
    in a training session, going through its focus themes). Raises SessionClosed if the
    session closed first."""
    prefill = prefill_for(opportunity) if opportunity else {}
    if session and session.themes:
        prefill[FOCUS] = session.themes
    turn = engine.start(context_for(council_id, prefill.get(FOCUS)), prefill or None)
    created = store.create_conversation(
        get_db(),
        council_id=council_id,
        opportunity=opportunity.code if opportunity else None,
        state=turn.state.to_dict(),
        stage=turn.prompt.stage,
        messages=[m.to_dict() for m in turn.messages],
        session_id=session.id if session else None,
        attendee=attendee,
    )
    return created, turn


class ConversationFull(Exception):
    """The conversation has as many turns as one may have."""


def take_turn(conversation: Conversation, text: str, asking: bool = False) -> Turn:
    """Run one message through the engine and save it, the replies and the new state together.

    Raises store.TurnConflict if another turn was saved first, and ConversationFull (saving
    nothing) once the conversation has engine.MAX_TURNS turns.
    """
    if conversation.turns >= engine.MAX_TURNS:
        raise ConversationFull(conversation.id)
    ctx = context_for(conversation.council_id, _focus(conversation))
    before = State.from_dict(conversation.state)
    said = text if asking else as_said(current_prompt(ctx, before), text, before)
    turn = engine.respond(ctx, before, text, asking)
    user = {"role": "user", "text": said[: engine.MAX_INPUT] or "(empty message)", "kind": "say"}
    store.save_turn(
        get_db(),
        conversation,
        state=turn.state.to_dict(),
        stage=turn.prompt.stage,
        done=turn.state.done,
        messages=[user, *(m.to_dict() for m in turn.messages)],
    )
    try:
        _record_questions(conversation, turn.events)
    except StorageError as error:
        # The answer is saved and acknowledged; the question log is not worth failing it for.
        current_app.logger.warning("Questions of a turn not logged: %s", error)
    return turn


def _record_questions(conversation: Conversation, events: list[dict[str, Any]]) -> None:
    """Log the questions a turn asked: for the trainer's live view and the content team."""
    for event in events:
        if conversation.session_id and event["type"] in ("answered", "unanswered"):
            sessions.record_question(
                get_db(),
                session_id=conversation.session_id,
                question=event["question"],
                answered=event["type"] == "answered",
                entry_title=event.get("entry"),
            )
        if event["type"] == "unanswered":
            keep_unanswered(conversation.council_id, event["question"], "assistant")


def current_turn(conversation: Conversation) -> Turn:
    """The conversation as it stands, without a new message (for showing the page)."""
    ctx = context_for(conversation.council_id, _focus(conversation))
    state = State.from_dict(conversation.state)
    return Turn(state, [], current_prompt(ctx, state))


def conversation_or_404(token: str) -> Conversation:
    """The conversation this token opens (its council becomes the page's), or a 404."""
    found = store.conversation_for_token(get_db(), token)
    if found is None:
        abort(404)
    use_council(found.council_id)
    return found


def opportunity_of(conversation: Conversation) -> Opportunity | None:
    """The opportunity the conversation is for, if any."""
    return get_opportunity(get_db(), conversation.opportunity) if conversation.opportunity else None


def offer_for(conversation: Conversation, opportunity: Opportunity | None = None) -> Offer:
    """The structured offer as it stands, for its opportunity (or the one given)."""
    state = State.from_dict(conversation.state)
    opportunity = opportunity or opportunity_of(conversation)
    return build_offer(
        state.answers,
        state.commitments,
        current_app.extensions["councils"][conversation.council_id],
        {**opportunity.as_dict(), "answers": prefill_for(opportunity)} if opportunity else None,
    )


def prefill_for(opportunity: Opportunity) -> dict[str, Any]:
    """The answers the conversation need not ask, because the opportunity gives them."""
    answers: dict[str, Any] = {"opportunity.title": opportunity.title}
    if opportunity.contract_type:
        answers["opportunity.contract_type"] = opportunity.contract_type
    if opportunity.value_gbp is not None:
        answers["opportunity.value"] = opportunity.value_gbp
    if opportunity.duration_months:
        months = opportunity.duration_months
        text = f"{months // 12} years" if months % 12 == 0 and months > 12 else f"{months} months"
        answers["opportunity.duration"] = {"text": text, "months": float(months)}
    # Facts the assistant's answers can use ("social value is 10% of the score for this one").
    if opportunity.weighting_percent is not None:
        answers["opportunity.weighting"] = opportunity.weighting_percent
    answers["opportunity.word_limit"] = opportunity.word_limit
    answers["opportunity.closes"] = opportunity.closes_at[:10]
    return answers


def submit(conversation: Conversation, opportunity: Opportunity) -> Submission:
    """Link the conversation to the opportunity and freeze its offer as a new version."""
    store.link_opportunity(get_db(), conversation.id, opportunity.code)
    return submissions.submit(
        get_db(),
        conversation_id=conversation.id,
        opportunity_code=opportunity.code,
        council_id=opportunity.council_id,
        offer=offer_for(conversation, opportunity).model_dump(mode="json"),
    )


def submission_error(conversation: Conversation, code: str) -> tuple[str | None, Any]:
    """Why this offer cannot go to the opportunity with this code now; and the opportunity."""
    opportunity = get_opportunity(get_db(), code)
    if opportunity is None:
        return "There is no opportunity with that code. Check the tender documents", None
    closes = parse_closing(opportunity.closes_at)
    offer = offer_for(conversation, opportunity)
    problem = submission_problem(offer, opportunity.council_id, closes, clock.now())
    return problem, opportunity


def closed_message(opportunity: Opportunity | None) -> str | None:
    """Why no new offer can start for this opportunity (it has closed), or None."""
    if opportunity is None:
        return None
    closes = parse_closing(opportunity.closes_at)
    if clock.now() < closes:
        return None
    return (
        f"{opportunity.title} closed at {closing_text(closes)}. Offers for it can no longer be "
        "started or submitted"
    )


def is_open(opportunity_code: str) -> bool:
    """True while the opportunity takes submissions and withdrawals."""
    opportunity = get_opportunity(get_db(), opportunity_code)
    return opportunity is not None and clock.now() < parse_closing(opportunity.closes_at)
