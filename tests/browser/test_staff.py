"""Staff pages in Chromium: sign in, create an opportunity, score and moderate an offer,
compare offers; axe-core on every staff page."""

from datetime import UTC, datetime, timedelta

from tests.helpers.http_clients import api, finished_conversation


def click(page, selector):
    with page.expect_navigation():
        page.click(selector)


def submit_offer(live_server, code, supplier):
    created = finished_conversation(live_server, supplier)
    submitted = f"{live_server}/api/v1/conversations/{created['id']}/submissions"
    return api(submitted, {"opportunity": code}, created["token"])[1]["reference"]


def test_create_score_moderate_and_compare_with_no_axe_violations(
    signed_in_page, live_server, scan
):
    page = signed_in_page
    page.goto(f"{live_server}/staff/opportunities/new")
    click(page, "button:has-text('Save opportunity')")
    assert page.title().startswith("Error: ")
    assert scan(page, "/staff/opportunities/new (errors)") == []
    closes = datetime.now(UTC) + timedelta(days=60)
    page.fill("#title", "School meals pilot")
    page.check("#contract_type")
    page.fill("#value_gbp", "90000")
    page.fill("#duration_months", "12")
    page.fill("#weighting_percent", "10")
    page.fill("#word_limit", "500")
    page.fill("#closes_on-day", str(closes.day))
    page.fill("#closes_on-month", str(closes.month))
    page.fill("#closes_on-year", str(closes.year))
    click(page, "button:has-text('Save opportunity')")
    code = page.url.rsplit("/", 1)[-1]
    assert scan(page, "/staff/opportunities/<code> (no offers)") == []

    references = [submit_offer(live_server, code, s) for s in ("charity", "sme")]
    page.goto(f"{live_server}/staff/opportunities/{code}")
    assert page.locator("table.app-offers tbody tr").count() == 2
    assert scan(page, "/staff/opportunities/<code>") == []

    page.goto(f"{live_server}/staff/opportunities/{code}/offers/{references[0]}")
    assert scan(page, "/staff/opportunities/<code>/offers/<reference>") == []
    for criterion in ("commitments", "relevance", "delivery"):
        page.check(f"form:not([action]) input[name={criterion}_score][value='4']")
        page.fill(f"#{criterion}_note", f"Good {criterion}")
    click(page, "form:not([action]) button:has-text('Save scores')")
    for criterion in ("commitments", "relevance", "delivery"):
        page.check(f"input[name=m-{criterion}_score][value='3']")
        page.fill(f"#m-{criterion}_note", f"Agreed {criterion}")
    click(page, "button:has-text('Save consensus')")
    assert "Weighted social value score: 6.0" in page.locator("#moderation + p").inner_text()
    assert scan(page, "/staff/opportunities/<code>/offers/<reference> (scored)") == []

    page.goto(f"{live_server}/staff/opportunities/{code}/compare")
    assert page.locator("table.app-compare thead th").count() == 2
    assert scan(page, "/staff/opportunities/<code>/compare") == []
    page.goto(f"{live_server}/staff/opportunities/{code}/edit")
    assert scan(page, "/staff/opportunities/<code>/edit") == []

    page.set_viewport_size({"width": 320, "height": 640})
    for path in ("", f"/{code}", f"/{code}/offers/{references[0]}", f"/{code}/compare"):
        page.goto(f"{live_server}/staff/opportunities{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, (path, width)
