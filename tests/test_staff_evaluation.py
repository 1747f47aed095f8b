"""Staff evaluation: opportunities, scoring, moderation, weighted scores, exports, access."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook

import clock
from store.opportunities import update_opportunity
from store.staff import create_staff
from tests.helpers.app import STAFF_PASSWORD
from tests.helpers.offers import api_submit, finish
from tests.helpers.pages import csrf_token, error_summary_links, parse
from tests.helpers.staff import RUBRIC, Person, seat


def create_opportunity_page(moderator, weighting="10"):
    closes = datetime.now(UTC) + timedelta(days=30)
    response = moderator.post(
        "/staff/opportunities/new",
        {
            "title": "Lunch club <b>service</b>",
            "contract_type": "services",
            "value_gbp": "120000",
            "duration_months": "24",
            "weighting_percent": weighting,
            "word_limit": "500",
            "closes_on": [str(closes.day), str(closes.month), str(closes.year)],
        },
    )
    return response.headers["Location"].rsplit("/", 1)[-1]


def trimmed(row) -> tuple:
    """A spreadsheet row without the empty cells after its last value."""
    values = list(row)
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


def close(db, code):
    """The opportunity closes (scoring opens when it does)."""
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat(timespec="seconds")
    update_opportunity(db, code, closes_at=past)


def scores(values, who="someone"):
    data = {}
    for criterion, value in zip(RUBRIC, values, strict=True):
        data[f"{criterion}_score"] = str(value)
        data[f"{criterion}_note"] = f"{who} says {criterion} is {value}"
    return data


def moderation(values):
    return {f"m-{k}": v for k, v in scores(values).items()}


@pytest.fixture
def panel(app, db):
    return {
        "moderator": Person(app, db, "moderator"),
        "first": Person(app, db, "evaluator", name="first"),
        "second": Person(app, db, "evaluator", name="second"),
    }


def test_evaluation_from_opportunity_to_moderated_scores_and_exports(app, client, db, panel):
    code = create_opportunity_page(panel["moderator"])
    references = []
    for supplier in ("charity", "social-enterprise", "sme"):
        done = finish(client, supplier=supplier)
        references.append(api_submit(client, done, code).json["reference"])
    seat(db, code, *panel.values())
    offers = parse(panel["first"].client.get(f"/staff/opportunities/{code}"))
    assert len(offers.select("table.app-offers tbody tr")) == 3

    review = f"/staff/opportunities/{code}/offers/{references[0]}"
    early = parse(panel["first"].client.get(review))
    assert "Scoring opens when the opportunity closes" in early.text
    assert early.select_one("#scores + * form, form input[name=commitments_score]") is None
    panel["first"].post(review, scores([4, 3, 5], "First"), status=400)
    close(db, code)
    panel["first"].post(review, scores([4, 3, 5], "First"))
    hidden = parse(panel["second"].client.get(review))
    assert "hidden until you save your own" in hidden.text
    assert "First says" not in hidden.text
    compare_before = parse(panel["second"].client.get(f"/staff/opportunities/{code}/compare"))
    assert "Hidden until you score this offer" in compare_before.text
    assert "First: 12" not in compare_before.text
    assert panel["second"].client.get(f"/staff/opportunities/{code}/export.csv").status_code == 403
    panel["second"].post(review, scores([2, 3, 3], "Second"))
    shown = parse(panel["second"].client.get(review))
    assert "First says relevance is 3" in shown.text

    panel["moderator"].post(f"{review}/moderation", moderation([3, 3, 4]), page=review)
    page = parse(panel["moderator"].client.get(review))
    expected = round((3 + 3 + 4) / 15 * 10, 2)  # consensus over the maximum, times the weighting
    assert f"Weighted social value score: {expected}" in page.text
    assert [li.text for li in page.select("#moderation ~ ul li")][-1].endswith("moderated")

    compare = parse(panel["first"].client.get(f"/staff/opportunities/{code}/compare"))
    assert len(compare.select("table.app-compare thead th")) == 3
    consensus_row = [r for r in compare.select("tbody tr") if "Consensus" in r.th.text][0]
    assert "10" in [td.text for td in consensus_row.select("td")]

    export = panel["moderator"].client.get(f"/staff/opportunities/{code}/export.csv")
    name = export.headers["Content-Disposition"]
    assert "evaluation-record" in name and code.lower() not in name.lower()  # the title's name
    lines = list(csv.reader(io.StringIO(export.get_data(as_text=True))))
    blank = lines.index([])
    head = dict(lines[:blank])
    assert head["Opportunity"] == "Lunch club <b>service</b>" and head["Share code"] == code
    assert head["Social value weighting (%)"] == "10" and head["Closed"]
    rows = [dict(zip(lines[blank + 1], line, strict=True)) for line in lines[blank + 2 :]]
    first = {(r["Score"], r["Comment or reasons"]) for r in rows if r["Scored by"] == "First"}
    assert ("3", "First says relevance is 3") in first
    assert sum(r["Role"] == "Consensus" for r in rows) == 3  # every criterion's reasons
    assert all(r["Comment or reasons"] for r in rows)  # every comment and every reason
    book = load_workbook(
        io.BytesIO(panel["moderator"].client.get(f"/staff/opportunities/{code}/export.xlsx").data)
    )
    assert book.sheetnames == ["Summary", "Scores", "Commitments", "Flags", "Panel"]
    summary = [trimmed(r) for r in book["Summary"].values]
    blank = summary.index(())
    head = dict(summary[:blank])
    assert head["Council"] == "London Borough of Tower Hamlets"
    assert isinstance(head["Closed"], datetime)  # a real date, not text
    ranked = [dict(zip(summary[blank + 1], r, strict=False)) for r in summary[blank + 2 :]]
    assert ranked[0]["Rank"] == 1 and ranked[0]["Weighted score"] == expected
    assert {r["Rank"] for r in ranked[1:]} == {"Not moderated"}
    assert ranked[0]["Kind of organisation"] and ranked[0]["Size"]
    scored = list(book["Scores"].values)
    comments = {r[scored[0].index("Comment or reasons")] for r in scored[1:]}
    assert "First says relevance is 3" in comments and "someone says delivery is 4" in comments
    assert isinstance(scored[1][scored[0].index("Saved")], datetime)
    assert len(list(book["Commitments"].values)) > 6


def test_a_score_needs_a_comment(panel, client, db):
    code = create_opportunity_page(panel["moderator"])
    reference = api_submit(client, finish(client), code).json["reference"]
    close(db, code)
    seat(db, code, *panel.values())
    review = f"/staff/opportunities/{code}/offers/{reference}"
    data = scores([4, 3, 5]) | {"delivery_note": ""}
    soup = parse(panel["first"].post(review, data, status=400), 400)
    assert error_summary_links(soup) == [
        ("Write a comment for delivery and evidence plan", "#delivery_note")
    ]


def test_supplier_html_is_shown_escaped_on_staff_pages(app, client, db, panel):
    code = create_opportunity_page(panel["moderator"])
    done = finish(client)
    url = f"/assistant/c/{done['token']}/offer/organisation"
    form = parse(client.get(url))
    hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>"
    client.post(
        url,
        data={
            "csrf_token": csrf_token(form),
            "name": hostile,
            "type": "charity",
            "size": "micro",
            "activity": hostile,
        },
    )
    reference = api_submit(client, done, code).json["reference"]
    seat(db, code, *panel.values())
    client.post(
        f"/api/v1/conversations/{done['id']}/messages",
        json={"text": hostile + "?"},
        headers={"Authorization": f"Bearer {done['token']}"},
    )
    for path in (
        f"/staff/opportunities/{code}",
        f"/staff/opportunities/{code}/offers/{reference}",
        f"/staff/opportunities/{code}/compare",
        "/staff/opportunities",
        "/staff/questions",
    ):
        page = parse(panel["moderator"].client.get(path))
        assert not page.select("main script") and not page.select("main img")
        assert "<b>" not in str(page.select_one("main")).replace("&lt;b&gt;", "")
    assert (
        hostile
        in parse(panel["first"].client.get(f"/staff/opportunities/{code}/offers/{reference}")).text
    )


def test_another_councils_staff_get_not_found(app, client, db, panel):
    code = create_opportunity_page(panel["moderator"])
    reference = api_submit(client, finish(client), code).json["reference"]
    outsider = Person(app, db, "admin", council="suffolk")
    for path in (
        f"/staff/opportunities/{code}",
        f"/staff/opportunities/{code}/edit",
        f"/staff/opportunities/{code}/offers/{reference}",
        f"/staff/opportunities/{code}/export.csv",
    ):
        assert outsider.client.get(path).status_code == 404, path
    assert code not in outsider.client.get("/staff/opportunities").get_data(as_text=True)


def test_unanswered_questions_are_grouped_with_counts_and_can_be_handled(app, client, db):
    created = client.post("/api/v1/conversations", json={}).json
    url = f"/api/v1/conversations/{created['id']}/messages"
    headers = {"Authorization": f"Bearer {created['token']}"}
    for text in [
        "can you book me a taxi to the meeting?",
        "can you book a taxi for the meeting?",
        "can you book me a taxi to the meeting?",
        "what colour is the council logo?",
    ]:
        client.post(url, json={"text": text}, headers=headers)
    lead = Person(app, db, "admin")
    page = parse(lead.client.get("/staff/questions"))
    titles = [h.get_text(" ", strip=True) for h in page.select(".app-question-group h2")]
    assert titles == [  # the same question again from the same address is not counted again
        "can you book me a taxi to the meeting? asked 2 times",
        "what colour is the council logo? asked 1 time",
    ]
    buttons = [b.get_text(" ", strip=True) for b in page.select(".app-question-group button")]
    assert buttons[0] == "Mark as handled : can you book me a taxi to the meeting?"
    assert "<span" not in page.get_text()
    lead.post("/staff/questions/handled", {"id": ["1", "2"]}, page="/staff/questions")
    page = parse(lead.client.get("/staff/questions"))
    assert [h.get_text(" ", strip=True) for h in page.select(".app-question-group h2")] == [
        "what colour is the council logo? asked 1 time"
    ]


def test_scores_are_locked_once_moderated(panel, client, db):
    code = create_opportunity_page(panel["moderator"])
    reference = api_submit(client, finish(client), code).json["reference"]
    close(db, code)
    seat(db, code, *panel.values())
    review = f"/staff/opportunities/{code}/offers/{reference}"
    panel["first"].post(review, scores([4, 3, 5], "First"))
    panel["moderator"].post(f"{review}/moderation", moderation([3, 3, 4]), page=review)
    page = parse(panel["first"].client.get(review))
    assert "Scores are locked once the offer has been moderated" in page.text
    assert page.select_one("input[name=commitments_score]") is None  # no form, just the scores
    assert "First says delivery is 5" in page.text
    soup = parse(panel["first"].post(review, scores([5, 5, 5]), status=400), 400)
    assert "Scores are locked once the offer has been moderated" in soup.text


def test_whoever_moderates_an_offer_does_not_also_score_it(panel, client, db, app):
    code = create_opportunity_page(panel["moderator"])
    reference = api_submit(client, finish(client), code).json["reference"]
    seat(db, code, *panel.values())
    review = f"/staff/opportunities/{code}/offers/{reference}"
    panel["moderator"].post(f"{review}/moderation", moderation([3, 3, 4]), page=review, status=409)
    close(db, code)
    nothing = parse(panel["moderator"].client.get(review))
    assert "Moderation needs at least one evaluator's scores first" in nothing.text
    admin = Person(app, db, "admin")
    seat(db, code, admin)
    admin.post(review, scores([4, 4, 4], "Admin"))  # an admin may score…
    refused = admin.post(f"{review}/moderation", moderation([3, 3, 4]), page=review, status=409)
    assert "You scored this offer, so another manager must moderate it" in refused.text
    panel["moderator"].post(f"{review}/moderation", moderation([3, 3, 4]), page=review)
    assert "Moderated by Moderator" in parse(admin.client.get(review)).text


def test_a_replaced_version_keeps_its_scores_and_says_so(panel, client, db):
    code = create_opportunity_page(panel["moderator"])
    done = finish(client)
    first = api_submit(client, done, code).json["reference"]
    second = api_submit(client, done, code).json["reference"]
    close(db, code)
    seat(db, code, *panel.values())
    old = parse(panel["first"].client.get(f"/staff/opportunities/{code}/offers/{first}"))
    assert "This is version 1, replaced by version 2" in " ".join(old.text.split())
    assert "This version was replaced by a newer one" in old.text
    new = parse(panel["first"].client.get(f"/staff/opportunities/{code}/offers/{second}"))
    assert "This offer replaces version 1" in " ".join(new.text.split())


def test_exports_cannot_carry_spreadsheet_formulas(app, client, db, panel):
    code = create_opportunity_page(panel["moderator"])
    done = finish(client)
    url = f"/assistant/c/{done['token']}/offer/organisation"
    form = parse(client.get(url))
    formula = '=HYPERLINK("http://evil.example","Click")'
    client.post(
        url,
        data={
            "csrf_token": csrf_token(form),
            "name": formula,
            "type": "charity",
            "size": "micro",
            "activity": "We cook.",
        },
    )
    api_submit(client, done, code)
    seat(db, code, *panel.values())
    text = panel["moderator"].client.get(f"/staff/opportunities/{code}/export.xlsx").data
    cells = [c for row in load_workbook(io.BytesIO(text))["Summary"].iter_rows() for c in row]
    supplier = next(c for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value)
    assert supplier.data_type == "s" and supplier.value.startswith("'=")


def test_an_opportunity_cannot_close_in_the_past(panel):
    url = "/staff/opportunities/new"
    data = {
        "title": "Late",
        "contract_type": "services",
        "value_gbp": "1000",
        "duration_months": "12",
        "weighting_percent": "10",
        "word_limit": "500",
        "closes_on": ["1", "1", "2020"],
    }
    soup = parse(panel["moderator"].post(url, data, status=400), 400)
    assert ("The closing date must be today or in the future", "#closes_on") in error_summary_links(
        soup
    )


def test_parallel_wrong_passwords_cannot_slip_past_the_lock(app, db):
    from concurrent.futures import ThreadPoolExecutor

    create_staff(
        db,
        email="target@tower-hamlets.example",
        name="T",
        council_id="tower-hamlets",
        role="evaluator",
        password=STAFF_PASSWORD,
    )

    def attempt(password):
        browser = app.test_client()
        token = csrf_token(parse(browser.get("/staff/sign-in")))
        return browser.post(
            "/staff/sign-in",
            data={
                "email": "target@tower-hamlets.example",
                "password": password,
                "csrf_token": token,
            },
        ).status_code

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(attempt, ["wrong"] * 16))
    assert attempt(STAFF_PASSWORD) == 400  # Locked: even the right password is refused.


def test_an_offer_is_shown_to_staff_in_words_and_numbers_as_people_write_them(client, db, panel):
    code = create_opportunity_page(panel["moderator"])
    reference = api_submit(client, finish(client), code).json["reference"]
    seat(db, code, *panel.values())
    page = parse(panel["first"].client.get(f"/staff/opportunities/{code}/offers/{reference}"))
    cards = [
        {
            row.dt.get_text(strip=True): row.dd.get_text(strip=True)
            for row in card.select(".govuk-summary-list__row")
        }
        for card in page.select(".govuk-summary-card")
    ]
    amounts = [card["How much"] for card in cards]
    assert amounts and all(re.fullmatch(r"£?[\d,]+(%| \w.*)?", a) for a in amounts), amounts
    assert "60%" in amounts and "4 weeks" in amounts  # not "60.0 %" or "4.0 weeks"
    kinds = {card["Kind"] for card in cards}
    assert kinds <= {"Extra, for this contract", "Part of the service itself",
                     "Across the whole organisation", "Not given"}, kinds  # fmt: skip


def test_award_needs_a_moderated_score_or_a_recorded_reason_and_says_who_scored_higher(
    panel, client, db
):
    code = create_opportunity_page(panel["moderator"])
    top, lower = (
        api_submit(client, finish(client, supplier=s), code).json["reference"]
        for s in ("charity", "sme")
    )
    close(db, code)
    seat(db, code, *panel.values())
    for reference, values in ((top, [5, 5, 5]), (lower, [2, 2, 2])):
        review = f"/staff/opportunities/{code}/offers/{reference}"
        panel["first"].post(review, scores(values, "First"))
        panel["moderator"].post(f"{review}/moderation", moderation(values), page=review)
    lower_page = parse(panel["moderator"].client.get(f"/staff/contracts/award/{lower}"))
    assert "scored higher (10)" in lower_page.text  # 15 of 15, weighted to the 10% weighting
    assert lower_page.select_one("#override_reason") is not None
    top_page = parse(panel["moderator"].client.get(f"/staff/contracts/award/{top}"))
    assert top_page.select_one("#override_reason") is None
    assert "Nobody has moderated" not in top_page.text
    fields = {"starts_on": ["1", "4", "2027"], "period_months": "3"}
    fields |= {f"target_{i}": "5" for i in range(1, len(top_page.select("form h3")) + 1)}
    made = panel["moderator"].post(f"/staff/contracts/award/{top}", fields)
    assert made.headers["Location"].startswith("/staff/contracts/")


def test_a_closed_opportunity_starts_no_new_offer(panel, client, db):
    code = create_opportunity_page(panel["moderator"])
    assert client.post("/api/v1/conversations", json={"opportunity": code}).status_code == 201
    close(db, code)
    refused = client.post("/api/v1/conversations", json={"opportunity": code})
    assert refused.status_code == 422
    assert refused.json["error"]["code"] == "closed_opportunity"
    assert "Offers for it can no longer be started" in refused.json["error"]["message"]
    page = parse(client.get(f"/assistant/?opportunity={code}"))
    assert "can no longer be started or submitted" in page.text
    assert page.select_one("form button.govuk-button--start") is None
    posted = client.post(
        f"/assistant/?opportunity={code}",
        data={"csrf_token": csrf_token(parse(client.get("/assistant/")))},
    )
    assert posted.status_code == 400


def test_opportunities_show_their_status_dates_in_words_and_the_contract(panel, client, db):
    code = create_opportunity_page(panel["moderator"])
    listed = " ".join(parse(panel["first"].client.get("/staff/opportunities")).text.split())
    assert "Open" in listed and not re.search(r"\d{4}-\d{2}-\d{2}", listed)
    close(db, code)
    listed = " ".join(parse(panel["first"].client.get("/staff/opportunities")).text.split())
    assert "Closed" in listed
    page = " ".join(parse(panel["first"].client.get(f"/staff/opportunities/{code}")).text.split())
    for shown in (
        "Status Closed",
        "Kind of contract Services",
        "Value £120,000",
        "Length 24 months",
    ):
        assert shown in page, shown


def test_staff_land_on_what_needs_them(panel, client, db):
    code = create_opportunity_page(panel["moderator"])
    reference = api_submit(client, finish(client), code).json["reference"]
    seat(db, code, *panel.values())
    landing = " ".join(parse(panel["first"].client.get("/staff/")).text.split())
    assert "No offers are waiting for your scores." in landing  # still open
    close(db, code)
    landing = parse(panel["first"].client.get("/staff/"))
    assert landing.h1.get_text(strip=True) == "What needs you"
    link = landing.select_one("h2 + ul a")
    assert link["href"].endswith(f"/offers/{reference}") and "Offers to score (1)" in landing.text
    review = f"/staff/opportunities/{code}/offers/{reference}"
    panel["first"].post(review, scores([4, 3, 5], "First"))
    assert (
        "No offers are waiting for your scores." in parse(panel["first"].client.get("/staff/")).text
    )
    moderator = " ".join(parse(panel["moderator"].client.get("/staff/")).text.split())
    assert "Offers waiting for moderation (1)" in moderator
    panel["moderator"].post(f"{review}/moderation", moderation([3, 3, 4]), page=review)
    moderator = " ".join(parse(panel["moderator"].client.get("/staff/")).text.split())
    assert (
        "Contracts to award (1)" in moderator
        and "No offers are waiting for moderation." in moderator
    )


def test_each_bidder_gets_an_assessment_summary_and_sees_only_their_own(panel, client, db):
    code = create_opportunity_page(panel["moderator"])
    bids = {}
    for supplier in ("charity", "sme"):
        done = finish(client, supplier=supplier)
        bids[supplier] = (done, api_submit(client, done, code).json["reference"])
    close(db, code)
    seat(db, code, *panel.values())
    for supplier, values in (("charity", [5, 4, 5]), ("sme", [2, 3, 2])):
        review = f"/staff/opportunities/{code}/offers/{bids[supplier][1]}"
        panel["first"].post(review, scores(values, "First"))
        panel["moderator"].post(f"{review}/moderation", moderation(values), page=review)
    url = f"/staff/opportunities/{code}/summaries"
    page = parse(panel["moderator"].client.get(url))
    drafts = [" ".join(t.text.split()) for t in page.select("textarea")]
    assert len(drafts) == 2 and "came 1st of 2 offers" in drafts[0]
    assert "someone says delivery is 5" in drafts[0]  # the moderators' reasons
    assert page.select_one("button[name=issue]") is None  # not before the award
    fields = {t["name"]: t.text.strip() for t in page.select("textarea")}
    first_field = next(iter(fields))
    fields[first_field] += "\n\nWell done on the placements."
    panel["moderator"].post(url, fields | {"save": "Save the drafts"})
    assert "Well done on the placements." in parse(panel["moderator"].client.get(url)).text
    refused = parse(panel["moderator"].post(url, fields | {"issue": "x"}, status=400), 400)
    assert "once the contract is awarded" in refused.text

    award = f"/staff/contracts/award/{bids['charity'][1]}"
    lines = len(parse(panel["moderator"].client.get(award)).select("form h3"))
    awarded = {"starts_on": ["1", "4", "2027"], "period_months": "3"}
    awarded |= {f"target_{i}": "5" for i in range(1, lines + 1)}
    panel["moderator"].post(award, awarded)
    page = parse(panel["moderator"].client.get(url))
    fields = {t["name"]: t.text.strip() for t in page.select("textarea")}
    assert "Well done on the placements." in fields[first_field]  # the saved draft is kept
    assert "Outcome, said above it: Your offer was successful" in page.text
    panel["moderator"].post(url, fields | {"issue": "Issue every summary"})
    assert "Issued." in parse(panel["moderator"].client.get(url)).text

    for supplier, (done, reference) in bids.items():
        receipt = parse(client.get(f"/assistant/c/{done['token']}/offer/submissions/{reference}"))
        result = receipt.select_one("#outcome").find_next("p").text
        said = (
            result
            + " "
            + " ".join(receipt.select_one("#outcome").find_next("p").find_next("p").text.split())
        )
        api = client.get(
            f"/api/v1/conversations/{done['id']}/submissions/{reference}",
            headers={"Authorization": f"Bearer {done['token']}"},
        ).json
        assert api["outcome"]["result"] == result
        assert api["outcome"]["summary"].split()[:4] == said.removeprefix(result).split()[:4]
        other = next(name for name in bids if name != supplier)
        assert bids[other][1] not in api["outcome"]["summary"]
        if supplier == "charity":
            assert "successful" in said and "Well done on the placements." in said
        else:
            assert "not successful" in said and "came 2nd of 2 offers" in said
            assert "The successful offer's social value score was 9.33 out of 10" in said
            assert "Well done on the placements." not in said  # only their own summary


def test_a_closing_date_that_closes_the_opportunity_at_once_asks_first(panel, monkeypatch):
    afternoon = datetime.combine(clock.today(), datetime.min.time().replace(hour=15))
    monkeypatch.setattr(clock, "now", lambda: afternoon.replace(tzinfo=clock.UK).astimezone(UTC))
    code = create_opportunity_page(panel["moderator"])
    url = f"/staff/opportunities/{code}/edit"
    page = parse(panel["moderator"].client.get(url))
    data = {field["name"]: field.get("value", "") for field in page.select("input[type=text]")}
    data |= {"contract_type": "services", "title": "Lunch club"}
    today = clock.today()
    data |= {"closes_on": [str(today.day), str(today.month), str(today.year)]}
    asked = parse(panel["moderator"].post(url, data, status=400), 400)
    assert "saving closes the opportunity at once" in asked.text
    assert asked.select_one("input[name=close_now]") is not None
    panel["moderator"].post(url, data | {"close_now": "y"})
    listed = " ".join(parse(panel["moderator"].client.get("/staff/opportunities")).text.split())
    assert "Closed" in listed


def test_the_opportunity_form_shows_numbers_and_legends_as_people_read_them(panel):
    code = create_opportunity_page(panel["moderator"], weighting="12.5")
    form = parse(panel["moderator"].client.get(f"/staff/opportunities/{code}/edit"))
    assert form.select_one("#value_gbp")["value"] == "120000"  # not 120000.0
    assert form.select_one("#duration_months")["value"] == "24"
    assert form.select_one("#weighting_percent")["value"] == "12.5"
    legends = [" ".join(legend.text.split()) for legend in form.select("legend")]
    assert legends == ["Kind of contract", "Closing date", "Themes to emphasise (optional)"]
