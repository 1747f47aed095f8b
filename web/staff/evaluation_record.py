"""The evaluation record of an opportunity, as staff file it: who the tender was, every offer
ranked with who the supplier is and its flags, every score with its comment, every consensus
with its reasons, and every commitment. As XLSX (a sheet per concern, real dates), CSV (the
header, then every score) and JSON."""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import Response
from sqlite_utils import Database

import clock
from knowledge.packs import CouncilPack
from knowledge.vocabulary import (
    CHECK_KINDS,
    CLASSIFICATIONS,
    ORGANISATION_TYPES_SHORT,
    SIZES,
    amount,
    plain_number,
)
from offer.files import slug
from offer.scoring import scores_only, weighted_score
from offer.submission import parse_closing
from permissions.roles import ROLE_LABELS
from store import evaluations as scoring
from store import panels
from store.opportunities import Opportunity
from store.submissions import Submission, current_submissions
from web.common import downloads
from web.staff.offer_review import checks_now, flag_text

MIME = {"csv": "text/csv", "xlsx": downloads.XLSX, "json": "application/json"}
LEVELS = {"problem": "Problem", "advice": "Advice"}


@dataclass(frozen=True)
class Scored:
    """One current offer with everything said about it."""

    submission: Submission
    evaluations: list[scoring.Evaluation]
    moderation: scoring.Evaluation | None
    weighted: float | None
    checks: list


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def header(opportunity: Opportunity, pack: CouncilPack, offers: int) -> list[tuple[str, Any]]:
    """The tender the record is of, and when it was made."""
    return [
        ("Council", pack.identity.name),
        ("Opportunity", opportunity.title),
        ("Reference", opportunity.reference or "None given"),
        ("Share code", opportunity.code),
        ("Kind of contract", (opportunity.contract_type or "Not given").capitalize()),
        ("Value (£)", plain_number(opportunity.value_gbp)),
        ("Length (months)", opportunity.duration_months),
        ("Social value weighting (%)", plain_number(opportunity.weighting_percent)),
        ("Closed", parse_closing(opportunity.closes_at)),
        (
            "Scoring opened",
            f"Before the closing date: {opportunity.early_scoring_reason}"
            if opportunity.early_scoring_reason
            else "When offers closed",
        ),
        ("Offers", offers),
        ("Record made", clock.now()),
    ]


def scored_offers(db: Database, opportunity: Opportunity, pack: CouncilPack) -> list[Scored]:
    """Every current offer, ranked by moderated weighted score (unmoderated last)."""
    found = []
    for submission in current_submissions(db, opportunity.code):
        moderation = scoring.moderation_for(db, submission.id)
        weighted = (
            weighted_score(
                scores_only(moderation.scores), pack.rubric, opportunity.weighting_percent or 0
            )
            if moderation
            else None
        )
        found.append(
            Scored(
                submission,
                scoring.evaluations_for(db, submission.id),
                moderation,
                weighted,
                checks_now(submission.offer, pack),
            )
        )
    return sorted(found, key=lambda s: (s.weighted is None, -(s.weighted or 0)))


def _supplier(offer: dict) -> dict[str, Any]:
    s = offer.get("supplier", {})
    local = s.get("local")
    return {
        "Supplier": s.get("name"),
        "Kind of organisation": ORGANISATION_TYPES_SHORT.get(s.get("type") or "", ""),
        "Size": f"{SIZES[s['size']]} staff" if s.get("size") in SIZES else "",
        "Local": {True: "Yes", False: "No"}.get(local, "Not known"),
    }


def ranking(offers: list[Scored], pack: CouncilPack) -> list[dict[str, Any]]:
    """A row per offer, best first."""
    maximum = pack.rubric.scale_max * len(pack.rubric.criteria)
    rows = []
    for rank, s in enumerate(offers, start=1):
        consensus = sum(scores_only(s.moderation.scores).values()) if s.moderation else None
        rows.append(
            {
                "Rank": rank if s.weighted is not None else "Not moderated",
                "Reference": s.submission.reference,
                "Version": s.submission.version,
                **_supplier(s.submission.offer),
                "Commitments": len(s.submission.offer.get("commitments", [])),
                "Flags": flag_text(s.checks) or "None",
                "Evaluators": len(s.evaluations),
                f"Consensus (out of {maximum})": consensus,
                "Weighted score": s.weighted,
                "Submitted": _when(s.submission.submitted_at),
            }
        )
    return rows


def score_rows(offers: list[Scored], pack: CouncilPack) -> list[dict[str, Any]]:
    """Every score given: each evaluator's with their comment, and the consensus with its
    reasons, criterion by criterion."""
    rows = []
    for s in offers:
        given = [(e, "Evaluator", "comment") for e in s.evaluations]
        if s.moderation:
            given.append((s.moderation, "Consensus", "reasons"))
        for scored, role, note in given:
            for criterion in pack.rubric.criteria:
                item = scored.scores.get(criterion.id)
                if item is None:
                    continue
                rows.append(
                    {
                        "Reference": s.submission.reference,
                        "Supplier": s.submission.offer.get("supplier", {}).get("name"),
                        "Scored by": scored.staff_name,
                        "Role": role,
                        "Criterion": criterion.title,
                        "Score": int(item["score"]),
                        "Out of": pack.rubric.scale_max,
                        "Comment or reasons": item.get(note, ""),
                        "Saved": _when(scored.at),
                        "Flags on the offer": flag_text(s.checks) or "None",
                    }
                )
    return rows


def commitment_rows(offers: list[Scored]) -> list[dict[str, Any]]:
    """Every commitment of every offer, with its flags and indicative value."""
    rows = []
    for s in offers:
        for c in s.submission.offer.get("commitments", []):
            proxy = c.get("proxy") or {}
            rows.append(
                {
                    "Reference": s.submission.reference,
                    "Supplier": s.submission.offer.get("supplier", {}).get("name"),
                    "Theme": c.get("theme_title"),
                    "Commitment": c.get("title"),
                    "How much": amount(c.get("quantity"), c.get("unit")),
                    "By when": c.get("timescale"),
                    "Yearly targets": "; ".join(c.get("milestones") or []),
                    "Who benefits": c.get("beneficiaries"),
                    "Evidence": c.get("evidence"),
                    "Extra or not": CLASSIFICATIONS.get(c.get("classification") or "", ""),
                    "Indicative value (£)": proxy.get("value_gbp"),
                    "Flags": flag_text([k for k in s.checks if k.commitment_id == c.get("id")]),
                }
            )
    return rows


def flag_rows(offers: list[Scored]) -> list[dict[str, Any]]:
    """Every flag the checks raise, with what it says."""
    titles = {
        (s.submission.reference, c.get("id")): c.get("title")
        for s in offers
        for c in s.submission.offer.get("commitments", [])
    }
    return [
        {
            "Reference": s.submission.reference,
            "Supplier": s.submission.offer.get("supplier", {}).get("name"),
            "Level": LEVELS[k.level],
            "Kind": CHECK_KINDS[k.kind],
            "About": titles.get((s.submission.reference, k.commitment_id), "The whole offer"),
            "What the check says": k.message,
        }
        for s in offers
        for k in s.checks
        if k.level != "ok"
    ]


def panel_rows(db: Database, opportunity: Opportunity) -> list[dict[str, Any]]:
    """The evaluation panel: who sat on it and what each declared."""

    def declared(member: panels.PanelMember) -> str:
        if member.declared_at is None:
            return "Not declared"
        return (
            f"Conflict of interest: {member.conflict_detail}"
            if member.conflict
            else ("No conflict of interest")
        )

    return [
        {
            "Name": m.name,
            "Role": ROLE_LABELS.get(m.role, m.role),
            "Added to the panel": _when(m.added_at),
            "Declared": _when(m.declared_at),
            "Declaration": declared(m),
        }
        for m in panels.panel_for(db, opportunity.code)
    ]


def file_name(opportunity: Opportunity, kind: str) -> str:
    """Named after the tender: "th-hc-2027-evaluation-record-2026-12-06.xlsx"."""
    name = slug(opportunity.reference or opportunity.title) or opportunity.code.lower()
    return f"{name}-evaluation-record-{clock.today().isoformat()}.{kind}"


def export_response(db: Database, opportunity: Opportunity, pack: CouncilPack, kind: str):
    """The record as a download."""
    offers = scored_offers(db, opportunity, pack)
    top = header(opportunity, pack, len(offers))
    if kind == "csv":
        body = downloads.csv_text(score_rows(offers, pack), header=top)
    elif kind == "xlsx":
        body = downloads.xlsx_bytes(
            {
                "Summary": ranking(offers, pack),
                "Scores": score_rows(offers, pack),
                "Commitments": commitment_rows(offers),
                "Flags": flag_rows(offers),
                "Panel": panel_rows(db, opportunity),
            },
            headers={"Summary": top},
        )
    else:
        record = _json(opportunity, pack, offers, top) | {"panel": panel_rows(db, opportunity)}
        body = json.dumps(record, indent=2, ensure_ascii=False, default=_iso)
    name = file_name(opportunity, kind)
    return Response(
        body,
        mimetype=MIME[kind],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _iso(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _json(opportunity, pack, offers: list[Scored], top) -> dict[str, Any]:
    return {
        "opportunity": dict(top),
        "criteria": [
            {"id": c.id, "title": c.title, "out_of": pack.rubric.scale_max}
            for c in pack.rubric.criteria
        ],
        "offers": [
            s.submission.offer
            | {
                "reference": s.submission.reference,
                "version": s.submission.version,
                "rank": rank if s.weighted is not None else None,
                "weighted_score": s.weighted,
                "checks": [c.model_dump(mode="json") for c in s.checks],
                "evaluations": [
                    {"scored_by": e.staff_name, "saved": e.at, "scores": e.scores}
                    for e in s.evaluations
                ],
                "consensus": {
                    "moderated_by": s.moderation.staff_name,
                    "saved": s.moderation.at,
                    "scores": s.moderation.scores,
                }
                if s.moderation
                else None,
            }
            for rank, s in enumerate(offers, start=1)
        ],
    }
