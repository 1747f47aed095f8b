"""Checks on an offer, each explained in plain English next to what it is about."""

import re

from knowledge.packs import CouncilPack
from knowledge.vocabulary import SMALL_SIZES
from offer.model import Check, Commitment, Narrative, Opportunity, Supplier

# Wording that promises nothing a council can score.
VAGUE = re.compile(
    r"\b(seek(?:ing)? to|where(?:ever)? (?:possible|feasible|practicable)|where appropriate|"
    r"as appropriate|if possible|as soon as possible|as and when|subject to|intend(?:ing)? to|"
    r"aim(?:ing)? to|endeavour|try to|hope to|look(?:ing)? to|strive to|we could|we might)\b",
    re.I,
)
# Not the description: it keeps the supplier's first words from the chat ("we could...").
FIELDS_TO_SCAN = ("title", "delivery", "beneficiaries", "evidence")


def _money(value: float) -> str:
    return f"£{value:,.0f}"


def commitment_checks(commitment: Commitment) -> list[Check]:
    """SMART completeness and vague wording for one commitment."""
    found = []

    def problem(check_id: str, message: str) -> None:
        found.append(
            Check(id=check_id, level="problem", commitment_id=commitment.id, message=message)
        )

    if not commitment.quantity:
        problem("missing-quantity", "Say how many or how much, as a number.")
    if not commitment.unit:
        problem("missing-unit", "Say what you are counting: people, hours, weeks or pounds.")
    if not commitment.timescale:
        problem("missing-date", "Say by when you will deliver it.")
    if not commitment.evidence or len(commitment.evidence.strip()) < 10:
        problem("missing-evidence", "Say how you will show the council that it happened.")
    if not commitment.beneficiaries:
        problem("missing-beneficiaries", "Say who will benefit.")
    for name in FIELDS_TO_SCAN:
        match = VAGUE.search(getattr(commitment, name) or "")
        if match:
            problem(
                "vague-wording",
                f'"{match.group(0)}" promises nothing the council can score. '
                "Say what you will do, how much and by when.",
            )
            break
    if commitment.classification == "core":
        found.append(
            Check(
                id="core-delivery",
                level="advice",
                commitment_id=commitment.id,
                message="This is part of the service itself. Councils usually score what you add "
                "on top of the contract higher.",
            )
        )
    return found


def duplicate_checks(commitments: list[Commitment]) -> list[Check]:
    """Two commitments counting the same thing."""
    found, seen = [], {}
    for commitment in commitments:
        key = commitment.measure_id or " ".join(commitment.title.lower().split())
        if key in seen:
            found.append(
                Check(
                    id="duplicate",
                    level="problem",
                    commitment_id=commitment.id,
                    message=f'This counts the same thing as "{seen[key]}". Combine them, or '
                    "remove one, so nothing is counted twice.",
                )
            )
        else:
            seen[key] = commitment.title
    return found


def proportionality_check(
    commitments: list[Commitment], opportunity: Opportunity, supplier: Supplier, pack: CouncilPack
) -> Check | None:
    """Is the number of commitments in proportion to the contract and the organisation?"""
    if opportunity.value_gbp is None:
        return None
    band = pack.band_for(opportunity.value_gbp)
    low, high = band.min_commitments, band.max_commitments
    contract = f"a {_money(opportunity.value_gbp)} contract"
    if opportunity.duration:
        contract += f" lasting {opportunity.duration}"
    expect = f"{low}" if low == high else f"{low} to {high}"
    modest = " modest," if supplier.size in SMALL_SIZES else ""
    message = (
        f"For {contract}, councils usually expect {expect}{modest} specific commitments. "
        f"You have {len(commitments)}."
    )
    level = "ok" if low <= len(commitments) <= high else "advice"
    if len(commitments) > high:
        message += " Offer fewer and make sure you can deliver each one."
    elif len(commitments) < low:
        message += " Think about adding one where you can deliver something real."
    return Check(id="proportionality", level=level, message=message)


def coverage_check(commitments: list[Commitment], pack: CouncilPack) -> Check:
    """Which of the council's themes the offer covers."""
    covered = {c.theme_id for c in commitments}
    missing = [t.title for t in pack.themes if t.id not in covered]
    if not missing:
        return Check(id="coverage", level="ok", message="Your offer covers every council theme.")
    return Check(
        id="coverage",
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
        found.append(Check(id="narrative-too-long", level="problem", message=message))
    if narrative.stale:
        message = (
            "You have changed your offer since you edited the written response, so it may no "
            "longer match your commitments. Check it, or use the text written from your "
            "commitments."
        )
        found.append(Check(id="narrative-out-of-date", level="problem", message=message))
    return found


def offer_checks(
    commitments: list[Commitment], opportunity: Opportunity, supplier: Supplier, pack: CouncilPack
) -> list[Check]:
    """Every check on the offer, the offer-wide ones first."""
    if not commitments:
        return [
            Check(
                id="no-commitments",
                level="problem",
                message="There are no commitments yet. Add at least one specific commitment.",
            )
        ]
    found = [coverage_check(commitments, pack)]
    proportion = proportionality_check(commitments, opportunity, supplier, pack)
    if proportion:
        found.append(proportion)
    if all(c.classification == "core" for c in commitments):
        found.append(
            Check(
                id="all-core",
                level="advice",
                message="Every commitment is part of the service itself. Add something extra if "
                "you can: that is what social value is scored on.",
            )
        )
    found += duplicate_checks(commitments)
    for commitment in commitments:
        found += commitment_checks(commitment)
    if not any(c.level == "problem" and c.commitment_id for c in found):
        found.append(
            Check(
                id="smart",
                level="ok",
                message="Every commitment has a number, a date, who benefits and the evidence.",
            )
        )
    return found
