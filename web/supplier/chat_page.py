"""What the chat page shows for a prompt: which GOV.UK control, with which parameters, the
quick replies and the progress through the stages. Kept out of the templates on purpose."""

from dataclasses import dataclass, field
from typing import Any

from assistant.flow import Stage
from assistant.turns import Prompt

ANSWER_ID = "text"
INPUTS: dict[str, dict[str, Any]] = {
    "number": {"inputmode": "numeric", "classes": "govuk-input--width-5", "spellcheck": False},
    "money": {
        "inputmode": "decimal",
        "classes": "govuk-input--width-10",
        "prefix": {"text": "£"},
        "spellcheck": False,
    },
    "timescale": {"classes": "govuk-input--width-20"},
    "postcode": {
        "classes": "govuk-input--width-10",
        "autocomplete": "postal-code",
        "spellcheck": False,
    },
}


@dataclass(frozen=True)
class Control:
    """A control partial (`templates/assistant/controls/_<kind>.html`) and its macro params."""

    kind: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StageProgress:
    """A stage in the progress list."""

    title: str
    status: str  # "done", "current" or "to do"


def control_for(prompt: Prompt) -> Control:
    """The form control for a prompt: radios, a text input or a textarea (none at the end)."""
    if prompt.type == "end":
        return Control("none")
    error = {"errorMessage": {"text": prompt.error}} if prompt.error else {}
    hint = _hint(prompt)
    if prompt.type == "choice":
        items = [
            {
                "value": option.value,
                "text": option.label,
                "checked": option.value == prompt.value,
                **({"hint": {"text": option.hint}} if option.hint else {}),
            }
            for option in prompt.options
        ]
        legend = {"text": prompt.text, "classes": "govuk-fieldset__legend--m"}
        params = {"name": ANSWER_ID, "idPrefix": ANSWER_ID, "fieldset": {"legend": legend}}
        return Control("radios", params | {"items": items} | hint | error)
    label = {"label": {"text": prompt.text, "classes": "govuk-label--m"}}
    base = {"name": ANSWER_ID, "id": ANSWER_ID, "value": prompt.value or ""} | label | hint
    if prompt.type == "text":
        return Control("textarea", base | {"rows": 3, "spellcheck": True} | error)
    return Control("input", base | INPUTS.get(prompt.type, {}) | error)


def _hint(prompt: Prompt) -> dict[str, Any]:
    parts = [prompt.hint or "", f"For example: {prompt.example}" if prompt.example else ""]
    text = " ".join(part for part in parts if part)
    return {"hint": {"text": text}} if text else {}


def quick_replies(prompt: Prompt, can_go_back: bool) -> list[dict[str, str]]:
    """Buttons for the answers offered (the measure's usual evidence) and the commands that
    make sense now."""
    replies = [{"label": answer, "value": answer} for answer in prompt.suggested]
    if can_go_back:
        replies.append({"label": "Go back", "value": "back"})
    if prompt.skippable:
        replies.append({"label": "Skip this question", "value": "skip"})
    replies.append({"label": "Help", "value": "help"})
    return replies


def progress(stages: list[Stage], current: str) -> list[StageProgress]:
    """Each stage, marked done, current or to do."""
    ids = [stage.id for stage in stages]
    here = ids.index(current) if current in ids else len(ids)
    return [
        StageProgress(s.title, "done" if i < here else "current" if i == here else "to do")
        for i, s in enumerate(stages)
    ]


def summary_row(row: Any) -> dict[str, Any]:
    """A summary row as GOV.UK summary-list params."""
    return {"key": {"text": row.label}, "value": {"text": row.value}}
