"""Browser-test fixtures: the real app under gunicorn, Debian's Chromium, axe-core and pa11y's
HTML_CodeSniffer."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

import store
from store.opportunities import create_opportunity
from store.staff import create_staff
from tests.helpers.browser import (
    CHROMIUM,
    OPPORTUNITY_CODE,
    SCRIPT,
    STAFF_EMAIL,
    STAFF_PASSWORD,
    page_state,
)
from tests.helpers.pa11y import STANDARD, HtmlCodeSniffer
from tests.helpers.server import Gunicorn

# (page label, how many problems), one per scan: axe's violations and HTML_CodeSniffer's errors.
AXE_SCANS: list[tuple[str, int]] = []
HTMLCS_SCANS: list[tuple[str, int]] = []
DEFAULT_VIEW = {"width": 1280, "height": 720}  # Playwright's


def pytest_collection_modifyitems(items):
    """Every test in this folder is a browser test."""
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter):
    """Print how many pages axe and HTML_CodeSniffer scanned and what they found, so CI output
    shows it."""
    if not AXE_SCANS:
        return
    total = sum(count for _, count in AXE_SCANS)
    terminalreporter.section("axe-core accessibility scans")
    for label, count in AXE_SCANS:
        terminalreporter.write_line(f"{count} violations  {label}")
    terminalreporter.write_line(
        f"axe-core: {len(AXE_SCANS)} pages checked ({len(SCANNED_STATES)} distinct page states "
        f"scanned), {total} violations"
    )
    terminalreporter.section(f"HTML_CodeSniffer (pa11y's runner, {STANDARD})")
    for label, count in HTMLCS_SCANS:
        if count:
            terminalreporter.write_line(f"{count} errors  {label}")
    terminalreporter.write_line(
        f"HTML_CodeSniffer (pa11y's runner, {STANDARD}): {len(HTMLCS_SCANS)} pages, "
        f"{sum(count for _, count in HTMLCS_SCANS)} errors"
    )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium; fail, never skip, when it is missing."""
    if not CHROMIUM.exists():
        pytest.fail("Browser tests need Debian's Chromium at /usr/bin/chromium (run `make test`).")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            # No GPU here: raster and composite in software directly, not through SwiftShader's
            # emulated GPU (about 7% less of Chromium's CPU; pages look the same).
            "--disable-gpu-rasterization",
            "--disable-gpu-compositing",
            "--disable-software-rasterizer",
        ],
    }


@pytest.fixture(scope="session")
def live_database(tmp_path_factory) -> Path:
    """The live server's database file, with one admin account and an open opportunity."""
    tmp = tmp_path_factory.mktemp("live")
    database = tmp / "live.sqlite3"
    db = store.connect(database)
    store.migrate(db)
    create_staff(
        db,
        email=STAFF_EMAIL,
        name="Browser Admin",
        council_id="tower-hamlets",
        role="admin",
        password=STAFF_PASSWORD,
    )
    create_opportunity(
        db,
        code=OPPORTUNITY_CODE,
        council_id="tower-hamlets",
        title="Lunch club service (browser tests)",
        closes_at="2099-01-01T12:00:00+00:00",
        value_gbp=40000,
        word_limit=250,
    )
    db.close()
    return database


@pytest.fixture(scope="session")
def live_server(live_database):
    """The app served by gunicorn on a free loopback port."""
    server = Gunicorn(live_database.parent, live_database).start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def axe():
    """An axe-core runner (axe-core 4.x bundled with axe-playwright-python)."""
    return Axe()


@pytest.fixture(scope="session")
def htmlcs():
    """pa11y's HTML_CodeSniffer runner at WCAG2AA (pa11y and @pa11y/html_codesniffer from
    package.json)."""
    return HtmlCodeSniffer()


# Page states already scanned, by fingerprint: axe's violations and HTML_CodeSniffer's errors.
# Many tests reach the same state (the sign-in page every staff page sends a stranger to; a page
# seen before and after signing in with the same header); each tool runs once per state.
SCANNED_STATES: dict[str, tuple[list[dict], list[dict]]] = {}


@pytest.fixture
def scan(axe, htmlcs):
    """Run axe and HTML_CodeSniffer on the page as it stands (once per page state), record the
    results, and return every problem found: axe's violations, then HTML_CodeSniffer's errors."""

    def run(page, label: str) -> list[dict]:
        state = page_state(page)
        if state not in SCANNED_STATES:
            violations = [
                {"axe": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
                for v in axe.run(page).response["violations"]
            ]
            errors = [{"htmlcs": error.pop("code"), **error} for error in htmlcs.errors(page)]
            SCANNED_STATES[state] = (violations, errors)
        violations, errors = SCANNED_STATES[state]
        AXE_SCANS.append((label, len(violations)))
        HTMLCS_SCANS.append((label, len(errors)))
        return violations + errors

    return run


# A new browser context costs Chromium about a second of CPU (a new renderer process and
# profile); a new page in an existing one about half that. Pages that need no isolation of
# their own share a context per kind of visitor, with the cookies cleared before each test.


@pytest.fixture(scope="session")
def _anonymous_context(browser, browser_context_args):
    context = browser.new_context(**browser_context_args)
    yield context
    context.close()


@pytest.fixture
def context(_anonymous_context):
    """The browser context of an anonymous visitor: shared, starting with no cookies."""
    _anonymous_context.clear_cookies()
    return _anonymous_context


@pytest.fixture
def page(context):
    """A new tab for this test in the anonymous visitor's context."""
    tab = context.new_page()
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def _visitor_contexts(browser, browser_context_args):
    contexts = {
        javascript: browser.new_context(**browser_context_args, java_script_enabled=javascript)
        for javascript in (True, False)
    }
    yield contexts
    for context in contexts.values():
        context.close()


@pytest.fixture
def visitor(_visitor_contexts):
    """Another visitor, apart from `page` and from staff: `visitor(javascript=False,
    viewport=NARROW)` gives a new tab in a shared context with that JavaScript setting, with no
    cookies. A test has at most one visitor of each setting."""
    used, tabs = set(), []

    def new_visitor(javascript: bool = True, viewport: dict | None = None):
        assert javascript not in used, "one visitor per JavaScript setting in a test"
        used.add(javascript)
        context = _visitor_contexts[javascript]
        context.clear_cookies()
        tab = context.new_page()
        if viewport:
            tab.set_viewport_size(viewport)
        tabs.append(tab)
        return tab

    yield new_visitor
    for tab in tabs:
        tab.close()


@pytest.fixture(scope="session")
def staff_context(browser, browser_context_args, live_server):
    """A staff admin's browser context, signed in once through the real sign-in form."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server}/staff/sign-in")
    page.fill("#email", STAFF_EMAIL)
    page.fill("#password", STAFF_PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_url(f"{live_server}/staff/")
    page.close()
    yield context
    context.close()


@pytest.fixture
def signed_in_page(staff_context):
    """A new tab for this test, signed in as a staff admin."""
    tab = staff_context.new_page()
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def _long_lived_tabs(_anonymous_context, staff_context):
    tabs = {"anonymous": _anonymous_context.new_page(), "staff": staff_context.new_page()}
    yield tabs
    for tab in tabs.values():
        tab.close()


@pytest.fixture
def reused_tab(_anonymous_context, _long_lived_tabs, browser_context_args):
    """For tests that only look at a page: one long-lived tab per visitor ("anonymous" with no
    cookies, or "staff"), at the usual window size or `viewport`. A new tab costs Chromium a
    third of a second of CPU; the page scans make a hundred."""

    def open_tab(who: str = "anonymous", viewport: dict | None = None):
        tab = _long_lived_tabs[who]
        if who == "anonymous":
            _anonymous_context.clear_cookies()
        tab.set_viewport_size(viewport or browser_context_args.get("viewport") or DEFAULT_VIEW)
        return tab

    return open_tab


@pytest.fixture(scope="session")
def _scanner_context(browser):
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def scan_without_scripts(_scanner_context, scan):
    """Scan a page seen with JavaScript off. axe and HTML_CodeSniffer need JavaScript to run, so
    the same URL is loaded, with the page's cookies, in a tab that has every <script> removed
    from the HTML."""

    def run(page, label: str) -> list[dict]:
        _scanner_context.clear_cookies()
        _scanner_context.add_cookies(page.context.cookies())
        tab = _scanner_context.new_page()
        if page.viewport_size:
            tab.set_viewport_size(page.viewport_size)
        url = page.url.split("#")[0]

        def strip_scripts(route):
            response = route.fetch()
            route.fulfill(response=response, body=SCRIPT.sub("", response.text()))

        tab.route(url, strip_scripts)
        tab.goto(url)
        assert tab.locator("script").count() == 0
        try:
            return scan(tab, label)
        finally:
            tab.close()

    return run
