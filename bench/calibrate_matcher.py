"""Set the matcher's weights and thresholds on the *calibration* questions only.

Run: .venv/bin/python -m bench.calibrate_matcher [--write]
Prints the best settings and their tuning-set figures; --write saves knowledge/calibration.yaml.
The calibration questions were never used to write the entries' phrasings (the tuning
questions were), so they measure how the matcher does on wording it has not seen. The
held-out questions are never read here.
"""

import argparse
import itertools

import yaml

from knowledge.evaluation import Report, Verdict, evaluate, load_questions
from knowledge.library import load_library
from knowledge.matcher import CALIBRATION_FILE, Calibration, KnowledgeMatcher, load_calibration
from knowledge.packs import DEFAULT_COUNCIL_ID

WEIGHT_STEPS = [0.2, 0.3, 0.4, 0.5, 0.6]
DOCUMENT_STEPS = [0.2, 0.35, 0.5]
ANSWER_THRESHOLDS = range(30, 91)
MARGINS = range(0, 16)


MIN_REFUSALS = 0.95


def objective(report: Report) -> float:
    """Refuse at least 95% of off-topic questions; then rank and answer right, never wrongly."""
    if report.rejection_accuracy < MIN_REFUSALS:
        return -1.0 + report.rejection_accuracy
    return report.top1_accuracy + report.answer_accuracy - 2 * report.wrong_answer_rate


def verdict_for(hits, topic_of, answer: float, margin: float) -> Verdict:
    """The verdict the index alone would give with these thresholds (`topic_of`: a document
    id's topic)."""
    if not hits:
        return Verdict(False, None)
    top_topic = topic_of(hits[0].doc_id)
    rival = next((h.score for h in hits if topic_of(h.doc_id) != top_topic), 0.0)
    answered = hits[0].score >= answer and hits[0].score - rival >= margin
    return Verdict(answered, top_topic)


def calibrate() -> tuple[Calibration, Report]:
    """Grid-search weights and thresholds; return the best calibration and its report."""
    entries = load_library().entries_by_council[DEFAULT_COUNCIL_ID]
    tune = load_questions(split="calibrate")
    current = load_calibration()
    best = None
    grid = itertools.product(WEIGHT_STEPS, WEIGHT_STEPS, DOCUMENT_STEPS)
    for query_weight, phrasing_weight, document_weight in grid:
        fuzzy = round(1 - query_weight - phrasing_weight, 2)
        if fuzzy < 0.1:
            continue
        trial = current.model_copy(
            update={
                "query_coverage": query_weight,
                "phrasing_coverage": phrasing_weight,
                "fuzzy": fuzzy,
                "document": document_weight,
            }
        )
        matcher = KnowledgeMatcher(entries, trial)
        hits = {q.text: matcher.ranked(q.text) for q in tune}
        for answer, margin in itertools.product(ANSWER_THRESHOLDS, MARGINS):
            report = evaluate(
                tune,
                lambda text, a=answer, m=margin, h=hits, k=matcher.topic: verdict_for(
                    h[text], k, a, m
                ),
            )
            key = (objective(report), -abs(margin - 5))
            if best is None or key > best[0]:
                thresholds = current.thresholds.model_copy(
                    update={"answer": answer, "margin": margin, "suggest": max(20, answer - 20)}
                )
                best = (key, trial.model_copy(update={"thresholds": thresholds}), report)
    return best[1], best[2]


def main() -> None:
    """Print the best calibration; write it with --write."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="save knowledge/calibration.yaml")
    args = parser.parse_args()
    calibration, report = calibrate()
    print(yaml.safe_dump(calibration.model_dump(), sort_keys=False))
    print(
        f"calibration set: top-1 topic {report.top1_accuracy:.1%}, answered correctly "
        f"{report.answer_accuracy:.1%}, answered wrongly {report.wrong_answer_rate:.1%}, "
        f"correct refusals {report.rejection_accuracy:.1%} "
        f"({report.answerable} answerable, {report.unanswerable} unanswerable)"
    )
    if args.write:
        header = (
            "# Scoring weights and thresholds for knowledge/index.py and knowledge/matcher.py.\n"
            "# Written by `python -m bench.calibrate_matcher --write` from the calibration\n"
            "# split of tests/data/questions_extra.yaml only; the held-out split is never used.\n"
        )
        body = yaml.safe_dump(calibration.model_dump(), sort_keys=False)
        CALIBRATION_FILE.write_text(header + body)
        print(f"wrote {CALIBRATION_FILE}")


if __name__ == "__main__":
    main()
