"""The offers corpus for the checks (tests/data/check_offers): written by people asked to play
a council evaluator, who never saw the checks (`tuning/` to `tuning6/`, `heldout/`, and the
second held-out set `heldout2/` with its own expected_heldout2.yaml); each file run through
`python -m offer check`, and what it found compared with the faults the writer put in
(expected.yaml)."""

import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from offer.cli import main

CORPUS = Path(__file__).parent.parent / "data" / "check_offers"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
# Kinds a clean offer must never be flagged for, as a problem or as advice.
NEVER_ON_CLEAN = ("proportion", "feasibility", "vague")


@dataclass
class Result:
    """One offer: the faults the checks missed, and the flags a clean offer should not have."""

    file: str
    missed: list[dict] = field(default_factory=list)
    wrongly_flagged: list[dict] = field(default_factory=list)


def check(path: Path) -> list[dict]:
    """`python -m offer check FILE --json`, in this process: its checks."""
    out = io.StringIO()
    assert main(["check", str(path), "--json"], out=out) == 0
    return json.loads(out.getvalue())["checks"]


def flagged(found: list[dict], kind: str, commitment: str | None) -> bool:
    """A problem or advice of this kind about this commitment (any, for the whole offer)."""
    return any(
        c["kind"] == kind
        and c["level"] in ("problem", "advice")
        and (commitment is None or c["commitment_id"] == commitment)
        for c in found
    )


def judge(entry: dict) -> Result:
    """Run one offer of the corpus and compare."""
    found = check(CORPUS / entry["file"])
    result = Result(entry["file"])
    for fault in entry["faults"]:
        if not flagged(found, fault["kind"], fault.get("commitment")):
            result.missed.append(fault)
    if not entry["faults"]:
        result.wrongly_flagged = [
            c for c in found if c["kind"] in NEVER_ON_CLEAN and c["level"] != "ok"
        ]
    return result


def split(part: str) -> list[dict]:
    """The entries of one part of the corpus: "tuning" to "tuning6", or "heldout"."""
    return [e for e in EXPECTED if e["file"].startswith(f"{part}/")]
