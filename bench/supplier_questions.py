"""How the knowledge base answers questions suppliers type, written blind by people who never
saw the entries (tests/data/supplier_questions_2026_12*.yaml).

Run: .venv/bin/python -m bench.supplier_questions [--show] [--held-out]

Without --held-out only the tuning half of the December 2026 set is measured, and --show lists
each question it got wrong, to improve entries from. --held-out measures the held-out parts
(aggregates only: their questions are never printed, so they are never tuned on).
"""

import argparse

from knowledge.evaluation import LabelledQuestion, Report, measure_service, supplier_questions
from knowledge.service import KnowledgeService

SETS = {
    "tuning": (
        ("supplier_questions_2026_12.yaml", "tuning"),
        ("supplier_questions_tuning_2026_12c.yaml", "tuning"),
        ("supplier_questions_tuning_2026_12d.yaml", "tuning"),
        ("supplier_questions_2026_12e.yaml", "tuning"),
    ),
    "held-out": (
        ("supplier_questions_2026_12.yaml", "heldout"),
        ("supplier_questions_heldout_2026_12b.yaml", "held-out"),
        ("supplier_questions_2026_12e.yaml", "held-out"),
    ),
}


def describe(name: str, report: Report) -> str:
    """One line of figures."""
    return (
        f"{name}: top-1 {report.top1_accuracy:.1%} ({report.top1_correct}/{report.answerable}), "
        f"answered right {report.answer_accuracy:.1%}, answered wrong {report.answered_wrong}, "
        f"out of scope refused {report.rejection_accuracy:.1%} "
        f"({report.correctly_refused}/{report.unanswerable})"
    )


def show_misses(service: KnowledgeService, questions: list[tuple[LabelledQuestion, str]]) -> None:
    """Each tuning question it got wrong: what it said, and what was expected."""
    for question, council in questions:
        result = service.search(question.text, council)
        top = result.matches[0] if result.matches else None
        topic = top.entry.topic if top else None
        if question.topics is None:
            if result.answered:
                print(f"ANSWERED OUT OF SCOPE  {question.text!r} -> {top.entry.id}")
            continue
        if topic in question.topics and result.answered:
            continue
        kind = "REFUSED" if topic in question.topics else "WRONG TOP"
        said = f"{top.entry.id} {top.score:.1f}" if top else result.outside
        scores = " ".join(f"{m.entry.id}:{m.score:.0f}" for m in result.matches[:3])
        print(
            f"{kind:10} {question.text!r}\n   want {sorted(question.topics)}; got {said}; {scores}"
        )


def main() -> None:
    """Print the figures (and, for the tuning half, optionally each miss)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--held-out", action="store_true", help="measure the held-out parts")
    parser.add_argument("--show", action="store_true", help="list the tuning half's misses")
    args = parser.parse_args()
    service = KnowledgeService.load()
    split = "held-out" if args.held_out else "tuning"
    for name, part in SETS[split]:
        questions = supplier_questions(name, part)
        print(describe(f"{name} ({part})", measure_service(service, questions)))
        if args.show and not args.held_out:
            show_misses(service, questions)


if __name__ == "__main__":
    main()
