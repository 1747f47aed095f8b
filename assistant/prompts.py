"""Turning the current step into the prompt the supplier sees, with placeholders filled in."""

import re
from typing import Any

from assistant.flow import Step
from assistant.flow_check import PLACEHOLDER
from assistant.state import State
from assistant.turns import Choice, Context, Prompt
from knowledge.vocabulary import amount, possessive

DONE_TEXT = (
    'Your offer is saved. You can still ask a question, type "back", '
    'or type "change" and a section, like "change about you".'
)
RESTART_TEXT = "Start again from the beginning? Everything you have told me will be cleared."
ANOTHER = "another"  # the option, and the command, to add another commitment to a theme
CONFIRM_AMOUNT = "confirm-amount"  # not a step of the flow: checking a worked-out total
OWN_WORDS = Choice("own", "None of these: keep my own words")
RETRY = Choice("retry", "Let me describe it another way")
NO_NEED = Choice("no", "No, keep it as my own commitment")


def display(value: Any) -> str:
    """A saved answer as text: money with £ and commas, timescales as typed."""
    if isinstance(value, dict):
        return str(value.get("text", ""))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return "" if value is None else str(value)


def money(value: Any) -> str:
    """An amount in pounds, like £40,000."""
    return f"£{display(value)}" if isinstance(value, int | float) else display(value)


def fill(text: str, ctx: Context, state: State) -> str:
    """Replace {placeholders} with the council's details, the theme and earlier answers."""
    values = _values(ctx, state)
    filled = PLACEHOLDER.sub(lambda m: values.get(m.group(1)) or "", text)
    return re.sub(r" {2,}", " ", filled).strip()


def _values(ctx: Context, state: State) -> dict[str, str]:
    values = {
        "council.name": ctx.pack.identity.name,
        "council.names": possessive(ctx.pack.identity.name),
        "council.area": ctx.pack.local_area.description,
    }
    values |= {path: display(value) for path, value in state.answers.items()}
    values["opportunity.value"] = money(state.answers.get("opportunity.value"))
    values |= {f"commitment.{name}": display(value) for name, value in state.draft.items()}
    theme = ctx.theme_at(state.theme_index)
    if theme:
        offered = [c["title"] for c in state.commitments if c.get("theme_id") == theme.id]
        values |= {
            "theme.title": theme.title,
            "theme.description": theme.description.strip(),
            "theme.example": theme.measures[0].examples[0] if theme.measures else "",
            "theme.number": str(state.theme_index + 1),
            "theme.count": str(len(ctx.loop_themes)),
            "theme.offered": f"You have already offered: {'; '.join(offered)}." if offered else "",
        }
    if state.suggestions:
        values["suggestion.title"] = state.suggestions[0]["title"]
    if needs := state.draft.get("need_options"):
        values["need.organisation"] = needs[0]["organisation"]
        values["need.title"] = needs[0]["title"]
        values["need.amount"] = amount(needs[0]["quantity"], needs[0]["unit"])
        values["need.timescale"] = needs[0]["timescale"]
    return values


def choices(step: Step, state: State) -> tuple[Choice, ...]:
    """The options of a choice step: fixed ones, or the measures suggested for an idea."""
    if step.answer.options_from == "suggestions":
        suggested = tuple(Choice(s["measure_id"], s["title"]) for s in state.suggestions)
        return (*suggested, OWN_WORDS, RETRY)
    if step.answer.options_from == "needs":  # "yes" is the need the question names
        needs = state.draft.get("need_options", [])
        return (
            (
                *(
                    Choice("yes" if i == 0 else f"need-{n['id']}", _pledge_label(i, n))
                    for i, n in enumerate(needs)
                ),
                NO_NEED,
            )
            if needs
            else ()
        )
    fixed = tuple(
        Choice(o.value, o.label, o.hint, tuple(o.also), tuple(o.means), tuple(o.examples))
        for o in step.answer.options
    )
    if step.offers_another and state.filed_theme:
        title = state.filed_theme["title"]
        return (*fixed, Choice(ANOTHER, f"Add another for {title}", None, ("add another",)))
    return fixed


def _pledge_label(index: int, need: dict) -> str:
    name = f"{need['organisation']}: {need['title']}"
    return f"Yes, pledge to {name}" if index == 0 else f"Pledge to {name} instead"


def as_said(prompt: Prompt, text: str, state: State | None = None) -> str:
    """What the supplier said, as they saw it: the label of the option they chose (a radio
    button posts its value, like "social-enterprise"), the button they pressed for one
    commitment ("Remove Apprenticeships for local residents"), else their own words."""
    chosen = next((option for option in prompt.options if option.value == text.strip()), None)
    if chosen:
        return chosen.label
    pressed = re.fullmatch(r"(change|remove) commitment (c\d+)", text.strip())
    if pressed and state:
        found = next((c for c in state.commitments if c["id"] == pressed.group(2)), None)
        if found:
            return f"{pressed.group(1).capitalize()} {found['title']}"
    return text


def current_prompt(ctx: Context, state: State) -> Prompt:
    """The prompt for where the conversation is now."""
    if state.confirming_restart:
        options = (Choice("yes", "Yes, start again"), Choice("no", "No, carry on"))
        return Prompt("start-again", _stage(ctx, state), RESTART_TEXT, "choice", options)
    if state.step is None:
        return Prompt(None, ctx.flow.stages[-1].id, DONE_TEXT, "end")
    if state.confirming:
        options = (Choice("yes", "Yes, that's right"), Choice("no", "No, let me change it"))
        text = f"{state.confirming['text']} Is that right?"
        return Prompt(CONFIRM_AMOUNT, _stage(ctx, state), text, "choice", options)
    step = ctx.flow.steps[state.step]
    text = step.prompt
    if step.answer.options_from and not state.suggestions and step.no_options_prompt:
        text = step.no_options_prompt
    kind = step.answer.type
    example = step.example_for(state.draft.get("unit"))
    return Prompt(
        state.step,
        step.stage,
        fill(text, ctx, state),
        kind,
        choices(step, state) if kind == "choice" else (),
        fill(step.hint, ctx, state) if step.hint else None,
        fill(example, ctx, state)
        if (example := step.example_for(state.draft.get("unit")))
        else None,
        state.error,
        step.skippable,
        _current_value(step, state),
        _theme_id(ctx, state) if step.loop else None,
        _suggested(ctx, step, state),
    )


def _suggested(ctx: Context, step: Step, state: State) -> tuple[str, ...]:
    """Answers to offer with one tap: the evidence the commitment's measure usually takes."""
    if step.suggest_from != "measure-evidence":
        return ()
    measure_id = state.draft.get("measure_id")
    measure = next((m for _, m in ctx.pack.measures if m.id == measure_id), None)
    return tuple(e.strip().rstrip(".") for e in measure.evidence[:3]) if measure else ()


def _theme_id(ctx: Context, state: State) -> str | None:
    theme = ctx.theme_at(state.theme_index)
    return theme.id if theme else None


def _current_value(step: Step, state: State) -> str | None:
    if not step.save:
        return None
    value = state.value(step.save)
    if value is None:
        value = state.undone.get(step.save)  # just taken back: shown, to keep or change
    if value is None:
        return None
    return value if isinstance(value, str) else display(value)


def _stage(ctx: Context, state: State) -> str:
    if state.step is None:
        return ctx.flow.stages[-1].id
    return ctx.flow.steps[state.step].stage
