"""The assessment summary a bidder receives with the outcome: their own social value score,
criterion by criterion with the moderators' reasons, and where they came (drafted from the
moderated scores; staff edit it), and the outcome from the award (with the successful offer's
score, never its name). A bidder sees only their own."""

from dataclasses import dataclass

from knowledge.packs import Rubric


@dataclass(frozen=True)
class Standing:
    """What the summary is drafted from, for one bidder."""

    supplier: str
    consensus: dict[str, dict] | None  # criterion id: {"score", "reasons"}; None: not moderated
    weighted: float | None
    weighting: float
    rank: int | None
    bidders: int


def _number(value: float) -> str:
    return f"{value:g}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def outcome(awarded: bool, winning: float | None, weighting: float) -> str:
    """The outcome, as the bidder reads it above their summary."""
    if awarded:
        return "Your offer was successful: the council has awarded you the contract."
    said = "Your offer was not successful this time."
    if winning is not None:
        said += (
            f" The successful offer's social value score was {_number(winning)} out of "
            f"{_number(weighting)}."
        )
    return said


def draft(standing: Standing, rubric: Rubric) -> str:
    """The assessment, as plain paragraphs: the score, the place, each criterion with the
    moderators' reasons (the outcome is said above it, from the award)."""
    s = standing
    if s.consensus is None or s.weighted is None:
        return (
            f"Thank you for your offer, {s.supplier}. Its social value was not scored, so "
            "there is no score to report. Contact the council if you would like feedback."
        )
    place = (
        f" It came {_ordinal(s.rank)} of {s.bidders} offers." if s.rank and s.bidders > 1 else ""
    )
    lines = [
        f"Thank you for your offer, {s.supplier}.",
        f"Your social value score: {_number(s.weighted)} out of {_number(s.weighting)}.{place}",
    ]
    for criterion in rubric.criteria:
        item = s.consensus.get(criterion.id)
        if item is None:
            continue
        reasons = str(item.get("reasons") or "").strip()
        said = f" {reasons}" if reasons else ""
        if said and not said.endswith((".", "!", "?")):
            said += "."
        lines.append(f"{criterion.title}: {item['score']} out of {rubric.scale_max}.{said}")
    return "\n\n".join(lines)
