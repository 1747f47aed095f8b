"""After award in Chromium: award an offer, record returns as staff and as the supplier, check
one, the assessment and the social value budget; axe-core and HTML_CodeSniffer on each, and
each fits 320px."""

from datetime import UTC, datetime, timedelta

import store
from monitoring.periods import add_months
from store.contract_seeds import ContractSeed, KpiSeed, seed_contract
from store.opportunities import create_opportunity
from store.panels import seat
from store.staff import find_staff_by_email
from tests.helpers.browser import STAFF_EMAIL, click
from tests.helpers.http_clients import api, finished_conversation

NARROW = {"width": 320, "height": 640}
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def closed_offer(live_server, live_database) -> tuple[str, str, str]:
    """A supplier's offer submitted to an opportunity that has since closed: (token,
    reference, code)."""
    db = store.connect(live_database)
    closes = (datetime.now(UTC) + timedelta(days=1)).isoformat(timespec="seconds")
    code = create_opportunity(
        db, council_id="tower-hamlets", title="Community transport", closes_at=closes,
        value_gbp=80_000, duration_months=12,
    )  # fmt: skip
    created = finished_conversation(live_server)
    submitted = f"{live_server}/api/v1/conversations/{created['id']}/submissions"
    reference = api(submitted, {"opportunity": code}, created["token"])[1]["reference"]
    db["opportunities"].update(code, {"closes_at": "2020-01-01T12:00:00+00:00"})
    admin = find_staff_by_email(db, STAFF_EMAIL)  # the signed-in admin sits on the panel
    seat(db, code=code, staff_id=admin.id, name=admin.name, council_id="tower-hamlets")
    seed_contract(
        db,
        "tower-hamlets",
        ContractSeed(
            "Meals on wheels", "Food Charity", "charity", "small", True, 100_000, "2025-04-01",
            12, 3,
            [
                KpiSeed("Apprentice weeks", "Jobs", 40, 226.5, "weeks", {1: 10, 2: 10, 3: 5}),
                KpiSeed("Volunteering hours", "Communities", 100, None, "hours", {1: 50, 2: 60}),
            ],
        ),
        staff_id=1,
    )  # fmt: skip
    db.close()
    return created["token"], reference, code


def fits(page, live_server, path) -> int:
    page.set_viewport_size(NARROW)
    page.goto(f"{live_server}{path}")
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    return width


def test_award_returns_assessment_and_budget_with_no_accessibility_errors(
    signed_in_page, page, live_server, live_database, scan
):
    staff = signed_in_page
    token, reference, code = closed_offer(live_server, live_database)
    staff.goto(f"{live_server}/staff/opportunities/{code}/offers/{reference}")
    click(staff, "a:has-text('Award the contract to this offer')")
    staff.fill("#target_1", "")
    click(staff, "button:has-text('Award the contract')")
    assert staff.title().startswith("Error: ")
    assert scan(staff, "/staff/contracts/award/<reference> (errors)") == []
    start = add_months(datetime.now(UTC).date(), -8)
    staff.fill("#target_1", "10")
    staff.fill("#override_reason", "The only offer: scored by the panel at its meeting")
    staff.fill("#starts_on-day", str(start.day))
    staff.fill("#starts_on-month", str(start.month))
    staff.fill("#starts_on-year", str(start.year))
    click(staff, "button:has-text('Award the contract')")
    contract = staff.url.removeprefix(live_server)
    assert scan(staff, "/staff/contracts/<contract_id>") == []

    click(staff, "a:has-text('Record the return for period 1')")
    assert scan(staff, "/staff/contracts/<contract_id>/returns") == []
    staff.fill("#quantity_1", "-1")
    click(staff, "button:has-text('Send return')")
    assert staff.title().startswith("Error: ")
    assert scan(staff, "/staff/contracts/<contract_id>/returns (errors)") == []
    staff.fill("#quantity_1", "2")
    staff.select_option("#evidence_type_1", "attendance")
    staff.fill("#evidence_note_1", "Placement register")
    click(staff, "button:has-text('Send return')")
    assert "Accepted (late)" in staff.locator("main").inner_text()

    supplier = page
    contract_id = contract.rsplit("/", 1)[-1]
    supplier.goto(f"{live_server}/assistant/c/{token}/offer")
    click(supplier, "a:has-text('See your KPIs and record your delivery')")
    assert scan(supplier, "/assistant/c/<token>/contracts/<contract_id>") == []
    supplier.goto(f"{live_server}/assistant/c/{token}/contracts/{contract_id}/return?period=2")
    assert scan(supplier, "/assistant/c/<token>/contracts/<contract_id>/return") == []
    supplier.fill("#quantity_2", "9")
    supplier.select_option("#evidence_type_2", "timesheet")
    supplier.fill("#evidence_note_2", "Volunteering log")
    supplier.set_input_files(
        "#evidence_files",
        [{"name": "log.txt", "mimeType": "text/plain", "buffer": b"not evidence"}],
    )
    click(supplier, "button:has-text('Send return')")
    assert supplier.title().startswith("Error: ")
    assert "“log.txt” is not a PDF" in supplier.locator(".govuk-error-summary").inner_text()
    assert supplier.input_value("#quantity_2") == "9"  # nothing typed is lost
    assert scan(supplier, "/assistant/c/<token>/contracts/<contract_id>/return (errors)") == []
    supplier.set_input_files(
        "#evidence_files",
        [{"name": "Volunteering log.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    click(supplier, "button:has-text('Send return')")
    assert "Waiting for check" in supplier.content()
    assert supplier.locator("a:has-text('Volunteering log.pdf')").count() == 1
    assert scan(supplier, "/assistant/c/<token>/contracts/<contract_id> (evidence)") == []

    staff.goto(f"{live_server}{contract}/periods/2/review")  # the whole return, in one action
    assert scan(staff, "/staff/contracts/<contract_id>/periods/<period>/review") == []
    staff.goto(f"{live_server}{contract}")
    click(staff, "a:has-text('Accept or query')")
    assert scan(staff, "/staff/contracts/<contract_id>/returns/<return_id>") == []
    staff.check("input[name=decision][value=accept]")
    click(staff, "button:has-text('Save decision')")
    for path in ("/assessment", "/schedule"):
        staff.goto(f"{live_server}{contract}{path}")
        assert scan(staff, f"/staff/contracts/<contract_id>{path}") == []
    staff.goto(f"{live_server}/staff/budget/?year=2025")
    assert staff.locator("figure.app-chart svg rect").count() >= 2
    assert scan(staff, "/staff/budget/ (with contracts)") == []
    staff.goto(f"{live_server}/staff/contracts/")
    assert scan(staff, "/staff/contracts/ (with contracts)") == []

    for path in (
        contract,
        f"{contract}/returns",
        f"{contract}/assessment",
        "/staff/budget/?year=2025",
    ):
        assert fits(staff, live_server, path) <= 320, path
    for path in ("", "/return"):
        url = f"/assistant/c/{token}/contracts/{contract_id}{path}"
        assert fits(supplier, live_server, url) <= 320, path
