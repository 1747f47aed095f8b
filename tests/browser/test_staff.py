"""Staff pages in Chromium: sign in, create an opportunity, score and moderate an offer,
compare offers; axe-core and HTML_CodeSniffer on every staff page."""

from datetime import UTC, datetime, timedelta

import store
from store.evaluations import save_evaluation
from store.opportunities import update_opportunity
from store.questions import record_unanswered
from store.staff import create_staff
from store.submissions import get_submission
from tests.helpers.app import STAFF_PASSWORD
from tests.helpers.http_clients import api, finished_conversation


def click(page, selector):
    with page.expect_navigation():
        page.click(selector)


def submit_offer(live_server, code, supplier):
    created = finished_conversation(live_server, supplier)
    submitted = f"{live_server}/api/v1/conversations/{created['id']}/submissions"
    return api(submitted, {"opportunity": code}, created["token"])[1]["reference"]


CRITERIA = ("commitments", "relevance", "delivery")


def close_and_score(live_database, code, reference):
    """The opportunity closes, and an evaluator's scores for one offer are in."""
    db = store.connect(live_database)
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat(timespec="seconds")
    update_opportunity(db, code, closes_at=past)
    evaluator = create_staff(
        db, email=f"evaluator.{code.lower()}@tower-hamlets.example", name="Eve Evaluator",
        council_id="tower-hamlets", role="evaluator", password=STAFF_PASSWORD,
    )  # fmt: skip
    save_evaluation(
        db, submission_id=get_submission(db, reference).id, staff_id=evaluator.id,
        scores={c: {"score": 3, "comment": f"Fair {c}"} for c in CRITERIA},
        council_id="tower-hamlets", subject=reference,
    )  # fmt: skip
    db.close()


def test_create_score_moderate_and_compare_with_no_accessibility_errors(
    signed_in_page, live_server, live_database, scan
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
    assert "Join the evaluation panel" in page.locator("main").inner_text()
    assert page.locator("table.app-offers").count() == 0
    assert scan(page, "/staff/opportunities/<code> (not on the panel)") == []
    page.goto(f"{live_server}/staff/opportunities/{code}/panel")
    assert scan(page, "/staff/opportunities/<code>/panel (nobody on it)") == []
    click(page, "a:has-text('Back to the opportunity')")
    click(page, "a:has-text('Declare your interests')")
    click(page, "button:has-text('Make the declaration')")
    assert page.title().startswith("Error: ")
    assert scan(page, "/staff/opportunities/<code>/declaration (errors)") == []
    page.check("input[name=conflict][value=no]")
    click(page, "button:has-text('Make the declaration')")
    assert page.locator("table.app-offers tbody tr").count() == 2
    assert scan(page, "/staff/opportunities/<code>") == []

    page.goto(f"{live_server}/staff/opportunities/{code}/offers/{references[0]}")
    assert "Scoring opens when the opportunity closes" in page.locator("main").inner_text()
    assert scan(page, "/staff/opportunities/<code>/offers/<reference> (not closed)") == []
    close_and_score(live_database, code, references[0])

    page.goto(f"{live_server}/staff/opportunities/{code}/offers/{references[1]}")
    assert scan(page, "/staff/opportunities/<code>/offers/<reference>") == []
    for criterion in ("commitments", "relevance", "delivery"):
        page.check(f"form:not([action]) input[name={criterion}_score][value='4']")
        page.fill(f"#{criterion}_note", f"Good {criterion}")
    click(page, "form:not([action]) button:has-text('Save scores')")
    assert "You scored this offer, so another manager must moderate it" in page.inner_text("main")

    page.goto(f"{live_server}/staff/opportunities/{code}/offers/{references[0]}")
    for criterion in ("commitments", "relevance", "delivery"):
        page.check(f"input[name=m-{criterion}_score][value='3']")
        page.fill(f"#m-{criterion}_note", f"Agreed {criterion}")
    click(page, "button:has-text('Save consensus')")
    consensus = page.locator("#moderation + p").inner_text()
    assert "Weighted social value score: 6 out of 10" in consensus
    assert scan(page, "/staff/opportunities/<code>/offers/<reference> (scored)") == []

    page.goto(f"{live_server}/staff/opportunities/{code}/compare")
    assert page.locator("table.app-compare thead th").count() == 2
    assert scan(page, "/staff/opportunities/<code>/compare") == []
    page.goto(f"{live_server}/staff/opportunities/{code}/summaries")
    assert "Your social value score: 6 out of 10" in page.locator("textarea").first.input_value()
    assert scan(page, "/staff/opportunities/<code>/summaries") == []
    page.goto(f"{live_server}/staff/opportunities/{code}/edit")
    assert scan(page, "/staff/opportunities/<code>/edit") == []
    page.goto(f"{live_server}/staff/opportunities/{code}/panel")
    assert page.locator(".govuk-summary-list__row").count() == 1
    assert scan(page, "/staff/opportunities/<code>/panel") == []
    page.goto(f"{live_server}/staff/opportunities/{code}/declaration")
    assert scan(page, "/staff/opportunities/<code>/declaration") == []

    page.set_viewport_size({"width": 320, "height": 640})
    for path in (
        "",
        f"/{code}",
        f"/{code}/offers/{references[0]}",
        f"/{code}/compare",
        f"/{code}/summaries",
        f"/{code}/panel",
        f"/{code}/declaration",
    ):
        page.goto(f"{live_server}/staff/opportunities{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, (path, width)


def test_answering_unanswered_questions_with_no_accessibility_errors(
    signed_in_page, live_server, live_database, scan
):
    db = store.connect(live_database)
    for text in ("whats the hourly rate for home care", "home care hourly rate?"):
        record_unanswered(db, council_id="tower-hamlets", question=text, source="help")
    db.close()
    page = signed_in_page
    page.goto(f"{live_server}/staff/questions")
    assert scan(page, "/staff/questions (with questions)") == []
    click(page, ".app-question-group:has-text('hourly rate') a:has-text('Answer')")
    assert page.locator("input[name='questions']:checked").count() == 2
    assert scan(page, "/staff/questions/answer") == []
    page.fill("#title", "Home care hourly rates")
    click(page, "button:has-text('Draft this answer')")
    assert page.title().startswith("Error: ")
    assert page.input_value("#title") == "Home care hourly rates"
    assert scan(page, "/staff/questions/answer (errors)") == []
    page.select_option("#topic", "living-wage")
    page.fill(
        "#answer",
        "The council pays the rates in the home care tender pack. Your bid must pay care "
        "workers at least the London Living Wage for all the hours they work.",
    )
    page.fill("#keywords", "hourly rate, home care")
    questions = page.input_value("#ways")
    page.fill("#ways", questions + "\nhow much do you pay for home care per hour")
    page.fill("#source_title", "Home care tender pack, 2026")
    click(page, "button:has-text('Draft this answer')")
    assert "Waiting for approval (1)" in page.locator("main").inner_text()
    assert scan(page, "/staff/questions/answers") == []
    click(page, "button:has-text('Approve')")
    assert "Approved, in use (1)" in page.locator("main").inner_text()
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ("/staff/questions", "/staff/questions/answers"):
        page.goto(f"{live_server}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    page.set_viewport_size({"width": 1280, "height": 720})


LAYOUT_SHIFTS = """window.__shift = 0; new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__shift += entry.value;
  }
}).observe({type: 'layout-shift', buffered: true});"""


def test_the_staff_navigation_does_not_shift_the_page_on_a_phone(
    signed_in_page, live_server, browser
):
    page = signed_in_page.context.new_page()
    page.set_viewport_size({"width": 375, "height": 800})
    page.add_init_script(LAYOUT_SHIFTS)
    for path in ("/staff/", "/staff/budget/", "/"):
        page.goto(f"{live_server}{path}")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__shift") <= 0.1, path  # Lighthouse's "good"
    toggle = page.locator("button.govuk-service-navigation__toggle")
    assert not page.locator(".govuk-service-navigation__list").is_visible()
    toggle.click()
    assert page.locator(".govuk-service-navigation__list").is_visible()
    page.close()
