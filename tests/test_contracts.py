"""After award, end to end through the pages: award an offer, returns for two periods by staff
and by the supplier's own link, promised against delivered on both rating methods, who may see
what, bad returns refused without losing anything, and the social value budget."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from store.contract_seeds import ContractSeed, KpiSeed, seed_contract
from tests.helpers.contracts import START, TODAY, award_offer, return_fields
from tests.helpers.offers import finish
from tests.helpers.pages import csrf_token, error_summary_links, heading, parse
from tests.helpers.staff import Person
from web.staff.charts import bar_chart


def table(page):
    rows = page.select_one("table").select("tbody tr")
    return [[c.get_text(" ", strip=True) for c in row.select("th, td")] for row in rows]


@pytest.mark.parametrize(
    ("council", "expected_table", "overall"),
    [
        (
            # Target-based, bands 100 / 80 / 50. Two of four periods ended: due is half of 10
            # weeks and 40 hours, and all of the 60% level. Accepted: 1 + 0 weeks (20% of the
            # 5 due), 12 + 7 hours (95% of 20), waste 50% (period 2's 58% is queried): 83.3%.
            # Contract: mean(20, 95, 83.3) = 66.1% -> Requires improvement.
            "tower-hamlets",
            [
                ["10", "1", "10%", "5", "Inadequate"],
                ["40", "19", "47.5%", "20", "Approaching target"],
                ["60", "50", "83.3%", "60", "Approaching target"],
            ],
            "Requires improvement 66.1% of what was due",
        ),
        (
            # Value-based, bands 95 / 75 / 50, but none of these KPIs has a £ value, so each
            # counts once with its own delivery against what was due, as on targets:
            # mean(20, 95, 83.3) = 66.1% -> Requires improvement. (Counting each unit as £1,
            # this was (1 + 19 + 50) of (5 + 20 + 60) = 82.4%.)
            "suffolk",
            [
                ["10", "1", "10%", "5", "Inadequate"],
                ["40", "19", "47.5%", "20", "Good"],
                ["60", "50", "83.3%", "60", "Approaching target"],
            ],
            "Requires improvement 66.1% of what was due",
        ),
    ],
)
def test_award_two_periods_of_returns_and_the_ratings(client, db, council, expected_table, overall):
    moderator, done, contract_url, contract_id = award_offer(client, db, council)
    # Period 1, recorded by staff: accepted as saved.
    moderator.post(f"{contract_url}/returns", return_fields(1, ["1", "12", "50"]))
    # Period 2, recorded by the supplier through their own link, then checked by staff.
    supplier_url = f"/assistant/c/{done['token']}/contracts/{contract_id}"
    offer_page = parse(client.get(f"/assistant/c/{done['token']}/offer"))
    assert offer_page.select_one(f"a[href='{supplier_url}']")
    page = parse(client.get(f"{supplier_url}/return"))
    token = csrf_token(page)
    response = client.post(
        f"{supplier_url}/return", data={"csrf_token": token, **return_fields(2, ["0", "7", "58"])}
    )
    assert response.status_code == 303
    waiting = parse(client.get(supplier_url))
    assert "A return of 58% waiting for the council to check" in waiting.text  # not "58 more"
    assert "7 more waiting for the council to check" in waiting.text
    ids = {
        r["kpi_id"]: r["id"] for r in db.query("SELECT * FROM delivery_returns WHERE period = 2")
    }
    first, second, third = sorted(ids)
    for kpi_id, decision in ((first, "accept"), (second, "accept"), (third, "query")):
        moderator.post(
            f"{contract_url}/returns/{ids[kpi_id]}",
            {
                "decision": decision,
                "note": "The register is missing" if decision == "query" else "",
            },
        )

    page = parse(moderator.client.get(contract_url))
    assert [row[1:] for row in table(page)] == expected_table
    assert overall in " ".join(page.select_one("#main-content p:has(.govuk-tag)").text.split())
    reasons = [li.text for li in page.select("h3:-soup-contains('Why this rating') + ul li")]
    assert "2 returns were late." in reasons
    assert "1 return was queried by the council, and not yet counted." in reasons  # not waiting
    assert "Query: The register is missing" in page.text
    # The supplier sees the same table, and the query.
    supplier_page = parse(client.get(supplier_url))
    assert [row[1:] for row in table(supplier_page)] == expected_table
    assert "Query: The register is missing" in supplier_page.text
    # The printable assessment carries the rating and its reasons.
    assessment = parse(moderator.client.get(f"{contract_url}/assessment"))
    assert "contract performance assessment" in assessment.text
    assert [row[1:] for row in table(assessment)] == expected_table
    assert "2 returns were late." in assessment.text
    assert "Opportunity share code" in assessment.text  # no tender reference was given
    db.execute("UPDATE opportunities SET reference = 'TH-MEALS-27'")
    db.conn.commit()
    assessment = parse(moderator.client.get(f"{contract_url}/assessment"))
    assert "Tender reference TH-MEALS-27" in " ".join(assessment.text.split())
    assert "The council's query: The register is missing" in assessment.text


def test_only_the_supplier_and_their_council_see_a_contract(client, db):
    moderator, done, contract_url, contract_id = award_offer(client, db, "tower-hamlets")
    other = finish(client, council="tower-hamlets")
    for token, status in ((done["token"], 200), (other["token"], 404), ("not-a-token", 404)):
        assert client.get(f"/assistant/c/{token}/contracts/{contract_id}").status_code == status
        assert (
            client.get(f"/assistant/c/{token}/contracts/{contract_id}/return").status_code == status
        )
    page = parse(client.get(f"/assistant/c/{other['token']}/offer/organisation"))
    response = client.post(
        f"/assistant/c/{other['token']}/contracts/{contract_id}/return",
        data={"csrf_token": csrf_token(page), **return_fields(1, ["1", "1", "1"])},
    )
    assert response.status_code == 404
    assert db["delivery_returns"].count == 0
    outsider = Person(client.application, db, "admin", council="sandwell")
    for path in ("", "/returns", "/assessment", "/schedule", "/returns/1"):
        assert outsider.client.get(f"{contract_url}{path}").status_code == 404, path
    assert "Lunch club service" not in outsider.client.get("/staff/contracts/").get_data(
        as_text=True
    )
    assert "Lunch club service" not in outsider.client.get("/staff/budget/").get_data(as_text=True)


def test_bad_returns_are_refused_plainly_and_nothing_saved_is_lost(client, db):
    moderator, done, contract_url, contract_id = award_offer(client, db, "tower-hamlets")
    moderator.post(f"{contract_url}/returns", return_fields(1, ["1", "12", "50"]))
    saved = list(db.query("SELECT kpi_id, period, quantity, status FROM delivery_returns"))
    supplier_url = f"/assistant/c/{done['token']}/contracts/{contract_id}/return"
    work, hours = "“Work experience placements”", "“Staff volunteering”"
    begun = "Choose a reporting period of this contract that has begun: period 1 to period 3"
    cases = [
        (return_fields(1, ["-2", None, None]), f"What was delivered for {work} must be 0 or more"),
        (
            return_fields(1, ["lots", None, None]),
            f"Enter what was delivered for {work} as a number",
        ),
        (return_fields(99, ["1", None, None]), begun),
        (return_fields(4, ["1", None, None]), begun),  # period 4 has not begun
        (return_fields(1, [None, None, None]), "Enter what was delivered for at least one KPI"),
        ({"period": "1", "quantity_1": "2"}, f"Choose the kind of evidence for {work}"),
        (
            {
                "period": "1",
                "quantity_2": "NaN",
                "evidence_type_2": "payroll",
                "evidence_note_2": "x",
            },
            f"Enter what was delivered for {hours} as a number",
        ),
    ]
    for data, message in cases:
        for session, url in ((moderator.client, f"{contract_url}/returns"), (client, supplier_url)):
            token = csrf_token(parse(session.get(url)))
            page = parse(session.post(url, data={"csrf_token": token, **data}), 400)
            messages = [text for text, _ in error_summary_links(page)]
            assert any(m.startswith(message) for m in messages), (data, messages)
            for name, value in data.items():  # what was typed is shown again
                if name.startswith("quantity"):
                    assert page.select_one(f"#{name}")["value"] == value
    assert list(db.query("SELECT kpi_id, period, quantity, status FROM delivery_returns")) == saved


def test_a_supplier_correcting_an_accepted_return_sends_it_back_for_checking(client, db):
    moderator, done, contract_url, contract_id = award_offer(client, db, "tower-hamlets")
    moderator.post(f"{contract_url}/returns", return_fields(1, ["1", "12", "50"]))
    url = f"/assistant/c/{done['token']}/contracts/{contract_id}/return"
    page = parse(client.get(f"{url}?period=1"))
    assert (
        page.select_one("#quantity_2")["value"] == "12"
    )  # what was recorded, to correct (not "12.0")
    client.post(url, data={"csrf_token": csrf_token(page), **return_fields(1, [None, "13", None])})
    rows = {r["quantity"]: r["status"] for r in db.query("SELECT * FROM delivery_returns")}
    assert rows == {1.0: "accepted", 13.0: "submitted", 50.0: "accepted"}
    trail = [
        r["detail"] for r in db.query("SELECT detail FROM audit_log WHERE action LIKE 'return%'")
    ]
    assert any('"replaced": {"quantity": 12.0' in detail for detail in trail)


def test_a_correction_sent_from_the_filled_in_form_changes_only_the_lines_it_changes(client, db):
    moderator, done, contract_url, contract_id = award_offer(client, db, "tower-hamlets")
    moderator.post(f"{contract_url}/returns", return_fields(1, ["1", "12", "50"]))
    url = f"/assistant/c/{done['token']}/contracts/{contract_id}/return"
    page = parse(client.get(f"{url}?period=1"))
    form = page.select_one("form[method=post]")
    data = {i["name"]: i.get("value", "") for i in form.select("input[name]")
            if i.get("type") not in ("radio", "checkbox", "submit")}  # fmt: skip
    data |= {t["name"]: t.get_text() for t in form.select("textarea[name]")}
    data |= {r["name"]: r["value"] for r in form.select("input[type=radio][checked]")}
    data |= {s["name"]: s.select_one("option[selected]")["value"]
             for s in form.select("select[name]") if s.select_one("option[selected]")}  # fmt: skip
    data["period"] = "1"
    data["quantity_2"] = "13"  # the one line corrected; the others sent back as they were
    client.post(url, data=data)
    rows = {r["quantity"]: r["status"] for r in db.query("SELECT * FROM delivery_returns")}
    assert rows == {1.0: "accepted", 13.0: "submitted", 50.0: "accepted"}


def test_a_whole_return_is_accepted_or_queried_in_one_action(client, db):
    moderator, done, contract_url, contract_id = award_offer(client, db, "tower-hamlets")
    url = f"/assistant/c/{done['token']}/contracts/{contract_id}/return"
    page = parse(client.get(url))
    client.post(url, data={"csrf_token": csrf_token(page), **return_fields(1, ["1", "12", "50"])})
    page = parse(moderator.client.get(contract_url))
    link = next(a for a in page.select("a") if a.text.startswith("Accept or query all 3 lines"))
    whole = link["href"]
    assert whole == f"{contract_url}/periods/1/review"
    assert "Your decision applies to all 3 lines below." in parse(moderator.client.get(whole)).text
    refused = parse(moderator.post(whole, {"decision": "query", "note": ""}, status=400), 400)
    assert "Say what the supplier needs to check or correct" in refused.text
    moderator.post(whole, {"decision": "accept", "note": ""})
    statuses = [r["status"] for r in db.query("SELECT status FROM delivery_returns")]
    assert statuses == ["accepted"] * 3
    trail = list(db.query("SELECT action, detail FROM audit_log WHERE action = 'return accepted'"))
    assert len(trail) == 1 and '"period": 1' in trail[0]["detail"]
    assert moderator.client.get(whole).status_code == 303  # nothing left waiting


def test_large_contracts_with_few_kpis_are_warned(client, db):
    moderator, _, contract_url, _ = award_offer(client, db, "tower-hamlets")
    assert "should have at least 3 KPIs" not in moderator.client.get(contract_url).get_data(
        as_text=True
    )
    db["contracts"].update(1, {"value_gbp": 6_000_000})
    db["kpis"].delete_where("position = 3")
    page = parse(moderator.client.get(contract_url))
    assert (
        "has 2 KPIs. Contracts of this size should have at least 3 KPIs"
        in page.select_one(".govuk-warning-text").text
    )


def test_staff_adjust_targets_and_the_reporting_period(client, db):
    moderator, _, contract_url, _ = award_offer(client, db, "tower-hamlets")
    url = f"{contract_url}/schedule"
    page = parse(moderator.client.get(url))
    assert page.select_one("#target_1")["value"] == "10"
    fields = {
        "starts_on": [str(START.day), str(START.month), str(START.year)],
        "period_months": "6",
    }
    fields |= {"target_1": "12", "target_2": "40", "target_3": "55"}
    moderator.post(url, fields)
    page = parse(moderator.client.get(contract_url))
    assert [row[1] for row in table(page)] == ["12", "40", "55"]
    assert "Period 2:" in page.text and "Period 3:" not in page.text  # 12 months, half-yearly
    bad = parse(moderator.post(url, {**fields, "target_1": "-1", "target_2": ""}, status=400), 400)
    assert [t for t, _ in error_summary_links(bad)] == [
        "Enter a target for “Work experience placements” from 0 to 1,000,000,000",
        "Enter a target for “Staff volunteering”",
    ]


BUDGET_YEAR = 2025  # 1 April 2025 to 31 March 2026, a year that has ended


def budget_fixture(db, staff_id):
    """The hand-worked fixture of tests/test_monitoring.py, a year earlier, through the store."""
    weeks = KpiSeed("Apprentice weeks", "Jobs", 40, 226.5, "weeks", {1: 10, 2: 10, 3: 5, 4: 10})
    hours = KpiSeed("Volunteering hours", "Communities", 100, None, "hours", {1: 50, 2: 60})
    spend = KpiSeed(
        "Spend with local firms", "Local economy", 20_000, 1.0, "gbp", {1: 3000, 2: 9999}
    )
    seeds = [
        ContractSeed(
            "Meals", "Food Charity", "charity", "small", True, 100_000, "2025-04-01", 12, 3,
            [weeks, hours],
        ),
        ContractSeed(
            "Cleaning", "Clean Co", "sme", "small", False, 300_000, "2025-10-01", 24, 6, [spend]
        ),
        ContractSeed(
            "Parks", "Big Ltd", "large", "large", True, 600_000, "2024-01-01", 12, 3, [hours]
        ),
        ContractSeed(
            "Printing", "Print Ltd", "sme", "micro", True, 50_000, "2025-06-01", 12, 3, []
        ),
    ]  # fmt: skip
    for seed in seeds:
        seed_contract(db, "tower-hamlets", seed, staff_id)


def test_the_budget_page_and_its_downloads_match_the_hand_worked_fixture(client, db):
    admin = Person(client.application, db, "admin")
    budget_fixture(db, staff_id=1)
    page = parse(admin.client.get(f"/staff/budget/?year={BUDGET_YEAR}"))
    assert heading(page) == "Social value budget"
    figures = [" ".join(dd.text.split()) for dd in page.select(".app-figures dd")]
    # Each contract at the part of its value in the year, by days: Meals £100,000, Cleaning
    # 182 of its 730 days (£74,794.52), Printing 304 of its 365 (£41,643.84): £216,438.
    assert figures == [
        "3, worth £216,438 in the year",
        "66.7% (2 of 3)",
        "65.4% (£141,644)",
        "82.5% Approaching target",
    ]
    by_theme = [
        [c.get_text(" ", strip=True) for c in r.select("th, td")]
        for r in page.select("#by-theme tbody tr")
    ]
    assert by_theme == [
        # No £ value for volunteering hours: said so, not "£0 due, £0 delivered"; 110 of the
        # 100 hours due (capped at 100%).
        ["Communities", "1", "£100,000", "1", "No £ value for these KPIs", "100%", "Good"],
        ["Jobs", "1", "£100,000", "1", "£9,060", "£9,060", "£7,928", "87.5%", "Approaching target"],
        [
            "Local economy", "1", "£74,795", "1", "£20,000", "£5,000", "£3,000", "60%",
            "Requires improvement",
        ],
    ]  # fmt: skip
    contracts = [r.th.text for r in page.select("#by-contract tbody tr")]
    assert contracts == ["Meals", "Cleaning", "Printing"]  # Parks ended before the year
    # Each chart is drawn in SVG, hidden from screen readers, with its figures as a table.
    for figure in page.select("figure.app-chart"):
        assert figure.select_one("svg")["aria-hidden"] == "true"
        alternative = figure.select_one(".govuk-visually-hidden > table")
        assert alternative.caption.text == figure.figcaption.text
    theme_chart = page.select_one("#chart-themes-title").find_parent("figure")
    assert [[c.text for c in r.select("th, td")] for r in theme_chart.select("tbody tr")] == [
        ["Communities", "100%", "Good"],
        ["Jobs", "87.5%", "Approaching target"],
        ["Local economy", "60%", "Requires improvement"],
    ]
    assert len(theme_chart.select("svg rect")) == 3

    rows = list(
        csv.DictReader(
            io.StringIO(
                admin.client.get(f"/staff/budget/export.csv?year={BUDGET_YEAR}").get_data(
                    as_text=True
                )
            )
        )
    )
    total = next(r for r in rows if r["Table"] == "All contracts")
    assert (total["Contracts"], total["Delivered against due (%)"], total["Rating"]) == (
        "3",
        "82.5",
        "Approaching target",
    )
    assert float(total["Delivered in the year (£)"]) == 10_927.5
    book = load_workbook(
        io.BytesIO(admin.client.get(f"/staff/budget/export.xlsx?year={BUDGET_YEAR}").data)
    )
    assert book.sheetnames == ["Summary", "By theme", "By contract", "By supplier type", "KPIs"]
    by_contract = list(book["By contract"].iter_rows(values_only=True))
    header = by_contract[0]
    suppliers = {r[header.index("Name")]: r[header.index("Supplier")] for r in by_contract[1:]}
    assert suppliers == {"Meals": "Food Charity", "Cleaning": "Clean Co", "Printing": "Print Ltd"}
    kpis = list(book["KPIs"].iter_rows(values_only=True))
    named = {(r[0], r[1], r[3]) for r in kpis[1:]}
    assert named == {
        ("Meals", "Food Charity", "Apprentice weeks"),
        ("Meals", "Food Charity", "Volunteering hours"),
        ("Cleaning", "Clean Co", "Spend with local firms"),
    }
    weeks = next(r for r in kpis[1:] if r[3] == "Apprentice weeks")
    assert weeks[4:9] == (40, 40, 35, 87.5, "Approaching target")  # target, due, delivered
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Share with local SMEs and VCSEs (%)"] == 65.4
    assert summary["Share with social value commitments (%)"] == 66.7


def test_a_year_not_offered_is_refused_plainly(client, db):
    admin = Person(client.application, db, "admin")
    this_year = parse(admin.client.get("/staff/budget/"))  # no year: this financial year
    assert this_year.select_one("#year option[selected]")["value"] == str(
        TODAY.year if TODAY.month >= 4 else TODAY.year - 1
    )
    assert not error_summary_links(this_year)
    page = parse(admin.client.get("/staff/budget/?year=1999"), 400)
    assert [t for t, _ in error_summary_links(page)] == ["Choose a financial year from the list"]
    assert admin.client.get("/staff/budget/export.csv?year=1999").status_code == 400


def test_a_contract_without_kpis_says_there_is_nothing_to_report(client, db):
    admin = Person(client.application, db, "admin")
    seed = ContractSeed(
        "Printing", "Print Ltd", "sme", "micro", True, 50_000, "2025-06-01", 12, 3, []
    )
    contract_id = seed_contract(db, "tower-hamlets", seed, staff_id=1)
    url = f"/staff/contracts/{contract_id}/returns"
    page = parse(admin.post(url, {"period": "1"}, status=400), 400)
    assert [t for t, _ in error_summary_links(page)] == ["This contract has no KPIs to report on"]
    assert "This contract has no KPIs." in admin.client.get(
        f"/staff/contracts/{contract_id}"
    ).get_data(as_text=True)


def test_the_printable_assessment_matches_the_hand_worked_fixture(client, db):
    admin = Person(client.application, db, "admin")
    budget_fixture(db, staff_id=1)
    ids = {row[1]: row[0] for row in db.execute("SELECT id, title FROM contracts")}

    # Meals, every quarter due: 35 of 40 apprentice weeks (87.5%, approaching target) and 110
    # of 100 volunteering hours (unvalued; capped at 100%): (87.5 + 100) / 2 = 93.75, 93.8%.
    meals = parse(admin.client.get(f"/staff/contracts/{ids['Meals']}/assessment"))
    text = " ".join(meals.select_one("main").text.split())
    assert "Overall rating: Approaching target 93.8% of what was due" in text
    rows = [
        [" ".join(cell.text.split()) for cell in row.select("th, td")]
        for row in meals.select("table tbody tr")
    ]
    assert rows[:2] == [
        ["Apprentice weeks", "40", "35", "87.5%", "40", "Approaching target"],
        ["Volunteering hours", "100", "110", "110%", "100", "Good"],
    ]
    assert "Good 100% or more" in text and "100.0%" not in text

    # Cleaning runs two years in half-years, each return due 30 days after its half-year
    # ends. Until 30 April 2027, 2 of its 4 periods are due: half its £20,000 target,
    # £10,000, and £12,999 delivered is 130% of that (capped at 100%): Good, 100%. Later,
    # 3 are due (£15,000: 86.7%, approaching target), then all 4 (£20,000: 65%).
    due_dates = [date(2026, 4, 30), date(2026, 10, 30), date(2027, 4, 30), date(2027, 10, 30)]
    due = sum(1 for day in due_dates if day < TODAY)
    expected = {2: "Good 100%", 3: "Approaching target 86.7%", 4: "Requires improvement 65%"}
    cleaning = parse(admin.client.get(f"/staff/contracts/{ids['Cleaning']}/assessment"))
    text = " ".join(cleaning.select_one("main").text.split())
    assert "Runs 1 October 2025 to 30 September 2027" in text
    assert f"Overall rating: {expected[due]} of what was due" in text
    assert f"to the end of period {due} of 4" in text


def test_chart_labels_wrap_onto_lines_instead_of_being_cut():
    chart = bar_chart(
        [
            ("Strong communities and a thriving voluntary and community sector", 73.3, "73.3%"),
            ("A greener borough", 100, "100%"),
        ],
        marker=100,
    )
    long, short = chart.bars
    assert long.lines == ["Strong communities and a", "thriving voluntary and", "community sector"]
    assert short.lines == ["A greener borough"]
    last_line = long.label_y + 2 * 17  # each further line is 17 below the one before
    assert last_line + 17 <= short.label_y  # the next label starts a line below it
    assert long.y <= long.label_y <= last_line <= long.y + 24 + 17  # the bar beside it
    assert chart.height >= short.y + 24
