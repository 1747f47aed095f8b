"""Checks that a flow makes sense as a graph: targets exist, steps are reachable, paths end,
and every placeholder in a prompt has a source."""

import re
from collections import defaultdict

from assistant.flow import END, LOOP_PREFIX, Flow, Step

PLACEHOLDER = re.compile(r"\{([a-z_]+(?:\.[a-z_]+)?)\}")
# Filled from the council pack, anywhere in the flow.
COUNCIL_FIELDS = frozenset({"council.name", "council.names", "council.area"})
# Filled from the current theme, inside a theme loop.
THEME_FIELDS = frozenset(
    {
        "theme.title",
        "theme.description",
        "theme.example",
        "theme.number",
        "theme.count",
        "theme.offered",
    }
)
# Filled by a step's effects, for the steps after it.
EFFECT_FIELDS = {
    "proportionality": {"opportunity.guidance"},
    "suggest-measures": {"suggestion.title"},
    "choose-measure": {
        "commitment.measure_title",
        "commitment.unit_label",
        "commitment.evidence",
        "need.organisation",
        "need.title",
        "need.amount",
        "need.timescale",
    },
    "choose-unit": {"commitment.unit_label"},
    "local-check": {"organisation.local_text"},
}
PROBLEMS = frozenset(
    {
        "required",
        "invalid",
        "too_short",
        "too_long",
        "too_small",
        "too_big",
        "whole_number",
        "in_the_past",
        "too_far",
        "two_figures",
        "a_rate",
    }
)


def check_flow(flow: Flow) -> list[str]:
    """Every problem in the flow, each as 'steps.<id>: what is wrong' (empty if none)."""
    problems = _check_names(flow)
    if problems:
        return problems
    edges = _edges(flow)
    reachable = _reach(flow.start, edges)
    problems += [
        f"steps.{sid}: unreachable from the start ('{flow.start}')"
        for sid in flow.steps
        if sid not in reachable
    ]
    reverse = defaultdict(set)
    for source, targets in edges.items():
        for target in targets:
            reverse[target].add(source)
    ending = _reach(END, reverse)
    problems += [
        f"steps.{sid}: no path from here ever reaches the end"
        for sid in flow.steps
        if sid in reachable and sid not in ending
    ]
    for sid, step in flow.steps.items():
        sources = _sources_before(sid, flow, reverse)
        if step.loop:
            sources |= THEME_FIELDS
        for name in _placeholders(step):
            if name not in sources:
                problems.append(f"steps.{sid}: placeholder {{{name}}} has no source before it")
    return problems


def _check_names(flow: Flow) -> list[str]:
    problems = []
    stages = set(flow.stage_ids())
    known = set(flow.steps) | {END} | {LOOP_PREFIX + name for name in flow.loops}
    if flow.start not in flow.steps:
        problems.append(f"start: no step called '{flow.start}'")
    for name, loop in flow.loops.items():
        for field in ("start", "then", "again"):
            if getattr(loop, field) not in (*flow.steps, None if field == "again" else ""):
                problems.append(f"loops.{name}.{field}: no step called '{getattr(loop, field)}'")
    for sid, step in flow.steps.items():
        if step.stage not in stages:
            problems.append(f"steps.{sid}.stage: unknown stage '{step.stage}'")
        if step.loop and step.loop not in flow.loops:
            problems.append(f"steps.{sid}.loop: unknown loop '{step.loop}'")
        if step.yes_carries_to and step.yes_carries_to not in flow.steps:
            problems.append(f"steps.{sid}.yes_carries_to: no step called '{step.yes_carries_to}'")
        problems += [
            f"steps.{sid}.next: unknown target '{target}'"
            for target in step.targets()
            if target not in known
        ]
        problems += [
            f"steps.{sid}.errors.{key}: unknown problem (use one of {', '.join(sorted(PROBLEMS))})"
            for key in step.errors
            if key not in PROBLEMS
        ]
    return problems


def _edges(flow: Flow) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for sid, step in flow.steps.items():
        targets = set()
        for target in step.targets():
            if target.startswith(LOOP_PREFIX):
                loop = flow.loops[target.removeprefix(LOOP_PREFIX)]
                targets |= {loop.start, loop.then}
            else:
                targets.add(target)
        edges[sid] = targets
    for loop in flow.loops.values():
        # Entering a loop with no themes left goes straight on.
        edges.setdefault(loop.start, set()).add(loop.then)
    return edges


def _reach(origin: str, edges: dict[str, set[str]]) -> set[str]:
    seen, stack = {origin}, [origin]
    while stack:
        for target in edges.get(stack.pop(), ()):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def _sources_before(sid: str, flow: Flow, reverse: dict[str, set[str]]) -> set[str]:
    sources = set(COUNCIL_FIELDS)
    for ancestor in _reach(sid, reverse) - {sid}:
        step = flow.steps.get(ancestor)
        if step is None:
            continue
        if step.save:
            sources.add(step.save)
        for effect in step.effects:
            sources |= EFFECT_FIELDS.get(effect, set())
    return sources


def _placeholders(step: Step) -> list[str]:
    texts = [step.prompt, step.no_options_prompt or "", step.hint or "", step.example or ""]
    texts += [option.label for option in step.answer.options]
    return [name for text in texts for name in PLACEHOLDER.findall(text)]
