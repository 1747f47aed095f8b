"""A ninth persona corpus, written blind in December 2026 and held out: fifteen suppliers (five
per council) it was never tuned on, talking to the assistant through the JSON API. Measured
once when it arrived (issue 17); the figures below guard against going backwards, and the
issue's bar is written as a strict expected failure until it is met."""

import statistics
from pathlib import Path

import pytest
import yaml

from tests.helpers.personas import offer_differences, run

CORPUS = yaml.safe_load((Path(__file__).parent / "data" / "personas_ninth.yaml").read_text())


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    from tests.helpers.app import make_app

    client = make_app(tmp_path_factory.mktemp("ninth")).test_client()
    played = []
    for data in CORPUS:
        score, _, offer = run(client, data)
        played.append((data, score, offer))
    return played


def test_every_held_out_persona_finishes_and_no_answer_gets_an_article(results):
    assert len(results) == 15 and all(data["split"] == "held-out" for data, _, _ in results)
    assert all(score.finished for _, score, _ in results)
    assert not [a for _, score, _ in results for a in score.articles]
    assert not [t for _, score, _ in results for t in score.asks_taken]


def test_the_held_out_corpus_does_no_worse_than_measured(results):
    # Measured 2026-12-06: 27 answers misread, 24 of 41 questions answered mid-flow, 9 offers
    # not as meant, median 44 messages for three commitments.
    misread = sum(len(score.misread) for _, score, _ in results)
    answered = sum(score.asks_answered for _, score, _ in results)
    wrong = sum(bool(offer_differences(d, o)) for d, _, o in results)
    counts = [s.answers for d, s, _ in results if len(d["commitments"]) == 3]
    assert misread <= 27 and answered >= 24 and wrong <= 9
    assert statistics.median(counts) <= 45


@pytest.mark.xfail(strict=True, reason="27 answers misread, 17 questions unanswered (issue 17)")
def test_the_held_out_corpus_meets_the_bar(results):
    assert sum(len(score.misread) for _, score, _ in results) <= 1
    assert all(score.asks_answered == score.asks for _, score, _ in results)
    assert not [d["id"] for d, _, o in results if offer_differences(d, o)]
