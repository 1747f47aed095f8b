"""The question flow as data: stages, steps, answer types, branches and the theme loop.

The default flow is `assistant/flows/default.yaml`. A council pack may adjust it with
`knowledge/councils/<id>/flow.yaml`: change a step's fields (wording, examples, limits),
add steps, or skip steps (a skipped step's arrows lead to where it would have gone).
"""

import re
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from knowledge.content import KEBAB, ContentError, Strict, read_yaml, validate

FLOWS_DIR = Path(__file__).parent / "flows"
DEFAULT_FLOW = FLOWS_DIR / "default.yaml"
END = "end"
LOOP_PREFIX = "loop:"

AnswerType = Literal[
    "choice", "yes-no", "number", "money", "timescale", "duration", "postcode", "text"
]
Effect = Literal[
    "local-check",
    "business-kind",
    "proportionality",
    "suggest-measures",
    "choose-measure",
    "choose-unit",
    "finish-commitment",
    "choose-need",
]


class Option(Strict):
    """One choice: the value stored and the label shown."""

    value: str = Field(min_length=1)
    label: str = Field(min_length=1)
    hint: str | None = None
    also: list[str] = Field(default_factory=list)  # other words people use for it
    # Patterns that say it in other words ("only happen cos of this contract"): where the
    # patterns of exactly one option match, that option is meant.
    means: list[str] = Field(default_factory=list)
    # Answers people have typed for it, in their own words: what a second reading learns from
    # (assistant/choice_model.py).
    examples: list[str] = Field(default_factory=list)

    @field_validator("means")
    @classmethod
    def _patterns_compile(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            re.compile(pattern)
        return patterns


class Answer(Strict):
    """What kind of answer a step expects, and its limits."""

    type: AnswerType
    options: list[Option] = Field(default_factory=list)
    options_from: Literal["suggestions", "needs"] | None = None
    min: float = 0
    max: float = 1_000_000_000
    min_length: int = Field(default=1, ge=0)
    max_length: int = Field(default=1000, ge=1, le=5000)

    @model_validator(mode="after")
    def _choices_have_options(self) -> "Answer":
        if self.type == "choice" and not (self.options or self.options_from):
            raise ValueError("a choice needs options or options_from")
        if self.min > self.max:
            raise ValueError("min must not be more than max")
        return self


class Branch(Strict):
    """Go to `goto` when the answer is one of `when` (a branch without `when` is the default)."""

    when: list[str | bool] | None = None
    goto: str


class Step(Strict):
    """One question of the conversation."""

    stage: str
    prompt: str = Field(min_length=3)
    why: str | None = None  # why the question is asked: what "help" says first
    topics: list[str] = Field(default_factory=list)  # knowledge topics questions here are about
    no_options_prompt: str | None = None
    hint: str | None = None
    example: str | None = None
    example_by_unit: dict[str, str] = Field(default_factory=dict)  # for the commitment's unit
    answer: Answer
    save: str | None = Field(default=None, pattern=r"^[a-z]+\.[a-z_]+$")
    errors: dict[str, str] = Field(default_factory=dict)
    next: str | list[Branch]
    skippable: bool = False
    skip_when_known: bool = False
    skip_without_options: bool = False  # options_from gave none: go straight on
    offers_another: bool = False  # right after a loop item is filed, offer another of it
    yes_carries_to: str | None = None  # words after a "yes" also answer this next step
    suggest_from: Literal["measure-evidence"] | None = None  # answers offered as quick replies
    loop: str | None = None
    effects: list[Effect] = Field(default_factory=list)

    def example_for(self, unit: str | None) -> str | None:
        """The example to show: the one for the commitment's unit, if the step has one."""
        return self.example_by_unit.get(unit or "") or self.example

    def targets(self) -> list[str]:
        """Every step (or `end`, or `loop:<name>`) this step can lead to."""
        if isinstance(self.next, str):
            return [self.next]
        return [branch.goto for branch in self.next]

    def default_target(self) -> str:
        """Where the step leads when no branch condition applies (also where `skip` goes)."""
        if isinstance(self.next, str):
            return self.next
        return next((b.goto for b in self.next if b.when is None), self.next[-1].goto)

    def target_for(self, value: Any) -> str:
        """Where the step leads after this answer."""
        if isinstance(self.next, str):
            return self.next
        for branch in self.next:
            if branch.when is None or value in branch.when:
                return branch.goto
        return self.default_target()


class Stage(Strict):
    """A part of the conversation, shown in the progress indicator."""

    id: str = Field(pattern=KEBAB)
    title: str = Field(min_length=3)


class Loop(Strict):
    """Steps repeated once per council theme: enter at `start`, leave to `then`."""

    over: Literal["themes"]
    start: str
    then: str
    again: str | None = None  # where another item of the same pass starts ("add another")


class Flow(Strict):
    """A whole conversation."""

    id: str = Field(pattern=KEBAB)
    start: str
    stages: list[Stage] = Field(min_length=1)
    loops: dict[str, Loop] = Field(default_factory=dict)
    steps: dict[str, Step] = Field(min_length=1)

    def stage_ids(self) -> list[str]:
        """The stage ids in conversation order."""
        return [stage.id for stage in self.stages]

    @cached_property
    def choice_labels(self) -> dict[str, dict[str, str]]:
        """For each answer a choice step saves (like "organisation.type"), its options' labels
        by value: what people chose, in the words they were shown (worked out once a flow)."""
        labels: dict[str, dict[str, str]] = {}
        for step in self.steps.values():
            if step.save and step.answer.options:
                found = labels.setdefault(step.save, {})
                found.update({option.value: option.label for option in step.answer.options})
        return labels

    def first_step_of(self, stage_id: str) -> str | None:
        """The first step (in file order) of a stage."""
        return next((sid for sid, step in self.steps.items() if step.stage == stage_id), None)


def load_flow(council_dir: Path | None = None, default: Path = DEFAULT_FLOW) -> Flow:
    """The default flow, adjusted by a council's `flow.yaml` when it has one; validated."""
    data = read_yaml(default)
    source = default
    override_path = council_dir / "flow.yaml" if council_dir else None
    if override_path and override_path.exists():
        data = apply_override(data, read_yaml(override_path), override_path)
        source = override_path
    return validate(Flow, data, source)


def apply_override(base: dict, override: Any, path: Path) -> dict:
    """Merge a council's adjustments (`steps`, `add`, `skip`) into the default flow's data."""
    if not isinstance(override, dict):
        raise ContentError(f"{path}: (top level): expected a mapping")
    unknown = set(override) - {"steps", "add", "skip"}
    if unknown:
        raise ContentError(f"{path}: {sorted(unknown)[0]}: unknown section")
    steps = _changed_and_added({sid: dict(s) for sid, s in base["steps"].items()}, override, path)
    redirect = {}
    for sid in override.get("skip") or []:
        if sid not in steps:
            raise ContentError(f"{path}: skip: no such step '{sid}'")
        if not isinstance(steps[sid].get("next"), str):
            raise ContentError(f"{path}: skip: '{sid}' branches, so it cannot be skipped")
        redirect[sid] = steps.pop(sid)["next"]
    return _redirect({**base, "steps": steps}, redirect)


def _changed_and_added(steps: dict, override: dict, path: Path) -> dict:
    for sid, changes in (override.get("steps") or {}).items():
        if sid not in steps:
            raise ContentError(f"{path}: steps.{sid}: no such step in the default flow")
        if not isinstance(changes, dict):
            raise ContentError(f"{path}: steps.{sid}: expected a mapping of fields to change")
        steps[sid] |= changes
    for sid, step in (override.get("add") or {}).items():
        if sid in steps:
            raise ContentError(f"{path}: add.{sid}: a step with this id already exists")
        steps[sid] = step
    return steps


def _redirect(flow: dict, redirect: dict[str, str]) -> dict:
    """Point every arrow to a skipped step at the step it would have led to."""

    def follow(target: str) -> str:
        seen = set()
        while target in redirect and target not in seen:
            seen.add(target)
            target = redirect[target]
        return target

    for step in flow["steps"].values():
        if isinstance(step.get("next"), str):
            step["next"] = follow(step["next"])
        elif isinstance(step.get("next"), list):
            step["next"] = [{**b, "goto": follow(str(b.get("goto")))} for b in step["next"]]
    loops = {
        name: {**loop, "start": follow(loop["start"]), "then": follow(loop["then"])}
        for name, loop in (flow.get("loops") or {}).items()
    }
    return {**flow, "start": follow(flow["start"]), "loops": loops}


def load_flows(councils_dir: Path, council_ids: list[str]) -> dict[str, Flow]:
    """Each council's flow: the default, with that council's adjustments."""
    return {cid: load_flow(councils_dir / cid) for cid in council_ids}


@cache
def _flows_once(councils_dir: Path, council_ids: tuple[str, ...]) -> dict[str, Flow]:
    return load_flows(councils_dir, list(council_ids))


def load_flows_once(councils_dir: Path, council_ids: list[str]) -> dict[str, Flow]:
    """`load_flows`, read and validated once per process: flow files do not change while it
    runs, so every app built in it shares the same (never changed) flows."""
    return dict(_flows_once(councils_dir, tuple(council_ids)))
