"""The assistant offers open local needs that match a commitment's measure, and links the
commitment to the one the supplier pledges to (pure engine, real flow and knowledge)."""

import dataclasses

from assistant import engine
from assistant.turns import LocalNeed
from tests.helpers.engine_context import context

FARM = LocalNeed(
    id=7, organisation="Riverside City Farm", title="Volunteers for spring planting",
    measure_id="employee-volunteering-hours", quantity=40, unit="hours", timescale="by May 2027",
)  # fmt: skip
SHELTER = dataclasses.replace(
    FARM, id=9, organisation="Providence Row", title="Help to run the winter shelter"
)
ELSEWHERE = dataclasses.replace(FARM, id=11, measure_id="trees-and-planting", title="Trees")


def at_idea(needs):
    """A conversation at the communities theme's idea question, with these needs open."""
    ctx = dataclasses.replace(context("tower-hamlets"), needs=needs)
    state = engine.start(ctx).state
    state.step = "commitment-idea"
    state.theme_index = [t.id for t in ctx.loop_themes].index("communities")
    return ctx, state


def say(ctx, state, *texts):
    turn = None
    for text in texts:
        turn = engine.respond(ctx, state, text)
        state = turn.state
    return turn


def test_a_matching_need_is_offered_and_the_commitment_is_pledged_to_it():
    ctx, state = at_idea((FARM, SHELTER, ELSEWHERE))
    turn = say(ctx, state, "our staff will volunteer with local charities", "1")
    assert turn.prompt.step == "commitment-need"
    assert turn.prompt.text.startswith(
        "Riverside City Farm has asked for 40 hours (Volunteers for spring planting), by May 2027."
    )
    assert [c.value for c in turn.prompt.options] == ["yes", "need-9", "no"]
    turn = say(ctx, turn.state, "yes")
    assert "pledged to Riverside City Farm, who asked for 40 hours" in turn.messages[0].text
    assert turn.prompt.step == "commitment-quantity"
    answers = ["30", "by May 2027", "Our volunteering lead", "Residents", "no", "Timesheets"]
    turn = say(ctx, turn.state, *answers)
    turn = say(ctx, turn.state, turn.prompt.options[0].value)
    commitment = turn.state.commitments[-1]
    assert commitment["measure_id"] == "employee-volunteering-hours"
    assert commitment["quantity"] == 30
    assert commitment["need"] == {
        "id": 7, "organisation": "Riverside City Farm", "title": "Volunteers for spring planting"
    }  # fmt: skip


def test_saying_no_keeps_the_commitment_its_own_and_back_undoes_a_pledge():
    ctx, state = at_idea((FARM,))
    turn = say(ctx, state, "our staff will volunteer with local charities", "1", "no")
    assert turn.prompt.step == "commitment-quantity"
    assert turn.state.draft["need"] is None
    turn = say(ctx, turn.state, "back", "yes")
    assert turn.state.draft["need"]["id"] == 7


def test_without_a_matching_need_the_question_is_not_asked():
    for needs in ((), (ELSEWHERE,)):
        ctx, state = at_idea(needs)
        turn = say(ctx, state, "our staff will volunteer with local charities", "1")
        assert turn.prompt.step == "commitment-quantity"


def test_another_matching_need_can_be_chosen_instead():
    ctx, state = at_idea((FARM, SHELTER))
    turn = say(ctx, state, "our staff will volunteer with local charities", "1")
    turn = say(ctx, turn.state, "Pledge to Providence Row: Help to run the winter shelter instead")
    assert turn.state.draft["need"]["id"] == 9
