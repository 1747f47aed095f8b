"""What happens after certain answers: a local check, proportionality guidance, matching an idea
to the council's measures, and filing a finished commitment."""

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from assistant.prompts import display, money
from assistant.state import State, next_commitment_id
from assistant.turns import Context, Message
from knowledge.vocabulary import SMALL_SIZES, UNIT_LABELS, amount

GENERIC_EVIDENCE = "registers, payroll records, invoices, photos or feedback"
LONG_CONTRACT_MONTHS = 24
MAX_SUGGESTIONS = 3
MAX_NEEDS = 3
COMMITMENT_FIELDS = (
    "idea",
    "quantity",
    "unit",
    "timescale",
    "delivery",
    "beneficiaries",
    "partners",
    "evidence_plan",
    "classification",
    "need",
)

Effect = Callable[[Context, State, Any, dict], list[Message]]


def local_check(ctx: Context, state: State, postcode: Any, entry: dict) -> list[Message]:
    """Say whether the supplier's postcode is in the council's local area."""
    area = ctx.pack.local_area
    local = area.is_local(str(postcode))
    state.set_value("organisation.local", local, entry)
    if local:
        text = f"{postcode} is in {area.description}, so you count as a local organisation."
    else:
        text = (
            f"{postcode} is outside {area.description}. That is fine: you can still offer local "
            "social value, for example by recruiting local people or buying from local firms."
        )
    state.set_value("organisation.local_text", text, entry)
    return [Message("assistant", text)]


def business_kind(_ctx: Context, state: State, size: Any, entry: dict) -> list[Message]:
    """A business's kind follows its size ("Ltd, national FM provider" with 1,400 staff is a
    large business, not an SME): 250 staff or more is large, fewer is an SME."""
    if state.value("organisation.type") in ("sme", "large"):
        state.set_value("organisation.type", "large" if size == "large" else "sme", entry)
    return []


def proportionality(ctx: Context, state: State, _value: Any, entry: dict) -> list[Message]:
    """Guidance on how much to offer, from the contract's value, length and the supplier's size."""
    value = state.answers.get("opportunity.value")
    if not isinstance(value, int | float):
        return []
    band = ctx.pack.band_for(value)
    duration = display(state.answers.get("opportunity.duration")) or "its length"
    text = f"For a {money(value)} contract lasting {duration}: {band.guidance.strip()}"
    months = (state.answers.get("opportunity.duration") or {}).get("months")
    if months and months >= LONG_CONTRACT_MONTHS:
        text += " Over a contract this long, give yearly targets, not one total at the end."
    if state.answers.get("organisation.size") in SMALL_SIZES:
        text += (
            " As a small organisation, you are not expected to match a large firm. "
            "A few modest, specific promises that you will keep are best."
        )
    state.set_value("opportunity.guidance", text, entry)
    return [Message("assistant", text)]


def suggest_measures(ctx: Context, state: State, idea: Any, _entry: dict) -> list[Message]:
    """Match the idea to the council's measures, the current theme's first."""
    theme_id = _current_theme_id(ctx, state)
    found = ctx.suggest(str(idea))
    found.sort(key=lambda s: s.theme_id != theme_id)
    titles = {m.id: m for _, m in ctx.pack.measures}
    state.suggestions = [
        {"measure_id": s.measure_id, "theme_id": s.theme_id, "title": titles[s.measure_id].title}
        for s in found[:MAX_SUGGESTIONS]
        if s.measure_id in titles
    ]
    return []


def choose_measure(ctx: Context, state: State, measure_id: Any, _entry: dict) -> list[Message]:
    """Tie the commitment to the chosen measure, or keep the supplier's own words."""
    measures = {m.id: (t, m) for t, m in ctx.pack.measures}
    if measure_id in measures:
        theme, measure = measures[measure_id]
        state.draft |= {
            "measure_id": measure.id,
            "theme_id": theme.id,
            "measure_title": measure.title,
            "unit": measure.unit,
            "unit_label": UNIT_LABELS[measure.unit],
            "evidence": "; ".join(e.rstrip(".").lower() for e in measure.evidence[:3]),
            "need_options": [asdict(n) for n in ctx.needs if n.measure_id == measure.id][
                :MAX_NEEDS
            ],
        }
        here = _current_theme_id(ctx, state)
        if here and theme.id != here:  # said so, not filed elsewhere in silence
            text = f'That measure is part of the council\'s "{theme.title}" priority, so your '
            return [Message("assistant", text + "commitment will be listed there.")]
    elif measure_id == "own":
        state.draft |= {
            "measure_id": None,
            "theme_id": _current_theme_id(ctx, state),
            "measure_title": state.draft.get("idea", ""),
            "evidence": GENERIC_EVIDENCE,
        }
    return []


def choose_need(_ctx: Context, state: State, value: Any, _entry: dict) -> list[Message]:
    """Link the commitment to the local need chosen (or to none)."""
    needs = state.draft.get("need_options", [])
    options = {f"need-{n['id']}": n for n in needs} | ({"yes": needs[0]} if needs else {})
    need = options.get(str(value))
    state.draft["need"] = (
        {"id": need["id"], "organisation": need["organisation"], "title": need["title"]}
        if need
        else None
    )
    if not need:
        return []
    asked = amount(need["quantity"], need["unit"])
    text = f"Good: this commitment is pledged to {need['organisation']}, who asked for {asked}."
    return [Message("assistant", text)]


def choose_unit(_ctx: Context, state: State, unit: Any, _entry: dict) -> list[Message]:
    """Note the label of a unit chosen for a commitment in the supplier's own words."""
    state.draft["unit_label"] = UNIT_LABELS.get(str(unit), str(unit))
    return []


def finish_commitment(ctx: Context, state: State, _value: Any, _entry: dict) -> list[Message]:
    """File the finished commitment and clear the draft for the next one."""
    draft = state.draft
    commitment = {
        "id": draft.get("replacing") or next_commitment_id(state.commitments),
        "theme_id": draft.get("theme_id") or _current_theme_id(ctx, state),
        "measure_id": draft.get("measure_id"),
        "title": draft.get("measure_title") or draft.get("idea", ""),
    } | {name: draft.get(name) for name in COMMITMENT_FIELDS}
    if draft.get("replacing"):  # a changed commitment keeps its place in the offer
        state.commitments = [
            commitment if c["id"] == commitment["id"] else c for c in state.commitments
        ]
    else:
        state.commitments = [*state.commitments, commitment]
    state.draft = {}
    state.suggestions = []
    how_much = amount(commitment["quantity"], commitment["unit"])
    when = display(commitment["timescale"])
    saved = f"Saved: {commitment['title']}: {how_much}, {when}."
    theme = ctx.theme_at(state.theme_index)
    if theme is None or draft.get("replacing"):
        return [Message("assistant", saved), *_review(ctx, state, commitment)]
    state.filed_theme = {"index": state.theme_index, "title": theme.title}
    more = f'To add another commitment for {theme.title}, type "add another".'
    return [Message("assistant", f"{saved} {more}"), *_review(ctx, state, commitment)]


def _review(ctx: Context, state: State, commitment: dict) -> list[Message]:
    """Say, as it is filed, what is out of proportion or cannot be done in time, and how to
    change it; the conversation goes on either way."""
    warnings = ctx.review(state.answers, commitment)
    if not warnings:
        return []
    number = next(i for i, c in enumerate(state.commitments, 1) if c["id"] == commitment["id"])
    change = f'Do you want to change it? Type "change commitment {number}", or carry on.'
    return [Message("assistant", f"{' '.join(warnings)} {change}")]


def _current_theme_id(ctx: Context, state: State) -> str | None:
    theme = ctx.theme_at(state.theme_index)
    return theme.id if theme else None


EFFECTS: dict[str, Effect] = {
    "local-check": local_check,
    "business-kind": business_kind,
    "proportionality": proportionality,
    "suggest-measures": suggest_measures,
    "choose-measure": choose_measure,
    "choose-unit": choose_unit,
    "finish-commitment": finish_commitment,
    "choose-need": choose_need,
}
