"""What people read holds words, not codes: one persona per council talks through the chat
pages (no JavaScript), and after every turn, and on every page the finished conversation
links to, the visible text holds no markup shown as text ("<span"), no code of the service's
vocabulary or the council's content ("social-enterprise", "tonnes-co2e", a measure's id) and
no number written as a float ("52.0")."""

import re

import pytest

from knowledge.packs import load_packs
from knowledge.vocabulary import CLASSIFICATIONS, ORGANISATION_TYPES, UNIT_LABELS
from tests.helpers.chat import Chat
from tests.helpers.pages import parse
from tests.helpers.personas import PERSONAS, Persona

PACKS = load_packs()
FLOAT = re.compile(r"(?<![\d.])\d[\d,]*\.0(?![\d])")


def _codes(council: str) -> set[str]:
    pack = PACKS[council]
    codes = {code for code in [*ORGANISATION_TYPES, *CLASSIFICATIONS, *UNIT_LABELS] if "-" in code}
    for theme in pack.themes:
        codes.add(theme.id)
        for outcome in theme.outcomes:
            codes |= {outcome.id, *(measure.id for measure in outcome.measures)}
    return {code for code in codes if "-" in code}


def _visible(soup) -> str:
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    return soup.get_text(" ", strip=True)


def _faults(text: str, codes: set[str]) -> list[str]:
    faults = ["<span"] if "<span" in text else []
    faults += [code for code in codes if re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text)]
    return faults + FLOAT.findall(text)


def _first_tuning_persona(council: str) -> dict:
    return next(p for p in PERSONAS if p["council"] == council and p["split"] == "tuning")


@pytest.mark.parametrize("council", sorted(PACKS))
def test_no_page_of_a_conversation_shows_markup_or_codes(client, council):
    data = _first_tuning_persona(council)
    pack = PACKS[council]
    titles = {t.id: t.title for t in pack.themes}
    units = {m.title: m.unit for t in pack.themes for o in t.outcomes for m in o.measures}
    persona = Persona(data, titles, units)
    chat = Chat(client, council)
    codes = _codes(council)
    seen: list[str] = []
    for _ in range(150):
        prompt_tag = chat.soup.select_one("#prompt")
        if prompt_tag is None or prompt_tag.get("data-type") == "end":
            break
        options = [
            {
                "value": i["value"],
                "label": chat.soup.select_one(f"label[for='{i['id']}']").get_text(strip=True),
            }
            for i in prompt_tag.select("input[type=radio]")
        ]
        prompt = {
            "type": prompt_tag["data-type"],
            "step": prompt_tag.get("data-step"),
            "theme": prompt_tag.get("data-theme") or None,
            "options": options,
        }
        soup = chat.say(persona.answer(prompt))
        seen += [f"{prompt['step']}: {fault}" for fault in _faults(_visible(soup), codes)]
    assert chat.soup.select_one("#summary-area"), "the conversation did not finish"
    links = {a["href"] for a in chat.soup.select("a[href]") if a["href"].startswith("/assistant")}
    for href in sorted(links):
        response = client.get(href)
        if response.status_code == 200 and response.mimetype == "text/html":
            seen += [f"{href}: {fault}" for fault in _faults(_visible(parse(response)), codes)]
    assert seen == []


def test_the_check_finds_markup_codes_and_floats():
    codes = _codes("tower-hamlets")
    assert "social-enterprise" in codes and len(codes) > 20
    assert _faults('You: social-enterprise, 52.0 weeks, Change<span class="x">', codes) == [
        "<span",
        "social-enterprise",
        "52.0",
    ]
    assert _faults("A CIC or social enterprise, 52 weeks, £15,000", codes) == []
