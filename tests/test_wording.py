"""Tidy wording: suggestions to accept or reject, which never touch a figure or a date."""

from pathlib import Path

import pytest
import yaml

from knowledge.packs import load_packs
from knowledge.wording import load_wording
from offer.wording import MAX_SPELLING_LOOKUPS, Tidier, apply

DATA = Path(__file__).parent / "data" / "wording.yaml"
CASES = yaml.safe_load(DATA.read_text(encoding="utf-8"))
PLACES = [p for pack in load_packs().values() for p in pack.local_area.places]
TIDIER = Tidier(load_wording(), places=PLACES)


@pytest.mark.parametrize("case", CASES["tidied"], ids=lambda c: c["text"][:40])
def test_accepting_every_suggestion_tidies_the_text(case):
    assert apply(case["text"], TIDIER.suggest(case["text"])) == case["becomes"]


@pytest.mark.parametrize("text", CASES["unchanged"])
def test_what_is_already_right_gets_no_suggestion(text):
    assert TIDIER.suggest(text) == []


def test_no_suggestion_touches_a_figure_or_a_date():
    text = "approx 400 crates (£2k) by 31/03/2027, 16-24 yo, 3 ppl w/ 2 mths"
    for suggestion in TIDIER.suggest(text):
        assert not any(ch.isdigit() for ch in suggestion.original + suggestion.replacement)
    assert "400" in apply(text, TIDIER.suggest(text))


def test_rejected_suggestions_leave_their_words_as_typed():
    text = "our buyer sarah sources from farms w/ ppl"
    suggestions = TIDIER.suggest(text)
    kept = [s for s in suggestions if s.kind != "name"]
    assert apply(text, kept) == "our buyer sarah sources from farms with people"


def test_a_suggestion_made_on_older_text_is_not_applied_to_new_text():
    (suggestion,) = TIDIER.suggest("lots of ppl")
    assert apply("lots of people", [suggestion]) == "lots of people"


def test_every_suggestion_says_why_in_plain_english():
    text = "Hopefully our mgr tom will fix it lol, definately in bow with a electric van"
    kinds = {s.kind for s in TIDIER.suggest(text)}
    assert kinds == {"hedge", "shorthand", "name", "chat", "spelling", "capitals", "grammar"}
    assert all(s.reason.endswith(".") for s in TIDIER.suggest(text))


def test_a_long_made_up_text_has_its_dictionary_look_ups_capped():
    text = " ".join(f"wurdx{chr(97 + i % 26)}{chr(97 + i // 26)} recieve ppl" for i in range(300))
    suggestions = TIDIER.suggest(text)
    assert sum(s.kind == "spelling" for s in suggestions) <= MAX_SPELLING_LOOKUPS
    assert sum(s.kind == "shorthand" for s in suggestions) == 300
