"""Whether an offer may be submitted to an opportunity now."""

from datetime import datetime
from zoneinfo import ZoneInfo

from offer.model import Offer

UK = ZoneInfo("Europe/London")


def parse_closing(text: str) -> datetime:
    """A stored closing time as an aware datetime (a time without a zone is taken as UK time;
    a date alone means the end of that day)."""
    value = datetime.fromisoformat(text)
    if len(text) <= 10:
        value = value.replace(hour=23, minute=59)
    return value if value.tzinfo else value.replace(tzinfo=UK)


def closing_text(closes_at: datetime) -> str:
    """A closing time in UK time and plain English, like "5pm on 12 March 2027"."""
    local = closes_at.astimezone(UK)
    hour = local.strftime("%I:%M%p").lstrip("0").lower().replace(":00", "")
    return f"{hour} on {local.day} {local:%B %Y}"


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
    if offer.narrative.words > offer.opportunity.word_limit:
        return (
            f"Your written response has {offer.narrative.words:,} words; this opportunity allows "
            f"{offer.opportunity.word_limit:,}. Shorten it before you submit"
        )
    return None
