"""What the exchange's pages show of a need, shaped as GOV.UK component parameters, so the
templates hold no logic."""

from datetime import date

from flask import url_for
from markupsafe import Markup

from exchange.needs import STATUS_LABELS, can_change, category, quantity_text
from knowledge.packs import CouncilPack
from monitoring.periods import long_date
from store.exchange import Need, NeedRecord
from store.exchange_organisations import Organisation

STATUS_TAGS = {
    "pending": "govuk-tag--yellow",
    "approved": "govuk-tag--green",
    "rejected": "govuk-tag--red",
    "closed": "govuk-tag--grey",
}
NOT_A_CATEGORY = "No longer one of the council's categories"


def _row(key: str, value: str) -> dict:
    return {"key": {"text": key}, "value": {"text": value}}


def status_tag(status: str) -> Markup:
    """The status as a coloured GOV.UK tag."""
    return Markup('<strong class="govuk-tag {}">{}</strong>').format(
        STATUS_TAGS[status], STATUS_LABELS[status]
    )


def need_rows(pack: CouncilPack, need: Need) -> list[dict]:
    """What the need asks for: its category and theme, how much, by when and where."""
    found = category(pack, need.measure_id)
    return [
        _row("Category", found.title if found else NOT_A_CATEGORY),
        _row("Theme", found.theme_title if found else NOT_A_CATEGORY),
        _row("Quantity wanted", quantity_text(need.quantity, need.unit)),
        _row("Timescale", need.timescale),
        _row("Area", need.area),
    ]


def own_need_card(pack: CouncilPack, record: NeedRecord) -> dict:
    """A summary card of one of the organisation's needs: its status, what it asks for, the
    council's note, and links to change or close it while it is open."""
    need = record.need
    rows = [{"key": {"text": "Status"}, "value": {"html": status_tag(need.status)}}]
    rows += need_rows(pack, need)
    if record.review_note:
        rows.append(_row("Note from the council", record.review_note))
    actions = []
    if can_change(need.status):
        # The card's title is added to each action for screen readers by the component.
        actions = [
            {"href": url_for(f"exchange_needs.{name}", need_id=need.id), "text": text}
            for name, text in (("edit", "Change"), ("close", "Close"))
        ]
    title = {"text": need.title, "headingLevel": 2}
    return {"card": {"title": title, "actions": {"items": actions}}, "rows": rows}


def day_text(stored: str) -> str:
    """A stored time's date, as people write it: "22 November 2026"."""
    return long_date(date.fromisoformat(stored[:10]))


def organisation_rows(organisation: Organisation) -> list[dict]:
    """An organisation's details, for council staff checking who it is."""
    return [
        _row("Name", organisation.name),
        _row("Charity or company number", organisation.number),
        _row("Address", f"{organisation.address}, {organisation.postcode}"),
        _row("Contact name", organisation.contact_name),
        _row("Email address", organisation.email),
        _row("Registered", day_text(organisation.created_at)),
    ]
