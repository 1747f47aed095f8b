"""Dated facts: every figure or statement of law that can change carries its source, the day it
was checked and a review-by date; `python -m knowledge check` fails once that day has passed,
and people read "As of …" beside such answers."""

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from knowledge.content import Source
from knowledge.entries import Entry, load_topics, neighbourhoods
from knowledge.index import Hit
from knowledge.library import load_library
from knowledge.matcher import clear_lead, clear_of_outside
from knowledge.packs import Measure, Proxy
from knowledge.review import dated_facts, overdue

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = load_library()
FACTS = dated_facts(LIBRARY)


def _check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "knowledge", "check", *args],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip


def test_check_passes_today_and_says_what_to_check_next():
    completed = _check()
    assert completed.returncode == 0, completed.stderr
    assert f"{len(FACTS)} dated facts; the next to check: {FACTS[0].describe()}" in completed.stdout


def test_check_fails_once_a_review_by_date_has_passed_and_lists_what_to_check():
    soonest = FACTS[0].review_by
    completed = _check("--on", (soonest + timedelta(days=1)).isoformat())
    assert completed.returncode == 1
    late = overdue(FACTS, soonest + timedelta(days=1))
    assert late and f"{len(late)} dated facts are past their review-by date" in completed.stderr
    for fact in late:
        assert fact.describe() in completed.stderr
    assert _check("--on", soonest.isoformat()).returncode == 0  # due that day, not yet late


def test_a_date_that_is_not_a_date_is_refused():
    completed = _check("--on", "next tuesday")
    assert completed.returncode == 2 and "invalid fromisoformat value" in completed.stderr


def test_the_figures_the_review_named_are_dated():
    dated = {fact.where for fact in FACTS}
    for entry_id in (
        "wage-rates-now", "sme-and-micro-business", "apprenticeships-for-small-organisations",
        "kpis-on-large-contracts", "procurement-thresholds-now", "light-touch-contracts",
        "national-procurement-policy-statement", "wales-scotland-northern-ireland",
        "employment-rights-act-2025", "disability-confident", "national-toms",
    ):  # fmt: skip
        assert f"entry {entry_id}" in dated, entry_id
    for council_id, pack in LIBRARY.packs.items():
        for _theme, measure in pack.measures:
            if measure.proxy:
                assert f"councils/{council_id} measure {measure.id} proxy" in dated


def test_no_proxy_values_a_wage_cost_or_an_unchecked_carbon_price():
    for pack in LIBRARY.packs.values():
        for _theme, measure in pack.measures:
            if measure.id in ("apprenticeship-weeks", "carbon-reduction", "carbon-saved"):
                assert measure.proxy is None, measure.id


def _entry(answer: str, sources: list[dict]) -> dict:
    return {
        "id": "an-entry", "topic": "scoring", "title": "An entry",
        "questions": ["one", "two", "three"], "keywords": ["a", "b"],
        "answer": answer, "sources": sources,
    }  # fmt: skip


@pytest.mark.parametrize(
    "answer",
    [
        "The National Living Wage is £12.71 an hour for workers aged 21 and over, from April.",
        "Contracts worth more than £5 million need at least three published indicators.",
        "Under the Procurement Act 2023, councils must publish notices about contracts.",
        "Section 54 says larger firms publish a statement about slavery every single year.",
    ],
)
def test_an_answer_stating_what_can_change_needs_a_dated_source(answer):
    undated = [{"title": "GOV.UK, somewhere"}]
    with pytest.raises(ValidationError, match="give the source that supports it an as_of"):
        Entry.model_validate(_entry(answer, undated))
    dated = [{"title": "GOV.UK, somewhere", "as_of": "2026-12-06", "review_by": "2027-12-06"}]
    assert Entry.model_validate(_entry(answer, dated)).as_of == date(2026, 12, 6)


def test_an_example_figure_needs_no_date():
    answer = "Say how much, for example £2,500 a year of local spend with three local firms."
    assert Entry.model_validate(_entry(answer, [{"title": "How this service works"}])).as_of is None


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"as_of": "2026-12-06"}, "give both as_of and review_by, or neither"),
        ({"review_by": "2027-12-06"}, "give both as_of and review_by, or neither"),
        ({"as_of": "2026-12-06", "review_by": "2026-12-06"}, "review_by must come after as_of"),
    ],
)
def test_a_source_is_dated_in_pairs_and_in_order(fields, problem):
    with pytest.raises(ValidationError, match=problem):
        Source.model_validate({"title": "GOV.UK, somewhere", **fields})


def test_a_proxy_and_a_baseline_carry_their_dates():
    proxy = {"value_gbp": 13.45, "per": "hour", "source": "Living Wage Foundation", "year": 2025}
    with pytest.raises(ValidationError, match="as_of"):
        Proxy.model_validate(proxy)
    measure = {
        "id": "a-baseline", "title": "Paying within 30 days", "unit": "percent",
        "description": "Paying suppliers' invoices within 30 days.",
        "pledge": "pay {amount} of invoices within 30 days", "examples": ["a", "b", "c"],
        "evidence": ["Invoices"],
        "already_required": "Paying within 30 days is already the law for public contracts.",
    }  # fmt: skip
    with pytest.raises(ValidationError, match="a measure that is already required needs"):
        Measure.model_validate(measure)


def test_people_read_as_of_beside_an_answer_that_can_change(client):
    entry = LIBRARY.base_entries["wage-rates-now"]
    assert entry.shown_answer.endswith(f"(As of {entry.as_of:%B %Y}.)")
    page = client.get("/help/answers/wage-rates-now").get_data(as_text=True)
    assert f"(As of {entry.as_of:%B %Y}.)" in page
    found = client.get("/api/v1/knowledge/search", query_string={"q": "national living wage rate"})
    assert found.json["matches"][0]["answer"] == entry.shown_answer
    plain = LIBRARY.base_entries["avoiding-vague-wording"]
    assert plain.as_of is None and plain.shown_answer == plain.answer


def test_neighbouring_topics_are_read_both_ways_round():
    near = neighbourhoods(load_topics())
    assert "procurement-act" in near["social-value-act"]
    assert "social-value-act" in near["procurement-act"]
    assert "environment" not in near["scoring"]


def test_a_close_second_from_a_neighbouring_topic_needs_a_smaller_lead():
    near = neighbourhoods(load_topics())
    topics = {"a": "social-value-act", "b": "procurement-act", "c": "environment"}

    def leads(*hits: tuple[str, float]) -> bool:
        ranked = [Hit(doc_id, score, "") for doc_id, score in hits]
        return clear_lead(ranked, topics.get, near, answer=61, margin=5, near_margin=4)

    assert leads(("a", 80.0), ("b", 76.0), ("c", 60.0))  # 4 ahead of a neighbour
    assert not leads(("a", 80.0), ("b", 77.0), ("c", 60.0))  # 3 ahead: offered as choices
    assert not leads(("a", 80.0), ("c", 76.0))  # 4 ahead of another topic is not enough
    assert leads(("a", 80.0), ("c", 75.0))
    assert not leads(("a", 60.0))  # below the threshold


def test_an_answer_close_to_an_area_it_does_not_answer_is_offered_as_choices():
    topics = {"a": "living-wage", "outside:employment-law": "outside"}
    near = neighbourhoods(load_topics())
    ranked = [Hit("a", 70.0, ""), Hit("outside:employment-law", 65.0, "")]
    assert clear_lead(ranked, topics.get, near, answer=61, margin=5, near_margin=4)
    assert not clear_of_outside(ranked, topics.get, margin=6)  # 5 ahead: too close
    assert clear_of_outside(ranked[:1], topics.get, margin=6)
    assert clear_of_outside([Hit("a", 70.0, ""), Hit("outside:employment-law", 64.0, "")],
                            topics.get, margin=6)  # fmt: skip


def test_a_pay_question_near_employment_law_is_not_answered_as_social_value():
    from knowledge.service import KnowledgeService

    result = KnowledgeService.load().search("how much is statutory sick pay a week", "suffolk")
    assert not result.answered and result.outside == "employment law and HR"
