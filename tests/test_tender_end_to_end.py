"""A whole tender on the real server, as council staff and four suppliers run it: the
opportunity is created; four offers come in through the API, one replaced before the close;
the panel declares its interests (one evaluator has a conflict and is kept out); scoring is
refused until the close; two evaluators score, the moderator records the consensus with
reasons; the award is refused until moderation, then made to the top offer; every bidder gets
their own assessment summary; and the evaluation record holds every comment and reason."""

import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

import store
from store.opportunities import update_opportunity
from store.staff import create_staff
from tests.helpers.app import STAFF_PASSWORD
from tests.helpers.home_care import FOUR
from tests.helpers.http_clients import Browser, JsonClient, call
from tests.helpers.scripted import enter
from tests.helpers.server import Gunicorn, migrated_database
from tests.helpers.staff import RUBRIC

COUNCIL = "tower-hamlets"
PEOPLE = {  # who, and their role
    "Asha Evaluator": "evaluator",
    "Ben Evaluator": "evaluator",
    "Chris Evaluator": "evaluator",
    "Mo Moderator": "moderator",
    "Ada Admin": "admin",
}
# What each evaluator scores each offer (commitments, relevance, delivery, out of 5), and the
# moderated consensus: Teapot Community Kitchen is top.
SCORES = {
    "Teapot Community Kitchen": ([4, 4, 4], [5, 4, 4], [4, 4, 4]),
    "Hartley Builders": ([3, 3, 2], [3, 2, 2], [3, 3, 2]),
    "Tiny Care Co": ([1, 2, 1], [2, 2, 1], [1, 2, 1]),
    "Generic Care Services": ([0, 1, 0], [1, 1, 0], [0, 1, 0]),
}


def email(name: str) -> str:
    return f"{name.split()[0].lower()}@{COUNCIL}.example"


class Staff(Browser):
    """A member of staff in their own browser, signed in through the form."""

    def __init__(self, url: str, name: str):
        super().__init__(url)
        self.name = name
        token = self.form_token("/staff/sign-in")
        status, _, _ = self.post(
            "/staff/sign-in",
            {"email": email(name), "password": STAFF_PASSWORD, "csrf_token": token},
        )
        assert status == 302, name

    def page(self, path: str, status: int = 200) -> BeautifulSoup:
        got, _, body = self.fetch(path)
        assert got == status, (path, got)
        return BeautifulSoup(body.decode(), "html.parser")

    def submit(self, path: str, data: dict, status: int = 303, form: str | None = None):
        """Post a form with a CSRF token from the page it is on; (status, location, text)."""
        token = self.form_token(form or path)
        got, location, text = self.post(path, {"csrf_token": token, **data})
        assert got == status, (path, got, re.sub(r"\s+", " ", text)[-600:])
        return location, " ".join(BeautifulSoup(text, "html.parser").text.split())


def scored(values: list[int], who: str, supplier: str, prefix: str = "") -> dict[str, str]:
    """A rubric form's fields: each criterion's score and a comment that names who and what."""
    fields = {}
    for criterion, score in zip(RUBRIC, values, strict=True):
        fields[f"{prefix}{criterion}_score"] = str(score)
        fields[f"{prefix}{criterion}_note"] = f"{who}: {criterion} for {supplier} is {score}"
    return fields


@pytest.fixture
def server(tmp_path):
    database = migrated_database(tmp_path / "tender.sqlite3")
    db = store.connect(database)
    for name, role in PEOPLE.items():
        create_staff(db, email=email(name), name=name, council_id=COUNCIL, role=role,
                     password=STAFF_PASSWORD)  # fmt: skip
    db.close()
    running = Gunicorn(tmp_path, database).start()
    running.database = database
    yield running
    running.stop()


@pytest.mark.slow  # a real gunicorn server and four whole conversations
def test_a_whole_tender_from_opportunity_to_assessment_summaries(server):
    staff = {name: Staff(server.url, name) for name in PEOPLE}
    admin, moderator = staff["Ada Admin"], staff["Mo Moderator"]
    asha, ben, chris = staff["Asha Evaluator"], staff["Ben Evaluator"], staff["Chris Evaluator"]

    # The admin creates the opportunity.
    closes = datetime.now(UTC) + timedelta(days=30)
    location, _ = admin.submit(
        "/staff/opportunities/new",
        {
            "title": "Home care services", "reference": "TH-HC-2027",
            "contract_type": "services", "value_gbp": "450000", "duration_months": "24",
            "weighting_percent": "20", "word_limit": "500",
            "closes_on": [str(closes.day), str(closes.month), str(closes.year)],
        },
    )  # fmt: skip
    code = location.rsplit("/", 1)[-1]
    opportunity = f"/staff/opportunities/{code}"

    # Four suppliers make their offers through the API; the café replaces its offer.
    api = JsonClient(server.url)
    bids = {}
    for supplier, plan in FOUR.items():
        conversation = enter(api, COUNCIL, code, plan.fresh())
        status, made = call(
            f"{server.url}/api/v1/conversations/{conversation['id']}/submissions",
            "POST", {"opportunity": code}, conversation["token"],
        )  # fmt: skip
        assert status == 201, made
        bids[supplier] = {"conversation": conversation, "reference": made["reference"]}
    cafe = bids["Teapot Community Kitchen"]
    replaced = cafe["reference"]
    status, made = call(
        f"{server.url}/api/v1/conversations/{cafe['conversation']['id']}/submissions",
        "POST", {"opportunity": code}, cafe["conversation"]["token"],
    )  # fmt: skip
    assert status == 201 and made["version"] == 2
    cafe["reference"] = made["reference"]

    # The panel: the admin adds three evaluators; each declares before seeing any offer.
    assert not asha.page(opportunity).select("table.app-offers")
    asha.page(f"{opportunity}/offers/{bids['Tiny Care Co']['reference']}", 403)
    panel_page = admin.page(f"{opportunity}/panel")
    choices = {
        label.get_text(strip=True): label.find_previous("input")["value"]
        for label in panel_page.select("label.govuk-radios__label")
    }
    for person in (asha, ben, chris):
        choice = next(value for label, value in choices.items() if label.startswith(person.name))
        admin.submit(f"{opportunity}/panel", {"staff_id": choice})
    declaration = asha.page(f"{opportunity}/declaration")
    assert set(FOUR) == {li.get_text(strip=True) for li in declaration.select("main ul li")}
    for person in (asha, ben, moderator, admin):  # the moderator and admin join by declaring
        person.submit(f"{opportunity}/declaration", {"conflict": "no"})
    chris.submit(
        f"{opportunity}/declaration",
        {"conflict": "yes", "detail": "I was a trustee of Tiny Care Co until last year"},
    )
    tiny_review = f"{opportunity}/offers/{bids['Tiny Care Co']['reference']}"
    assert "You declared a conflict of interest" in chris.page(tiny_review, 403).text
    listed = asha.page(opportunity)
    assert {a.get_text(strip=True) for a in listed.select("table.app-offers td a")} == set(FOUR)

    # Scoring is refused while offers can still change.
    page = asha.page(tiny_review)
    assert "Scoring opens when the opportunity closes" in page.text
    assert page.select_one("input[name=commitments_score]") is None  # no form to fill in
    fields = scored([1, 2, 1], "Asha", "Tiny Care Co")
    _, refused = asha.submit(tiny_review, fields, status=400, form=f"{opportunity}/declaration")
    assert "Scoring opens when the opportunity closes" in refused

    # The opportunity closes; the two evaluators score every offer, then the moderator.
    db = store.connect(server.database)
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat(timespec="seconds")
    update_opportunity(db, code, closes_at=past)
    db.close()
    comments, reasons = [], []
    for supplier, (first, second, consensus) in SCORES.items():
        review = f"{opportunity}/offers/{bids[supplier]['reference']}"
        for person, values in ((asha, first), (ben, second)):
            fields = scored(values, person.name.split()[0], supplier)
            person.submit(review, fields)
            comments += [v for k, v in fields.items() if k.endswith("_note")]
        if supplier == "Teapot Community Kitchen":  # award refused before moderation
            award = f"/staff/contracts/award/{cafe['reference']}"
            page = admin.page(award)
            assert "Nobody has moderated this offer's scores" in page.text
            targets = {f"target_{i}": "1" for i in range(1, len(page.select("form h3")) + 1)}
            terms = targets | {"starts_on": ["1", "4", "2027"], "period_months": "3"}
            _, text = admin.submit(award, terms, status=400)
            assert "Give the reason for awarding this offer" in text
        fields = scored(consensus, "Mo", supplier, prefix="m-")
        moderation = {
            k: (f"Agreed at the panel: {v}" if k.endswith("_note") else v)
            for k, v in fields.items()
        }
        moderator.submit(f"{review}/moderation", moderation, form=review)
        reasons += [v for k, v in moderation.items() if k.endswith("_note")]
    locked = asha.page(f"{opportunity}/offers/{cafe['reference']}")
    assert "Scores are locked once the offer has been moderated" in locked.text
    assert "This is version 1, replaced by version 2" in " ".join(
        asha.page(f"{opportunity}/offers/{replaced}").text.split()
    )

    # The award goes to the top offer, without an override.
    ranked = admin.page(f"{opportunity}?sort=score")
    first_row = ranked.select_one("table.app-offers tbody tr td a").get_text(strip=True)
    assert first_row == "Teapot Community Kitchen"
    location, _ = admin.submit(award, terms)
    assert location.startswith("/staff/contracts/")

    # Every bidder gets an assessment summary, and sees only their own.
    summaries = admin.page(f"{opportunity}/summaries")
    drafts = {t["name"]: t.get_text() for t in summaries.select("textarea")}
    assert len(drafts) == 4
    admin.submit(f"{opportunity}/summaries", drafts | {"issue": "Issue every summary"})
    for supplier, bid in bids.items():
        status, found = call(
            f"{server.url}/api/v1/conversations/{bid['conversation']['id']}"
            f"/submissions/{bid['reference']}",
            token=bid["conversation"]["token"],
        )
        assert status == 200, found
        outcome = found["outcome"]
        won = supplier == "Teapot Community Kitchen"
        expected = "Your offer was successful" if won else "Your offer was not successful"
        assert outcome["result"].startswith(expected), outcome["result"]
        assert supplier in outcome["summary"]
        others = set(FOUR) - {supplier}
        assert not any(name in outcome["summary"] for name in others), outcome["summary"]

    # The evaluation record: every comment and reason, the panel and its declarations.
    status, headers, body = admin.fetch(f"{opportunity}/export.xlsx")
    assert status == 200 and "th-hc-2027-evaluation-record" in headers["Content-Disposition"]
    book = load_workbook(io.BytesIO(body))
    cells = {
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    }
    assert [c for c in comments + reasons if c not in cells] == []
    panel_rows = list(book["Panel"].iter_rows(values_only=True))[1:]
    declared = {row[0]: row[-1] for row in panel_rows if row[0]}
    assert declared["Chris Evaluator"].startswith("Conflict of interest: I was a trustee")
    assert {declared[n] for n in PEOPLE if n != "Chris Evaluator"} == {"No conflict of interest"}
