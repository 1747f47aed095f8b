"""Commands and special cases of the engine: help, back, skip, start again, change, prefill."""

import pytest

from assistant import engine, replies
from assistant.help import opportunity_facts
from assistant.parsing import parse_answer
from assistant.quantities import read_total
from assistant.questions import looks_like_question
from assistant.state import State
from tests.helpers.engine_context import context

CTX = context("tower-hamlets")


def play(*texts, prefill=None):
    turn = engine.start(CTX, prefill)
    for text in texts:
        turn = engine.respond(CTX, turn.state, text)
    return turn


ABOUT_YOU = ["Riverside Kitchen", "1", "1", "E1 6AN", "We run a community cafe"]


def test_help_explains_and_keeps_the_question():
    turn = play("help")
    assert "back" in turn.messages[0].text and turn.prompt.step == "org-name"


def test_back_with_nothing_to_undo_says_so():
    assert play("back").messages[0].text == "There is nothing to go back to yet."


def test_a_required_question_cannot_be_skipped():
    turn = play("skip")
    assert "cannot be skipped" in turn.messages[0].text and turn.prompt.step == "org-name"


def test_start_again_asks_first_and_no_keeps_everything():
    turn = play("Riverside Kitchen", "start again")
    assert turn.prompt.step == "start-again" and turn.prompt.type == "choice"
    kept = engine.respond(CTX, turn.state, "no")
    assert kept.prompt.step == "org-type" and kept.state.answers["organisation.name"]
    cleared = engine.respond(CTX, turn.state, "yes")
    assert cleared.prompt.step == "org-name" and not cleared.state.answers


def test_change_returns_to_where_the_supplier_was():
    turn = play(*ABOUT_YOU, "practice", "services", "change about you")
    assert turn.prompt.step == "org-name" and turn.prompt.value == "Riverside Kitchen"
    turn = play(*ABOUT_YOU, "practice", "services", "change about you", *ABOUT_YOU)
    assert turn.prompt.step == "contract-value"


def test_change_to_a_later_section_is_refused():
    assert play("change the contract").messages[0].text == "We have not reached that part yet."


def test_details_from_the_opportunity_are_not_asked_again():
    prefill = {
        "opportunity.title": "Meals on wheels",
        "opportunity.contract_type": "services",
        "opportunity.value": 40000,
    }
    turn = play(*ABOUT_YOU, prefill=prefill)
    assert turn.prompt.step == "contract-duration"


def test_an_idea_matching_no_measure_can_be_kept_in_own_words():
    turn = play(*ABOUT_YOU, "practice", "services", "40000", "1 year", "yes", "zzzz qqqq xxxx")
    assert turn.prompt.step == "commitment-measure"
    assert [o.value for o in turn.prompt.options] == ["own", "retry"]
    turn = engine.respond(CTX, turn.state, "None of these: keep my own words")
    assert turn.prompt.step == "commitment-unit"


def test_an_amount_that_does_not_read_gets_the_steps_message():
    assert play(*ABOUT_YOU, "practice", "services", "about forty grand").prompt.error is None
    turn = play(*ABOUT_YOU, "practice", "services", "a fair bit")
    assert turn.prompt.error == "Enter the contract's value in pounds, like £40,000"
    # The example is in the message already: it is not said twice.
    assert turn.messages[0].text == "Enter the contract's value in pounds, like £40,000."


THEMES_START = [*ABOUT_YOU, "practice", "services", "40000", "1 year"]


def test_a_quantity_error_gives_an_example_in_the_commitments_unit():
    turn = play(*THEMES_START, "yes", "take on 2 apprentices in our kitchen", "yes", "lots")
    assert turn.prompt.example == '104, or "2 apprentices for a year each"'
    assert turn.messages[0].text.endswith('For example: 104, or "2 apprentices for a year each"')


def test_help_explains_the_current_question_for_this_commitment():
    turn = play(*THEMES_START, "yes", "take on 2 apprentices in our kitchen", "yes", "help")
    said = turn.messages[0].text
    assert said.startswith("Councils score specific, measurable promises")
    assert "in weeks" in said and "2 apprentices for a year each" in said
    assert turn.prompt.step == "commitment-quantity"


def test_back_after_changing_a_finished_offer_does_not_break():
    finished = play(*THEMES_START, "no", "no", "no", "no", "no", "skip", "skip", "skip", "1")
    assert finished.state.done
    turn = engine.respond(CTX, finished.state, "change about you")
    turn = engine.respond(CTX, turn.state, "back")
    assert turn.state.done and turn.prompt.type == "end"


def test_back_after_change_forgets_the_change():
    turn = play(*ABOUT_YOU, "practice", "services", "change about you", "back")
    assert turn.prompt.step == "contract-value"
    assert turn.state.changing is None and turn.state.return_to is None


def test_changing_the_contract_during_the_priorities_keeps_the_priority():
    turn = play(*THEMES_START, "no", "change the contract")
    assert turn.prompt.step == "contract-title"
    turn = play(*THEMES_START, "no", "change the contract", "practice", "goods", "50000", "2 years")
    assert turn.prompt.step == "theme-interest" and turn.prompt.theme == "local-economy"


def test_statements_that_start_like_commands_or_questions_are_answers():
    turn = play(*THEMES_START, "yes", "Go to local schools to give careers talks")
    assert turn.prompt.step == "commitment-measure"
    turn = play(*THEMES_START, "yes", "Can offer 2 apprenticeships to local young people")
    assert turn.prompt.step == "commitment-measure"


def test_guidance_is_given_when_the_opportunity_already_gave_the_contract():
    prefill = {
        "opportunity.title": "Meals",
        "opportunity.contract_type": "services",
        "opportunity.value": 40000,
        "opportunity.duration": {"text": "2 years", "months": 24.0},
    }
    turn = play(*ABOUT_YOU, prefill=prefill)
    assert turn.prompt.step == "theme-interest"
    assert any("For a £40,000 contract lasting 2 years" in m.text for m in turn.messages)


def test_thanks_after_finishing_is_not_a_question_for_staff():
    finished = play(*THEMES_START, "no", "no", "no", "no", "no", "skip", "skip", "skip", "1")
    turn = engine.respond(CTX, finished.state, "thanks, bye")
    assert turn.events == [] and turn.messages[0].text == "Your offer is finished and saved."


def test_start_again_accepts_any_yes():
    turn = play("Riverside Kitchen", "start again", "Yes please")
    assert turn.prompt.step == "org-name" and not turn.state.answers


def test_a_theme_already_offered_says_so_when_changed():
    done = play(
        *THEMES_START,
        "yes",
        "work experience placements for young people",
        "1",
        "2",
        "6 months",
        "our chef will lead it",
        "young people",
        "none",
        "registers",
        "1",
        "no",
        "no",
        "no",
        "no",
        "no",
        "skip",
        "skip",
        "skip",
        "change priorities",
    )
    assert "You have already offered" in done.prompt.text


@pytest.mark.parametrize("text", ["2 years", "3 firms", "a lot", "its a service contract"])
def test_an_answer_that_does_not_read_gets_the_steps_message_never_an_article(text):
    turn = play(*ABOUT_YOU, "practice", "services", text)
    assert turn.prompt.step == "contract-value"
    assert turn.prompt.error == "Enter the contract's value in pounds, like £40,000"
    assert [m.kind for m in turn.messages] == ["problem", "prompt"]


def test_a_value_typed_as_people_do_is_taken():
    turn = play(*ABOUT_YOU, "practice", "services", "about £120k")
    assert turn.state.answers["opportunity.value"] == 120_000
    assert turn.prompt.step != "contract-value"


def test_back_shows_the_answer_it_took_back_until_a_new_one_is_given():
    turn = play("Riverside Kitchen", "1", "back")
    assert turn.prompt.step == "org-type" and turn.prompt.value == "charity"
    assert "organisation.type" not in turn.state.answers  # shown, not kept
    turn = engine.respond(CTX, turn.state, "back")
    assert turn.prompt.step == "org-name" and turn.prompt.value == "Riverside Kitchen"
    turn = engine.respond(CTX, turn.state, "Riverside Community Kitchen")
    assert turn.prompt.step == "org-type" and turn.prompt.value is None


APPRENTICES = ["yes", "take on 2 apprentices in our kitchen", "yes", "104", "within a year"]
APPRENTICES += ["our chef trains them", "young people from bow", "apprenticeship agreements"]
FINISHED = [*THEMES_START, *APPRENTICES, "extra", "no", "no", "no", "no", "skip", "skip", "skip"]


def test_one_commitment_is_changed_with_its_answers_filled_in_and_keeps_its_place():
    finished = play(*FINISHED)
    assert finished.prompt.step == "check-offer"
    turn = engine.respond(CTX, finished.state, "change commitment c1")
    assert turn.prompt.step == "commitment-quantity" and turn.prompt.value == "104"
    for text in ["156", "within a year", "our chef trains them", "young people from bow"]:
        turn = engine.respond(CTX, turn.state, text)
    assert turn.prompt.value == "apprenticeship agreements"  # what they said before, to keep
    turn = engine.respond(CTX, turn.state, "apprenticeship agreements")
    turn = engine.respond(CTX, turn.state, "extra")
    assert turn.prompt.step == "check-offer"  # back where they were, not at priority 1
    assert [(c["id"], c["quantity"]) for c in turn.state.commitments] == [("c1", 156)]


def test_one_commitment_is_removed_and_back_puts_it_back():
    finished = play(*FINISHED)
    turn = engine.respond(CTX, finished.state, "remove commitment 1")
    assert turn.state.commitments == [] and turn.prompt.step == "check-offer"
    assert "back" in turn.messages[0].text
    turn = engine.respond(CTX, turn.state, "back")
    assert [c["id"] for c in turn.state.commitments] == ["c1"]


def test_a_commitment_that_is_not_there_is_said_so():
    turn = engine.respond(CTX, play(*FINISHED).state, "remove commitment c9")
    assert turn.messages[0].text == "I could not find that commitment in your offer."
    assert len(turn.state.commitments) == 1


def test_after_a_commitment_the_next_priority_offers_another_for_the_last():
    turn = play(*THEMES_START, *APPRENTICES, "extra")
    assert turn.prompt.step == "theme-interest" and turn.prompt.theme != "local-jobs-skills"
    another = [o for o in turn.prompt.options if o.value == "another"]
    assert another and another[0].label.startswith("Add another for ")
    turn = engine.respond(CTX, turn.state, "another")
    assert turn.prompt.step == "commitment-idea"
    assert turn.state.theme_index == 0


def test_the_tenders_own_details_cannot_be_changed_in_the_chat():
    prefill = {"opportunity.title": "Meals", "opportunity.contract_type": "services"}
    prefill |= {
        "opportunity.value": 40000,
        "opportunity.duration": {"text": "1 year", "months": 12},
    }
    turn = play(*ABOUT_YOU, "change the contract", prefill=prefill)
    assert "come from the council's tender" in turn.messages[0].text
    assert turn.prompt.step.startswith("theme-interest")


def test_an_answer_about_scoring_starts_with_this_tenders_own_weighting():
    prefill = {"opportunity.title": "Meals", "opportunity.weighting": 15.0}
    prefill |= {"opportunity.word_limit": 500, "opportunity.closes": "2027-01-29"}
    turn = engine.respond(
        CTX, play(prefill=prefill).state, "how is social value weighted in the score?", True
    )
    answer = next(m for m in turn.messages if m.kind == "answer")
    assert answer.text.startswith("For this contract, social value is 15% of the score. ")


def test_the_tenders_facts_are_said_only_where_they_are_known():
    assert opportunity_facts({}, "scoring") == ""
    said = opportunity_facts(
        {"opportunity.word_limit": 750, "opportunity.closes": "2027-01-29"}, "writing-the-response"
    )
    assert said == (
        "For this contract, your written response can be up to 750 words and bids close on "
        "29 January 2027. "
    )


def test_the_measures_usual_evidence_is_offered_to_choose_with_one_tap():
    at_evidence = [*THEMES_START, *APPRENTICES[:-1]]
    turn = play(*at_evidence)
    assert turn.prompt.step == "commitment-evidence"
    measure = next(m for _, m in CTX.pack.measures if m.id == turn.state.draft["measure_id"])
    assert turn.prompt.suggested == tuple(e.rstrip(".") for e in measure.evidence[:3])
    assert turn.prompt.to_dict()["suggested_answers"] == list(turn.prompt.suggested)
    turn = engine.respond(CTX, turn.state, turn.prompt.suggested[0])
    assert turn.prompt.step == "commitment-classification"
    assert turn.state.draft["evidence_plan"] == play(*at_evidence).prompt.suggested[0]


def test_other_questions_offer_no_answers_to_tap():
    assert play(*THEMES_START).prompt.suggested == ()


def test_an_answer_in_other_terms_is_told_what_was_read_and_what_is_needed():
    turn = play(*ABOUT_YOU, "practice", "services", "2 years")
    assert turn.messages[0].text.startswith('I read "2 years", but I need an amount in pounds.')
    turn = play(*THEMES_START, "yes", "take on 2 apprentices in our kitchen", "yes", "3 firms")
    assert turn.prompt.step == "commitment-quantity"  # 3 firms is not 3 weeks
    assert turn.messages[0].text.startswith('I read "3 firms", but I need the total in weeks.')


def test_a_measure_from_another_priority_says_where_the_commitment_goes():
    turn = play(*THEMES_START, "no", "yes", "take on 2 apprentices in our kitchen")
    other = next(s for s in turn.state.suggestions if s["theme_id"] != turn.prompt.theme)
    turn = engine.respond(CTX, turn.state, other["measure_id"])
    title = next(t.title for t in CTX.pack.themes if t.id == other["theme_id"])
    assert turn.messages[0].text.startswith(f'That measure is part of the council\'s "{title}"')


@pytest.mark.parametrize(
    ("text", "step", "total"),
    [("2 apprentices, maybe 3", "commitment-quantity", None),
     ("two apprentices for 12 weeks each, starting in 2027", "confirm-amount", 24),
     ("10 weeks each, 2 of them", "confirm-amount", 20)],
)  # fmt: skip
def test_an_amount_with_an_alternative_or_a_year_in_it_is_not_misread(text, step, total):
    turn = play(*THEMES_START, "yes", "take on 2 apprentices in our kitchen", "yes", text)
    assert turn.prompt.step == step
    assert (turn.state.confirming or {}).get("value") == total


def test_yes_but_a_change_to_a_worked_out_total_is_a_fresh_answer():
    turn = play(*THEMES_START, *APPRENTICES[:3], "2 apprentices for a year each")
    turn = engine.respond(CTX, turn.state, "yes but make it 3 apprentices")
    assert turn.prompt.step == "commitment-quantity" and "quantity" not in turn.state.draft


def test_same_as_before_is_not_copied_into_another_unit():
    first = [*THEMES_START, *APPRENTICES, "extra", "another"]
    turn = play(*first, "help 5 local charities with free training", "no")
    turn = play(*first, "help 5 local charities with free training", "own", "organisations")
    assert turn.prompt.step == "commitment-quantity"
    turn = engine.respond(CTX, turn.state, "same as before")
    assert turn.prompt.step == "commitment-quantity"  # 104 weeks is not 104 organisations


def test_a_correction_is_what_is_kept():
    turn = play("Riverside", "we're a CIC - sorry, a CIO", "11 - no, 8")
    assert turn.state.answers["organisation.type"] == "charity"
    assert turn.state.answers["organisation.size"] == "micro"
    turn = play(
        *THEMES_START, "yes", "take on 2 apprentices in our kitchen", "yes", "50 weeks - no, 60"
    )
    assert turn.state.draft["quantity"] == 60


@pytest.mark.parametrize(
    ("text", "total"),
    [("52 weeks in year 1 and 26 in year 2", 78), ("between 10 and 15 weeks", None)],
)
def test_figures_year_by_year_add_up_and_a_range_is_asked_again(text, total):
    turn = play(*THEMES_START, "yes", "take on 2 apprentices in our kitchen", "yes", text)
    assert (turn.state.confirming or {}).get("value") == total
    assert turn.prompt.step == ("confirm-amount" if total else "commitment-quantity")


def test_hours_a_week_each_for_several_people_add_up_over_the_contract():
    reading = read_total("3 volunteers, 2 hours a week each", "hours", 24)
    assert reading.total == 624  # 3 people x 2 hours x 104 weeks
    assert reading.confirm == "That is 624 hours in all (6 hours a week for 24 months)."
    assert read_total("6 interpreters, each one have 40 hours training", "hours", 24).total == 240


@pytest.mark.parametrize(
    ("text", "unit", "months", "total"),
    [
        ("3 trainees, one a year, each for about 6 months", "weeks", 36, 78),
        ("2 days a month", "hours", 36, 504),
        ("one a month in 3 villages", "sessions", 24, 72),
        ("Half a dozen young carers a year", "people", 24, 12),
        ("4 students, a week each", "weeks", 18, 4),
        ("6 trainees, each doing all 3 holidays, so roughly 10 weeks each", "weeks", 12, 60),
        ("Up to 50 kg per week, equivalent to approximately 5.2 tonnes", "tonnes", 24, 5.2),
        ("3 volunteers, 2 hours a week each", "hours", 24, 624),
        ("3 trainees, a year each", "people", 24, 3),  # how long each lasts, not how often
        ("3 trainees, a year each", "weeks", 24, 156),
    ],
)
def test_a_total_said_in_other_terms_is_worked_out_as_meant(text, unit, months, total):
    assert read_total(text, unit, months).total == total


def test_days_are_counted_in_hours_and_the_line_says_how():
    reading = read_total("2 days a month", "hours", 36)
    assert reading.confirm.endswith("counting a day as 7 hours.")


def test_a_share_of_the_contract_is_worked_out_in_pounds():
    reading = read_total("10% of contract value", "gbp", 60, 8_500_000)
    assert reading.total == 850_000
    assert reading.confirm == "That is £850,000 in all (10% of £8,500,000)."
    assert read_total("10% of contract value", "gbp", 60) is None  # no value known: asked again


@pytest.mark.parametrize(
    "text",
    ["not sure what you mean by delivery", "example please", "no idea what to put here",
     "sorry dont get it", "can u give an example", "need help with this one",
     "what do i put here"],
)  # fmt: skip
def test_asking_for_help_with_the_question_is_help_never_the_answer(text):
    turn = play(*THEMES_START, *APPRENTICES[:5], text)
    assert turn.prompt.step == "commitment-delivery"
    assert "delivery" not in turn.state.draft
    assert CTX.flow.steps["commitment-delivery"].why.split(".")[0] in turn.messages[0].text


@pytest.mark.parametrize(
    "text",
    ["not sure yet, probably the local college", "Not sure about the exact people but our chef"],
)
def test_an_answer_that_starts_unsure_is_still_an_answer(text):
    turn = play(*THEMES_START, *APPRENTICES[:5], text)
    assert turn.prompt.step == "commitment-beneficiaries"


@pytest.mark.parametrize(
    "text", ["wondering if volunteers count here", "Not sure whether this includes our volunteers",
             "I would like to know if photos are ok"],
)  # fmt: skip
def test_a_question_without_a_question_mark_is_not_taken_as_the_answer(text):
    turn = play(*THEMES_START, *APPRENTICES[:5], text)
    assert turn.prompt.step == "commitment-delivery"
    assert "delivery" not in turn.state.draft


@pytest.mark.parametrize(
    ("text", "unit", "months", "total"),
    [
        ("once a week in term time", "sessions", 12, 39),
        ("2 of our 6 buses", "percent", 48, 33),
        ("2 of our 6 buses", "items", 48, 2),
        ("most of our staff, 8 of the 11", "percent", 36, 73),
        ("2 apprentices for the full contract", "weeks", 36, 312),
        ("every other month", "sessions", 24, 12),
        ("weekly sessions", "sessions", 12, 52),
        ("20 volunteers x 4 hours", "hours", 24, 80),
        ("3 schools, 2 visits each", "sessions", 24, 6),
        ("Two per school, in six schools, each year - so twelve a year, and thirty-six over the "
         "three years", "sessions", 36, 36),
        ("A 30% cut in carbon against our 2025/26 baseline, equivalent to 12 tonnes CO2e",
         "percent", 24, 30),
        ("4 trainees, 9 months each - so 4 people, not 9.", "people", 24, 4),
    ],
)  # fmt: skip
def test_more_totals_said_in_other_terms(text, unit, months, total):
    assert read_total(text, unit, months).total == total


def test_two_different_counts_are_read_clause_by_clause():
    text = "We'll run 90 workshops in total, but only 45 are the free extra ones"
    assert read_total(text, "sessions", 24) is None


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [("About 60 tonnes a year — no, 45, I was looking at last year's figures", "tonnes", 90),
     ("25% of food spend — we're at 18% now, so it's a stretch", "percent", 25)],
)  # fmt: skip
def test_a_corrected_figure_keeps_what_it_was_said_with(text, unit, value):
    assert _read_quantity(text, unit).value == value


@pytest.mark.parametrize(
    ("text", "step"),
    [("What counts as a community group? We're a TRA, constituted, so community group I'd say.",
      "org-size"),
     ("We buy from a wholesaler but they deliver - does that change things? Sorry, for this form.",
      "org-type")],
)  # fmt: skip
def test_an_answer_wrapped_in_a_question_is_an_answer_and_a_question_is_not(text, step):
    turn = play("Riverside", text)
    assert turn.prompt.step == step


def test_time_spent_is_not_a_count_of_people():
    assert read_total("2 days a month", "people", 12) is None
    assert read_total("2 days a month", "sessions", 36).total == 72


def test_help_gives_the_example_as_one_sentence():
    turn = play(*THEMES_START, *APPRENTICES[:5], "help")
    assert ".." not in turn.messages[0].text


@pytest.mark.parametrize(
    ("text", "unit", "total"),
    [("10 hours per person, 4 people", "hours", 40), ("12 hours each for our 4 staff", "hours", 48),
     ("£250 x 4", "gbp", 1000), ("104 weeks, so 2 apprentices", "weeks", 104),
     ("6 sessions, each for 10 older people", "sessions", 6),
     ("monthly, for about 12 people", "sessions", 24),
     ("3 staff, 2 hours each, every month", "hours", 144)],
)  # fmt: skip
def test_a_second_probes_misreadings_are_read_as_meant(text, unit, total):
    assert read_total(text, unit, 24).total == total


@pytest.mark.parametrize(
    "text",
    ["not sure yet - any ideas", "no idea, you tell me", "I was hoping you'd tell me",
     "whoever you think", "whatever they need", "not sure what they'd accept"],
)  # fmt: skip
def test_leaving_it_to_the_assistant_is_help_not_the_answer(text):
    turn = play(*THEMES_START, *APPRENTICES[:5], text)
    assert turn.prompt.step == "commitment-delivery" and "delivery" not in turn.state.draft


@pytest.mark.parametrize("text", ["£40-50k", "£40k-50k", "£3000-4000", "£5-10k"])
def test_a_range_for_the_contract_value_is_asked_again(text):
    turn = play("Riverside", "a charity", "9 staff", "E3 4AA", "We run a lunch club.",
                "Meals contract", "services", text)  # fmt: skip
    assert turn.prompt.step == "contract-value"


def test_a_value_given_with_and_without_vat_is_the_one_without():
    turn = play("Riverside", "a charity", "9 staff", "E3 4AA", "We run a lunch club.",
                "Meals contract", "services", "£50k ex. VAT (£60k inc.)")  # fmt: skip
    assert turn.state.answers["opportunity.value"] == 50000


@pytest.mark.parametrize(
    ("text", "total"),
    [("1 apprentice for 12 months, then another for 6", 78),
     ("1 apprentice for 26 weeks, 2 for 13 weeks", 52),
     ("1 apprentice, 3 days a week for a year", 52),
     ("2 apprentices at 30 hrs/week for a year", 104),
     ("1 student for 10 days", 2)],
)  # fmt: skip
def test_weeks_of_people_taken_on_in_turn_or_part_time_add_up_as_meant(text, total):
    assert read_total(text, "weeks", 24).total == total


def test_a_count_of_placements_is_not_a_count_of_weeks():
    assert read_total("1 placement a term", "weeks", 24) is None


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [("2 (one in Ipswich, one in Lowestoft)", "people", 2),
     ("3 people, 2 of them part time", "people", 3),
     ("one morning a month", "hours", None)],
)  # fmt: skip
def test_an_aside_or_a_part_of_a_day_is_not_the_amount(text, unit, value):
    assert _read_quantity(text, unit).value == value


@pytest.mark.parametrize(
    "text",
    ["is it services if we also supply the food", "does that make it works then"],
)
def test_a_yes_or_no_question_naming_an_option_is_a_question(text):
    turn = play(*THEMES_START[:-3], text)
    assert turn.prompt.step == "contract-type"


def test_do_it_anyway_is_still_an_answer():
    turn = play(*THEMES_START, *APPRENTICES, "do it anyway")
    assert turn.prompt.step != "commitment-classification"


def _read_quantity(text: str, unit: str, months: float = 24):
    """The quantity step's reading of an answer, for a commitment counted in `unit`."""
    state = State(
        step="commitment-quantity",
        answers={"opportunity.duration": {"months": months}},
        draft={"unit": unit},
        theme_index=0,
    )
    return parse_answer(CTX, CTX.flow.steps["commitment-quantity"], state, text)


@pytest.mark.parametrize(
    "yes",
    [
        "Yes, because we already have it planned",
        "That would be correct, yes.",
        "yep - can commit to that",
        "yes definitely, we'd love to do something",
        "Yes — well, yes, that's right I think",
        "yes certainly do that, I think it would fit well",
    ],
)
def test_a_yes_with_a_reason_is_not_taken_as_the_idea(yes):
    turn = play(*THEMES_START, yes)
    assert turn.prompt.step == "commitment-idea"


@pytest.mark.parametrize(
    "yes",
    ["yes, we could take on 2 apprentices from the estate", "Yes - run a lunch club every week"],
)
def test_a_yes_with_an_idea_gives_the_idea(yes):
    assert play(*THEMES_START, yes).prompt.step == "commitment-measure"


@pytest.mark.parametrize(
    ("kind", "size", "means"),
    [
        ("Ltd, national FM provider", "approx 1,400 employees", "large"),
        ("large business", "about 40 of us", "sme"),
        ("a charity", "about 400 staff", "charity"),  # only a business's kind follows its size
    ],
)
def test_a_business_is_large_or_small_by_its_staff(kind, size, means):
    turn = play("Midland Facilities", kind, size)
    assert turn.state.answers["organisation.type"] == means


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("do a weekly litter pick with residents", False),  # what they will do
        ("do up old donated bikes n give em 2 a youth club so kids can use em", False),
        ("is in our price", False),
        ("is part of what we already do", False),
        ("does letting young people decide what we do count as community engagement", True),
        ("can a volunteer lead it", True),
        ("is london living wage different from national", True),
        ("do receipts count as evidence", True),
    ],
)
def test_a_statement_at_a_free_text_step_is_not_taken_for_a_question(text, question):
    assert looks_like_question(text, free_text=True) is question


@pytest.mark.parametrize(
    ("text", "unit", "lower"),
    [
        ("2 young people, maybe 3 if the funding holds!", "people", 2),
        ("3 or 4 local subbies", "organisations", 3),
        ("5 volunteers... maybe 6", "people", 5),
        ("10-15", "sessions", 10),
        ("six or seven of them", "people", 6),
    ],
)
def test_two_figures_for_a_commitment_put_the_lower_to_confirm(text, unit, lower):
    read = _read_quantity(text, unit)
    assert read.ok and read.value == lower
    assert read.confirm.startswith("You gave two figures, so I have put the lower,")


def test_two_figures_for_the_contract_value_are_asked_again():
    state = State(step="contract-value", answers={}, theme_index=0)
    step = CTX.flow.steps["contract-value"]
    read = parse_answer(CTX, step, state, "£40,000 - £50,000")
    assert read.problem == "two_figures"
    assert replies.problem_text(step, read).startswith("You gave two figures. Enter one value")


def test_a_question_mark_said_to_voice_typing_is_read_as_one():
    said = "we will recruit from the estate question mark"
    assert engine._tidy(said) == "we will recruit from the estate?"
    assert engine._tidy("a question mark on the form") == "a question mark on the form"
    turn = play(*THEMES_START, "sorry what's the difference between those options question mark")
    assert any(m.kind == "answer" for m in turn.messages)


def test_a_describing_word_before_the_unit_keeps_a_yearly_total():
    read = _read_quantity("Roughly 3,000 volunteer hours a year.", "hours", months=24)
    assert read.value == 6000 and read.confirm.startswith("That is 6,000 hours in all")
