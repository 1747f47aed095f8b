"""Running the assistant for the chat pages and the API: the engine, the store and the knowledge
base joined up. Every turn is saved before anything is sent back."""

from datetime import date

from flask import Flask, current_app

from assistant import engine
from assistant.flow import load_flows
from assistant.prompts import current_prompt
from assistant.state import State
from assistant.turns import Context, Turn
from knowledge.packs import COUNCILS_DIR
from store import conversations as store
from store.conversations import Conversation, NewConversation
from store.questions import record_unanswered
from web.db import get_db


def init_app(app: Flask) -> None:
    """Load and validate every council's flow once, at start-up."""
    app.extensions["flows"] = load_flows(COUNCILS_DIR, list(app.extensions["councils"]))


def context_for(council_id: str) -> Context:
    """The engine's context for a council."""
    knowledge = current_app.extensions["knowledge"]
    return Context(
        flow=current_app.extensions["flows"][council_id],
        pack=current_app.extensions["councils"][council_id],
        search=lambda text: knowledge.search(text, council_id),
        suggest=lambda text: knowledge.suggest(text, council_id),
        today=date.today(),
    )


def begin(council_id: str, opportunity: str | None = None) -> tuple[NewConversation, Turn]:
    """Start and store a new conversation."""
    turn = engine.start(context_for(council_id))
    created = store.create_conversation(
        get_db(),
        council_id=council_id,
        opportunity=opportunity,
        state=turn.state.to_dict(),
        stage=turn.prompt.stage,
        messages=[m.to_dict() for m in turn.messages],
    )
    return created, turn


def take_turn(conversation: Conversation, text: str) -> Turn:
    """Run one message through the engine and save it, the replies and the new state together.

    Raises store.TurnConflict if another turn was saved first.
    """
    ctx = context_for(conversation.council_id)
    turn = engine.respond(ctx, State.from_dict(conversation.state), text)
    user = {"role": "user", "text": text[: engine.MAX_INPUT] or "(empty message)", "kind": "say"}
    store.save_turn(
        get_db(),
        conversation,
        state=turn.state.to_dict(),
        stage=turn.prompt.stage,
        done=turn.state.done,
        messages=[user, *(m.to_dict() for m in turn.messages)],
    )
    for event in turn.events:
        if event["type"] == "unanswered":
            record_unanswered(
                get_db(),
                council_id=conversation.council_id,
                question=event["question"],
                source="assistant",
            )
    return turn


def current_turn(conversation: Conversation) -> Turn:
    """The conversation as it stands, without a new message (for showing the page)."""
    ctx = context_for(conversation.council_id)
    state = State.from_dict(conversation.state)
    return Turn(state, [], current_prompt(ctx, state))
