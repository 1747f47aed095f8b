"""Deleting a conversation in Chromium: from the offer page to the confirmation page, the red
button, the page saying it is gone; the page for a submitted offer and for one that won a
contract; axe-core and HTML_CodeSniffer on each, and each fits 320px."""

import store
from store.contracts import award
from store.opportunities import create_opportunity
from tests.helpers.http_clients import api, finished_conversation

NARROW = {"width": 320, "height": 640}
CONFIRM = "/assistant/c/<token>/delete"


def submitted(live_server, live_database) -> tuple[dict, int, str]:
    """A finished conversation submitted to an opportunity of its own: it, the submission's id
    and the opportunity's code."""
    db = store.connect(live_database)
    code = create_opportunity(
        db, council_id="tower-hamlets", title="Lunch club service",
        closes_at="2099-01-01T12:00:00+00:00", value_gbp=40000,
    )  # fmt: skip
    created = finished_conversation(live_server)
    url = f"{live_server}/api/v1/conversations/{created['id']}/submissions"
    reference = api(url, {"opportunity": code}, created["token"])[1]["reference"]
    row = next(db.query("SELECT id FROM submissions WHERE reference = ?", [reference]))
    db.close()
    return created, row["id"], code


def click(page, selector):
    with page.expect_navigation():
        page.click(selector)


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]


def test_deleting_a_draft_from_the_offer_page(page, live_server, scan):
    offer = f"{live_server}/assistant/c/{finished_conversation(live_server)['token']}/offer"
    page.goto(offer)
    click(page, "a:has-text('Delete this conversation and offer')")
    assert page.locator("h1").inner_text() == "Delete this conversation and offer"
    assert scan(page, CONFIRM) == []
    page.set_viewport_size(NARROW)
    assert fits(page)
    click(page, "button.govuk-button--warning")
    assert page.url == f"{live_server}/assistant/deleted"
    assert "Conversation and offer deleted" in page.locator(".govuk-panel").inner_text()
    assert scan(page, "/assistant/deleted (after deleting)") == []
    assert page.goto(offer).status == 404


def test_deleting_a_submitted_offer_says_what_the_council_keeps(
    page, live_server, live_database, scan
):
    created, _, _ = submitted(live_server, live_database)
    page.goto(f"{live_server}/assistant/c/{created['token']}/delete")
    assert "What the council keeps" in page.locator("main").inner_text()
    assert scan(page, f"{CONFIRM} (submitted)") == []
    click(page, "button.govuk-button--warning")
    assert "kept until 1 January 2105" in page.locator("main").inner_text()
    assert scan(page, "/assistant/deleted (submitted offer kept)") == []


def test_an_offer_that_won_a_contract_explains_why_it_stays(page, live_server, live_database, scan):
    created, submission_id, code = submitted(live_server, live_database)
    db = store.connect(live_database)
    award(
        db,
        contract={
            "council_id": "tower-hamlets", "opportunity_code": code,
            "submission_id": submission_id, "conversation_id": created["id"],
            "title": "Lunch club service", "supplier_name": "Riverside", "value_gbp": 40000,
            "starts_on": "2030-01-01", "duration_months": 12, "period_months": 3,
        },
        kpis=[{"title": "Apprentices", "target": 2}],
        staff_id=None,
    )  # fmt: skip
    db.close()
    page.goto(f"{live_server}/assistant/c/{created['token']}/delete")
    assert "You cannot delete this conversation" in page.locator("main").inner_text()
    assert page.locator("button.govuk-button--warning").count() == 0
    assert scan(page, f"{CONFIRM} (won a contract)") == []
    page.set_viewport_size(NARROW)
    assert fits(page)
