"""Browser-test fixtures: the real app under gunicorn, Debian's Chromium, and axe-core."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

import store
from store.opportunities import create_opportunity
from store.staff import create_staff
from tests.helpers.browser import (
    CHROMIUM,
    OPPORTUNITY_CODE,
    STAFF_EMAIL,
    STAFF_PASSWORD,
    page_state,
)
from tests.helpers.server import Gunicorn

AXE_SCANS: list[tuple[str, int]] = []


def pytest_collection_modifyitems(items):
    """Every test in this folder is a browser test."""
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter):
    """Print how many pages axe scanned and what it found, so CI output shows it."""
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


# Page states already scanned, by fingerprint: their violations. Many tests reach the same
# state (the sign-in page every staff page sends a stranger to; a page seen before and after
# signing in with the same header); axe runs once per state.
SCANNED_STATES: dict[str, list[dict]] = {}


@pytest.fixture
def scan(axe):
    """Run axe on the page as it stands (once per page state), record the result, and return
    the violations."""

    def run(page, label: str) -> list[dict]:
        state = page_state(page)
        if state not in SCANNED_STATES:
            violations = axe.run(page).response["violations"]
            SCANNED_STATES[state] = [
                {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
                for v in violations
            ]
        AXE_SCANS.append((label, len(SCANNED_STATES[state])))
        return SCANNED_STATES[state]

    return run


@pytest.fixture(scope="session")
def staff_storage_state(browser, live_server) -> dict:
    """Cookies of a staff admin signed in once, through the real sign-in form."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server}/staff/sign-in")
    page.fill("#email", STAFF_EMAIL)
    page.fill("#password", STAFF_PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_url(f"{live_server}/staff/")
    state = context.storage_state()
    context.close()
    return state


@pytest.fixture
def signed_in_page(browser, browser_context_args, staff_storage_state, live_server):
    """A browser page signed in as a staff admin (the session made once, for every test)."""
    context = browser.new_context(**browser_context_args, storage_state=staff_storage_state)
    page = context.new_page()
    yield page
    context.close()
