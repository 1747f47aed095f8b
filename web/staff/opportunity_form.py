"""The opportunity form as staff use it: filled in from an opportunity, read back as the
opportunity's fields (offers close at 12 noon UK time), and the question asked before a date
that would close it at once."""

from datetime import UTC, datetime, time

from wtforms.fields.choices import SelectChoice

import clock
from forms.evaluation import OpportunityForm
from offer.submission import UK
from store.opportunities import Opportunity
from web.common.councils import current_council

CLOSING_TIME = time(12, 0)


def for_page(opportunity: Opportunity | None = None) -> OpportunityForm:
    """The opportunity form, filled in from an opportunity (or empty), with the themes."""
    data = None
    if opportunity:
        data = {
            **{name: getattr(opportunity, name) for name in OPPORTUNITY_FIELDS},
            "closes_on": datetime.fromisoformat(opportunity.closes_at).astimezone(UK).date(),
            "early_scoring": bool(opportunity.early_scoring_reason),
        }
    filled = OpportunityForm(data=data)
    filled.themes.choices = [SelectChoice(t.id, t.title) for t in current_council().themes]
    return filled


OPPORTUNITY_FIELDS = (
    "title",
    "reference",
    "description",
    "contract_type",
    "value_gbp",
    "duration_months",
    "weighting_percent",
    "word_limit",
    "themes",
    "practice",
    "early_scoring_reason",
)


CLOSES_AT_ONCE = (
    "Offers close at 12 noon on the closing date, and that has passed today, so saving closes "
    "the opportunity at once. Choose a later date, or tick 'Close it now' below"
)


def closes_at_once(form: OpportunityForm) -> bool:
    """True (with the reason on the closing date) when saving would close the opportunity at
    once and nobody has said that is meant."""
    closes = datetime.combine(form.closes_on.data, CLOSING_TIME, tzinfo=UK)
    if closes > clock.now() or form.close_now.data:
        return False
    form.closes_on.errors = [*form.closes_on.errors, CLOSES_AT_ONCE]
    return True


def fields(form: OpportunityForm) -> dict:
    """The opportunity's stored fields from the form (closing at 12 noon UK time)."""
    closes = datetime.combine(form.closes_on.data, CLOSING_TIME, tzinfo=UK)
    fields = {name: getattr(form, name).data for name in OPPORTUNITY_FIELDS}
    fields |= {
        "value_gbp": float(form.value_gbp.data),
        "weighting_percent": float(form.weighting_percent.data),
        "practice": int(bool(form.practice.data)),
        "early_scoring_reason": form.early_scoring_reason.data if form.early_scoring.data else None,
        "closes_at": closes.astimezone(UTC).isoformat(timespec="seconds"),
    }
    return fields
