"""What the offer pages show: summary rows, checks beside each commitment, downloads. Built
here, so the templates only lay it out."""

from dataclasses import dataclass, field
from typing import Any

from knowledge.vocabulary import CLASSIFICATIONS, ORGANISATION_TYPES, SIZES, amount
from offer.model import Check, Commitment, Offer

SIZE_LABELS = {code: f"{label} people" for code, label in SIZES.items()}
# How each level of check is tagged: (tag colour class, words).
CHECK_TAGS = {
    "problem": ("govuk-tag--red", "To fix"),
    "advice": ("govuk-tag--yellow", "Advice"),
    "ok": ("govuk-tag--green", "Good"),
}
DOWNLOADS = [
    ("pdf", "PDF", "to keep or print"),
    ("docx", "Word document", "to edit"),
    ("txt", "Plain text", "to paste into a tender portal"),
    ("json", "JSON", "the structured offer, for software"),
    ("csv", "CSV", "the commitments, for a spreadsheet"),
    ("ocds.json", "Open contracting JSON", "an OCDS release, for open data tools"),
]


@dataclass(frozen=True)
class CommitmentCard:
    """A commitment as a summary card, with its own checks."""

    commitment: Commitment
    rows: list[dict[str, Any]]
    problems: list[Check] = field(default_factory=list)
    advice: list[Check] = field(default_factory=list)


def row(label: str, value: Any) -> dict[str, Any]:
    """A GOV.UK summary-list row."""
    text = "" if value is None else str(value)
    return {"key": {"text": label}, "value": {"text": text or "Not given"}}


def organisation_rows(offer: Offer) -> list[dict[str, Any]]:
    """The supplier's details."""
    s = offer.supplier
    return [
        row("Name", s.name),
        row("Kind", ORGANISATION_TYPES.get(s.type or "", s.type)),
        row("Size", SIZE_LABELS.get(s.size or "", s.size)),
        row("Postcode", s.postcode),
        row("What you do", s.activity),
    ]


def contract_rows(offer: Offer) -> list[dict[str, Any]]:
    """The contract's details."""
    o = offer.opportunity
    value = f"£{o.value_gbp:,.0f}" if o.value_gbp is not None else None
    return [
        row("Contract", o.title),
        row("Kind", (o.contract_type or "").capitalize() or None),
        row("Value", value),
        row("Length", o.duration),
        row("Word limit", f"{o.word_limit:,} words"),
    ]


def commitment_cards(offer: Offer, show_proxies: bool) -> list[CommitmentCard]:
    """Each commitment with its details and the checks about it."""
    cards = []
    for c in offer.commitments:
        rows = [
            row("Council theme", c.theme_title),
            row("How much", amount(c.quantity, c.unit)),
            row("By when", c.timescale),
            row("How", c.delivery),
            row("Who benefits", c.beneficiaries),
            row("Partners", c.partners or "None"),
            row("Evidence", c.evidence),
            row("Kind", CLASSIFICATIONS.get(c.classification or "")),
        ]
        if c.milestones:
            rows.insert(3, row("Yearly targets", "; ".join(c.milestones)))
        if c.need:
            rows.append(row("Meets a local need", f"{c.need.organisation}: {c.need.title}"))
        if show_proxies and c.proxy:
            rows.append(
                row(
                    "Indicative value",
                    f"£{c.proxy.value_gbp:,.0f} at £{c.proxy.rate_gbp:,.2f} per {c.proxy.per} "
                    f"({c.proxy.source}, {c.proxy.year})",
                )
            )
        checks = [k for k in offer.checks if k.commitment_id == c.id]
        cards.append(
            CommitmentCard(
                c,
                rows,
                [k for k in checks if k.level == "problem"],
                [k for k in checks if k.level == "advice"],
            )
        )
    return cards


def offer_wide_checks(offer: Offer) -> list[Check]:
    """The checks about the whole offer."""
    order = list(CHECK_TAGS)  # what to fix first, then advice, then what is good
    found = [k for k in offer.checks if k.commitment_id is None]
    return sorted(found, key=lambda k: order.index(k.level))


def problem_count(offer: Offer) -> int:
    """How many things need fixing."""
    return sum(1 for k in offer.checks if k.level == "problem")
