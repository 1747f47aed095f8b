"""The offer pages and submission, through the web and the API."""

import csv
import io
import json
import re
import subprocess
import tempfile

import pytest
from docx import Document
from jsonschema import Draft202012Validator

from offer.model import offer_schema
from store.opportunities import create_opportunity
from store.submissions import current_submissions
from tests.helpers.offers import api_submit, finish, opportunity
from tests.helpers.pages import csrf_token, error_summary_links, heading, parse, title


@pytest.fixture
def done(client):
    return finish(client)


def offer_url(done, path=""):
    return f"/assistant/c/{done['token']}/offer{path}"


def post_form(client, url, data, status=303):
    form = parse(client.get(url))
    response = client.post(url, data={"csrf_token": csrf_token(form), **data})
    assert response.status_code == status, response.status_code
    return response


def test_check_your_offer_shows_commitments_checks_and_text(client, done):
    soup = parse(client.get(offer_url(done)))
    assert heading(soup) == "Check your offer"
    cards = soup.select("[id^=commitment-c] .govuk-summary-card__title")
    assert len(cards) == 3
    assert "of 500 words" in soup.select_one("#narrative + p").text
    assert soup.select(".app-check .govuk-tag")


def test_changing_a_commitment_updates_the_offer_and_its_checks(client, done):
    url = offer_url(done, "/commitments/c1")
    form = parse(client.get(url))
    fields = {f["name"]: f.get("value", "") for f in form.select("form input[name]")}
    fields |= {t["name"]: t.text.strip() for t in form.select("form textarea")}
    fields["unit"] = "weeks"
    fields["classification"] = "additional"
    fields["measure"] = "work-placement-weeks"
    fields["quantity"] = "6"
    fields["delivery"] = "We will seek to offer placements where possible"
    assert client.post(url, data=fields).status_code == 303
    soup = parse(client.get(offer_url(done)))
    card = soup.select_one("#commitment-c1")
    assert "6 weeks" in card.text
    assert "promises nothing the council can score" in card.text


def test_yearly_targets_typed_on_the_commitment_page_reach_the_offer(client, done):
    url = offer_url(done, "/commitments/c1")
    form = parse(client.get(url))
    fields = {f["name"]: f.get("value", "") for f in form.select("form input[name]")}
    fields |= {t["name"]: t.text.strip() for t in form.select("form textarea")}
    fields |= {"unit": "weeks", "classification": "additional", "measure": "work-placement-weeks"}
    fields["milestones"] = "Year 1: 2 weeks\n\nYear 2: 4 weeks"
    assert client.post(url, data=fields).status_code == 303
    card = parse(client.get(offer_url(done))).select_one("#commitment-c1")
    assert "Year 1: 2 weeks; Year 2: 4 weeks" in card.text
    assert parse(client.get(url)).select_one("textarea#milestones").text.strip() == (
        "Year 1: 2 weeks\nYear 2: 4 weeks"
    )


def test_a_commitment_with_missing_details_shows_the_error_summary(client, done):
    url = offer_url(done, "/commitments/new")
    soup = parse(post_form(client, url, {"title": "Something"}, status=400), 400)
    assert title(soup).startswith("Error: ")
    messages = [text for text, _ in error_summary_links(soup)]
    assert "Enter how much you will deliver, as a number, like 3" in messages
    assert "Say how you will show the council it happened" in messages


def test_removing_a_commitment_asks_first(client, done):
    url = offer_url(done, "/commitments/c2/remove")
    post_form(client, url, {"confirm": "yes"})
    soup = parse(client.get(offer_url(done)))
    assert soup.select_one("#commitment-c2") is None and soup.select_one("#commitment-c1")


def test_the_text_cannot_be_saved_over_the_word_limit(client, done):
    url = offer_url(done, "/narrative")
    soup = parse(post_form(client, url, {"text": "word " * 501}, status=400), 400)
    assert error_summary_links(soup) == [
        ("Your response must be 500 words or fewer; it has 501", "#text")
    ]
    assert soup.select_one("[data-module=govuk-character-count][data-maxwords='500']")
    post_form(client, url, {"text": "Our own words. We will deliver."})
    assert "edited by you" in parse(client.get(offer_url(done))).select_one("#narrative + p").text


def test_an_edited_text_is_flagged_when_the_offer_changes_and_can_be_rebuilt(client, done):
    post_form(client, offer_url(done, "/narrative"), {"text": "Our own words. We will deliver."})
    soup = parse(client.get(offer_url(done)))
    assert not soup.select(".govuk-warning-text")
    post_form(client, offer_url(done, "/commitments/c2/remove"), {"confirm": "yes"})
    soup = parse(client.get(offer_url(done)))
    warning = soup.select_one("#narrative ~ .govuk-warning-text").get_text(" ", strip=True)
    assert "may no longer match your commitments" in warning
    offer = client.get(
        f"/api/v1/conversations/{done['id']}/offer",
        headers={"Authorization": f"Bearer {done['token']}"},
    ).json
    assert offer["narrative"]["stale"] and "narrative-out-of-date" in [
        c["id"] for c in offer["checks"]
    ]
    form = parse(client.get(offer_url(done)))
    reset = {"csrf_token": csrf_token(form)}
    assert client.post(offer_url(done, "/narrative/reset"), data=reset).status_code == 303
    soup = parse(client.get(offer_url(done)))
    assert not soup.select("#narrative ~ .govuk-warning-text")
    assert "written from your commitments" in soup.select_one("#narrative + p").text


def pdf_info(data: bytes) -> tuple[str, str]:
    """What pdfinfo says of a PDF, and its structure tree (tags)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(data)
        file.flush()
        info = subprocess.run(["pdfinfo", file.name], capture_output=True, check=True)
        tree = subprocess.run(["pdfinfo", "-struct", file.name], capture_output=True, check=True)
    return info.stdout.decode(), tree.stdout.decode()


def pdf_text(data: bytes) -> str:
    result = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return result.stdout.decode()


def test_every_download_opens_and_holds_the_commitments(client, done):
    offer = client.get(
        f"/api/v1/conversations/{done['id']}/offer",
        headers={"Authorization": f"Bearer {done['token']}"},
    ).json
    titles = [c["title"] for c in offer["commitments"]]
    files = {
        k: client.get(offer_url(done, f"/download/{k}"))
        for k in ("pdf", "docx", "txt", "json", "csv", "ocds.json")
    }
    assert all(
        r.status_code == 200 and "attachment" in r.headers["Content-Disposition"]
        for r in files.values()
    )
    named = files["pdf"].headers["Content-Disposition"]
    assert named.startswith('attachment; filename="') and named.endswith('-offer.pdf"')
    assert "social-value-offer" not in named
    text = pdf_text(files["pdf"].data)
    info, structure = pdf_info(files["pdf"].data)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert {"H1", "H2", "Table", "TH", "TD"} <= set(
        re.findall(r"^\s*([A-Z][A-Za-z0-9]*)", structure, re.M)
    )
    assert all(t in " ".join(text.split()) for t in titles) and "Page 1 of" in text
    document = Document(io.BytesIO(files["docx"].data))
    assert all(
        any(t == c.text for row in document.tables[0].rows for c in row.cells) for t in titles
    )
    assert all(t in files["txt"].get_data(as_text=True) for t in titles)
    document_json = json.loads(files["json"].data)
    assert document_json["commitments"] == offer["commitments"]
    assert not list(Draft202012Validator(offer_schema()).iter_errors(document_json))
    rows = list(csv.DictReader(io.StringIO(files["csv"].get_data(as_text=True))))
    assert [row["commitment"] for row in rows] == titles
    assert all(not row["quantity"].endswith(".0") for row in rows)  # 52, not 52.0
    (release,) = json.loads(files["ocds.json"].data)["releases"]
    assert [c["title"] for c in release["x_socialValueOffer"]["commitments"]] == titles


def test_submitting_freezes_a_version_and_a_new_one_replaces_it(client, db, done):
    code = opportunity(db)
    first = post_form(client, offer_url(done, "/submit"), {"code": code, "declaration": "y"})
    receipt = parse(client.get(first.headers["Location"]))
    assert "Offer submitted" in receipt.select_one(".govuk-panel").text
    reference = receipt.select_one(".govuk-panel strong").text
    post_form(client, offer_url(done, "/commitments/c3/remove"), {"confirm": "yes"})
    frozen = json.loads(
        list(db.query("SELECT offer FROM submissions WHERE reference = ?", [reference]))[0]["offer"]
    )
    assert len(frozen["commitments"]) == 3
    second = post_form(client, offer_url(done, "/submit"), {"code": code, "declaration": "y"})
    rows = list(db.query("SELECT version, status FROM submissions ORDER BY id"))
    assert rows == [{"version": 1, "status": "replaced"}, {"version": 2, "status": "submitted"}]
    assert [s.version for s in current_submissions(db, code)] == [2]  # What staff will see.
    new_reference = (
        parse(client.get(second.headers["Location"])).select_one(".govuk-panel strong").text
    )
    withdraw = f"/assistant/c/{done['token']}/offer/submissions/{new_reference}/withdraw"
    page = parse(client.get(second.headers["Location"]))
    client.post(withdraw, data={"csrf_token": csrf_token(page), "confirm": "yes"})
    assert (
        list(db.query("SELECT status FROM submissions WHERE reference = ?", [new_reference]))[0][
            "status"
        ]
        == "withdrawn"
    )


def test_submission_after_the_closing_date_is_refused(client, db, done):
    code = opportunity(db, days=-1)
    data = {"code": code, "declaration": "y"}
    soup = parse(post_form(client, offer_url(done, "/submit"), data, status=400), 400)
    ((message, href),) = error_summary_links(soup)
    assert message.startswith("This opportunity closed at") and href == "#code"
    assert list(db.query("SELECT COUNT(*) AS n FROM submissions"))[0]["n"] == 0


def test_another_suppliers_submission_is_not_found(client, db, done):
    other = finish(client)
    code = opportunity(db)
    first = post_form(client, offer_url(done, "/submit"), {"code": code, "declaration": "y"})
    reference = first.headers["Location"].rsplit("/", 1)[-1]
    assert (
        client.get(f"/assistant/c/{other['token']}/offer/submissions/{reference}").status_code
        == 404
    )


def test_the_api_submits_replaces_withdraws_and_refuses_after_closing(client, db, done):
    code = opportunity(db)
    first = api_submit(client, done, code)
    assert first.status_code == 201 and first.json["version"] == 1
    second = api_submit(client, done, code)
    assert second.json["version"] == 2
    withdrawn = client.post(
        f"/api/v1/conversations/{done['id']}/submissions/{second.json['reference']}/withdraw",
        headers={"Authorization": f"Bearer {done['token']}"},
    )
    assert withdrawn.json["status"] == "withdrawn"
    closed = api_submit(client, done, opportunity(db, days=-1))
    assert closed.status_code == 422 and closed.json["error"]["code"] == "cannot_submit"
    unknown = api_submit(client, done, "NOSUCH22")
    assert unknown.status_code == 422


def test_the_offer_schema_is_published(client):
    schema = client.get("/api/v1/schema/offer.json").json
    assert schema["version"] == "1.0" and "commitments" in schema["properties"]


def test_a_share_link_starts_a_conversation_that_knows_the_contract(client, db):
    code = opportunity(db)
    start = parse(client.get(f"/assistant/?opportunity={code}"))
    assert "Lunch club service" in start.text
    form = start.select_one("form[method=post]")
    response = client.post(form["action"], data={"csrf_token": csrf_token(start)})
    chat = response.headers["Location"]
    created = client.post("/api/v1/conversations", json={"opportunity": code}).json
    assert created["prompt"]["step"] == "org-name"
    assert parse(client.get(chat)).select_one("#prompt")["data-step"] == "org-name"


def test_an_edited_text_over_the_opportunitys_limit_cannot_be_submitted(client, db, done):
    post_form(client, offer_url(done, "/narrative"), {"text": "Our words. " * 150})
    code = opportunity(db, word_limit=250)
    data = {"code": code, "declaration": "y"}
    soup = parse(post_form(client, offer_url(done, "/submit"), data, status=400), 400)
    ((message, _),) = error_summary_links(soup)
    assert message.startswith("Your written response has 300 words; this opportunity allows 250")


def test_back_in_the_chat_does_not_undo_edits_made_on_the_offer_pages(client, done):
    post_form(client, offer_url(done, "/commitments/c1/remove"), {"confirm": "yes"})
    headers = {"Authorization": f"Bearer {done['token']}"}
    url = f"/api/v1/conversations/{done['id']}/messages"
    reply = client.post(url, json={"text": "back"}, headers=headers).json
    assert reply["messages"][0]["text"] == "There is nothing to go back to yet."
    state = client.get(f"/api/v1/conversations/{done['id']}", headers=headers).json["state"]
    assert [c["id"] for c in state["commitments"]] == ["c2", "c3"]


def test_a_commitment_in_own_words_needs_a_theme_and_a_readable_date(client, done):
    url = offer_url(done, "/commitments/new")
    fields = {
        "title": "Cooking classes for carers",
        "quantity": "10",
        "unit": "sessions",
        "timescale": "soon",
        "delivery": "Our chef will run them",
        "beneficiaries": "Unpaid carers",
        "evidence": "Registers and feedback forms",
        "classification": "additional",
    }
    soup = parse(post_form(client, url, fields, status=400), 400)
    messages = [text for text, _ in error_summary_links(soup)]
    assert "Choose a council measure, or the theme your commitment is for" in messages
    assert 'Enter a date or a length of time, like "within 6 months" or "March 2027"' in messages
    post_form(client, url, {**fields, "theme": "communities", "timescale": "within 12 months"})
    card = parse(client.get(offer_url(done))).select_one("#commitment-c4")
    assert "Strong communities" in card.text


def test_withdrawing_after_the_closing_date_is_refused(client, db, done):
    code = opportunity(db)
    made = api_submit(client, done, code).json
    db.execute(
        "UPDATE opportunities SET closes_at = '2020-01-01T12:00:00+00:00' WHERE code = ?", [code]
    )
    db.conn.commit()
    withdrawn = client.post(
        f"/api/v1/conversations/{done['id']}/submissions/{made['reference']}/withdraw",
        headers={"Authorization": f"Bearer {done['token']}"},
    )
    assert withdrawn.status_code == 422 and withdrawn.json["error"]["code"] == "closed"


def test_a_practice_opportunity_is_offered_to_anyone_on_the_start_page(client, db):
    code = create_opportunity(
        db,
        council_id="tower-hamlets",
        title="Practice contract",
        closes_at="2099-01-01T12:00:00+00:00",
        practice=True,
    )
    links = parse(client.get("/assistant/")).select("a[href*='opportunity=']")
    assert [(a.text, a["href"]) for a in links] == [
        ("Practice contract", f"/assistant/?opportunity={code}")
    ]


def test_the_pound_figure_says_which_commitments_it_covers_and_names_the_rest(client, done):
    page = " ".join(parse(client.get(f"/assistant/c/{done['token']}/offer")).text.split())
    offer = client.get(
        f"/api/v1/conversations/{done['id']}/offer",
        headers={"Authorization": f"Bearer {done['token']}"},
    ).get_json()
    valued = [c for c in offer["commitments"] if c.get("proxy")]
    unvalued = [c["title"] for c in offer["commitments"] if not c.get("proxy")]
    assert valued and unvalued  # this offer has both kinds
    total = f"£{offer['totals']['proxy_total_gbp']:,.0f}"
    count = (
        "your commitment that has one is"
        if len(valued) == 1
        else (f"the {len(valued)} commitments that have one are")
    )
    assert f"Using published proxy rates, {count} worth about {total}" in page
    assert "; ".join(unvalued) in page  # named, not added in as £0
