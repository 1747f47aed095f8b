"""The offer pages in Chromium: edit a commitment and see the check change, download every
format, submit; axe-core and HTML_CodeSniffer on every offer page."""

from tests.helpers.browser import OPPORTUNITY_CODE, fits_width
from tests.helpers.http_clients import finished_conversation

NARROW = {"width": 320, "height": 640}


def finished_offer(live_server) -> str:
    """A finished conversation (driven through the API); its offer page's URL."""
    created = finished_conversation(live_server)
    return f"{live_server}/assistant/c/{created['token']}/offer"


def click(page, selector):
    with page.expect_navigation():
        page.click(selector)


def test_offer_pages_edit_download_submit_with_no_accessibility_errors(page, live_server, scan):
    offer = finished_offer(live_server)
    page.goto(offer)
    assert scan(page, "/assistant/c/<token>/offer") == []
    assert page.locator("#commitment-c1 .app-check--problem").count() == 0

    click(page, "#commitment-c1 a:has-text('Change')")
    assert scan(page, "/assistant/c/<token>/offer/commitments/<commitment_id>") == []
    page.fill("#quantity", "")
    click(page, "button:has-text('Save commitment')")
    assert page.title().startswith("Error: ")
    assert scan(page, "/assistant/c/<token>/offer/commitments/<commitment_id> (errors)") == []
    page.fill("#quantity", "6")
    page.fill("#delivery", "We will seek to take trainees where possible")
    click(page, "button:has-text('Save commitment')")
    card = page.locator("#commitment-c1")
    assert "6 weeks" in card.inner_text()
    assert "promises nothing the council can score" in card.inner_text()

    for path, label in [
        ("/organisation", "/organisation"),
        ("/commitments/new", "/commitments/new"),
        ("/commitments/c2/remove", "/commitments/<commitment_id>/remove"),
        ("/narrative", "/narrative"),
        ("/submit", "/submit"),
    ]:
        page.goto(offer + path)
        assert scan(page, f"/assistant/c/<token>/offer{label}") == []

    page.goto(offer)
    for link in page.locator("#downloads + ul a").all():
        with page.expect_download() as info:
            link.click()
        download = info.value
        assert download.failure() is None
        assert download.path().stat().st_size > 200, download.suggested_filename

    page.goto(offer + "/submit")
    page.fill("#code", OPPORTUNITY_CODE)
    page.check("#declaration")
    click(page, "button:has-text('Submit offer')")
    assert "Offer submitted" in page.locator(".govuk-panel").inner_text()
    assert scan(page, "/assistant/c/<token>/offer/submissions/<reference>") == []


def test_offer_page_fits_a_320px_screen(visitor, live_server):
    offer = finished_offer(live_server)
    page = visitor(viewport=NARROW)
    page.goto(offer)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]


def test_tidy_wording_works_with_and_without_javascript_at_320px(
    visitor, live_server, scan, scan_without_scripts
):
    for javascript in (True, False):
        tab = visitor(javascript=javascript, viewport=NARROW)
        offer = finished_offer(live_server)
        tab.goto(offer + "/organisation")
        tab.fill("#activity", "we do cheap hot meals for 40 older ppl in bow lol")
        click(tab, "button:has-text('Save')")
        assert "Tidy your wording" in tab.locator("#tidy").inner_text()
        click(tab, "#tidy a")
        label = "JavaScript on" if javascript else "JavaScript off"
        scanner = scan if javascript else scan_without_scripts
        assert scanner(tab, f"/assistant/c/<token>/offer/wording (320 px, {label})") == []
        assert fits_width(tab, 320)
        assert tab.locator("form fieldset legend").all_inner_texts() == [
            "Change “ppl” to “people”?",
            "Change “bow” to “Bow”?",
            "Leave out “lol”?",
        ]
        tab.check("#s0")  # yes: "people"
        tab.check("#s2-2")  # no: keep "lol"; "bow" is left for later
        click(tab, "button:has-text('Save my choices')")
        tab.goto(offer + "/organisation")
        assert (
            tab.input_value("#activity") == "we do cheap hot meals for 40 older people in bow lol"
        )
        tab.goto(offer + "/wording")
        assert tab.locator("form fieldset legend").all_inner_texts() == ["Change “bow” to “Bow”?"]
