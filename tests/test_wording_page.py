"""The tidy-wording page: each suggestion asked as its own yes-or-no question, nothing changed
without a yes, a "no" remembered, and figures never touched. Works without JavaScript: it is
a plain form."""

import pytest

from tests.helpers.offers import finish
from tests.helpers.pages import csrf_token, error_summary_links, parse, title

MESSY = "we do cheap hot meals for 40 older ppl in bow lol"


@pytest.fixture
def done(client):
    created = finish(client)
    url = f"/assistant/c/{created['token']}/offer/organisation"
    page = parse(client.get(url))
    form = {
        "csrf_token": csrf_token(page),
        "name": "Bow Kitchen",
        "type": "charity",
        "size": "micro",
        "activity": MESSY,
    }
    assert client.post(url, data=form).status_code == 303
    return created


def wording_url(done):
    return f"/assistant/c/{done['token']}/offer/wording"


def activity(client, done):
    headers = {"Authorization": f"Bearer {done['token']}"}
    offer = client.get(f"/api/v1/conversations/{done['id']}/offer", headers=headers).json
    return offer["supplier"]["activity"]


def questions(page):
    """Each suggestion's legend and the name of its radios."""
    found = []
    for fieldset in page.select("form fieldset"):
        radio = fieldset.select_one("input[type=radio]")
        found.append((fieldset.select_one("legend").get_text(strip=True), radio["name"]))
    return found


def choose(client, done, choices, button="save"):
    page = parse(client.get(wording_url(done)))
    form = {"csrf_token": csrf_token(page), "version": page.select_one("[name=version]")["value"]}
    form |= choices
    form[button] = "go"
    return client.post(wording_url(done), data=form)


def test_the_offer_page_says_how_many_suggestions_there_are(client, done):
    page = parse(client.get(f"/assistant/c/{done['token']}/offer"))
    inset = page.select_one("#tidy")
    assert "3 suggestions" in inset.text
    assert inset.select_one("a")["href"].endswith("/offer/wording")


def test_every_suggestion_is_a_question_with_a_legend(client, done):
    page = parse(client.get(wording_url(done)))
    assert title(page).startswith("Tidy your wording")
    asked = [legend for legend, _ in questions(page)]
    assert asked == ["Change “ppl” to “people”?", "Change “bow” to “Bow”?", "Leave out “lol”?"]
    hints = [f.select_one(".govuk-hint") for f in page.select("form fieldset")]
    assert all("class=" not in hint.get_text() and hint.select("p") for hint in hints)
    assert hints[0].select_one("mark").text == "ppl"
    assert "older ppl in bow" in hints[0].get_text()


def test_only_what_was_accepted_changes_and_a_no_is_remembered(client, done):
    page = parse(client.get(wording_url(done)))
    (ppl, bow, lol) = [name for _, name in questions(page)]
    assert choose(client, done, {ppl: "yes", lol: "no"}).status_code == 303
    assert activity(client, done) == "we do cheap hot meals for 40 older people in bow lol"
    left = [legend for legend, _ in questions(parse(client.get(wording_url(done))))]
    assert left == ["Change “bow” to “Bow”?"]


def test_accepting_every_suggestion_tidies_the_answer_and_keeps_the_figure(client, done):
    assert choose(client, done, {}, button="accept_all").status_code == 303
    assert activity(client, done) == "we do cheap hot meals for 40 older people in Bow"
    page = parse(client.get(wording_url(done)))
    assert "nothing left to tidy" in page.text
    assert not parse(client.get(f"/assistant/c/{done['token']}/offer")).select_one("#tidy")


def test_choices_made_on_a_page_that_is_out_of_date_are_not_saved(client, done):
    page = parse(client.get(wording_url(done)))
    form = {"csrf_token": csrf_token(page), "version": "0" * 16, "accept_all": "go"}
    response = client.post(wording_url(done), data=form)
    page = parse(response, status=409)
    assert error_summary_links(page) == [
        (
            "Your answers changed after this page was shown, so nothing was saved. "
            "Check the suggestions again",
            "#s0",
        )
    ]
    assert activity(client, done) == MESSY


def test_the_same_change_in_several_answers_is_asked_once(client, done):
    url = f"/assistant/c/{done['token']}/offer/organisation"
    page = parse(client.get(url))
    form = {"csrf_token": csrf_token(page), "name": "Bow Kitchen", "type": "charity"}
    form |= {"size": "micro", "activity": "meals for ppl & ppl in Bow & Poplar"}
    assert client.post(url, data=form).status_code == 303
    asked = [legend for legend, _ in questions(parse(client.get(wording_url(done))))]
    assert asked == ["Change “ppl” to “people”?", "Change “&” to “and”?"]
    inset = parse(client.get(f"/assistant/c/{done['token']}/offer")).select_one("#tidy")
    assert "2 suggestions" in inset.text  # as many as the page asks, not places
    assert choose(client, done, {"s1": "yes"}).status_code == 303
    assert activity(client, done) == "meals for ppl and ppl in Bow and Poplar"
