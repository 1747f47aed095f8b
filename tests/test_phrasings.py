"""Answers as people type them, judged by a corpus written by someone who had not read the
parsers or the flows (tests/data/phrasings.yaml, see phrasings.md): each answer type reads
every accepted phrasing as its writer meant it, and accepts none of the rejected ones.

The corpus is split: the tuning part was used while the parsers were written, the held-out
part only to measure them, so its figure says how well they read phrasings nobody tuned for.
"""

from datetime import date
from pathlib import Path

import pytest
import yaml

from assistant.amounts import parse_number, parse_timescale
from assistant.choices import parse_choice
from assistant.durations import parse_duration
from assistant.flow import DEFAULT_FLOW, load_flow
from assistant.yes_no import parse_yes_no

CORPUS = yaml.safe_load((Path(__file__).parent / "data" / "phrasings.yaml").read_text())
TODAY = date(2026, 12, 5)  # the day the corpus was written: its dates count from it
FLOW = load_flow(default=DEFAULT_FLOW)
# The worst the held-out part may do: it measures, so a few misses are allowed, not tuned away.
HELD_OUT_FLOOR = 0.9


def _options(step: str, value_from_label: bool = False):
    options = FLOW.steps[step].answer.options
    return [(o.value, o.label, tuple(o.also)) for o in options]


def _read(kind: str, item: dict):
    """What the product takes from a phrasing, in the corpus's terms (None: not accepted)."""
    say = str(item["say"]) if isinstance(item, dict) else str(item)
    if kind.startswith("choice_") or kind in ("count_band", "yes_no"):
        step = {
            "choice_org_kind": "org-type",
            "choice_classification": "commitment-classification",
            "choice_contract_kind": "contract-type",
            "count_band": "org-size",
            "yes_no": "theme-interest",
        }[kind]
        options = _options(step)
        parsed = parse_choice(say, options)
        if not parsed.ok:
            parsed = parse_yes_no(say) if kind == "yes_no" else parsed
            return parsed.value if parsed.ok else None
        if kind == "count_band":
            return dict((value, label) for value, label, _ in options)[parsed.value]
        if kind == "yes_no":
            return parsed.value == "yes"
        return parsed.value
    if kind in ("number", "money", "percentage"):
        unit = {"money": "gbp", "percentage": "percent"}.get(kind) or (
            item.get("unit") if isinstance(item, dict) else None
        )
        unit = {"tonnes": "tonnes-co2e"}.get(unit, unit)
        words = frozenset({unit, (unit or "").rstrip("s")} - {None, ""})
        parsed = parse_number(say, 0, 1e12, whole=False, unit=unit, unit_words=words)
        return parsed.value if parsed.ok else None
    parsed = parse_duration(say) if kind == "duration" else parse_timescale(say, TODAY)
    return parsed.value if parsed.ok else None


def _months(means: dict) -> float | None:
    if "months" in means:
        return float(means["months"])
    if "by" in means:
        return (date.fromisoformat(str(means["by"])) - TODAY).days / 30.4375
    return None


def _as_meant(kind: str, item: dict, read) -> bool:
    means = item["means"]
    if read is None:
        return False
    if kind in ("timescale", "duration"):
        if means.get("whole_contract"):
            return read["months"] is None
        if means.get("from_start"):
            return read["text"] == "from the start of the contract"
        if "every" in means:
            return read["text"] == f"every {means['every']}"
        return read["months"] is not None and abs(read["months"] - _months(means)) <= 0.6
    if kind in ("number", "money", "percentage"):
        return abs(float(read) - float(means)) <= 0.5
    return read == means


def _items(part: str):
    for kind, sets in CORPUS.items():
        for item in sets[part]:
            yield pytest.param(kind, item, id=f"{kind}-{item['say']}")


def _rejects(part: str):
    for kind, sets in CORPUS.items():
        for say in sets["reject"][part]:
            yield pytest.param(kind, say, id=f"{kind}-{say}")


@pytest.mark.parametrize(("kind", "item"), list(_items("tuning")))
def test_a_tuning_phrasing_is_read_as_meant(kind, item):
    read = _read(kind, item)
    assert _as_meant(kind, item, read), f"{item['say']!r} read as {read!r}"


@pytest.mark.parametrize(("kind", "say"), list(_rejects("tuning")))
def test_a_tuning_non_answer_is_not_accepted(kind, say):
    assert _read(kind, {"say": say}) is None


def test_the_held_out_phrasings_are_read_as_meant_and_non_answers_refused():
    read = [(kind, item, _read(kind, item)) for kind in CORPUS for item in CORPUS[kind]["held_out"]]
    wrong = [(kind, item["say"], got) for kind, item, got in read if not _as_meant(kind, item, got)]
    refused = [(kind, say) for kind in CORPUS for say in CORPUS[kind]["reject"]["held_out"]]
    taken = [(kind, say) for kind, say in refused if _read(kind, {"say": say}) is not None]
    assert 1 - len(wrong) / len(read) >= HELD_OUT_FLOOR, wrong
    assert 1 - len(taken) / len(refused) >= HELD_OUT_FLOOR, taken


def test_each_answer_type_has_thirty_phrasings_and_non_answers():
    for kind, sets in CORPUS.items():
        assert len(sets["tuning"]) + len(sets["held_out"]) >= 30, kind
        assert len(sets["reject"]["tuning"]) + len(sets["reject"]["held_out"]) >= 12, kind
