"""A whole conversation in Chromium, with JavaScript off (plain form posts) and on (no reloads),
checked with axe-core and HTML_CodeSniffer along the way."""

import pytest

from tests.helpers.conversation_driver import Supplier
from tests.helpers.http_clients import api
from tests.helpers.scripted import Plan

NARROW = {"width": 320, "height": 640}


def prompt_info(page) -> dict:
    prompt = page.locator("#prompt")
    return {
        "type": prompt.get_attribute("data-type"),
        "step": prompt.get_attribute("data-step"),
        "theme": prompt.get_attribute("data-theme") or None,
    }


def radio_for(page, answer: str):
    """The radio a person would click for this answer, if there is one."""
    radios = page.locator("#prompt input[type=radio]")
    if answer.isdigit() and 0 < int(answer) <= radios.count():
        return radios.nth(int(answer) - 1)
    for index in range(radios.count()):
        radio = radios.nth(index)
        label = page.locator(f"label[for='{radio.get_attribute('id')}']").inner_text()
        if answer.strip().lower() in (label.strip().lower(), radio.get_attribute("value")):
            return radio  # "yes" is the radio "Yes, I have an idea" (its value is yes)
    return None


class Person:
    """Uses the chat page as a person would: click radios, type answers, ask questions."""

    def __init__(self, page, javascript: bool):
        self.page = page
        self.javascript = javascript

    def submit(self, click) -> None:
        if not self.javascript:
            with self.page.expect_navigation():
                click()
            return
        before = self.page.locator("#transcript li").count()
        click()
        self.page.wait_for_function(
            "n => document.querySelectorAll('#transcript li').length > n", arg=before
        )

    def answer(self, text: str) -> None:
        kind = prompt_info(self.page)["type"]
        radio = radio_for(self.page, text) if kind == "choice" else None
        if radio is not None:
            radio.check()
            self.submit(lambda: self.page.click("#prompt button:has-text('Continue')"))
        elif kind == "end" or text.endswith("?") or text in ("back", "help"):
            self.page.fill(".app-chat__ask input[name=question]", text)
            self.submit(lambda: self.page.click(".app-chat__ask button"))
        elif kind == "choice":  # words that match no option: as if nothing was chosen
            self.submit(lambda: self.page.click("#prompt button:has-text('Continue')"))
        else:
            self.page.fill("#text", text)
            self.submit(lambda: self.page.click("#prompt button:has-text('Continue')"))


def start(page, live_server) -> None:
    page.goto(f"{live_server}/assistant/")
    with page.expect_navigation():
        page.click("button:has-text('Start now')")


def converse(page, live_server, scan, javascript: bool) -> None:
    label = "JS on" if javascript else "JS off"
    start(page, live_server)
    assert scan(page, f"/assistant/c/<token> first question ({label})") == []
    person, supplier = Person(page, javascript), Supplier("charity", "tower-hamlets")
    person.answer("Riverside Community Kitchen")
    person.answer("not an option at all")
    assert page.locator(".govuk-error-summary").is_visible()
    assert scan(page, f"/assistant/c/<token> with an error ({label})") == []
    for _ in range(120):
        info = prompt_info(page)
        if info["type"] == "end":
            break
        if info["step"] == "check-offer":
            assert scan(page, f"/assistant/c/<token> check your offer ({label})") == []
        person.answer(supplier.reply_to(info))
    assert prompt_info(page)["type"] == "end"
    assert page.locator("#summary-area h3").count() >= 5
    assert scan(page, f"/assistant/c/<token> finished ({label})") == []


def test_whole_conversation_without_javascript(visitor, live_server, scan_without_scripts):
    page = visitor(javascript=False)
    converse(page, live_server, scan_without_scripts, javascript=False)


def test_whole_conversation_with_javascript_never_reloads(page, live_server, scan):
    start(page, live_server)
    assert scan(page, "/assistant/c/<token> first question (JS on)") == []
    page.evaluate("window.__sameDocument = true")
    person = Person(page, javascript=True)
    person.answer("Riverside Community Kitchen")
    assert page.evaluate("window.__sameDocument") is True
    assert page.evaluate("document.activeElement.name") == "text"
    assert page.locator("#transcript[aria-live=polite]").count() == 1
    page.goto(page.url)  # Start the full run from a fresh load of the same conversation.
    converse_from_second_question(page, scan)


def converse_from_second_question(page, scan) -> None:
    person, supplier = Person(page, javascript=True), Supplier("charity", "tower-hamlets")
    supplier.reply_to({"step": "org-name"})
    page.evaluate("window.__sameDocument = true")
    person.answer("not an option at all")
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert scan(page, "/assistant/c/<token> with an error (JS on)") == []
    for _ in range(120):
        info = prompt_info(page)
        if info["type"] == "end":
            break
        if info["step"] == "check-offer":
            assert scan(page, "/assistant/c/<token> check your offer (JS on)") == []
        person.answer(supplier.reply_to(info))
    assert prompt_info(page)["type"] == "end"
    assert page.evaluate("window.__sameDocument") is True
    assert scan(page, "/assistant/c/<token> finished (JS on)") == []


@pytest.mark.parametrize("javascript", [False, True])
def test_chat_page_fits_a_320px_screen(visitor, live_server, javascript):
    page = visitor(javascript=javascript, viewport=NARROW)
    start(page, live_server)
    Person(page, javascript).answer("Riverside Community Kitchen with a long name")
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]


def test_an_out_of_proportion_commitment_is_flagged_in_the_chat_as_it_is_finished(
    visitor, live_server, scan
):
    """Typed up to the last question of a commitment through the API, finished on the page
    at 320 px: the warning and the way to change it are in the transcript."""
    plan = Plan(
        {
            "org-name": "Tiny Care Co",
            "org-type": "A charity",
            "org-size": "9 staff",
            "org-postcode": "E1 6AN",
            "contract-title": "Home care services",
            "contract-type": "services",
            "contract-value": "£450,000",
            "contract-duration": "2 years",
        },
        [
            {
                "theme": "jobs-skills",
                "idea": "We will hire local people as care workers",
                "measure": "local-hires",
                "quantity": "250",
                "timescale": "within 3 months",
                "delivery": "Our manager recruits through the jobcentre",
                "beneficiaries": "Unemployed residents aged over 25",
                "evidence": "Payroll records with start dates",
                "kind": "extra, for this contract",
            }
        ],
    )
    _, created = api(f"{live_server}/api/v1/conversations", {})
    url = f"{live_server}/api/v1/conversations/{created['id']}/messages"
    prompt = created["prompt"]
    while prompt["step"] != "commitment-classification":
        prompt = api(url, {"text": plan.reply(prompt)}, created["token"])[1]["prompt"]
    page = visitor(viewport=NARROW)
    page.goto(f"{live_server}/assistant/c/{created['token']}")
    Person(page, javascript=True).answer("Extra, for this contract")
    transcript = page.locator("#transcript").inner_text()
    assert "250 new jobs is more than a team of fewer than 10 staff" in transcript
    assert 'Type "change commitment 1", or carry on.' in transcript
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    assert scan(page, "/assistant/c/<token> a commitment flagged as it is finished") == []
