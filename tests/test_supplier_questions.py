"""Questions suppliers type mid-conversation, written by people who had not read the knowledge
base (tests/data/supplier_questions.yaml and supplier_questions_more.yaml, each split with a
fixed seed): nothing out of scope in the first set is ever answered, and in-scope questions
are answered. The tuning parts were used to improve the knowledge base; the held-out parts
only measure it (their floors guard against going backwards, they are not the goal)."""

from pathlib import Path

import pytest
import yaml

from knowledge.evaluation import measure_service, supplier_questions
from knowledge.service import KnowledgeService

DATA = yaml.safe_load((Path(__file__).parent / "data" / "supplier_questions.yaml").read_text())
MORE = yaml.safe_load((Path(__file__).parent / "data" / "supplier_questions_more.yaml").read_text())
SERVICE = KnowledgeService.load()
TUNING_FLOOR = 0.95
HELD_OUT_FLOOR = 0.45  # measured 23/48 (48%) when the corpus was added


def _council(question: dict) -> str:
    return "tower-hamlets" if question["council"] == "any" else question["council"]


def _answered(questions: list[dict]) -> float:
    found = [SERVICE.search(q["text"], _council(q)).answered for q in questions]
    return sum(found) / len(found)


@pytest.mark.parametrize("question", DATA["out_of_scope"], ids=lambda q: q["text"][:40])
def test_a_question_out_of_scope_is_never_answered(question):
    assert not SERVICE.search(question["text"], _council(question)).answered


@pytest.mark.parametrize(
    ("split", "floor"), [("tuning", TUNING_FLOOR), ("held-out", HELD_OUT_FLOOR)]
)
def test_questions_in_scope_are_answered(split, floor):
    questions = [q for q in DATA["in_scope"] if q["split"] == split]
    assert len(questions) >= 40
    assert _answered(questions) >= floor


# Measured 2026-12-05 with the second opinion: in scope 111/160 tuning, 117/160 held-out;
# out of scope refused 31/32 tuning, 25/32 held-out.
@pytest.mark.parametrize(
    ("split", "floor", "refused"), [("tuning", 0.68, 0.95), ("held-out", 0.7, 0.75)]
)
def test_the_second_set_is_answered_and_refused_at_least_as_well_as_measured(split, floor, refused):
    questions = [q for q in MORE["in_scope"] if q["split"] == split]
    off_topic = [q for q in MORE["out_of_scope"] if q["split"] == split]
    assert len(questions) == 160 and len(off_topic) == 32
    assert _answered(questions) >= floor
    assert 1 - _answered(off_topic) >= refused


# The December 2026 sets, asked of the council each question was written for: the tuning
# parts (read while writing entries and outside areas, and used to calibrate) must stay where
# they were measured. Their held-out parts are measured by `python -m bench.supplier_questions
# --held-out` (figures only, docs/matcher-benchmark.md), never read.
# The fifth set's "wrong" answers are relevant entries filed under another topic than its
# writer chose from topics.yaml (an apprentice who drops out: "when a new starter leaves",
# under local jobs, not apprenticeships); they are kept, and counted.
@pytest.mark.parametrize(
    ("name", "top1", "refused", "wrong"),
    [
        ("supplier_questions_2026_12.yaml", 0.87, 0.95, 4),
        ("supplier_questions_tuning_2026_12c.yaml", 0.93, 0.93, 4),
        ("supplier_questions_tuning_2026_12d.yaml", 0.96, 0.97, 4),
        ("supplier_questions_2026_12e.yaml", 0.88, 0.96, 6),
    ],
)
def test_the_december_tuning_sets_rank_and_refuse_at_least_as_well_as_measured(
    name, top1, refused, wrong
):
    report = measure_service(SERVICE, supplier_questions(name, "tuning"))
    assert report.top1_accuracy >= top1
    assert report.rejection_accuracy >= refused
    assert report.answered_wrong <= wrong


# The fifth set (2026_12e: questions typed mid-conversation about the supplier's own offer, half
# each way) arrived at top-1 83.3% and 79.2%, refusal 96.7% and 80.0% (tuning, held-out); its
# tuning questions were added to the entries that answer them (88.3%), the held-out part is
# only counted.
# Measured 2026-12-06 (docs/matcher-benchmark.md), figures only: the held-out parts guard
# against going backwards; they are not the goal (issue 23 asks for 92% and 95%).
@pytest.mark.parametrize(
    ("name", "split", "top1", "refused"),
    [
        ("supplier_questions_2026_12.yaml", "heldout", 0.87, 0.76),
        ("supplier_questions_heldout_2026_12b.yaml", "held-out", 0.86, 0.88),
        ("supplier_questions_2026_12e.yaml", "held-out", 0.79, 0.8),
    ],
)
def test_the_december_held_out_sets_do_not_go_backwards(name, split, top1, refused):
    report = measure_service(SERVICE, supplier_questions(name, split))
    assert report.top1_accuracy >= top1
    assert report.rejection_accuracy >= refused
