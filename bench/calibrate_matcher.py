"""Set the matcher's weights and thresholds on the *calibration* questions only.

Run: .venv/bin/python -m bench.calibrate_matcher [--write]
Prints the best settings and their tuning-set figures; --write saves knowledge/calibration.yaml.
Each setting is judged as the matcher answers: a clear lead over any topic that is not a
neighbour, or the second opinion agreeing (its two thresholds are searched too).
The calibration questions, and the tuning half of tests/data/supplier_questions_2026_12.yaml,
were never used to write the entries' phrasings (the tuning questions were), so they measure
how the matcher does on wording it has not seen. The held-out questions are never read here.
"""

import argparse
import itertools
from collections.abc import Callable

import yaml

from bench.supplier_questions import SETS
from knowledge.evaluation import (
    LabelledQuestion,
    Report,
    Verdict,
    evaluate,
    load_questions,
    supplier_questions,
)
from knowledge.library import load_library
from knowledge.matcher import (
    CALIBRATION_FILE,
    Calibration,
    KnowledgeMatcher,
    clear_lead,
    clear_of_outside,
    load_calibration,
)
from knowledge.packs import DEFAULT_COUNCIL_ID

WEIGHT_STEPS = [0.2, 0.3, 0.4, 0.5, 0.6]
DOCUMENT_STEPS = [0.2, 0.35, 0.5]
ANSWER_THRESHOLDS = range(30, 91)
MARGINS = range(0, 16)
AGREE = (40, 45, 50, 55, 60)
SECOND_OPINION = (-0.8, -0.6, -0.4, -0.2, 0.0)
OUTSIDE_MARGINS = range(0, 21)


MIN_REFUSALS = 0.95


def objective(report: Report) -> float:
    """Refuse at least 95% of off-topic questions; then rank and answer right, never wrongly."""
    if report.rejection_accuracy < MIN_REFUSALS:
        return -1.0 + report.rejection_accuracy
    return report.top1_accuracy + report.answer_accuracy - 2 * report.wrong_answer_rate


def verdict_for(
    hits,
    topic_of,
    near,
    answer: float,
    margin: float,
    near_margin: float,
    agreed: bool = False,
    outside_margin: float = 0,
) -> Verdict:
    """The verdict with these thresholds (`topic_of`: a document id's topic; `near`: each topic
    with its neighbours; `agreed`: whether the second opinion agrees, as the matcher asks)."""
    if not hits:
        return Verdict(False, None)
    lead = clear_lead(hits, topic_of, near, answer, margin, near_margin)
    clear = clear_of_outside(hits, topic_of, outside_margin)
    return Verdict((lead or agreed) and clear, topic_of(hits[0].doc_id))


def second_opinion(matcher: KnowledgeMatcher, text: str, hits) -> float | None:
    """The second opinion's decision value when it picks the index's best topic, else None."""
    if not hits:
        return None
    opinion = matcher.second.best(text)
    same = matcher.topic(opinion.doc_id) == matcher.topic(hits[0].doc_id)
    return opinion.decision if same else None


def agrees(hits, decision: float | None, agree: float, line: float) -> bool:
    """Whether the second opinion answers, with these two thresholds (see KnowledgeMatcher)."""
    return decision is not None and hits[0].score >= agree and decision >= line


def judge(matcher: KnowledgeMatcher, hits, decisions, answer, margin, near_margin, agree, line,
          outside) -> Callable[[str], Verdict]:  # fmt: skip
    """The verdict on each question with these settings, from its hits and second opinion."""

    def verdict(text: str) -> Verdict:
        found = hits[text]
        agreed = agrees(found, decisions[text], agree, line)
        return verdict_for(found, matcher.topic, matcher.near, answer, margin, near_margin,
                           agreed, outside)  # fmt: skip

    return verdict


def threshold_grid(current: Calibration, weights_too: bool):
    """(answer, margin, near_margin, agree, second_opinion) to try: with the weights, only the
    answer threshold and one margin (the rest as they are); alone, all five."""
    if weights_too:
        t = current.thresholds
        for answer, margin in itertools.product(ANSWER_THRESHOLDS, MARGINS):
            yield answer, margin, margin, t.agree, t.second_opinion
        return
    grid = itertools.product(range(50, 76), MARGINS, MARGINS, AGREE, SECOND_OPINION)
    yield from (point for point in grid if point[2] <= point[1])


def calibration_questions() -> list[LabelledQuestion]:
    """What the thresholds are chosen on: the calibration split's answerable questions, and
    the tuning parts of the questions suppliers typed, written blind (the December 2026 sets,
    with and without answers, and the earlier sets' questions that should get none). The
    calibration split's own off-topic questions are left out: written in 2025, some are what
    the knowledge base has since answered on purpose (registering for VAT, finding tenders,
    the cost of setting up a CIC)."""
    answerable = [q for q in load_questions(split="calibrate") if q.topics is not None]
    suppliers = [q for part in SETS["tuning"] for q, _ in supplier_questions(*part)]
    off_topic = [
        q
        for name in ("supplier_questions.yaml", "supplier_questions_more.yaml")
        for q, _ in supplier_questions(name, "tuning")
        if q.topics is None
    ]
    return answerable + suppliers + off_topic


def calibrate(weights_too: bool = True) -> tuple[Calibration, Report]:
    """Grid-search weights (unless not `weights_too`) and thresholds; return the best
    calibration and its report."""
    entries = load_library().entries_by_council[DEFAULT_COUNCIL_ID]
    tune = calibration_questions()
    current = load_calibration()
    best, context = None, None
    outside = current.thresholds.outside_margin
    grid = itertools.product(WEIGHT_STEPS, WEIGHT_STEPS, DOCUMENT_STEPS)
    if not weights_too:
        grid = [(current.query_coverage, current.phrasing_coverage, current.document)]
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
        decisions = {q.text: second_opinion(matcher, q.text, hits[q.text]) for q in tune}
        for answer, margin, near_margin, agree, line in threshold_grid(current, weights_too):
            settings = (answer, margin, near_margin, agree, line, outside)
            report = evaluate(tune, judge(matcher, hits, decisions, *settings))
            key = (objective(report), -abs(margin - 5))
            if best is None or key > best[0]:
                thresholds = current.thresholds.model_copy(
                    update={
                        "answer": answer,
                        "margin": margin,
                        "near_margin": near_margin,
                        "suggest": max(20, answer - 20),
                        "agree": agree,
                        "second_opinion": line,
                    }
                )
                best = (key, trial.model_copy(update={"thresholds": thresholds}), report)
                context = (matcher, hits, decisions)
    return tune_outside_margin(best[1], tune, *context)


def tune_outside_margin(
    calibration: Calibration, tune, matcher: KnowledgeMatcher, hits, decisions
) -> tuple[Calibration, Report]:
    """With the other settings chosen, the lead over an area it does not answer: the best
    objective, and of equals the one that refuses most."""
    t = calibration.thresholds
    found = []
    for outside in OUTSIDE_MARGINS:
        settings = (t.answer, t.margin, t.near_margin, t.agree, t.second_opinion, outside)
        report = evaluate(tune, judge(matcher, hits, decisions, *settings))
        found.append(((objective(report), report.rejection_accuracy), outside, report))
    _, outside, report = max(found, key=lambda item: item[0])
    thresholds = t.model_copy(update={"outside_margin": outside})
    return calibration.model_copy(update={"thresholds": thresholds}), report


def main() -> None:
    """Print the best calibration; write it with --write."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="save knowledge/calibration.yaml")
    parser.add_argument(
        "--thresholds-only", action="store_true", help="keep the weights; search the thresholds"
    )
    args = parser.parse_args()
    calibration, report = calibrate(weights_too=not args.thresholds_only)
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
            "# Written by `python -m bench.calibrate_matcher --write` from\n"
            "# calibration_questions() in bench/calibrate_matcher.py; no held-out question.\n"
        )
        body = yaml.safe_dump(calibration.model_dump(), sort_keys=False)
        CALIBRATION_FILE.write_text(header + body)
        print(f"wrote {CALIBRATION_FILE}")


if __name__ == "__main__":
    main()
