"""Any input at any step: the engine never raises, always returns a usable prompt, and its
state still round-trips through JSON."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import engine
from assistant.state import State
from tests.helpers.conversation_driver import Supplier
from tests.helpers.engine_context import context
from tests.helpers.examples import examples

HOSTILE = [
    "",
    " ",
    "\x00\x01\x02",
    "x" * 10_000,
    "<script>alert(1)</script>",
    "'; DROP TABLE conversations; --",
    "😀🎉" * 50,
    "-1",
    "1e400",
    "99999999999999999999999999",
    "NaN",
    "£-5",
    "31/02/2027",
    "by 0/0/0",
    "change",
    "change nothing at all",
    "change about you",
    "change priorities",
    "go to the contract",
    "start again",
    "back",
    "skip",
    "help",
    "?",
    "???what???",
    "\u202eevil",
    "{organisation.name}",
    "%s %d {0}",
]


def states_at_every_step(council: str) -> dict[str, State]:
    """The state at the first visit of each step, from a real conversation."""
    ctx = context(council)
    turn = engine.start(ctx)
    supplier = Supplier("charity", council)
    seen = {turn.prompt.step: turn.state}
    while turn.prompt.type != "end":
        turn = engine.respond(ctx, turn.state, supplier.reply_to(turn.prompt.to_dict()))
        seen.setdefault(turn.prompt.step, turn.state)
    seen["(done)"] = turn.state
    return seen


STATES = {council: states_at_every_step(council) for council in ("tower-hamlets", "sandwell")}
POINTS = [(council, step) for council, steps in STATES.items() for step in steps]


def assert_sound(turn):
    assert turn.prompt.text and turn.prompt.type
    assert turn.messages and turn.messages[-1].kind == "prompt"
    assert State.from_dict(json.loads(json.dumps(turn.state.to_dict()))) == turn.state


def test_every_step_of_the_flow_was_reached():
    steps = {step for _, step in POINTS}
    assert {"commitment-measure", "value-towns", "check-offer", "(done)"} <= steps
    assert len(steps) >= 20


@pytest.mark.parametrize(("council", "step"), POINTS)
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_at_every_step(council, step, text):
    assert_sound(engine.respond(context(council), STATES[council][step], text))


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    point=st.sampled_from(POINTS),
    texts=st.lists(
        st.one_of(st.text(max_size=300), st.sampled_from(HOSTILE)), min_size=1, max_size=6
    ),
)
def test_random_input_sequences_never_break_the_engine(point, texts):
    council, step = point
    state = STATES[council][step]
    for text in texts:
        turn = engine.respond(context(council), state, text)
        assert_sound(turn)
        state = turn.state
