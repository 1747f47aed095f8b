"""Seven persona corpora written blind in December 2026, fifteen suppliers each (five per
council), talking to the assistant through the JSON API: the ninth is held out (measured, never
read); the tenth to the fifteenth are for tuning (the answers the conversation misread were
fixed where the fault lay: questions told from statements, timescales, two figures, how an
organisation is counted and described). The figures below guard against going backwards;
issue 17's bar, for the held-out corpus, is a strict expected failure until it is met."""

import statistics
from pathlib import Path

import pytest
import yaml

from tests.helpers.personas import offer_differences, run

DATA = Path(__file__).parent / "data"
# Measured 2026-12-06: (misread at most, questions answered at least, taken as answers at most,
# offers not as meant at most). The ninth: 27 misread when it arrived, 21 after the fixes made
# from the tenth (5 of the 6 were Sandwell's towns step, which its writer was not told of), 18
# after those from the eleventh and twelfth. The tenth: 26, then 3; the eleventh: 19, then 2;
# the twelfth: 16, then 6. Questions answered mid-flow: the ninth 24, then 27; the tenth 23,
# then 36; the eleventh 23, then 38; the twelfth 27, then 35. A second round on the tuning
# corpora (questions at the very end or after a lead-in word, a long question followed by
# something else, slips in amount words, asides in brackets, "works out about 78 a year"):
# the tenth 2 misread and 1 question taken, the eleventh 0, the twelfth 3 and 0; the ninth
# unchanged at 18 misread and 27 of 41 questions answered. After the step phrasings corpus
# (tests/test_phrasings_steps.py): the ninth 17 misread; a whole sentence ending in "?" at a
# choice is a question ("after i send, somebody from council will phone me?"): the tenth 0
# questions taken. With the second reading of a choice in the person's own words: the ninth
# 15 misread, 6 offers not as meant. The thirteenth and fourteenth (amounts as rates, per
# person, in days, with a hoped-for second figure; timescales said loosely; questions followed
# by more words) arrived at 15 and 19 misread, 35 and 36 questions answered; after the fixes
# made from them, 3 and 8, 37 and 38; the ninth 14 misread. With their questions added to the
# knowledge base's entries (staff to count, partners, falling demand, a CIC is not a charity,
# DBS for volunteers...), 46 and 50; insurance, accreditations, licences and TUPE, which the
# supplier question sets' writers put out of scope, are declined as outside social value.
# Options in their own words ("we cook and bring the food", "CIC ltd by guarantee", "sorted"),
# a base term and the extension they count ("2+1 years, we're going off the 3") and a total
# given before a range: 1 and 3 misread. After the third step phrasings corpus (the kind of
# contract from examples, work described, refusals with a reason; a bare season or month):
# the ninth 13 misread, the twelfth 2. Offers not as meant, from the tuning corpora: people
# "doing" hours each ("25 volunteers doing 4 hrs a week"), "one time in week, not in school
# holiday", "every single one", "part of our price", "how the whole charity works": the
# tenth 7 to 3, the twelfth 8 to 7. With the fifth supplier questions set's tuning half added
# to the entries that answer it: the ninth 28 of 41 questions answered. A question followed by
# something else is looked up alone when the whole finds nothing: 47 and 51. The fifteenth
# (ordinary people at a meet-the-buyer event, their questions all about their offer) arrived
# at 11 misread, 28 of 43 questions answered, 6 offers not as meant and one answer met with a
# help article ("it's sessions we run, so a service?"); now 1, 43, 2 and none. After the
# fourth step phrasings corpus (amounts): the ninth 12 misread, the tenth 1.
MEASURED = {
    "personas_ninth.yaml": ("held-out", 12, 28, 0, 6),
    "personas_tenth.yaml": ("tuning", 1, 38, 0, 3),
    "personas_eleventh.yaml": ("tuning", 0, 38, 0, 2),
    "personas_twelfth.yaml": ("tuning", 1, 38, 0, 7),
    "personas_thirteenth.yaml": ("tuning", 1, 47, 1, 3),
    "personas_fourteenth.yaml": ("tuning", 3, 51, 0, 3),
    "personas_fifteenth.yaml": ("tuning", 1, 43, 0, 2),
}


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    from tests.helpers.app import make_app

    client = make_app(tmp_path_factory.mktemp("december")).test_client()
    played = {}
    for name in MEASURED:
        corpus = yaml.safe_load((DATA / name).read_text())
        played[name] = [(data, *run(client, data)[::2]) for data in corpus]
    return played


@pytest.mark.parametrize("name", MEASURED)
def test_every_persona_finishes_and_no_answer_gets_an_article(results, name):
    split = MEASURED[name][0]
    assert len(results[name]) == 15 and all(d["split"] == split for d, _, _ in results[name])
    assert all(score.finished for _, score, _ in results[name])
    assert not [a for _, score, _ in results[name] for a in score.articles]


@pytest.mark.parametrize("name", MEASURED)
def test_the_corpus_does_no_worse_than_measured(results, name):
    _, misread, answered, taken, wrong = MEASURED[name]
    played = results[name]
    assert sum(len(score.misread) for _, score, _ in played) <= misread
    assert sum(score.asks_answered for _, score, _ in played) >= answered
    assert sum(len(score.asks_taken) for _, score, _ in played) <= taken
    assert sum(bool(offer_differences(d, o)) for d, _, o in played) <= wrong
    counts = [s.answers for d, s, _ in played if len(d["commitments"]) == 3]
    assert statistics.median(counts) <= 45


@pytest.mark.xfail(strict=True, reason="12 answers misread, 13 questions unanswered (issue 17)")
def test_the_held_out_corpus_meets_the_bar(results):
    played = results["personas_ninth.yaml"]
    assert sum(len(score.misread) for _, score, _ in played) <= 1
    assert all(score.asks_answered == score.asks for _, score, _ in played)
    assert not [d["id"] for d, _, o in played if offer_differences(d, o)]
