"""Changes made on the offer pages, applied to the conversation's answers and commitments."""

import copy
from datetime import date
from typing import Any

from assistant.amounts import parse_timescale
from assistant.state import next_commitment_id
from knowledge.packs import CouncilPack

ORGANISATION_FIELDS = ("name", "type", "size", "activity")


def timescale_value(text: str, today: date) -> dict[str, Any] | None:
    """A typed timescale as stored ({"text", "months"}), or None if it cannot be read."""
    parsed = parse_timescale(text, today)
    return parsed.value if parsed.ok else None


def save_commitment(
    commitments: list[dict],
    commitment_id: str | None,
    data: dict[str, Any],
    pack: CouncilPack,
    today: date,
) -> tuple[list[dict], str]:
    """The commitments with one added (id None) or changed; and that commitment's id."""
    result = copy.deepcopy(commitments)
    measures = {m.id: t for t, m in pack.measures}
    existing = next((c for c in result if c["id"] == commitment_id), None)
    if existing is None:
        existing = {"id": next_commitment_id(result), "theme_id": None, "idea": None}
        result.append(existing)
    measure_id = data.get("measure") or None
    if measure_id in measures:
        existing["theme_id"] = measures[measure_id].id
    elif data.get("theme") in {t.id for t in pack.themes}:
        existing["theme_id"] = data["theme"]
    existing |= {
        "measure_id": measure_id if measure_id in measures else None,
        "title": data["title"],
        "quantity": float(data["quantity"]),
        "unit": data["unit"],
        "timescale": timescale_value(data["timescale"], today)
        or {"text": data["timescale"], "months": None},
        "delivery": data["delivery"],
        "beneficiaries": data["beneficiaries"],
        "partners": data.get("partners") or None,
        "evidence_plan": data["evidence"],
        "classification": data["classification"],
        "milestones": [
            line.strip() for line in (data.get("milestones") or "").splitlines() if line.strip()
        ],
    }
    if existing["quantity"] == int(existing["quantity"]):
        existing["quantity"] = int(existing["quantity"])
    return result, existing["id"]


def remove_commitment(commitments: list[dict], commitment_id: str) -> list[dict]:
    """The commitments without one."""
    return [copy.deepcopy(c) for c in commitments if c["id"] != commitment_id]


def save_organisation(answers: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """The answers with the organisation's details changed."""
    return {**answers, **{f"organisation.{name}": data[name] for name in ORGANISATION_FIELDS}}


def commitment_form_data(commitment: dict[str, Any]) -> dict[str, Any]:
    """A stored commitment as the edit form's fields."""
    timescale = commitment.get("timescale") or {}
    return {
        "measure": commitment.get("measure_id") or "",
        "theme": commitment.get("theme_id") or "",
        "title": commitment.get("title"),
        "quantity": commitment.get("quantity"),
        "unit": commitment.get("unit"),
        "timescale": timescale.get("text") if isinstance(timescale, dict) else timescale,
        "delivery": commitment.get("delivery"),
        "beneficiaries": commitment.get("beneficiaries"),
        "partners": commitment.get("partners"),
        "evidence": commitment.get("evidence_plan"),
        "milestones": "\n".join(commitment.get("milestones") or []),
        "classification": commitment.get("classification"),
    }


def organisation_form_data(answers: dict[str, Any]) -> dict[str, Any]:
    """The organisation's details as the edit form's fields."""
    return {name: answers.get(f"organisation.{name}") for name in ORGANISATION_FIELDS}
