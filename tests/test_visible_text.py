"""What people read holds words, not codes: one persona per council talks through the chat
pages (no JavaScript), and after every turn, and on every page the finished conversation
links to, the visible text holds no markup shown as text ("<span"), no code of the service's
vocabulary or the council's content ("social-enterprise", "tonnes-co2e", a measure's id), no
number written as a float ("52.0") and no other council's places."""

import pytest

from tests.helpers.chat import Chat
from tests.helpers.pages import parse
from tests.helpers.personas import PERSONAS, Persona
from tests.helpers.visible import PACKS, codes, faults


def _visible(soup) -> str:
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    return soup.get_text(" ", strip=True)


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
    council_codes = codes(council)
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
        seen += [
            f"{prompt['step']}: {fault}" for fault in faults(_visible(soup), council_codes, council)
        ]
    assert chat.soup.select_one("#summary-area"), "the conversation did not finish"
    links = {a["href"] for a in chat.soup.select("a[href]") if a["href"].startswith("/assistant")}
    for href in sorted(links):
        response = client.get(href)
        if response.status_code == 200 and response.mimetype == "text/html":
            seen += [
                f"{href}: {fault}"
                for fault in faults(_visible(parse(response)), council_codes, council)
            ]
    assert seen == []


def test_the_check_finds_markup_codes_and_floats():
    found = codes("tower-hamlets")
    assert "social-enterprise" in found and len(found) > 20
    said = 'You: social-enterprise, 52.0 weeks in Tipton, Change<span class="x">'
    assert faults(said, found, "tower-hamlets") == ["<span", "social-enterprise", "52.0", "Tipton"]
    assert (
        faults("A CIC or social enterprise, 52 weeks, £15,000 in Bow", found, "tower-hamlets") == []
    )
