"""Every page, in a real Chromium: zero axe-core violations, zero HTML_CodeSniffer errors
(WCAG2AA, as pa11y runs it), and usable at 320px wide."""

import tempfile

import pytest

from tests.helpers.browser import NARROW, fits_width
from tests.helpers.routes import html_pages, routes_with_parameters
from web import create_app

# Example URLs for routes with parameters; a new such route must be added here.
PARAMETER_EXAMPLES: dict[str, str] = {
    "/help/topics/<topic_id>": "/help/topics/living-wage",
    "/help/answers/<entry_id>": "/help/answers/what-is-social-value",
    "/councils/<council_id>/plan": "/councils/tower-hamlets/plan",
    "/exchange/<council_id>/needs": "/exchange/tower-hamlets/needs",
    "/exchange/<council_id>/register": "/exchange/tower-hamlets/register",
}
# Pages that need state to exist, scanned by the tests that create it.
SCANNED_ELSEWHERE = {
    "/assistant/c/<token>": "tests/browser/test_chat.py",
    "/assistant/c/<token>/delete": "tests/browser/test_privacy.py",
    **{
        f"/assistant/c/<token>/offer{path}": "tests/browser/test_offer.py"
        for path in (
            "",
            "/organisation",
            "/commitments/new",
            "/commitments/<commitment_id>",
            "/commitments/<commitment_id>/remove",
            "/narrative",
            "/wording",
            "/submit",
            "/submissions/<reference>",
        )
    },
    **{
        f"/staff/opportunities/<code>{path}": "tests/browser/test_staff.py"
        for path in (
            "",
            "/edit",
            "/offers/<reference>",
            "/compare",
            "/summaries",
            "/panel",
            "/declaration",
        )
    },
    **{
        path: "tests/browser/test_contracts.py"
        for path in (
            "/staff/contracts/award/<reference>",
            "/staff/contracts/<int:contract_id>",
            "/staff/contracts/<int:contract_id>/schedule",
            "/staff/contracts/<int:contract_id>/returns",
            "/staff/contracts/<int:contract_id>/returns/<int:return_id>",
            "/staff/contracts/<int:contract_id>/periods/<int:period>/review",
            "/staff/contracts/<int:contract_id>/assessment",
            "/assistant/c/<token>/contracts/<int:contract_id>",
            "/assistant/c/<token>/contracts/<int:contract_id>/return",
        )
    },
    **{
        path: "tests/browser/test_training.py"
        for path in (
            "/staff/sessions/<int:session_id>",
            "/staff/sessions/<int:session_id>/handout",
            "/staff/sessions/<int:session_id>/close",
            # The live part of the session page, swapped in by its script: scanned within it.
            "/staff/sessions/<int:session_id>/live",
        )
    },
    **{
        path: "tests/browser/test_exchange.py"
        for path in (
            "/exchange/<council_id>/needs/<int:need_id>",
            "/exchange/your-needs/<int:need_id>",
            "/exchange/your-needs/<int:need_id>/close",
            "/exchange/your-needs/<int:need_id>/received",
            "/staff/exchange/needs/<int:need_id>",
            "/staff/exchange/organisations/<int:organisation_id>/decline",
        )
    },
}


def _app_routes() -> tuple[list[str], list[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"INSTANCE_PATH": tmp, "DATABASE": f"{tmp}/routes.sqlite3"})
        return html_pages(app), routes_with_parameters(app)


PAGES, PARAMETER_ROUTES = _app_routes()
SCANNED = PAGES + list(PARAMETER_EXAMPLES.values())


def test_every_route_with_parameters_has_an_example_to_scan():
    missing = set(PARAMETER_ROUTES) - set(PARAMETER_EXAMPLES) - set(SCANNED_ELSEWHERE)
    assert not missing, f"add an example URL to scan for {sorted(missing)}"


@pytest.mark.parametrize("path", SCANNED)
def test_page_has_no_accessibility_errors(reused_tab, live_server, scan, path):
    page = reused_tab("anonymous")
    page.goto(f"{live_server}{path}")
    assert scan(page, path) == []


@pytest.mark.parametrize("path", SCANNED)
def test_signed_in_page_has_no_accessibility_errors(reused_tab, live_server, scan, path):
    page = reused_tab("staff")
    page.goto(f"{live_server}{path}")
    assert scan(page, f"{path} (signed in)") == []


@pytest.mark.parametrize("path", SCANNED)
def test_page_fits_a_320px_screen(reused_tab, live_server, path):
    page = reused_tab("anonymous", NARROW)
    page.goto(f"{live_server}{path}")
    assert fits_width(page, NARROW["width"])


def test_not_found_page_has_no_accessibility_errors(page, live_server, scan):
    response = page.goto(f"{live_server}/no-such-page")
    assert response.status == 404
    assert scan(page, "/no-such-page (404)") == []


def test_sign_in_errors_have_no_accessibility_errors_and_link_to_fields(page, live_server, scan):
    page.goto(f"{live_server}/staff/sign-in")
    with page.expect_navigation():
        page.click("button:has-text('Sign in')")
    assert page.title().startswith("Error: ")
    page.click(".govuk-error-summary a[href='#email']")
    assert page.evaluate("document.activeElement.id") == "email"
    assert scan(page, "/staff/sign-in (with errors)") == []


def test_expired_form_page_has_no_accessibility_errors(page, live_server, scan):
    page.goto(f"{live_server}/staff/sign-in")
    page.context.clear_cookies()
    page.fill("#email", "someone@example.org")
    page.fill("#password", "whatever")
    with page.expect_navigation():
        page.click("button:has-text('Sign in')")
    assert page.locator("h1").inner_text() == "Your form has expired"
    assert scan(page, "CSRF expired (400)") == []


def test_govuk_frontend_javascript_runs_under_the_content_security_policy(page, live_server):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{live_server}/staff/sign-in")
    body_classes = page.evaluate("document.body.className")
    assert "govuk-frontend-supported" in body_classes
    page.wait_for_selector(".govuk-password-input__toggle:not([hidden])")
    assert errors == []
