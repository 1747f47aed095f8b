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
from datetime import date

import pytest

from tests.helpers.personas import PERSONAS, UNITS, run

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
    assert not _offer_differences(data, offer)


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
    assert not [pid for pid, (d, _, o) in results.items() if _offer_differences(d, o)]


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


def _offer_differences(data: dict, offer: dict) -> list[str]:
    """Where the offer is not what the persona meant."""
    wrong = []
    supplier, opportunity = offer["supplier"], offer["opportunity"]
    about, contract = data["about"], data["contract"]
    if supplier["type"] != about["kind"]["means"]:
        wrong.append(f"kind {supplier['type']}")
    if abs((opportunity["value_gbp"] or 0) - contract["value"]["means"]) > 1:
        wrong.append(f"value {opportunity['value_gbp']}")
    if abs((opportunity["duration_months"] or 0) - contract["length"]["means_months"]) > 0.6:
        wrong.append(f"length {opportunity['duration_months']}")
    commitments = offer["commitments"]
    if len(commitments) != len(data["commitments"]):
        return [*wrong, f"{len(commitments)} commitments"]
    for meant, made in _paired(data["commitments"], commitments):
        readings = {(UNITS[m["counted"]], float(m["amount"])) for m in meant["quantity"]["means"]}
        if not made:
            wrong.append(f"{meant['priority']}: no commitment made")
            continue
        if (made["unit"], float(made["quantity"] or 0)) not in readings:
            wrong.append(f"{meant['quantity']['say']!r} -> {made['quantity']} {made['unit']}")
        if not _when_as_meant(meant["timescale"]["means"], made):
            wrong.append(f"{meant['timescale']['say']!r} -> {made['timescale']}")
        if made["classification"] != meant["classification"]["means"]:
            wrong.append(f"{meant['classification']['say']!r} -> {made['classification']}")
    return wrong


def _paired(meant: list[dict], made: list[dict]) -> list[tuple[dict, dict]]:
    """Each meant commitment with the one made for it: by priority, in order within it (the
    offer lists commitments in the council's order of priorities)."""
    pairs, left = [], list(made)
    unmatched = []
    for title in dict.fromkeys(c["priority"] for c in meant):
        wanted = [c for c in meant if c["priority"] == title]
        got = [c for c in left if c.get("theme_title") == title][: len(wanted)]
        left = [c for c in left if all(c is not g for g in got)]
        pairs += list(zip(wanted, got, strict=False))
        unmatched += wanted[len(got) :]
    # A measure of another priority files the commitment there: pair what is left in order.
    return pairs + list(zip(unmatched, left + [{}] * len(unmatched), strict=False))


def _when_as_meant(means: dict, made: dict) -> bool:
    months = made.get("timescale_months")
    if means.get("whole_contract"):
        return months is None
    if means.get("from_start"):
        return made["timescale"] == "from the start of the contract"
    if "every" in means:
        return made["timescale"] == f"every {means['every']}"
    want = means.get("months")
    if "by" in means:
        want = (date.fromisoformat(str(means["by"])) - date.today()).days / 30.4375
    return months is not None and abs(months - want) <= 1
