"""Benchmark grouping the unanswered-questions log: 1,000 to 5,000 questions.

Run: .venv/bin/python -m bench.grouping_benchmark [--write docs/grouping-benchmark.md]

The questions are the test corpora's supplier questions (real-looking typing, many topics),
each asked again with slips a busy person makes (a dropped letter, two words swapped, a word
left out), so there are many near-duplicates and many different questions, as in service. The
target: 5,000 questions grouped in under a second.
"""

import argparse
import platform
import random
import statistics
import time
from pathlib import Path

import yaml

from bench.http_client import publish
from knowledge.grouping import group_questions

DATA = Path(__file__).parent.parent / "tests" / "data"
SIZES = (1_000, 2_000, 5_000)
TARGET_MS = 1_000
RUNS = 5


def corpus() -> list[str]:
    """Every supplier question in the test corpora, once."""
    found: list[str] = []
    for path in sorted(DATA.glob("*questions*.yaml")):
        _collect(yaml.safe_load(path.read_text()), found)
    return list(dict.fromkeys(q for q in found if 3 <= len(q) <= 300))


def _collect(data, found: list[str]) -> None:
    """Every string of three words or more, anywhere in the file (questions, not labels)."""
    if isinstance(data, str):
        if len(data.split()) >= 3:
            found.append(data)
    elif isinstance(data, dict):
        for value in data.values():
            _collect(value, found)
    elif isinstance(data, list):
        for item in data:
            _collect(item, found)


def slip(text: str, rng: random.Random) -> str:
    """The question as someone else types it."""
    words = text.split()
    kind = rng.randrange(4)
    if kind == 0 and words:
        i = rng.randrange(len(words))
        if len(words[i]) > 4:
            j = rng.randrange(1, len(words[i]) - 1)
            words[i] = words[i][:j] + words[i][j + 1 :]
    elif kind == 1 and len(words) > 2:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    elif kind == 2 and len(words) > 3:
        words.pop(rng.randrange(len(words)))
    return " ".join(words).lower()


def questions(count: int, base: list[str], rng: random.Random) -> list[tuple[int, str, int]]:
    """`count` questions: the corpus, then slips of it, each asked 1 to 5 times."""
    texts = list(base[:count])
    while len(texts) < count:
        texts.append(slip(rng.choice(base), rng))
    return [(i, text, rng.randint(1, 5)) for i, text in enumerate(texts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="also write the Markdown result here")
    args = parser.parse_args()
    base = corpus()
    rng = random.Random(2026)
    lines = [
        "# Grouping unanswered questions: benchmark",
        "",
        f"`python -m bench.grouping_benchmark` on {platform.machine()}, Python "
        f"{platform.python_version()}: {len(base)} distinct corpus questions, topped up with "
        f"typed slips of them; {RUNS} runs each. Target: 5,000 grouped in under {TARGET_MS} ms.",
        "",
        "| Questions | Groups | Median ms | Slowest ms |",
        "|---:|---:|---:|---:|",
    ]
    for size in SIZES:
        items = questions(size, base, rng)
        times, groups = [], []
        for _ in range(RUNS):
            started = time.perf_counter()
            groups = group_questions(items)
            times.append((time.perf_counter() - started) * 1000)
        lines.append(
            f"| {size:,} | {len(groups):,} | {statistics.median(times):.0f} | {max(times):.0f} |"
        )
    publish(lines, args.write)


if __name__ == "__main__":
    main()
