"""Checks on an offer, each of one kind and explained in plain English next to what it is
about: the same checks for the supplier (as each commitment is finished, and on the offer
pages), for evaluators (offers list, review, comparison, exports) and `python -m offer check`.
What a commitment says: offer/vagueness.py; how big it is: offer/sizing.py."""

import re
from math import ceil

from knowledge.check_rules import CheckRules, load_check_rules
from knowledge.packs import CouncilPack
from knowledge.vocabulary import SMALL_SIZES
from offer.duplicates import duplicate_checks
from offer.evidence import evidence_checks
from offer.fit import fit_checks, said_in
from offer.model import Check, Commitment, Narrative, Opportunity, Supplier
from offer.pace import pace_checks
from offer.sizing import feasibility_checks, offer_size_checks, proportion_checks
from offer.vagueness import vague_checks


def _money(value: float) -> str:
    return f"£{value:,.0f}"


def already_the_law(commitment: Commitment, rules: CheckRules, size: str | None) -> str | None:
    """Why a commitment's own words promise only what the law requires of an organisation of
    this size, if they do."""
    said = said_in(commitment)
    bound = [m for m in rules.legal_minimums if m.sizes is None or size in m.sizes]
    beyond = [m for m in bound if not (m.unless and re.search(m.unless, said))]
    return next((m.why for m in beyond if re.search(m.pattern, said)), None)


def commitment_checks(
    commitment: Commitment,
    pack: CouncilPack,
    opportunity: Opportunity | None = None,
    supplier: Supplier | None = None,
) -> list[Check]:
    """Every check on one commitment: vague, evidence, proportion, feasibility, additionality."""
    rules = load_check_rules()
    opportunity = opportunity or Opportunity(word_limit=500)
    supplier = supplier or Supplier(name="Your organisation")
    measure = pack.measure(commitment.measure_id)
    found = vague_checks(commitment, rules) + evidence_checks(commitment, measure, rules)
    found += proportion_checks(commitment, measure, opportunity, supplier, pack.checks)
    found += feasibility_checks(commitment, opportunity, supplier, pack.checks, rules)
    places = pack.local_area.places
    found += pace_checks(commitment, opportunity, supplier, pack.checks, places, rules)
    found += fit_checks(commitment, measure, rules, opportunity, places)
    required = measure.already_required if measure else None
    required = required or already_the_law(commitment, rules, supplier.size)
    if required:
        found.append(
            Check(
                id="already-required",
                kind="additionality",
                level="advice",
                commitment_id=commitment.id,
                message=f"{required.rstrip('.')}. Offer something beyond it instead, or keep it "
                "as a minor point.",
            )
        )
    if commitment.classification == "core":
        found.append(
            Check(
                id="core-delivery",
                kind="additionality",
                level="advice",
                commitment_id=commitment.id,
                message="This is part of the service itself. Councils usually score what you add "
                "on top of the contract higher.",
            )
        )
    return found


def proportionality_check(
    commitments: list[Commitment], opportunity: Opportunity, supplier: Supplier, pack: CouncilPack
) -> Check | None:
    """Is the number of commitments in proportion to the contract and the organisation? Far
    more than the pack's band is out of proportion; one or two more is noted; too few is a
    gap in coverage."""
    if opportunity.value_gbp is None:
        return None
    band = pack.band_for(opportunity.value_gbp)
    low, high = band.min_commitments, band.max_commitments
    contract = f"a {_money(opportunity.value_gbp)} contract"
    if opportunity.duration:
        contract += f" lasting {opportunity.duration}"
    expect = f"{low}" if low == high else f"{low} to {high}"
    modest = " modest," if supplier.size in SMALL_SIZES else ""
    count = len(commitments)
    message = (
        f"For {contract}, councils usually expect {expect}{modest} specific commitments. "
        f"You have {count}."
    )
    allowed = high + max(1, ceil(high * pack.checks.extra_commitments_share))
    kind, level = "proportion", "ok"
    if count > allowed:
        level = "advice"
        message += " Offer fewer and make sure you can deliver each one."
    elif count > high:
        message += " Make sure you can deliver each one."
    elif count < low:
        kind, level = "coverage", "advice"
        message += " Think about adding one where you can deliver something real."
    return Check(id="proportionality", kind=kind, level=level, message=message)


def coverage_check(commitments: list[Commitment], pack: CouncilPack) -> Check:
    """Which of the council's themes the offer covers."""
    covered = {c.theme_id for c in commitments}
    missing = [t.title for t in pack.themes if t.id not in covered]
    if not missing:
        return Check(
            id="coverage",
            kind="coverage",
            level="ok",
            message="Your offer covers every council theme.",
        )
    return Check(
        id="coverage",
        kind="coverage",
        level="advice" if covered else "problem",
        message=f"Not covered: {', '.join(missing)}. You do not need every theme; cover the ones "
        "that fit your work.",
    )


def narrative_checks(narrative: Narrative) -> list[Check]:
    """An edited response must still fit the word limit, and match the commitments."""
    found = []
    if narrative.words > narrative.word_limit:
        message = (
            f"Your written response has {narrative.words:,} words; this tender allows "
            f"{narrative.word_limit:,}. Shorten it, or use the text written from your commitments."
        )
        found.append(
            Check(id="narrative-too-long", kind="response", level="problem", message=message)
        )
    if narrative.stale:
        message = (
            "You have changed your offer since you edited the written response, so it may no "
            "longer match your commitments. Check it, or use the text written from your "
            "commitments."
        )
        found.append(
            Check(id="narrative-out-of-date", kind="response", level="problem", message=message)
        )
    return found


def business_as_usual_check(commitments: list[Commitment], pack: CouncilPack) -> Check | None:
    """Most commitments part of the service itself or done anyway across the organisation."""
    usual = [c for c in commitments if c.classification in ("core", "organisation-wide")]
    if len(usual) / len(commitments) <= pack.checks.business_as_usual_share:
        return None
    every = len(usual) == len(commitments)
    count = "Every commitment" if every else f"{len(usual)} of your {len(commitments)} commitments"
    return Check(
        id="business-as-usual",
        kind="additionality",
        level="problem" if every else "advice",
        message=f"{count} {'is' if every else 'are'} part of the service itself or something you "
        "do anyway. Councils score what this contract adds: make at least half your "
        "commitments extra, for this contract, and say what is new.",
    )


def offer_checks(
    commitments: list[Commitment], opportunity: Opportunity, supplier: Supplier, pack: CouncilPack
) -> list[Check]:
    """Every check on the offer, the offer-wide ones first."""
    if not commitments:
        return [
            Check(
                id="no-commitments",
                kind="coverage",
                level="problem",
                message="There are no commitments yet. Add at least one specific commitment.",
            )
        ]
    found = [coverage_check(commitments, pack)]
    for check in (
        proportionality_check(commitments, opportunity, supplier, pack),
        business_as_usual_check(commitments, pack),
    ):
        if check:
            found.append(check)
    found += offer_size_checks(commitments, opportunity, pack.checks)
    found += duplicate_checks(commitments, pack)
    for commitment in commitments:
        found += commitment_checks(commitment, pack, opportunity, supplier)
    if not any(c.level == "problem" and c.commitment_id for c in found):
        found.append(
            Check(
                id="smart",
                kind="vague",
                level="ok",
                message="Every commitment has a number, a date, who benefits and the evidence.",
            )
        )
    return found


def worst(checks: list[Check]) -> dict[str, str]:
    """Each kind of fault found, with its worst level: {"proportion": "problem", ...}."""
    levels: dict[str, str] = {}
    for check in checks:
        if check.level == "ok":
            continue
        if levels.get(check.kind) != "problem":
            levels[check.kind] = check.level
    return levels
