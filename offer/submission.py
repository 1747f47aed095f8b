"""Whether an offer may be submitted to an opportunity now."""

from datetime import datetime

from offer.model import Offer


def closing_text(closes_at: datetime) -> str:
    """A closing time in plain English, like "5pm on 12 March 2027"."""
    hour = closes_at.strftime("%I:%M%p").lstrip("0").lower().replace(":00", "")
    return f"{hour} on {closes_at.day} {closes_at:%B %Y}"


def submission_problem(
    offer: Offer, council_id: str, closes_at: datetime, now: datetime
) -> str | None:
    """Why the offer cannot be submitted, in plain English, or None if it can."""
    if offer.council != council_id:
        return "That code is for another council's opportunity. Check the code and try again"
    if now >= closes_at:
        return (
            f"This opportunity closed at {closing_text(closes_at)}. "
            "Offers can no longer be submitted or changed"
        )
    if not offer.commitments:
        return "Add at least one commitment before you submit your offer"
    return None
