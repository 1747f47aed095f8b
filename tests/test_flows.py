"""Flow files: every council's flow is sound, and a broken one names the file and the step."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from assistant.cli import flow_problems
from assistant.flow import DEFAULT_FLOW, load_flows
from knowledge.packs import COUNCILS_DIR
from tests.helpers.visible import PLACES

ROOT = Path(__file__).resolve().parents[1]


def test_check_command_passes_for_every_pack():
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: the default flow and 3 councils")


def break_default(tmp_path, change) -> list[str]:
    flow = yaml.safe_load(DEFAULT_FLOW.read_text())
    change(flow["steps"], flow)
    path = tmp_path / "default.yaml"
    path.write_text(yaml.safe_dump(flow, sort_keys=False))
    councils = tmp_path / "councils"
    councils.mkdir()
    return flow_problems(councils, path)


BREAKAGES = {
    "unknown target": (
        lambda steps, _: steps["org-name"].update(next="org-typo"),
        "steps.org-name.next: unknown target 'org-typo'",
    ),
    "unreachable step": (
        lambda steps, _: steps.update(orphan={**steps["org-name"], "next": "org-type"}),
        "steps.orphan: unreachable from the start",
    ),
    "path that never ends": (
        lambda steps, _: steps["value-evidence"].update(next="value-beneficiaries"),
        "steps.value-beneficiaries: no path from here ever reaches the end",
    ),
    "placeholder with no source": (
        lambda steps, _: steps["org-name"].update(prompt="Hello {organisation.name}"),
        "steps.org-name: placeholder {organisation.name} has no source before it",
    ),
    "theme placeholder outside the loop": (
        lambda steps, _: steps["org-type"].update(prompt="What about {theme.title}?"),
        "steps.org-type: placeholder {theme.title} has no source before it",
    ),
    "unknown stage": (
        lambda steps, _: steps["org-size"].update(stage="nowhere"),
        "steps.org-size.stage: unknown stage 'nowhere'",
    ),
    "unknown answer type": (
        lambda steps, _: steps["org-size"]["answer"].update(type="colour"),
        "steps.org-size.answer.type:",
    ),
    "unknown error key": (
        lambda steps, _: steps["org-name"]["errors"].update(wrong="x"),
        "steps.org-name.errors.wrong: unknown problem",
    ),
    "loop start missing": (
        lambda _, flow: flow["loops"]["themes"].update(start="gone"),
        "loops.themes.start: no step called 'gone'",
    ),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_a_broken_flow_names_the_file_and_the_step(tmp_path, name):
    change, expected = BREAKAGES[name]
    problems = break_default(tmp_path, change)
    assert problems, name
    assert all(p.startswith(str(tmp_path / "default.yaml")) for p in problems), problems
    assert any(expected in p for p in problems), problems
    assert all("\n" not in p for p in problems)


def council_with_override(tmp_path, override: str) -> list[str]:
    councils = tmp_path / "councils"
    shutil.copytree(COUNCILS_DIR / "suffolk", councils / "suffolk")
    (councils / "suffolk" / "flow.yaml").write_text(override)
    return flow_problems(councils)


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ("steps:\n  no-such-step: {prompt: Hi}\n", "steps.no-such-step: no such step"),
        ("skip: [org-size]\nsteps:\n  org-type: {next: nowhere}\n", "unknown target 'nowhere'"),
        ("add:\n  org-name: {prompt: again}\n", "add.org-name: a step with this id already exists"),
        ("skip: [theme-interest]\n", "skip: 'theme-interest' branches"),
        ("colours: red\n", "colours: unknown section"),
    ],
)
def test_a_broken_council_override_names_its_file(tmp_path, override, expected):
    problems = council_with_override(tmp_path, override)
    assert any(str(tmp_path / "councils" / "suffolk" / "flow.yaml") in p for p in problems)
    assert any(expected in p for p in problems), problems


def test_a_council_can_skip_a_step_and_the_flow_still_joins_up(tmp_path):
    assert council_with_override(tmp_path, "skip: [org-size, commitment-beneficiaries]\n") == []


def _shown_text(step) -> str:
    options = " ".join(f"{o.label} {o.hint or ''}" for o in step.answer.options)
    errors = " ".join(str(e) for e in step.errors.values()) if isinstance(step.errors, dict) else ""
    return " ".join(filter(None, [step.prompt, step.hint, step.example, options, errors]))


@pytest.mark.parametrize("council", sorted(PLACES))
def test_no_council_is_shown_another_councils_places(council):
    flow = load_flows(COUNCILS_DIR, [council])[council]
    others = [place for other, places in PLACES.items() if other != council for place in places]
    for step_id, step in flow.steps.items():
        text = _shown_text(step)
        found = [place for place in others if re.search(rf"\b{re.escape(place)}\b", text)]
        assert not found, (council, step_id, found)
