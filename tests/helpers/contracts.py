"""Contracts in tests: an offer awarded through the staff pages, and a return's form fields."""

from datetime import UTC, datetime, timedelta

from monitoring.periods import add_months
from store.opportunities import create_opportunity
from tests.helpers.offers import api_submit, finish
from tests.helpers.pages import parse
from tests.helpers.staff import Person, seat

TODAY = datetime.now(UTC).date()


# Eight months ago: periods 1 and 2 have ended and their returns are past due (so late when
# recorded today); period 3 has begun; period 4 has not.
START = add_months(TODAY, -8)


TARGETS = ["10", "40", "60"]  # work placement weeks, volunteering hours, % of waste recycled


def award_offer(client, db, council):
    """A supplier's finished offer, submitted, the opportunity closed, awarded by a moderator."""
    moderator = Person(client.application, db, "moderator", council=council)
    done = finish(client, council=council)
    code = create_opportunity(
        db,
        council_id=council,
        title="Lunch club service",
        closes_at=(datetime.now(UTC) + timedelta(days=1)).isoformat(timespec="seconds"),
        value_gbp=120_000,
        duration_months=12,
    )
    reference = api_submit(client, done, code).json["reference"]
    seat(db, code, moderator)
    award_url = f"/staff/contracts/award/{reference}"
    assert moderator.client.get(award_url).status_code == 409  # offers have not closed yet
    db["opportunities"].update(code, {"closes_at": "2020-01-01T12:00:00+00:00"})
    page = parse(moderator.client.get(award_url))
    assert [h.text for h in page.select("form h3")] == [
        "1. Work experience placements" if council != "suffolk" else "1. Work experience",
        "2. Staff volunteering",
        "3. Waste reused or recycled",
    ]
    assert page.select_one("#target_2")["value"] == "40"  # the offer's own quantity, as typed
    fields = {f"target_{i}": target for i, target in enumerate(TARGETS, start=1)}
    fields |= {"starts_on": [str(START.day), str(START.month), str(START.year)]}
    fields |= {"period_months": "3", "milestones_1": "First placement by the end of period 2"}
    assert "Nobody has moderated this offer's scores" in page.text
    refused = parse(moderator.post(award_url, fields, status=400), 400)
    assert "Give the reason for awarding this offer" in refused.text  # nothing awarded yet
    fields |= {"override_reason": "A single-bidder practice tender: scored at the award panel"}
    response = moderator.post(award_url, fields)
    contract_url = response.headers["Location"]
    return moderator, done, contract_url, int(contract_url.rsplit("/", 1)[-1])


def return_fields(period, quantities):
    data = {"period": str(period)}
    for position, quantity in enumerate(quantities, start=1):
        if quantity is not None:
            data |= {
                f"quantity_{position}": quantity,
                f"evidence_type_{position}": "attendance",
                f"evidence_note_{position}": f"Register for period {period}",
            }
    return data
