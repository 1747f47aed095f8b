"""Whole conversations, for every council and three kinds of supplier, driven from data."""

import pytest

from tests.helpers.conversation_driver import COUNCILS, SUPPLIERS, run


@pytest.mark.parametrize("council", COUNCILS)
@pytest.mark.parametrize("supplier", SUPPLIERS)
def test_supplier_ends_with_specific_commitments_in_three_themes(supplier, council):
    state = run(supplier, council)[-1].state
    assert state.done
    themes = {c["theme_id"] for c in state.commitments}
    assert len(themes) >= 3, state.commitments
    for commitment in state.commitments:
        assert commitment["quantity"] and commitment["unit"], commitment
        assert commitment["timescale"]["text"] and commitment["evidence_plan"], commitment


@pytest.mark.parametrize("council", COUNCILS)
def test_question_mid_flow_is_answered_then_the_question_is_asked_again(council):
    turns = run("charity", council)
    asked = next(i for i, t in enumerate(turns) if any(m.kind == "answer" for m in t.messages))
    before, after = turns[asked - 1], turns[asked]
    assert after.prompt.step == before.prompt.step == "contract-value"
    assert after.messages[-1].kind == "prompt"


def test_slip_is_undone_with_back():
    state = run("charity", "tower-hamlets")[-1].state
    assert state.answers["opportunity.contract_type"] == "services"


def test_proportionality_guidance_uses_the_council_band():
    turns = run("charity", "tower-hamlets")
    said = " ".join(m.text for t in turns for m in t.messages)
    assert "For a £40,000 contract lasting 2 years" in said
    assert "As a small organisation" in said
