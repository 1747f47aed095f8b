"""Help answers and the plan on a page, in Chromium: accessible, printable, no JavaScript needed."""

import subprocess

import pytest


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("how is social value scored", "answer"),
        ("tell me about value", "did you mean / no answer"),
        ("what time do the bins go out", "no answer"),
    ],
)
def test_help_results_have_no_accessibility_errors(page, live_server, scan, question, label):
    page.goto(f"{live_server}/help/")
    page.fill("#q", question)
    with page.expect_navigation():
        page.click("button:has-text('Search')")
    page.locator(".app-help-result").wait_for()
    assert scan(page, f"/help/?q=… ({label})") == []


def test_help_works_without_javascript(visitor, live_server):
    page = visitor(javascript=False)
    page.goto(f"{live_server}/help/")
    page.fill("#q", "what is the london living wage")
    with page.expect_navigation():
        page.click("button:has-text('Search')")
    assert "living wage" in page.locator(".app-help-result h2").inner_text().lower()


@pytest.mark.parametrize("council_id", ["tower-hamlets", "suffolk", "sandwell"])
def test_plan_on_a_page_is_accessible_and_prints_on_one_a4_page(
    page, live_server, scan, council_id, tmp_path
):
    page.goto(f"{live_server}/councils/{council_id}/plan")
    assert scan(page, f"/councils/{council_id}/plan") == []
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    assert pages.split()[-1] == "1", f"plan for {council_id} prints on {pages}"
