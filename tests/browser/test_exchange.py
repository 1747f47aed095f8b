"""The needs exchange in Chromium: an organisation registers and posts a need, staff verify it
and approve the need, and the public board and need page work with JavaScript off (filters are
a plain GET form); axe-core and HTML_CodeSniffer on every page and state, and each fits
320px."""

from tests.helpers.browser import click

NARROW = {"width": 320, "height": 640}
EMAIL = "browser.farm@charity.example"
PASSWORD = "browser organisation password"


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]


def register(organisation, live_server, scan) -> None:
    organisation.goto(f"{live_server}/exchange/tower-hamlets/register")
    click(organisation, "button:has-text('Create account')")
    assert organisation.title().startswith("Error: ")
    assert scan(organisation, "/exchange/<council_id>/register (errors)") == []
    for field, value in {
        "#name": "Browser City Farm", "#number": "1234567", "#address": "1 Farm Lane",
        "#postcode": "E3 2AA", "#contact_name": "Pat Grower", "#email": EMAIL,
        "#password": PASSWORD, "#confirm": PASSWORD,
    }.items():  # fmt: skip
        organisation.fill(field, value)
    click(organisation, "button:has-text('Create account')")
    assert "Sign in with your email address" in organisation.locator("main").inner_text()
    assert scan(organisation, "/exchange/sign-in (registered)") == []
    organisation.fill("#email", EMAIL)
    organisation.fill("#password", PASSWORD)
    click(organisation, "button:has-text('Sign in')")
    assert organisation.url == f"{live_server}/exchange/your-needs/"
    assert "has not verified your organisation yet" in organisation.locator("main").inner_text()
    assert scan(organisation, "/exchange/your-needs/ (unverified, no needs)") == []


def post_need(organisation, live_server, scan, title: str, category: str) -> int:
    organisation.goto(f"{live_server}/exchange/your-needs/new")
    click(organisation, "button:has-text('Save need')")
    assert scan(organisation, "/exchange/your-needs/new (errors)") == []
    organisation.fill("#title", title)
    organisation.fill("#description", "Five people to help plant the beds.\nTools provided.")
    organisation.select_option("#measure_id", category)
    organisation.fill("#quantity", "40")
    organisation.fill("#timescale", "by May 2027")
    organisation.fill("#area", "Bow")
    click(organisation, "button:has-text('Save need')")
    href = organisation.locator(".govuk-summary-card a:has-text('Change')").first.get_attribute(
        "href"
    )
    return int(href.rsplit("/", 1)[-1])


def test_from_registering_to_a_published_need_with_no_accessibility_errors(
    visitor, signed_in_page, live_server, scan, scan_without_scripts
):
    organisation = visitor()
    register(organisation, live_server, scan)
    need_id = post_need(
        organisation, live_server, scan, "Volunteers for planting", "employee-volunteering-hours"
    )
    other_id = post_need(
        organisation, live_server, scan, "Laptops for the homework club", "equipment-donated"
    )
    assert scan(organisation, "/exchange/your-needs/ (two pending)") == []

    staff = signed_in_page
    staff.goto(f"{live_server}/staff/exchange/")
    assert scan(staff, "/staff/exchange/ (an organisation waiting)") == []
    click(staff, "a:has-text('Do not verify')")  # then thinks better of it
    assert scan(staff, "/staff/exchange/organisations/<organisation_id>/decline") == []
    click(staff, "button:has-text('Do not verify')")
    assert staff.title().startswith("Error: ")
    assert scan(staff, "/staff/exchange/organisations/<organisation_id>/decline (errors)") == []
    staff.goto(f"{live_server}/staff/exchange/")
    click(staff, "button:has-text('Verify Browser City Farm')")
    for need in (need_id, other_id):
        staff.goto(f"{live_server}/staff/exchange/needs/{need}")
        click(staff, "button:has-text('Save decision')")
        assert staff.title().startswith("Error: ")
        assert scan(staff, "/staff/exchange/needs/<need_id> (errors)") == []
        staff.check("input[value=approved]")
        staff.fill("#note", "Clear and local")
        click(staff, "button:has-text('Save decision')")
    assert scan(staff, "/staff/exchange/?status=approved") == []
    staff.goto(f"{live_server}/staff/exchange/needs/{need_id}")
    assert scan(staff, "/staff/exchange/needs/<need_id> (approved)") == []
    staff.goto(f"{live_server}/exchange/tower-hamlets/needs/{need_id}")
    assert scan(staff, "/exchange/<council_id>/needs/<need_id> (JS on)") == []

    organisation.goto(f"{live_server}/exchange/your-needs/{need_id}")
    assert (
        "goes back to the council for approval"
        in organisation.locator(".govuk-warning-text").inner_text()
    )
    assert scan(organisation, "/exchange/your-needs/<need_id> (approved)") == []
    organisation.goto(f"{live_server}/exchange/your-needs/{need_id}/received")
    organisation.click("button:has-text('Confirm')")
    organisation.wait_for_selector(".govuk-error-summary")
    assert scan(organisation, "/exchange/your-needs/<need_id>/received (errors)") == []
    organisation.goto(f"{live_server}/exchange/your-needs/{other_id}/close")
    assert scan(organisation, "/exchange/your-needs/<need_id>/close") == []
    organisation.set_viewport_size(NARROW)
    for path in (
        "/exchange/your-needs/",
        f"/exchange/your-needs/{need_id}",
        f"/exchange/your-needs/{need_id}/received",
        "/exchange/tower-hamlets/register",
    ):
        organisation.goto(f"{live_server}{path}")
        assert fits(organisation), path

    the_public = visitor(javascript=False, viewport=NARROW)
    without_scripts = scan_without_scripts
    the_public.goto(f"{live_server}/exchange/tower-hamlets/needs")
    titles = the_public.locator(".app-need h3").all_inner_texts()
    assert {"Volunteers for planting", "Laptops for the homework club"} <= set(titles)
    assert fits(the_public)
    assert without_scripts(the_public, "/exchange/<council_id>/needs (JS off)") == []
    the_public.check("input[name=theme][value=communities]")
    the_public.select_option("#category", "equipment-donated")
    click(the_public, "button:has-text('Apply filters')")
    assert "theme=communities" in the_public.url and "category=equipment-donated" in the_public.url
    assert the_public.locator(".app-need h3").all_inner_texts() == ["Laptops for the homework club"]
    assert fits(the_public)
    assert without_scripts(the_public, "/exchange/<council_id>/needs?theme&category (JS off)") == []
    click(the_public, "a:has-text('Laptops for the homework club')")
    main = the_public.locator("main").inner_text()
    assert "40 items" in main and "Browser City Farm" in main
    assert EMAIL not in main and "Pat Grower" not in main and "1 Farm Lane" not in main
    assert fits(the_public)
    assert without_scripts(the_public, "/exchange/<council_id>/needs/<need_id> (JS off)") == []


def test_a_need_that_is_not_public_is_not_found(page, live_server, scan):
    response = page.goto(f"{live_server}/exchange/tower-hamlets/needs/999999")
    assert response.status == 404
    assert scan(page, "/exchange/<council_id>/needs/<need_id> (not public: 404)") == []
