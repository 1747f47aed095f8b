"""Eighteen suppliers, written by someone who had not read the flows, the parsers or the
knowledge base (tests/data/personas.yaml, see personas.md), talk to the assistant through the
JSON API in their own words. Every one finishes, and the median persona with three
commitments in at most 45 messages. The tuning personas: at most one answer misread, no
answer met with a help article, every question asked mid-flow answered and none taken as an
answer, every amount, date and classification in the offer as they meant it. The whole
corpus's bar (the same for the held-out part) is written below as strict expected failures
until it is met.

The corpus is split: the tuning part was used while the assistant was improved; the held-out
part only measures it, so its results say how the assistant does with people nobody tuned for.
"""

import statistics

import pytest

from tests.helpers.personas import PERSONAS, offer_differences, run

# The whole corpus may have one answer misread (the bar), no more.
MISREAD_ALLOWED = 1


def _run(client, data: dict):
    score, _, offer = run(client, data)
    return score, offer


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    from tests.helpers.app import make_app

    app = make_app(tmp_path_factory.mktemp("personas"))
    client = app.test_client()
    return {data["id"]: (data, *_run(client, data)) for data in PERSONAS}


def _ids(split: str) -> list[str]:
    return [p["id"] for p in PERSONAS if p["split"] == split]


@pytest.mark.parametrize("persona", _ids("tuning"))
def test_a_tuning_persona_finishes_understood_and_gets_the_offer_they_meant(results, persona):
    data, score, offer = results[persona]
    assert score.finished, score
    assert not score.articles, score.articles
    assert not score.asks_taken, score.asks_taken
    assert score.asks_answered == score.asks, score.asks_unanswered
    assert not offer_differences(data, offer)


def test_the_tuning_personas_have_at_most_one_answer_misread(results):
    misread = [m for d, s, _ in results.values() if d["split"] == "tuning" for m in s.misread]
    assert len(misread) <= MISREAD_ALLOWED, misread


def test_every_persona_finishes(results):
    assert [pid for pid, (_, score, _) in results.items() if not score.finished] == []


def test_the_whole_corpus_is_understood(results):
    """Every persona, tuning and held-out: at most one answer misread across all, no help
    article for an answer, no question taken as an answer, every amount as meant."""
    scores = [score for _, score, _ in results.values()]
    assert len([m for score in scores for m in score.misread]) <= MISREAD_ALLOWED
    assert not [a for score in scores for a in score.articles]
    assert not [t for score in scores for t in score.asks_taken]
    assert not [pid for pid, (d, _, o) in results.items() if offer_differences(d, o)]


# The bar, not yet met (issue 17 stays open until it passes): strict, so it turns red
# the day it is met and must then become an ordinary test.
@pytest.mark.xfail(
    strict=True,
    reason="6 of the first held-out personas' 18 questions go unanswered (7 before December 2026)",
)
def test_every_question_asked_mid_flow_is_answered(results):
    assert all(s.asks_answered == s.asks for _, s, _ in results.values())


def test_an_offer_with_three_commitments_takes_at_most_45_messages(results):
    counts = [s.answers for d, s, _ in results.values() if len(d["commitments"]) == 3]
    assert len(counts) >= 10
    assert statistics.median(counts) <= 45, counts
