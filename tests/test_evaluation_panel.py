"""Evaluation panels: only the people on an opportunity's panel who have declared no conflict
of interest with its bidders see its offers; scoring may open early with a recorded reason;
whoever scored a version the supplier then replaced is told."""

import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook

from permissions.panel import (
    CONFLICTED,
    DECLARE_FIRST,
    JOIN_FIRST,
    NOT_ON_PANEL,
    Declaration,
    offer_access_refusal,
)
from tests.helpers.offers import api_submit, finish
from tests.helpers.pages import error_summary_links, parse
from tests.helpers.staff import Person
from tests.test_staff_evaluation import close, create_opportunity_page, scores


def words(soup) -> str:
    return " ".join(soup.text.split())


@pytest.fixture
def people(app, db):
    return {
        "admin": Person(app, db, "admin"),
        "first": Person(app, db, "evaluator", name="first"),
        "second": Person(app, db, "evaluator", name="second"),
    }


def staff_id(db, person) -> int:
    return db.execute("SELECT id FROM staff WHERE email = ?", [person.email]).fetchone()[0]


def add(admin, code, db, person):
    admin.post(f"/staff/opportunities/{code}/panel", {"staff_id": str(staff_id(db, person))})


@pytest.mark.parametrize(
    ("role", "declaration", "refusal"),
    [
        ("evaluator", Declaration(on_panel=False), NOT_ON_PANEL),
        ("moderator", Declaration(on_panel=False), JOIN_FIRST),
        ("evaluator", Declaration(on_panel=True), DECLARE_FIRST),
        ("admin", Declaration(on_panel=True, declared=True, conflict=True), CONFLICTED),
        ("evaluator", Declaration(on_panel=True, declared=True), None),
    ],
)
def test_who_sees_an_opportunitys_offers(role, declaration, refusal):
    assert offer_access_refusal(role, declaration) == refusal


def test_new_bidders_since_a_declaration_need_another():
    one = Declaration(on_panel=True, declared=True, bidders_not_covered=1)
    two = Declaration(on_panel=True, declared=True, bidders_not_covered=2)
    assert offer_access_refusal("evaluator", one).startswith("A new bidder has offered since")
    assert offer_access_refusal("evaluator", two).startswith("2 new bidders have offered since")


def test_only_the_panel_sees_offers_and_each_declares_first(client, db, people):
    admin, first, second = people["admin"], people["first"], people["second"]
    code = create_opportunity_page(admin)
    reference = api_submit(client, finish(client), code).json["reference"]
    close(db, code)
    review = f"/staff/opportunities/{code}/offers/{reference}"

    # Not on the panel: no offers anywhere, and a page that says why.
    page = parse(first.client.get(f"/staff/opportunities/{code}"))
    assert not page.select("table.app-offers") and NOT_ON_PANEL in words(page)
    for path in (review, f"/staff/opportunities/{code}/compare"):
        refused = parse(first.client.get(path), 403)
        assert NOT_ON_PANEL in words(refused) and "Declare your interests" not in words(refused)
    assert first.client.get(f"/staff/opportunities/{code}/declaration").status_code == 403

    # Added by the admin: asked to declare, shown the bidders' names only.
    add(admin, code, db, first)
    add(admin, code, db, second)
    assert DECLARE_FIRST in words(parse(first.client.get(review), 403))
    landing = words(parse(first.client.get("/staff/")))
    assert "Declarations of interest to make (1)" in landing
    form = parse(first.client.get(f"/staff/opportunities/{code}/declaration"))
    assert "Riverside" in words(form.select_one("main ul"))  # the charity's name
    assert not form.select(".govuk-summary-card")  # no offer shown before the declaration

    # A conflict needs saying what it is; then it keeps them out.
    empty = parse(second.declare(code, conflict=" ", status=400), 400)
    assert [text for text, _ in error_summary_links(empty)] == [
        "Say what the conflict of interest is"
    ]
    second.declare(code, conflict="My sister runs the charity")
    assert CONFLICTED in words(parse(second.client.get(review), 403))
    assert "Declarations of interest to make" in words(parse(second.client.get("/staff/")))
    assert "No evaluation panel is waiting" in words(parse(second.client.get("/staff/")))

    # No conflict: the offers are there.
    first.declare(code)
    assert parse(first.client.get(review)).select(".govuk-summary-card")
    listed = parse(first.client.get(f"/staff/opportunities/{code}"))
    assert len(listed.select("table.app-offers tbody tr")) == 1

    # The admin sees the panel, the conflict and what it is; takes the conflicted one off.
    panel = words(parse(admin.client.get(f"/staff/opportunities/{code}/panel")))
    assert "Conflict of interest My sister runs the charity" in panel
    assert "No conflict" in panel
    remove = f"/staff/opportunities/{code}/panel/{staff_id(db, second)}/remove"
    admin.post(remove, {}, page=f"/staff/opportunities/{code}/panel")
    admin.post(remove, {}, page=f"/staff/opportunities/{code}/panel")  # a second click: no change
    assert NOT_ON_PANEL in words(parse(second.client.get(review), 403))
    trail = db.execute(
        "SELECT action FROM audit_log WHERE subject = ? ORDER BY id", [code]
    ).fetchall()
    assert [a for (a,) in trail if "panel" in a or "declared" in a] == [
        "added to the panel",
        "added to the panel",
        "declared a conflict of interest",
        "declared no conflict",
        "removed from the panel",
    ]

    # Managers join by declaring; until then they see no offers either.
    assert JOIN_FIRST in words(parse(admin.client.get(review), 403))
    admin.declare(code)
    assert admin.client.get(review).status_code == 200
    export = admin.client.get(f"/staff/opportunities/{code}/export.xlsx")
    panel_sheet = [
        [cell for cell in row if cell is not None]
        for row in load_workbook(io.BytesIO(export.data))["Panel"].iter_rows(values_only=True)
    ]
    declarations = {row[0]: row[-1] for row in panel_sheet[1:]}
    assert declarations == {
        "First": "No conflict of interest",
        "Admin": "No conflict of interest",
    }


def test_a_new_bidder_means_declaring_again(client, db, people):
    admin, first = people["admin"], people["first"]
    code = create_opportunity_page(admin)
    api_submit(client, finish(client), code)
    add(admin, code, db, first)
    first.declare(code)
    api_submit(client, finish(client, supplier="sme"), code)
    page = words(parse(first.client.get(f"/staff/opportunities/{code}")))
    assert "A new bidder has offered since you declared your interests" in page
    form = words(parse(first.client.get(f"/staff/opportunities/{code}/declaration")))
    assert "New bidders have offered since you last declared" in form
    first.declare(code)
    close(db, code)
    listed = parse(first.client.get(f"/staff/opportunities/{code}"))
    assert len(listed.select("table.app-offers tbody tr")) == 2


def test_scoring_opens_early_only_with_a_recorded_reason(client, db, people):
    admin, first = people["admin"], people["first"]
    code = create_opportunity_page(admin)
    edit = f"/staff/opportunities/{code}/edit"
    closes = datetime.now(UTC) + timedelta(days=30)
    fields = {
        "title": "Lunch club service", "contract_type": "services", "value_gbp": "120000",
        "duration_months": "24", "weighting_percent": "10", "word_limit": "500",
        "closes_on": [str(closes.day), str(closes.month), str(closes.year)],
    }  # fmt: skip
    refused = parse(admin.post(edit, fields | {"early_scoring": "y"}, status=400), 400)
    assert [t for t, _ in error_summary_links(refused)] == [
        "Say why scoring should open before the closing date"
    ]
    reason = "Two evaluators are on leave after the closing date"
    admin.post(edit, fields | {"early_scoring": "y", "early_scoring_reason": reason})
    shown = words(parse(admin.client.get(f"/staff/opportunities/{code}")))
    assert f"Scoring opens Before the closing date: {reason}" in shown

    done = finish(client)
    first_version = api_submit(client, done, code).json["reference"]
    add(admin, code, db, first)
    first.declare(code)
    review = f"/staff/opportunities/{code}/offers/{first_version}"
    first.post(review, scores([4, 4, 4], "First"))  # scored before the close

    # The supplier replaces it: the evaluator is told, and the old scores are kept.
    second_version = api_submit(client, done, code).json["reference"]
    landing = parse(first.client.get("/staff/"))
    text = words(landing)
    assert "Offers changed since you scored them (1)" in text
    assert "(you scored version 1)" in text
    link = next(a["href"] for a in landing.select("main a") if "version 1" in a.text)
    assert link.endswith(f"/offers/{second_version}")
    page = words(parse(first.client.get(link)))
    assert "You scored version 1, which the supplier has since replaced with this one" in page
    assert "First says commitments is 4" in words(parse(first.client.get(review)))
    first.post(link, scores([5, 4, 4], "First again"))
    assert "No offer has changed since you scored it." in words(parse(first.client.get("/staff/")))

    assert admin.client.get(f"/staff/opportunities/{code}/export.json").status_code == 403
    admin.declare(code)
    record = json.loads(admin.client.get(f"/staff/opportunities/{code}/export.json").data)
    assert record["opportunity"]["Scoring opened"] == f"Before the closing date: {reason}"
    assert {p["Name"] for p in record["panel"]} == {"First", "Admin"}


def test_another_councils_staff_cannot_reach_the_panel(app, client, db, people):
    code = create_opportunity_page(people["admin"])
    outsider = Person(app, db, "admin", council="suffolk")
    for path in ("panel", "declaration"):
        assert outsider.client.get(f"/staff/opportunities/{code}/{path}").status_code == 404
