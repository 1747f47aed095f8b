"""Answers the thirteenth and fourteenth persona corpora (tuning, written blind on 6 December
2026) typed and the conversation first misread, read at their own step as their writers meant
them: amounts said as rates, per person, in days or with a hoped-for higher figure; timescales
said loosely; a base term and its extension; options in their own words. And what must still
be asked again."""

import pytest

from assistant.parsing import parse_answer
from assistant.state import State
from tests.helpers.engine_context import context
from tests.helpers.step_phrasings import as_meant, read

QUANTITIES = [
    # (unit, contract months, what they typed, the total meant)
    ("weeks", 24, "2 apprentice, each one year", 104),
    ("gbp", 48, "£250 per quarter", 4000),
    ("gbp", 24, "£500 a quarter", 4000),
    ("tonnes", 24, "half a tonne a month", 12),
    ("tonnes", 12, "1.5t", 1.5),
    ("sessions", 48, "careers talk every 6 months", 8),
    ("hours", 12, "2 days a month volunteering, 7 hours a day", 168),
    ("hours", 24, "our 4 staff will each do 2 volunteering days a year, theyre 7.5 hr days", 120),
    ("hours", 36, "a day each per year, theres 22 of us", 462),
    ("hours", 48, "4 days p.a. of senior engineer time (7.5 hrs/day)", 120),
    ("gbp", 24, "maybe 250 pound every month", 6000),
    ("weeks", 9, "1 for the whole job", 39),
    ("percent", 24, "about a quarter less miles", 25),
    ("people", 36, "nine students, which is eighteen weeks altogether", 9),
    ("items", 36, "100 school uniform sets, could be 150 if donations good", 100),
    ("people", 15, "two, maybe three if phase 3 comes through", 2),
    ("people", 36, "4 peple, maybe 5 if we get the bow one to", 4),
    ("gbp", 24, "£8k - maybe 10 if volume up", 8000),
    ("people", 36, "2 or 3 a year (depends who sticks with it)", 6),
    ("people", 36, "one... maybe two... let's say at least one", 1),
    ("gbp", 9, "around 250 grand with Sandwell firms, give or take", 250000),
    ("gbp", 24, "about five hundred pounds a quarter no sorry a month", 12000),
    ("weeks", 36, "3 apprentices 12 months each.. actually make it 4", 208),
    (
        "hours",
        36,
        "about 12 volunteers... maybe 3 hours a week each... I think that's 5,616 hours over 3 "
        "years? that seems a lot...",
        5616,
    ),
    ("sessions", 12, "4 session in school, one each quarter", 4),
    ("sessions", 24, "One session a month for the life of the contract.", 24),
    ("hours", 24, "half a day a month, call it 3.5 hours", 84),
    ("people", 24, "a dozen drivers question mark no make it a dozen yes twelve", 12),
    ("hours", 12, "20 champions doing about 2 hours a week for a year", 2080),
    ("sessions", 12, "one time in week, not in school holiday", 39),
]


@pytest.mark.parametrize(("unit", "months", "say", "total"), QUANTITIES)
def test_an_amount_is_read_as_its_writer_meant(unit, months, say, total):
    item = {"unit": unit, "contract_months": months, "say": say, "means": total}
    assert as_meant("quantity", item, read("quantity", item))


TIMESCALES = [
    ("all time of contract", {"whole_contract": True}),
    ("ongoing", {"whole_contract": True}),
    ("every half term", {"whole_contract": True}),
    ("all through the job", {"whole_contract": True}),
    ("before we hand over", {"whole_contract": True}),
    ("soon as we'm on site", {"from_start": True}),
    ("we will do it each weeks", {"every": "week"}),
]


@pytest.mark.parametrize(("say", "means"), TIMESCALES)
def test_a_timescale_is_read_as_its_writer_meant(say, means):
    item = {"say": say, "means": means}
    assert as_meant("timescale", item, read("timescale", item))


def _parsed(step: str, say: str, months: float = 36):
    ctx = context("tower-hamlets")
    state = State(step=step, answers={"opportunity.duration": {"text": "", "months": months}})
    return parse_answer(ctx, ctx.flow.steps[step], state, say)


@pytest.mark.parametrize(
    ("step", "say", "value"),
    [
        ("contract-type", "we cook and bring the food hot and serving also", "services"),
        ("contract-type", "printed stuff we deliver it", "goods"),
        ("org-type", "CIC ltd by guarantee", "social-enterprise"),
        ("check-offer", "sorted", "ready"),
        (
            "org-size",
            "We have one paid cook for ten hours a week. Everyone else is a volunteer.",
            "micro",
        ),
        ("contract-type", "it's sessions we run, so a service", "services"),
        ("contract-value", "£55,000 a year, it's a 2+1 so £165k in all (if they extend)", 165000),
    ],
)
def test_an_answer_in_their_own_words_is_read(step, say, value):
    assert _parsed(step, say).value == value


@pytest.mark.parametrize(
    ("say", "months"),
    [
        ("2+1 years, we're going off the 3", 36),
        ("2+1 years (we're counting the 3)", 36),
        ("2 years plus 1 extension, so 3", 36),
        ("2+1 years", 24),  # an extension is not the contract's length unless they count it
        ("3 years + 1", 36),
    ],
)
def test_a_base_term_and_its_extension_is_the_length_they_count(say, months):
    assert _parsed("contract-duration", say).value["months"] == months


@pytest.mark.parametrize(
    ("step", "say"),
    [
        ("contract-value", "60-70k a yr - 2 yrs"),  # a range: which is it?
        ("contract-value", "£40k + £10k"),
        ("commitment-quantity", "between 10 and 15 weeks"),
    ],
)
def test_two_figures_for_one_thing_are_asked_again(step, say):
    assert not _parsed(step, say).ok


def test_a_yearly_contract_value_before_its_length_is_known_says_what_to_give():
    from assistant.replies import problem_text

    ctx = context("suffolk")
    step = ctx.flow.steps["contract-value"]
    read = parse_answer(ctx, step, State(step="contract-value"), "approx 16k pa")
    assert read.problem == "a_rate"
    assert problem_text(step, read).startswith("That looks like a figure for each year or month")
