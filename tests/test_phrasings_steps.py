"""Typed answers at five steps, read as the conversation reads them (issue 17), written blind
on 6 December 2026 by three people who read no code, flows or parsers (tests/data/
phrasings_steps_2026_12.yaml; phrasings_steps_2026_12b.yaml for three of the steps in other
voices; phrasings_steps_2026_12c.yaml for the four choice and date steps, in dialect, dictation,
dyslexic spelling and second-language English, 167 of 180 tuning and 99 of 120 held-out
answers as meant when it arrived): the commitment's amount in its unit over the contract, whether
it is extra, by when, yes or no to a council priority, and the kind of contract. The tuning
part was read when it arrived (186 of 209 as meant) and the readers were widened for the kinds
of answer missed (the options' `means:` patterns, slips in amount words, "works out about",
seasons, "spread across"; then options named by place, dictated "for" and "too", spoken
punctuation, "could be" as a second figure, the financial year); the held-out parts are only
counted."""

import pytest

from tests.helpers.step_phrasings import CORPORA, as_meant, read, refused

TUNING = [
    (kind, item)
    for corpus in CORPORA.values()
    for kind, parts in corpus.items()
    for item in parts["tuning"]
]
REJECTS = [
    (kind, said)
    for corpus in CORPORA.values()
    for kind, parts in corpus.items()
    for said in parts["reject"]
]
# Held out, only counted: (corpus, read as meant at least). The first, 85 of 101 when it
# arrived; the second (other voices: second-language English, dictation, terse or wordy),
# 50 of 62 when it arrived, 52 after the rules written for its tuning part. With the second
# reading of a choice in the person's own words (assistant/choice_model.py, trained on the
# tuning answers copied into the flow as examples): 91 and 54. After the rules written for the
# tuning answers of the thirteenth and fourteenth persona corpora: 92 and 57. The third set's
# tuning answers: work described ("we visit older people at home", "fittin new boilers") and
# refusals with a reason ("we ay got the staff for that") as `means:` patterns, and the kind
# of contract learned from examples as the classification is; with the date the corpora were
# written as today: 94, 57 and 106 of 120. The fourth (amounts only, 70 tuning and 50
# held-out, in every unit, as rates, per person, in days and half days, with hopes and
# corrections): 56 of 70 and 30 of 50 on arrival; "One. Maybe two", "2 half days each", "an
# hour a fortnight", "our days are 7.5 hrs", "every week in school term", "a dozen bird boxes
# and 6 bat boxes": 62 and 31. Its held-out part is where the conversation is weakest.
HELD_OUT_FLOORS = {
    "phrasings_steps_2026_12": 94,
    "phrasings_steps_2026_12b": 57,
    "phrasings_steps_2026_12c": 106,
    "phrasings_steps_2026_12d": 31,
}
# Not read yet: "we supply and fit" (both goods and works) taken as one of them, and a closure
# ("we are closed in August") taken as a date. Read since: a rate of days of hours for each of
# several staff, tonnes in decimals, half a tonne a month, a slip in "each weeks", "2
# apprentice, each one year", "£250 per quarter", a hoped-for higher figure ("could be 150"),
# days with their hours said ("7 hours a day"), "every 6 months".
NOT_YET: set[str] = {
    "bit of everything, we supply and fit",
    "we are closed in August",
    # The evidence, typed at the classification step: the model offers "Something we do
    # anyway" to confirm; a higher bar for its offers (0.1) would refuse one held-out answer.
    "photos and a signed register",
    # The fourth corpus (amounts only), not read yet: a count and those added each year, a
    # room given every weekday morning, days of leave for each of several staff, placements
    # each summer or of a fortnight for a range of children, a share of a yearly spend, two
    # yearly events, and "all but one of our 8" (read as 88%: a percentage is a whole number).
    "level 2 food hygiene for all 9 kitchen staff, plus the 3 new starters we get each year",
    "Our meeting room we give 2 hour every morning Monday to Friday",
    "every staff member gets 2 days volunteering leave a year and we are 11 staff",
    "a week's placement for 10 young people every summer",
    "fortnight placements for 3-4 kids from the PRU",
    "ten percent of what we spend on food, and food is about £20k a year",
    "a street party every summer and a bonfire night do every year",
    "all but one of our 8",
}


def _said(said: str | dict) -> str:
    return said["say"] if isinstance(said, dict) else said


def _marks(said: str | dict) -> list:
    not_yet = _said(said) in NOT_YET
    return [pytest.mark.xfail(strict=True, reason="not read yet")] if not_yet else []


@pytest.mark.parametrize(
    ("kind", "item"),
    [pytest.param(k, i, id=f"{k}-{i['say']}", marks=_marks(i["say"])) for k, i in TUNING],
)
def test_a_tuning_answer_is_read_as_meant(kind, item):
    assert as_meant(kind, item, read(kind, item))


@pytest.mark.parametrize(
    ("kind", "said"),
    [pytest.param(k, s, id=f"{k}-{_said(s)}", marks=_marks(s)) for k, s in REJECTS],
)
def test_what_is_not_an_answer_is_not_taken_as_one(kind, said):
    assert refused(kind, said)


@pytest.mark.parametrize(("name", "floor"), HELD_OUT_FLOORS.items())
def test_the_held_out_answers_do_no_worse_than_measured(name, floor):
    held_out = [(k, i) for k, parts in CORPORA[name].items() for i in parts["held_out"]]
    assert len(held_out) >= 50 and len(TUNING) >= 300
    assert sum(as_meant(k, i, read(k, i)) for k, i in held_out) >= floor


def test_every_answer_type_has_enough_phrasings():
    for kind, parts in (c for corpus in CORPORA.values() for c in corpus.items()):
        assert len(parts["tuning"]) + len(parts["held_out"]) >= 60, kind
        assert len(parts["reject"]) >= 8, kind


def _parsed(say: str):
    from assistant.parsing import parse_answer
    from assistant.state import State
    from tests.helpers.engine_context import context

    ctx = context("suffolk")
    step = ctx.flow.steps["commitment-classification"]
    return parse_answer(ctx, step, State(step="commitment-classification"), say)


def test_a_choice_in_own_words_is_offered_to_confirm_never_saved_unasked():
    parsed = _parsed("we only do it cos of you lot")
    assert parsed.ok and parsed.value == "additional"
    assert parsed.confirm == 'That sounds like "Extra, for this contract".'


@pytest.mark.parametrize("say", ["not sure", "whichever scores best", "yes", "we are a CIC"])
def test_no_guess_is_offered_for_what_chooses_nothing(say):
    assert not _parsed(say).ok
