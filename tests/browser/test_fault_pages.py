"""The pages a supplier sees when something refuses them: too many attempts (429), too large
(413) and a database that could not take the answer (503), in the real browser with
JavaScript on: axe-core and HTML_CodeSniffer find nothing, they fit a 320px screen, and Try
again works."""

import pytest

from tests.helpers.browser import NARROW, fits_width
from tests.helpers.faults import disk_full
from tests.helpers.server import Gunicorn, migrated_database

TOO_MANY = "You have done that too many times in a short time"


@pytest.fixture(scope="module")
def limited(tmp_path_factory):
    """The app under gunicorn with rate limits on, signing in limited to 2 a minute."""
    folder = tmp_path_factory.mktemp("limited")
    server = Gunicorn(folder, migrated_database(folder / "limited.sqlite3"), rate_limits=True)
    server.env["SVOA_RATELIMIT_SIGN_IN"] = "2 per minute"
    server.start()
    yield server
    server.stop()


def _start_chat(page, server) -> str:
    page.goto(f"{server.url}/assistant/")
    with page.expect_navigation():
        page.click("button:has-text('Start now')")
    return page.url


def _check(page, scan, label, heading):
    assert page.locator("h1").inner_text() == heading
    assert scan(page, label) == []
    page.set_viewport_size(NARROW)
    assert fits_width(page, NARROW["width"])


def test_too_many_sign_ins_get_a_plain_page(page, limited, scan):
    page.goto(f"{limited.url}/staff/sign-in")
    for _ in range(5):  # 2 a minute, counted in each of the 2 workers: the 5th is refused
        page.fill("#email", "someone@tower-hamlets.example")
        page.fill("#password", "not the password")
        with page.expect_navigation():
            page.click("button:has-text('Sign in')")
        if page.locator("h1").inner_text() == TOO_MANY:
            break
    _check(page, scan, "too many attempts (429)", TOO_MANY)


def test_an_answer_over_1_mb_gets_a_plain_page(page, limited, scan):
    _start_chat(page, limited)
    page.fill("#text", "x" * 1_100_000)
    page.click("button:has-text('Continue')")  # the chat's script shows the error page
    page.wait_for_selector("h1:has-text('What you sent is too large')")
    _check(page, scan, "too large (413)", "What you sent is too large")


def test_an_answer_the_disk_refused_can_be_sent_again(page, limited, scan):
    chat = _start_chat(page, limited)
    page.fill("#text", "Riverside Kitchen")
    disk_full(limited, True)
    try:
        page.click("button:has-text('Continue')")
        page.wait_for_selector("h1:has-text('Sorry, we could not save your answer')")
    finally:
        disk_full(limited, False)
    assert "We could not save your answer, please try again." in page.content()
    assert scan(page, "answer not saved (503)") == []
    with page.expect_navigation():
        page.click("button:has-text('Try again')")
    assert page.url.startswith(chat)
    said = page.locator(".app-chat__message--user .app-chat__text").all_inner_texts()
    assert said == ["Riverside Kitchen"]  # saved once, on the second try
