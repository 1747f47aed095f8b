"""Benchmark the knowledge matcher against a BM25 baseline, and time it at scale.

Run: .venv/bin/python -m bench.matcher_benchmark [--write docs/matcher-benchmark.md]

1. Accuracy on the held-out questions: our matcher vs BM25 (rank-bm25) over the same
   phrasings, each with thresholds tuned on the tuning questions only.
2. Latency per query (p50/p95) on the real knowledge base, for both.
3. Latency of our matcher on a synthetic knowledge base of 5,000 entries.
4. Wall time of `python -m knowledge search - --json` for 1,000 questions.
"""

import argparse
import datetime
import itertools
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rank_bm25 import BM25Okapi

from bench.calibrate_matcher import verdict_for
from bench.supplier_questions import SETS
from knowledge.entries import Entry, Source, load_topics, neighbourhoods
from knowledge.evaluation import (
    Report,
    Verdict,
    evaluate,
    load_questions,
    measure_service,
    supplier_questions,
)
from knowledge.index import Hit
from knowledge.library import load_library
from knowledge.matcher import KnowledgeMatcher, load_calibration
from knowledge.normalise import STOPWORDS, content_tokens
from knowledge.packs import DEFAULT_COUNCIL_ID
from knowledge.second_opinion import Opinion
from knowledge.service import KnowledgeService

ROOT = Path(__file__).resolve().parent.parent
NEAR = neighbourhoods(load_topics())  # the baseline answers by the same rule as ours


class NoSecondOpinion:
    """A second opinion that never agrees: the index's own verdicts, to compare."""

    def best(self, question: str) -> Opinion:
        """No document, below any line."""
        return Opinion("", float("-inf"))


def plain_tokens(text: str) -> list[str]:
    """Baseline tokenising: lower case, words, stopwords out; no synonyms, stems or typo fixes."""
    return [
        w
        for w in "".join(c if c.isalnum() else " " for c in text.lower()).split()
        if w not in STOPWORDS
    ]


class Bm25Baseline:
    """BM25 over every phrasing; an entry scores its best phrasing's score."""

    def __init__(self, entries: dict[str, Entry]):
        self.owners = []
        corpus = []
        for entry in entries.values():
            for text in [*entry.questions, entry.title, *entry.keywords]:
                self.owners.append(entry.id)
                corpus.append(plain_tokens(text) or ["_"])
        self.bm25 = BM25Okapi(corpus)

    def hits(self, text: str, limit: int = 10) -> list[Hit]:
        """Entries ranked by their best phrasing's BM25 score."""
        tokens = plain_tokens(text)
        if not tokens:
            return []
        best: dict[str, float] = {}
        for owner, score in zip(self.owners, self.bm25.get_scores(tokens), strict=True):
            if score > best.get(owner, 0.0):
                best[owner] = float(score)
        ranked = sorted(best.items(), key=lambda item: -item[1])[:limit]
        return [Hit(entry_id, score, "") for entry_id, score in ranked]


def tune_thresholds(hits_for, entries, questions) -> tuple[float, float]:
    """Best (answer, margin) for a scorer on the tuning questions, by the calibration objective."""
    hits = {q.text: hits_for(q.text) for q in questions}
    top_scores = sorted(h[0].score for h in hits.values() if h)
    candidates = sorted(set(top_scores))
    margins = [m * (candidates[-1] / 100) for m in range(0, 31, 2)] if candidates else [0]

    def score(answer, margin):
        report = evaluate(
            questions,
            lambda t: verdict_for(
                hits[t], lambda i: entries[i].topic, NEAR, answer, margin, margin
            ),
        )
        return report.answer_accuracy + report.rejection_accuracy - 2 * report.wrong_answer_rate

    return max(itertools.product(candidates, margins), key=lambda am: score(*am))


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    cuts = statistics.quantiles(samples, n=100)
    return cuts[49] * 1000, cuts[94] * 1000


def time_queries(search, texts: list[str], repeat: int = 5) -> tuple[float, float]:
    """p50/p95 latency of `search` over the texts, repeated."""
    samples = []
    for text in texts * repeat:
        start = time.perf_counter()
        search(text)
        samples.append(time.perf_counter() - start)
    return percentiles(samples)


def synthetic_entries(real: dict[str, Entry], count: int, seed: int = 7) -> dict[str, Entry]:
    """A knowledge base of `count` entries built from the real vocabulary and made-up words."""
    rng = random.Random(seed)
    vocabulary = sorted({t for e in real.values() for q in e.questions for t in content_tokens(q)})
    made_up = [
        "".join(rng.choice("abcdefghijklmnoprstuvw") for _ in range(rng.randint(4, 10)))
        for _ in range(4000)
    ]
    words = vocabulary + made_up
    topics = sorted({e.topic for e in real.values()})
    entries = {}
    for number in range(count):
        phrasings = [" ".join(rng.choices(words, k=rng.randint(4, 10))) for _ in range(6)]
        entries[f"synthetic-{number}"] = Entry.model_construct(
            id=f"synthetic-{number}",
            topic=rng.choice(topics),
            title=phrasings[0],
            questions=phrasings,
            keywords=rng.choices(words, k=3),
            answer="Synthetic.",
            read_more=None,
            sources=[Source.model_construct(title="Synthetic", url=None)],
        )
    return entries


def cli_seconds(texts: list[str], count: int = 1000) -> float:
    """Wall time for the CLI to answer `count` questions read from standard input."""
    lines = "\n".join(itertools.islice(itertools.cycle(texts), count)) + "\n"
    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "knowledge", "search", "-", "--json"],
        input=lines,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    elapsed = time.perf_counter() - start
    assert len(completed.stdout.splitlines()) == count
    return elapsed


def row(name: str, report: Report, p50: float, p95: float) -> str:
    """One markdown table row."""
    return (
        f"| {name} | {report.top1_accuracy:.1%} | {report.answer_accuracy:.1%} | "
        f"{report.wrong_answer_rate:.1%} | {report.rejection_accuracy:.1%} | "
        f"{p50:.2f} | {p95:.2f} |"
    )


def supplier_lines() -> list[str]:
    """The questions suppliers typed, written blind (bench/supplier_questions.py), each asked
    of the council it was written for, with the full service (every council's entries)."""
    service = KnowledgeService.load()
    lines = [
        "Questions suppliers type, written blind by people who never saw the entries, each "
        "asked of its council (top-1: the best entry's topic is one the writer labelled; "
        "refused: out-of-scope questions given no answer):",
        "",
        "| set | top-1 topic | answered correctly | answered wrongly | refused out of scope |",
        "|---|---|---|---|---|",
    ]
    for split, parts in SETS.items():
        for name, part in parts:
            report = measure_service(service, supplier_questions(name, part))
            lines.append(
                f"| {name} ({split}) | {report.top1_accuracy:.1%} ({report.top1_correct}/"
                f"{report.answerable}) | {report.answer_accuracy:.1%} | {report.answered_wrong} | "
                f"{report.rejection_accuracy:.1%} ({report.correctly_refused}/"
                f"{report.unanswerable}) |"
            )
    return lines


def main() -> None:
    """Run every measurement and print (or write) the results table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", type=Path, help="write the markdown results to this file")
    args = parser.parse_args()

    entries = load_library().entries_by_council[DEFAULT_COUNCIL_ID]
    tune, heldout = load_questions(split="tune"), load_questions(split="heldout")
    calibration = load_calibration()
    started = time.perf_counter()
    ours = KnowledgeMatcher(entries, calibration)
    second_seconds = time.perf_counter() - started
    alone = KnowledgeMatcher(entries, calibration, second=NoSecondOpinion())
    bm25 = Bm25Baseline(entries)
    answer, margin = tune_thresholds(bm25.hits, entries, tune)

    def verdict(matcher: KnowledgeMatcher):
        def judge(text: str) -> Verdict:
            result = matcher.search(text)
            top = result.matches[0].entry.topic if result.matches else None
            return Verdict(result.answered, top)

        return judge

    texts = [q.text for q in heldout]
    ours_report = evaluate(heldout, verdict(ours))
    alone_report = evaluate(heldout, verdict(alone))
    bm25_report = evaluate(
        heldout,
        lambda t: verdict_for(
            bm25.hits(t), lambda i: entries[i].topic, NEAR, answer, margin, margin
        ),
    )
    ours_latency = time_queries(ours.search, texts)
    alone_latency = time_queries(alone.search, texts)
    bm25_latency = time_queries(bm25.hits, texts)

    big = synthetic_entries(entries, 5000)
    started = time.perf_counter()
    big_matcher = KnowledgeMatcher(big, calibration, second=NoSecondOpinion())
    build_seconds = time.perf_counter() - started
    big_latency = time_queries(big_matcher.search, texts, repeat=2)
    cli = cli_seconds(texts)

    lines = [
        f"Measured {datetime.date.today().isoformat()} on {platform.machine()}, "
        f"Python {platform.python_version()}, {len(entries)} entries, "
        f"{len(tune)} tuning and {len(heldout)} held-out questions "
        f"({bm25_report.answerable} answerable, "
        f"{bm25_report.unanswerable} that should get no answer).",
        "",
        "| matcher (held-out set) | top-1 topic | answered correctly | answered wrongly "
        '| correct "no answer" | p50 ms | p95 ms |',
        "|---|---|---|---|---|---|---|",
        row("ours (index + second opinion)", ours_report, *ours_latency),
        row("ours, the index alone (rapidfuzz + IDF coverage)", alone_report, *alone_latency),
        row("BM25 baseline (rank-bm25)", bm25_report, *bm25_latency),
        "",
        f"Building our matcher for one council takes {second_seconds:.1f} s, most of it "
        "training the second opinion (the service trains one for all councils).",
        "",
        f"Synthetic knowledge base of {len(big):,} entries ({len(big) * 6:,} phrasings), "
        f"the index alone: p50 {big_latency[0]:.2f} ms, p95 {big_latency[1]:.2f} ms per query "
        f"(index built in {build_seconds:.1f} s).",
        "",
        f"`python -m knowledge search - --json` with 1,000 questions on standard input: "
        f"{cli:.2f} s wall time, start-up included.",
        "",
        *supplier_lines(),
    ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        args.write.write_text(
            "# Knowledge matcher benchmark\n\n"
            "Produced by `.venv/bin/python -m bench.matcher_benchmark --write "
            f"{args.write}`.\n\n{text}\n"
        )


if __name__ == "__main__":
    main()
