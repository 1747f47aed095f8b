"""The conversation engine: (state, what the supplier typed) -> (new state, replies, prompt).

Pure: no Flask, no SQL, no clock (the date comes in the context). It never raises on any
input, and always returns a prompt.
"""

import re
import unicodedata
from typing import Any

from assistant.choices import parse_choice
from assistant.commands import Command, parse_command
from assistant.effects import EFFECTS
from assistant.flow import END, LOOP_PREFIX, Step
from assistant.help import explain
from assistant.parsed import Parsed
from assistant.parsing import parse_answer
from assistant.prompts import ANOTHER, choices, current_prompt
from assistant.questions import answer_after_question, is_question, looks_like_question
from assistant.replies import reply_to_question, report_problem
from assistant.state import State
from assistant.turns import Context, Message, Turn
from assistant.yes_no import parse_yes_no

MAX_INPUT = 5000
TOO_LONG = f"Your message is too long: keep it under {MAX_INPUT:,} characters."
# A whole offer takes about 50 messages; a conversation ten times that long is a script.
MAX_TURNS = 500
TOO_MANY_TURNS = (
    f"This conversation has reached its limit of {MAX_TURNS} messages, so we did not save that "
    "one. Everything before it is saved: check your offer and change it there, or start a new "
    "conversation."
)
USE_THAT = 'If that was your answer rather than a question, type "use that".'


def start(ctx: Context, prefill: dict[str, Any] | None = None) -> Turn:
    """A new conversation, with any facts already known (for example the opportunity's)."""
    state = State(step=None, answers=dict(prefill or {}), prefill=dict(prefill or {}))
    out: list[Message] = []
    _go(ctx, state, ctx.flow.start, out)
    return _turn(ctx, state, out, [])


def respond(ctx: Context, state: State, text: str, asking: bool = False) -> Turn:
    """Take one message from the supplier and move the conversation on. With `asking` (typed
    in the page's question box, or sent as the API's "question"), it is a question or a
    command, never an answer: it is answered and the same question asked again."""
    state = state.copy()
    state.turns += 1
    state.error = None
    held, state.held = state.held, None
    text = _tidy(text)
    out: list[Message] = []
    events: list[dict[str, str]] = []
    if len(text) > MAX_INPUT:
        state.error = TOO_LONG
        out.append(Message("assistant", state.error, "problem"))
    elif state.confirming_restart:
        state = _confirm_restart(ctx, state, text, out)
    elif (command := parse_command(text, ctx.flow)) and command.name == "use-that":
        _use_held(ctx, state, held, out)
    elif command and command.name == "add-another":
        _add_another(ctx, state, out)
    elif command and command.commitment:
        _one_commitment(ctx, state, command, out)
    elif command:
        _command(ctx, state, command, out)
    elif asking:
        step = ctx.flow.steps.get(state.step or "")
        reply_to_question(
            ctx, text, out, events, must=True, topics=step.topics if step else (), state=state
        )
    elif state.confirming and _confirmed(ctx, state, text, out):
        pass
    else:
        _answer_or_question(ctx, state, text, out, events, held)
    return _turn(ctx, state, out, events)


CHANGING_COMMITMENT = "commitment"
# Where changing one commitment starts: its idea and measure stay, the rest is asked again
# with the answers filled in.
CHANGE_FROM = "commitment-quantity"


def _one_commitment(ctx: Context, state: State, command: Command, out: list[Message]) -> None:
    """Change or remove one commitment, found by its id or its number in the offer."""
    found = _find_commitment(state, command.commitment or "")
    if found is None:
        out.append(Message("assistant", "I could not find that commitment in your offer."))
        return
    entry = state.remember()
    entry["commitment_list"] = [dict(c) for c in state.commitments]
    if command.name == "remove-commitment":
        state.commitments = [c for c in state.commitments if c["id"] != found["id"]]
        text = f'Removed "{found["title"]}" from your offer. Type "back" to put it back.'
        out.append(Message("assistant", text))
        return
    themes = [theme.id for theme in ctx.loop_themes]
    state.return_to, state.changing = state.step or END, CHANGING_COMMITMENT
    state.theme_index = themes.index(found["theme_id"]) if found["theme_id"] in themes else 0
    state.draft, state.suggestions = {}, []
    if found.get("measure_id"):
        EFFECTS["choose-measure"](ctx, state, found["measure_id"], entry)
    state.draft |= {k: v for k, v in found.items() if k not in ("id", "theme_id", "title")}
    state.draft |= {"replacing": found["id"], "measure_title": found["title"]}
    state.draft["theme_id"] = found["theme_id"]
    text = f'OK, let\'s change "{found["title"]}". Your answers are filled in: keep or change each.'
    out.append(Message("assistant", text))
    state.step = CHANGE_FROM if state.draft.get("unit") else "commitment-unit"


def _find_commitment(state: State, said: str) -> dict | None:
    if said.isdigit():
        number = int(said)
        return state.commitments[number - 1] if 0 < number <= len(state.commitments) else None
    return next((c for c in state.commitments if c["id"] == said), None)


def _add_another(ctx: Context, state: State, out: list[Message]) -> None:
    """Back to the theme a commitment was just filed under, for another commitment."""
    filed = state.filed_theme
    loop = next((lp for lp in ctx.flow.loops.values() if lp.again), None)
    if not filed or loop is None or loop.again is None:
        out.append(Message("assistant", "There is no commitment to add another to just now."))
        return
    entry = state.remember()
    state.theme_index, state.draft, state.suggestions = filed["index"], {}, []
    out.append(Message("assistant", f"OK, another commitment for {filed['title']}."))
    _go(ctx, state, loop.again, out, entry)


# The "yes" (whatever word it was: "yep", "ar", "aye") and a "we could" after it.
_YES_THEN = re.compile(r"^\W*\w+[\s,.!:;—–-]+(?:(?:we|i) (?:could|can|would)\b[\s,.-]*)?")
# After "yes": a reason or an agreement ("because we have it planned", "definitely, we'd
# love to", "that's right"), not the idea.
_NOT_AN_IDEA = re.compile(
    r"\W*(?:because|as|since|so|that|that's|thats|this|it|it's|its|would|will|definitely|"
    r"certainly|absolutely|of course|sure|indeed|well|happy|glad|keen|love|we'd|i'd|can|could|"
    r"do|right|correct|sounds|agreed|for sure|i think|we think|please|thanks|yes)\b"
    r"|\W*(?:we|i)\W*\w*\s+(?:do|manage)\s+(?:that|it|this|something)\b",  # "we con do that"
    re.I,
)


def _carry(ctx: Context, state: State, text: str, out: list[Message], events: list) -> None:
    """What followed the "yes" ("yes, we could take on 2 apprentices") answers the next step."""
    said = _YES_THEN.match(text)
    rest = text[said.end() :] if said else ""
    if len(rest.split()) < 4 or _NOT_AN_IDEA.match(rest) or looks_like_question(rest, True):
        return
    _answer_or_question(ctx, state, rest, out, events)


def _use_held(ctx: Context, state: State, held: dict | None, out: list[Message]) -> None:
    """Save, as the answer, what they typed at this step that read as a question."""
    if not held or held.get("step") != state.step or state.step is None or held["value"] is None:
        out.append(Message("assistant", "There is nothing to use yet: type your answer."))
        return
    _apply(ctx, state, ctx.flow.steps[state.step], held["value"], out)


def _confirmed(ctx: Context, state: State, text: str, out: list[Message]) -> bool:
    """A yes or no to a worked-out total, or to the option read in their own words; anything
    else is a fresh answer to the question."""
    pending, state.confirming = state.confirming or {}, None
    said = parse_yes_no(text)
    changed = re.search(r"\b(?:but|make it|instead|rather)\b", text.lower())
    if not said.ok or not state.step or changed:  # "yes but make it 3": a fresh answer
        return False
    if said.value:
        _apply(ctx, state, ctx.flow.steps[state.step], pending["value"], out)
    else:
        choice = ctx.flow.steps[state.step].answer.type == "choice"
        again = (
            "Choose the one that fits best."
            if choice
            else "Give me the total over the contract instead."
        )
        out.append(Message("assistant", f"OK. {again}"))
    return True


def _turn(ctx: Context, state: State, out: list[Message], events: list) -> Turn:
    prompt = current_prompt(ctx, state)
    return Turn(state, [*out, Message("assistant", prompt.text, "prompt")], prompt, events)


def _tidy(text: Any) -> str:
    """Text without control characters or stray surrounding space; punctuation said aloud to
    voice typing ("… between those options question mark") written as it is meant."""
    text = text if isinstance(text, str) else ""
    kept = "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")
    return _SPOKEN_QUESTION_MARK.sub("?", kept.strip())


_SPOKEN_QUESTION_MARK = re.compile(r"\s*\bquestion mark\b\W*$", re.IGNORECASE)


def _answer_or_question(
    ctx: Context, state: State, text: str, out: list[Message], events: list, held=None
) -> None:
    if state.step is None:
        if looks_like_question(text, free_text=False):
            reply_to_question(ctx, text, out, events, must=True, state=state)
        elif not reply_to_question(ctx, text, out, events, must=False, state=state):
            out.append(Message("assistant", "Your offer is finished and saved."))
        return
    step = ctx.flow.steps[state.step]
    free_text = step.answer.type == "text"
    if free_text and (answer := answer_after_question(text)):
        text = answer  # "Do you mean day to day? We run the community room...": the answer
    parsed = parse_answer(ctx, step, state, text)
    # The same words again, straight after they were taken as a question, are an answer.
    repeated = held is not None and held.get("step") == state.step and held.get("text") == text
    if is_question(ctx, step, state, text, parsed) and not repeated:
        _question_not_answer(ctx, state, step, text, parsed, out, events)
    elif not parsed.ok:
        # An answer that does not read is met with this step's own error, never a help article.
        report_problem(step, parsed, state, out)
    elif parsed.value == ANOTHER and step.offers_another:
        _add_another(ctx, state, out)
    elif parsed.confirm:
        state.confirming = {"value": parsed.value, "text": parsed.confirm}
    else:
        _apply(ctx, state, step, parsed.value, out)
        if step.yes_carries_to and parsed.value == "yes" and state.step == step.yes_carries_to:
            _carry(ctx, state, text, out, events)


def _question_not_answer(
    ctx: Context, state: State, step: Step, text: str, parsed: Parsed, out: list, events: list
) -> None:
    """Answer it, never save it, and ask the step again. At a free-text step they can say it
    was their answer ("use that"); elsewhere, what the step needs is said too."""
    reply_to_question(ctx, text, out, events, must=True, topics=step.topics, state=state)
    state.held = {"step": state.step, "text": text, "value": parsed.value}
    if step.answer.type == "text" and parsed.ok:
        out.append(Message("assistant", USE_THAT))
    elif "?" not in text:  # it may have been meant as an answer
        report_problem(step, parsed, state, out)


def _apply(ctx: Context, state: State, step: Step, value: Any, out: list[Message]) -> None:
    entry = state.remember()
    if step.save:
        state.set_value(step.save, value, entry)
    for effect in step.effects:
        out += EFFECTS[effect](ctx, state, value, entry)
    _go(ctx, state, step.target_for(value), out, entry)


def _go(
    ctx: Context, state: State, target: str, out: list[Message] | None = None, entry=None
) -> None:
    """Move to `target`, following loops, steps already answered by the opportunity (their
    effects still happen), and the return from a 'change'."""
    flow, themes = ctx.flow, ctx.loop_themes
    out = [] if out is None else out
    entry = {"answers": {}} if entry is None else entry
    for _ in range(len(flow.steps) + len(themes) + 5):
        if target == END:
            state.step, state.return_to, state.changing = None, None, None
            return
        leaving = (
            _stage_of_target(ctx, target) != state.changing
            if state.changing != CHANGING_COMMITMENT
            else target.startswith(LOOP_PREFIX)  # the changed commitment is filed
        )
        if state.changing and state.return_to and leaving:
            back_to, state.return_to, state.changing = state.return_to, None, None
            state.step = None if back_to == END else back_to
            return
        if target.startswith(LOOP_PREFIX):
            loop = flow.loops[target.removeprefix(LOOP_PREFIX)]
            state.theme_index += 1
            if state.theme_index < len(themes):
                target = loop.start
            else:
                state.theme_index, target = -1, loop.then
            continue
        step = flow.steps[target]
        if step.skip_without_options and not choices(step, state):
            target = step.default_target()
            continue
        if step.skip_when_known and step.save in state.prefill:
            for effect in step.effects:
                out += EFFECTS[effect](ctx, state, state.value(step.save), entry)
            target = step.default_target()
            continue
        state.step = target
        return
    state.step = None


def _command(ctx: Context, state: State, command: Command, out: list[Message]) -> None:
    if command.name == "help":
        out.append(Message("assistant", explain(ctx, state)))
    elif command.name == "back":
        undone = state.undo()
        text = "OK, let's go back." if undone else "There is nothing to go back to yet."
        out.append(Message("assistant", text))
    elif command.name == "skip":
        _skip(ctx, state, out)
    elif command.name == "start-again":
        state.confirming_restart = True
    else:
        _change(ctx, state, command.stage, out)


def _skip(ctx: Context, state: State, out: list[Message]) -> None:
    step = ctx.flow.steps[state.step] if state.step else None
    if step is None or not step.skippable:
        out.append(Message("assistant", "This question cannot be skipped: the offer needs it."))
        return
    entry = state.remember()
    out.append(Message("assistant", "Skipped."))
    _go(ctx, state, step.default_target(), out, entry)


def _change(ctx: Context, state: State, stage: str | None, out: list[Message]) -> None:
    stages = ctx.flow.stage_ids()
    names = ", ".join(s.title for s in ctx.flow.stages[:-1])
    if stage is None:
        out.append(Message("assistant", f"Which part would you like to change? {names}."))
        return
    here = stages.index(_stage_of(ctx, state))
    if stages.index(stage) > here:
        out.append(Message("assistant", "We have not reached that part yet."))
        return
    asked = [s for s in ctx.flow.steps.values() if s.stage == stage and not s.loop]
    if asked and all(s.skip_when_known and s.save in state.prefill for s in asked):
        text = "Those details come from the council's tender, so they cannot be changed here."
        out.append(Message("assistant", text))
        return
    entry = state.remember()
    if stages.index(stage) < here:
        state.changing, state.return_to = stage, state.step or END
    loops = ctx.flow.loops.items()
    loop = next((name for name, lp in loops if ctx.flow.steps[lp.start].stage == stage), None)
    text = "OK. Your answers so far are kept; change what you need."
    if state.draft:
        state.draft, state.suggestions = {}, []
        text += ' I set aside the commitment you were writing ("back" brings it back).'
    out.append(Message("assistant", text))
    if loop:
        state.theme_index = -1
        _go(ctx, state, LOOP_PREFIX + loop, out, entry)
    else:
        _go(ctx, state, ctx.flow.first_step_of(stage) or END, out, entry)


def _stage_of_target(ctx: Context, target: str) -> str:
    if target.startswith(LOOP_PREFIX):
        target = ctx.flow.loops[target.removeprefix(LOOP_PREFIX)].start
    return ctx.flow.steps[target].stage


def _stage_of(ctx: Context, state: State) -> str:
    return ctx.flow.steps[state.step].stage if state.step else ctx.flow.stages[-1].id


def _confirm_restart(ctx: Context, state: State, text: str, out: list[Message]) -> State:
    options = [(c.value, c.label) for c in current_prompt(ctx, state).options]
    if parse_choice(text, options).value == "yes" or parse_yes_no(text).value is True:
        fresh = start(ctx, state.prefill).state
        fresh.turns = state.turns
        out.append(Message("assistant", "OK, starting again."))
        return fresh
    state.confirming_restart = False
    out.append(Message("assistant", "OK, carrying on where we were."))
    return state
