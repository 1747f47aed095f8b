"""What the assistant says back that is not the next question: the step's own message for an
answer it could not read, and an answer from the knowledge base to a question typed at any
point (or that it cannot answer, or that it is outside social value)."""

import re

from assistant.flow import Step
from assistant.help import opportunity_facts, outside_reply
from assistant.parsed import Parsed
from assistant.state import State
from assistant.turns import Context, Message


def report_problem(step: Step, parsed: Parsed, state: State, out: list[Message]) -> None:
    """Say what was wrong with the answer, with the step's example and what was read."""
    state.error = problem_text(step, parsed)
    said = step.example_for(state.draft.get("unit"))
    shown = said and "{" not in said and said not in state.error
    example = f" For example: {said}" if shown else ""
    unit = state.draft.get("unit_label") if step.loop else None
    read = (
        f'I read "{parsed.understood}", but I need {_needed(step, unit)}. '
        if (parsed.understood)
        else ""
    )
    out.append(Message("assistant", read + state.error + "." + example, "problem"))


def _needed(step: Step, unit: str | None) -> str:
    """What a number step needs, in words: "the total in weeks", "an amount in pounds"."""
    if step.answer.type == "money":
        return "an amount in pounds"
    return f"the total in {unit}" if unit else "a number"


def problem_text(step: Step, parsed: Parsed) -> str:
    """The step's message for what was wrong with the answer."""
    problem = parsed.problem or "invalid"
    return step.errors.get(problem) or step.errors.get("invalid") or "Check your answer"


def reply_to_question(
    ctx: Context,
    text: str,
    out: list[Message],
    events: list,
    must: bool,
    topics=(),
    state: State | None = None,
) -> bool:
    """Answer from the knowledge base; when not confident, say so only if `must`. `topics`
    are those of the question the supplier was on, which an answer may come from sooner."""
    result = ctx.search(text, topics=tuple(topics))
    for asked in _questions_in(text) if not result.answered else ():
        # "does the apprentice have to live in suffolk? the lad we have in mind is from
        # manningtree": the question alone, when the whole finds no answer
        if (found := ctx.search(asked, topics=tuple(topics))).answered:
            result = found
            break
    if result.answered:
        entry = result.matches[0].entry
        link = {"id": entry.id, "title": entry.title}
        facts = opportunity_facts(state.answers if state else {}, entry.topic)
        out.append(Message("assistant", f"{facts}{entry.shown_answer}", "answer", link))
        events.append({"type": "answered", "question": text, "entry": entry.id})
        out.append(Message("assistant", "Now, back to where we were."))
        return True
    if not must:
        return False
    if result.outside:
        out.append(Message("assistant", outside_reply(result.outside)))
        events.append({"type": "outside", "question": text})
        return True
    reply = "I do not have a good answer to that, so I have passed your question to the council."
    links = tuple({"id": m.entry.id, "title": m.entry.title} for m in result.matches[:3])
    if links:
        reply += " These help pages might help:"
    out.append(Message("assistant", reply, links=links))
    events.append({"type": "unanswered", "question": text})
    return True


def _questions_in(text: str) -> list[str]:
    """Each sentence that asks, where the text says more than one thing, longest first."""
    asked = [q.strip() for q in re.findall(r"[^?.!]*\?", text) if len(q.split()) >= 4]
    return sorted(asked, key=len, reverse=True) if asked and asked != [text.strip()] else []
