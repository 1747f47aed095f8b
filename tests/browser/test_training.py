"""Training sessions in Chromium: the join page on a phone (320px, JavaScript on and off),
the trainer's live view refreshing itself, the handout; axe-core and HTML_CodeSniffer on
each."""

import subprocess

from tests.helpers.browser import click

NARROW = {"width": 320, "height": 640}


def test_join_page_and_live_view_with_no_accessibility_errors(
    signed_in_page, visitor, live_server, scan, tmp_path
):
    trainer = signed_in_page
    trainer.goto(f"{live_server}/staff/sessions/")
    assert scan(trainer, "/staff/sessions/") == []
    click(trainer, "a:has-text('Create a session')")
    click(trainer, "button:has-text('Create session')")
    assert trainer.title().startswith("Error: ")
    assert scan(trainer, "/staff/sessions/new (errors)") == []
    trainer.fill("#title", "Meet the buyer: community meals")
    trainer.check("input[name=opportunity]")
    click(trainer, "button:has-text('Create session')")
    session = trainer.url.removeprefix(live_server)
    code = trainer.locator(".app-join-code span[aria-hidden]").inner_text()
    assert scan(trainer, "/staff/sessions/<session_id> (empty)") == []

    # An attendee on a phone joins; then one without JavaScript.
    attendee = visitor(viewport=NARROW)
    attendee.goto(f"{live_server}/join/?code={code}")
    assert attendee.evaluate("document.documentElement.scrollWidth") <= 320
    assert scan(attendee, "/join/") == []
    click(attendee, "button:has-text('Join the session')")
    assert "/assistant/c/" in attendee.url
    no_js = visitor(javascript=False, viewport=NARROW)
    no_js.goto(f"{live_server}/join/")
    no_js.fill("#code", "WRONG2")
    with no_js.expect_navigation():
        no_js.click("button:has-text('Join the session')")
    assert no_js.title().startswith("Error: ")
    assert no_js.evaluate("document.documentElement.scrollWidth") <= 320
    no_js.fill("#code", code.lower())
    no_js.fill("#name", "Sam")
    with no_js.expect_navigation():
        no_js.click("button:has-text('Join the session')")
    assert "/assistant/c/" in no_js.url

    # The live view updates itself (no reload), and can be stopped.
    trainer.reload()
    trainer.wait_for_selector("#live h2:has-text('2 attendees')")
    attendee.fill("#text", "Riverside Community Kitchen")
    click(attendee, "button:has-text('Send')")
    trainer.wait_for_selector("#live-status:has-text('Updated at')", timeout=15_000)
    assert trainer.locator("#live-toggle").inner_text() == "Stop updating"
    trainer.click("#live-toggle")
    assert trainer.locator("#live-toggle").inner_text() == "Start updating"
    assert scan(trainer, "/staff/sessions/<session_id>") == []
    trainer.goto(f"{live_server}{session}/handout")
    assert scan(trainer, "/staff/sessions/<session_id>/handout") == []
    pdf = tmp_path / "handout.pdf"
    trainer.pdf(path=str(pdf), format="A4", print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    assert pages.split()[-1] == "2", f"the handout prints on {pages}"  # the brief, then the plan
    trainer.emulate_media(media="print")
    code_size = trainer.eval_on_selector(
        ".app-join-box .app-join-code", "e => getComputedStyle(e).fontSize"
    )
    trainer.emulate_media(media="screen")
    assert float(code_size.removesuffix("px")) >= 50, code_size  # 40pt: readable across a room
    trainer.goto(f"{live_server}{session}")
    click(trainer, "a:has-text('Close the session')")
    said = "Closing deletes 1 attendee's name and 1 question asked in the room"
    assert said in trainer.inner_text("main")  # one joined with a name, one without
    assert scan(trainer, "/staff/sessions/<session_id>/close") == []
    click(trainer, "button:has-text('Close the session')")
    assert "No one can join now" in trainer.content()
    assert scan(trainer, "/staff/sessions/<session_id> (closed)") == []
    trainer.set_viewport_size(NARROW)
    for path in (session, f"{session}/handout", "/staff/sessions/new"):
        trainer.goto(f"{live_server}{path}")
        assert trainer.evaluate("document.documentElement.scrollWidth") <= 320, path
