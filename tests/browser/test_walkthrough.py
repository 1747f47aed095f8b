"""One persona per council through the chat page in Chromium, as on a phone: at 375 px with
JavaScript on and at 320 px with it off, clicking the option they mean, typing their own words
and asking their questions in the question box. After every turn the new question and its
first option or box are on the screen, the page fits its width, and nothing on it shows
markup, a code or another council's places. Screenshots of the first question, a worked-out
total, an evidence question (with the measure's usual evidence to tap) and the finished offer
are kept: in $SVOA_SCREENSHOTS when set, else the test's
temporary folder."""

import os
from pathlib import Path

import pytest

from assistant.yes_no import parse_yes_no
from tests.helpers.browser import fits_width
from tests.helpers.personas import PERSONAS, Persona
from tests.helpers.visible import PACKS, codes, faults

HEIGHT = 700
MODES = [(375, True), (320, False)]
# Where a persona's choice is what they meant, not words to parse: the option they would tap.
MEANT = {
    "org-type": ("about", "kind"),
    "org-size": ("about", "size"),
    "contract-type": ("contract", "kind"),
}


def _persona(council: str) -> Persona:
    data = next(p for p in PERSONAS if p["council"] == council and p["split"] == "tuning")
    pack = PACKS[council]
    units = {m.title: m.unit for t in pack.themes for o in t.outcomes for m in o.measures}
    return Persona(data, {t.id: t.title for t in pack.themes}, units)


def _prompt(page) -> dict:
    form = page.locator("#prompt")
    options = []
    for radio in form.locator("input[type=radio]").all():
        label = page.locator(f"label[for='{radio.get_attribute('id')}']").inner_text().strip()
        options.append({"value": radio.get_attribute("value"), "label": label})
    return {
        "type": form.get_attribute("data-type"),
        "step": form.get_attribute("data-step"),
        "theme": form.get_attribute("data-theme") or None,
        "options": options,
    }


def _option(persona: Persona, prompt: dict, text: str) -> str:
    """The value of the option the persona taps for what they would have typed."""
    values = [o["value"] for o in prompt["options"]]
    if text in values:
        return text
    if prompt["step"] in MEANT:
        part, name = MEANT[prompt["step"]]
        means = persona.data[part][name]["means"]
        return next((o["value"] for o in prompt["options"] if o["label"] == means), means)
    if prompt["step"] == "commitment-classification":
        return persona._commitment()["classification"]["means"]
    if prompt["step"] == "commitment-unit":
        return {"pounds": "gbp", "percentage": "percent"}.get(text, text)
    said = parse_yes_no(text)
    if said.ok and said.value:
        return "yes" if "yes" in values else values[0]
    return "no" if "no" in values else values[-1]


class Phone:
    """The chat page on a phone: tap, type, ask, and wait for the answer."""

    def __init__(self, page, javascript: bool):
        self.page, self.javascript = page, javascript

    def _submit(self, button: str) -> None:
        if not self.javascript:
            with self.page.expect_navigation():
                self.page.click(button)
            return
        before = self.page.locator("#transcript li").count()
        self.page.click(button)
        self.page.wait_for_function(
            "n => document.querySelectorAll('#transcript li').length > n", arg=before
        )

    def answer(self, prompt: dict, text: str, value: str | None) -> None:
        if value is not None:
            self.page.check(f"#prompt input[type=radio][value='{value}']")
        else:
            self.page.fill("#text", text)
        self._submit("#prompt button:has-text('Continue')")

    def ask(self, text: str) -> None:
        self.page.fill(".app-chat__ask input[name=question]", text)
        self._submit(".app-chat__ask button")


def _in_view(page) -> bool:
    """The question and its first option (or its box) are on the screen."""
    question = page.locator("#prompt legend, #prompt label").first.bounding_box()
    first = page.locator("#prompt input:not([type=hidden]), #prompt textarea").first
    box = first.bounding_box()
    return bool(question and box) and question["y"] >= 0 and box["y"] + box["height"] <= HEIGHT


def _shots_folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SVOA_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize(("width", "javascript"), MODES, ids=["375-js", "320-no-js"])
@pytest.mark.parametrize("council", sorted(PACKS))
def test_a_persona_finishes_on_a_phone_with_the_question_always_in_view(
    browser, browser_context_args, live_server, tmp_path, council, width, javascript
):
    context = browser.new_context(
        **browser_context_args,
        viewport={"width": width, "height": HEIGHT},
        java_script_enabled=javascript,
    )
    page = context.new_page()
    shots = _shots_folder(tmp_path)
    name = f"{council}-{width}-{'js' if javascript else 'no-js'}"
    page.goto(f"{live_server}/assistant/?council={council}")
    with page.expect_navigation():
        page.click("button:has-text('Start now')")
    page.screenshot(path=str(shots / f"{name}-first-question.png"))
    persona, phone, council_codes = _persona(council), Phone(page, javascript), codes(council)
    problems: list[str] = []
    for _ in range(120):
        prompt = _prompt(page)
        if prompt["type"] == "end":
            break
        if ask := persona.pending_ask(prompt["step"]):
            phone.ask(ask)
        else:
            text = persona.answer(prompt)
            value = _option(persona, prompt, text) if prompt["options"] else None
            phone.answer(prompt, text, value)
        step = _prompt(page)["step"]
        if step == "confirm-amount":
            page.screenshot(path=str(shots / f"{name}-worked-out-total.png"))
        if step == "commitment-evidence":
            page.screenshot(path=str(shots / f"{name}-evidence-question.png"))
        if page.locator(".govuk-error-summary").count():
            problems.append(f"{step}: not understood")
        if step and not _in_view(page):
            problems.append(f"{step}: question not in view")
        if not fits_width(page, width):
            problems.append(f"{step}: wider than the screen")
        problems += [
            f"{step}: {f}" for f in faults(page.inner_text("body"), council_codes, council)
        ]
    assert page.locator("#summary-area").count(), "the conversation did not finish"
    page.locator("#summary-area").screenshot(path=str(shots / f"{name}-offer.png"))
    context.close()
    assert problems == []
