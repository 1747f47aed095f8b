"""What the staff pages show about submitted offers: the offers table, the checks and flags,
who the supplier is, and scores from forms (the exports: evaluation_record.py)."""

from typing import Any

from pydantic import ValidationError
from sqlite_utils import Database

from knowledge.packs import CouncilPack, Rubric
from knowledge.vocabulary import (
    CHECK_KINDS,
    ORGANISATION_TYPES,
    ORGANISATION_TYPES_SHORT,
    SIZES,
    amount,
)
from offer.build import recheck
from offer.checks import worst
from offer.model import Check, Offer
from offer.scoring import scores_only, weighted_score
from permissions.scores import may_see_others_scores
from store import evaluations as scoring
from store.opportunities import Opportunity
from store.submissions import current_submissions

SORTS = {
    "submitted": lambda row: row["submitted_at"],
    "supplier": lambda row: row["supplier"].lower(),
    "commitments": lambda row: -row["commitments"],
    "flags": lambda row: -row["flags"],
    "score": lambda row: -(row["weighted"] if row["weighted"] is not None else -1),
}


def _status(evaluations: int, moderated: bool) -> str:
    if moderated:
        return "Moderated"
    if evaluations:
        return f"Scored by {evaluations}"
    return "Not scored"


def may_see_scores(db: Database, submission_id: int, staff) -> bool:
    """Whether this member of staff may see other people's scores for this offer."""
    evaluations = scoring.evaluations_for(db, submission_id)
    return may_see_others_scores(staff.role, any(e.staff_id == staff.id for e in evaluations))


def supplier_rows(offer: Offer) -> list[dict[str, Any]]:
    """Who the supplier is, as an evaluator needs it: kind, size and whether it is local."""
    s = offer.supplier
    local = {True: "Yes", False: "No"}.get(s.local, "Not known")
    if s.postcode:
        local += f" ({s.postcode})"

    def row(key: str, value: str | None) -> dict[str, Any]:
        return {"key": {"text": key}, "value": {"text": value or "Not given"}}

    return [
        row("Kind of organisation", ORGANISATION_TYPES.get(s.type or "", "")),
        row("Size", f"{SIZES[s.size]} staff" if s.size in SIZES else None),
        row("Local", local),
    ]


def checks_now(offer: dict, pack: CouncilPack) -> list[Check]:
    """The checks on a submitted offer, recomputed with the council's pack as it is now: the
    same checks the supplier saw, so an offer sent before a check existed is judged too."""
    try:
        return recheck(Offer.model_validate(offer), pack)
    except ValidationError:  # Saved by an older version: its own checks, as they were.
        return [Check.model_validate(k) for k in offer.get("checks", [])]


def flag_tags(checks: list[Check]) -> list[dict[str, str]]:
    """Each kind of fault found, worst level first: [{"kind": "Out of proportion",
    "level": "problem"}, ...]."""
    # Themes not covered is advice for the supplier ("you do not need every theme"), not a
    # fault an evaluator weighs: it stays on the review page, off the lists.
    found = worst([c for c in checks if not (c.kind == "coverage" and c.level == "advice")])
    order = sorted(
        found, key=lambda kind: (found[kind] != "problem", list(CHECK_KINDS).index(kind))
    )
    return [{"kind": CHECK_KINDS[kind], "level": found[kind]} for kind in order]


def flag_text(checks: list[Check]) -> str:
    """The flags in one cell: "Out of proportion (problem); Vague (advice)"."""
    return "; ".join(f"{tag['kind']} ({tag['level']})" for tag in flag_tags(checks))


def offer_rows(
    db: Database, opportunity: Opportunity, pack: CouncilPack, viewer=None
) -> list[dict[str, Any]]:
    """One row per current offer: who, what, flags, proxy total, evaluation status and score."""
    rows = []
    for submission in current_submissions(db, opportunity.code):
        offer = submission.offer
        moderation = scoring.moderation_for(db, submission.id)
        if viewer is not None and not may_see_scores(db, submission.id, viewer):
            moderation = None  # Not even the consensus until they have scored it themselves.
        evaluations = scoring.evaluations_for(db, submission.id)
        checks = checks_now(offer, pack)
        by_theme: dict[str, int] = {}
        for commitment in offer["commitments"]:
            title = commitment.get("theme_title") or "Other"
            by_theme[title] = by_theme.get(title, 0) + 1
        rows.append(
            {
                "reference": submission.reference,
                "supplier": offer["supplier"]["name"],
                "type": offer["supplier"].get("type") or "",
                "type_label": ORGANISATION_TYPES_SHORT.get(offer["supplier"].get("type") or "", ""),
                "commitments": len(offer["commitments"]),
                "by_theme": by_theme,
                "flags": sum(1 for k in checks if k.level != "ok"),
                "flag_tags": flag_tags(checks),
                "flag_text": flag_text(checks),
                "proxy": offer["totals"].get("proxy_total_gbp"),
                "valued": sum(1 for c in offer["commitments"] if c.get("proxy")),
                "status": _status(len(evaluations), moderation is not None),
                "weighted": weighted_score(
                    scores_only(moderation.scores), pack.rubric, opportunity.weighting_percent or 0
                )
                if moderation
                else None,
                "submitted_at": submission.submitted_at,
            }
        )
    return rows


def sorted_and_filtered(rows: list[dict], args) -> list[dict]:
    """The rows sorted by ?sort= and filtered by ?status= and ?type=."""
    status, kind = args.get("status", ""), args.get("type", "")
    chosen = [
        row
        for row in rows
        if (not status or row["status"].lower().startswith(status.lower()))
        and (not kind or row["type"] == kind)
    ]
    return sorted(chosen, key=SORTS.get(args.get("sort", "submitted"), SORTS["submitted"]))


def scores_from(form, rubric: Rubric, note: str) -> dict[str, dict[str, Any]]:
    """{criterion: {"score", note}} from a rubric form."""
    return {
        c.id: {
            "score": int(getattr(form, f"{c.id}_score").data),
            note: getattr(form, f"{c.id}_note").data,
        }
        for c in rubric.criteria
    }


def fill(form, scores: dict[str, dict[str, Any]], note: str) -> None:
    """Put saved scores back into a rubric form."""
    for criterion, item in scores.items():
        if hasattr(form, f"{criterion}_score"):
            getattr(form, f"{criterion}_score").data = str(item["score"])
            getattr(form, f"{criterion}_note").data = item.get(note, "")


def score_rows(scores: dict[str, dict[str, Any]], criteria, note: str) -> list[dict[str, Any]]:
    """Saved scores as GOV.UK summary-list rows, one per criterion."""
    return [
        {
            "key": {"text": c.title},
            "value": {"text": f"{scores[c.id]['score']}: {scores[c.id].get(note, '')}"},
        }
        for c in criteria
        if c.id in scores
    ]


def comparison(
    db: Database, opportunity: Opportunity, pack: CouncilPack, viewer
) -> list[dict[str, Any]]:
    """Every current offer side by side: themes, key quantities, flags, and the scores this
    member of staff may see (None when hidden)."""
    rows = {row["reference"]: row for row in offer_rows(db, opportunity, pack, viewer)}
    columns = []
    for submission in current_submissions(db, opportunity.code):
        commitments = submission.offer["commitments"]
        visible = may_see_scores(db, submission.id, viewer)
        moderation = scoring.moderation_for(db, submission.id) if visible else None
        columns.append(
            rows[submission.reference]
            | {
                "quantities": [
                    f"{c['title']}: {amount(c.get('quantity'), c.get('unit'))}" for c in commitments
                ],
                "evaluator_totals": [
                    (e.staff_name, sum(scores_only(e.scores).values()))
                    for e in scoring.evaluations_for(db, submission.id)
                ]
                if visible
                else None,
                "consensus_total": sum(scores_only(moderation.scores).values())
                if moderation
                else None,
            }
        )
    return columns
