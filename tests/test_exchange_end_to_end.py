"""Issue 10, Done 1: a charity registers; staff verify it; it posts a need; a supplier's
conversation is offered the need and links a commitment; the offer is submitted and awarded;
a return is recorded; the charity confirms receipt; the need shows as met. Each step is
checked on the page and in the data."""

from datetime import UTC, datetime, timedelta

from monitoring.periods import add_months
from store.opportunities import create_opportunity
from tests.helpers.contracts import TARGETS, return_fields
from tests.helpers.exchange_actions import NEED, OrganisationActions, review, verify
from tests.helpers.offers import api_submit, finish
from tests.helpers.pages import parse
from tests.helpers.staff import Person, seat

BOARD = "/exchange/tower-hamlets/needs"


def support(client, need_id) -> dict[str, str]:
    """The need page's 'Support so far': its stage and each figure."""
    page = parse(client.get(f"{BOARD}/{need_id}"))
    rows = page.select(".govuk-summary-list")[1].select("div")
    figures = {r.dt.get_text(strip=True): r.dd.get_text(strip=True) for r in rows}
    return {"stage": page.select_one("h2 .govuk-tag").get_text(strip=True)} | figures


def test_from_a_charitys_need_to_a_met_need(app, client, db):
    moderator = Person(app, db, "moderator")
    farm = OrganisationActions(app)
    assert db.execute("SELECT verified_at FROM exchange_organisations").fetchone() == (None,)
    verify(moderator, db, farm)
    assert db.execute("SELECT verified_at FROM exchange_organisations").fetchone()[0]
    need_id = farm.post_need()
    assert parse(client.get(BOARD)).select("h3 a") == []  # not public before approval
    review(moderator, need_id, "approved")
    assert [a.text for a in parse(client.get(BOARD)).select("h3 a")] == [NEED["title"]]
    assert support(client, need_id)["stage"] == "Open"

    # The supplier's conversation is offered the need and pledges a commitment to it.
    done = finish(client)
    offer = parse(client.get(f"/assistant/c/{done['token']}/offer"))
    assert "Riverside City Farm: Volunteers for spring planting" in offer.text
    code = create_opportunity(
        db, council_id="tower-hamlets", title="Lunch club service",
        closes_at=(datetime.now(UTC) + timedelta(days=1)).isoformat(timespec="seconds"),
        value_gbp=120_000, duration_months=12,
    )  # fmt: skip
    reference = api_submit(client, done, code).json["reference"]
    seat(db, code, moderator)
    assert db.execute("SELECT need_id, quantity FROM need_pledges").fetchall() == [(need_id, 40)]
    board = " ".join(parse(client.get(BOARD)).text.split())
    assert "Pledged Pledged 40 hours, delivered 0 hours of 40 hours" in board
    assert support(client, need_id)["Pledged in offers submitted to the council"] == "40 hours"

    # Awarded: the pledge becomes a promise.
    db["opportunities"].update(code, {"closes_at": "2020-01-01T12:00:00+00:00"})
    start = add_months(datetime.now(UTC).date(), -8)
    fields = {f"target_{i}": target for i, target in enumerate(TARGETS, start=1)}
    fields |= {"starts_on": [str(start.day), str(start.month), str(start.year)]}
    contract_url = moderator.post(
        f"/staff/contracts/award/{reference}",
        fields | {"period_months": "3", "override_reason": "The only offer, scored at the panel"},
    ).headers["Location"]
    assert support(client, need_id)["stage"] == "Promised"
    assert db.execute("SELECT COUNT(*) FROM contracts").fetchone() == (1,)

    # A return is recorded; the charity confirms what it received: met.
    moderator.post(f"{contract_url}/returns", return_fields(1, ["1", "40", "50"]))
    assert support(client, need_id) == {
        "stage": "Delivered",
        "Pledged in offers submitted to the council": "40 hours",
        "Promised in contracts the council has awarded": "40 hours",
        "Delivered, as reported to the council": "40 hours",
        "Confirmed received by Riverside City Farm": "0 hours",
    }
    received = f"/exchange/your-needs/{need_id}/received"
    page = parse(farm.post(received, {"quantity": "20", "note": ""}), 400)
    assert "Say what you received" in page.select_one(".govuk-error-summary").text
    farm.post(received, {"quantity": "40", "note": "Forty hours of planting in March"})
    assert db.execute("SELECT quantity, note FROM need_receipts").fetchall() == [
        (40, "Forty hours of planting in March")
    ]
    assert "Forty hours of planting in March" in parse(farm.client.get(received)).text
    assert support(client, need_id)["stage"] == "Met"
    board = " ".join(parse(client.get(BOARD)).text.split())
    assert "and 1 met" in board and "2 open needs" not in board  # a met need is not open
    staff_page = parse(moderator.client.get("/staff/exchange/"))
    cells = [td.get_text(strip=True) for td in staff_page.select("table")[0].select("tbody tr > *")]
    assert cells == [
        "Strong communities and a thriving voluntary and community sector",
        "1", "40 hours", "40 hours", "40 hours", "1",
    ]  # fmt: skip
    assert "Organisations helped so far: 1 (Riverside City Farm)" in staff_page.text
    assert "This need has been met" in parse(client.get(f"{BOARD}/{need_id}")).text
