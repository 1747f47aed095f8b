"""Two quarters of delivery returns on the real server, as staff and a supplier run them: the
contract awarded; on award day a contract whose first return is not yet due is not rated on
it; quarter 1 recorded by staff; quarter 2 sent by the supplier with an evidence file (a file
of the wrong kind and one too large refused first, nothing typed lost); one line accepted;
the supplier's correction keeps it accepted; the rest of the quarter accepted in one action.
The rating is worked by hand at each step (Tower Hamlets rates on target: the average of the
KPIs' percentages of what was due, each capped at 100%)."""

import re
from datetime import UTC, datetime, timedelta

import pytest

import store
from monitoring.periods import add_months
from store.opportunities import create_opportunity
from store.panels import seat
from store.staff import create_staff, find_staff_by_email
from tests.helpers.app import STAFF_PASSWORD
from tests.helpers.http_clients import Browser, api, finished_conversation
from tests.helpers.server import Gunicorn, migrated_database
from tests.test_tender_end_to_end import Staff

COUNCIL = "tower-hamlets"
ADMIN = "Ada Admin"
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
TODAY = datetime.now(UTC).date()


@pytest.fixture
def server(tmp_path):
    database = migrated_database(tmp_path / "returns.sqlite3")
    db = store.connect(database)
    create_staff(db, email="ada@tower-hamlets.example", name=ADMIN, council_id=COUNCIL,
                 role="admin", password=STAFF_PASSWORD)  # fmt: skip
    db.close()
    running = Gunicorn(tmp_path, database).start()
    running.database = database
    yield running
    running.stop()


def submitted_offer(server) -> tuple[dict, str]:
    """A supplier's whole conversation through the API, submitted to an opportunity that has
    since closed, with the admin on its panel: (the conversation, the offer's reference)."""
    db = store.connect(server.database)
    closes = (datetime.now(UTC) + timedelta(days=1)).isoformat(timespec="seconds")
    code = create_opportunity(db, council_id=COUNCIL, title="Lunch club service",
                              closes_at=closes, value_gbp=120_000, duration_months=12)  # fmt: skip
    created = finished_conversation(server.url)
    submissions = f"{server.url}/api/v1/conversations/{created['id']}/submissions"
    reference = api(submissions, {"opportunity": code}, created["token"])[1]["reference"]
    db["opportunities"].update(code, {"closes_at": "2020-01-01T12:00:00+00:00"})
    admin = find_staff_by_email(db, "ada@tower-hamlets.example")
    seat(db, code=code, staff_id=admin.id, name=admin.name, council_id=COUNCIL)
    db.close()
    return created, reference


def award(admin: Staff, reference: str, starts) -> str:
    """Award the offer (targets 10 placement weeks, 40 volunteering hours, 60% of waste
    recycled; quarterly returns); the contract's path."""
    location, _ = admin.submit(
        f"/staff/contracts/award/{reference}",
        {"target_1": "10", "target_2": "40", "target_3": "60", "period_months": "3",
         "starts_on": [str(starts.day), str(starts.month), str(starts.year)],
         "override_reason": "The only offer, scored at the panel meeting"},
    )  # fmt: skip
    return location.removeprefix(admin.url)


def rating(page) -> str:
    """The contract's rating as the page states it: "Requires improvement, 70.6%"."""
    text = " ".join(page.text.split())
    found = re.search(
        r"(Good|Approaching target|Requires improvement|Inadequate) (\d+(?:\.\d)?)%", text
    )
    return f"{found.group(1)}, {found.group(2)}%"


def line_fields(period: int, quantities: list[str | None], note: str) -> dict:
    fields = {"period": str(period)}
    for position, quantity in enumerate(quantities, start=1):
        if quantity is not None:
            fields |= {f"quantity_{position}": quantity, f"evidence_type_{position}": "timesheet",
                       f"evidence_note_{position}": note}  # fmt: skip
    return fields


@pytest.mark.slow  # a real gunicorn server and two whole conversations
def test_two_quarters_of_returns_with_evidence_corrections_and_ratings_worked_by_hand(server):
    admin = Staff(server.url, ADMIN)

    # Award day for a contract that began 3 months and 5 days ago: period 1 has ended but its
    # return is not due for another 25 days, so nothing is due and nothing is rated as missed.
    _, early_reference = submitted_offer(server)
    early = award(admin, early_reference, add_months(TODAY, -3) - timedelta(days=5))
    page = admin.page(early)
    assert "Inadequate" not in page.text
    assert rating(page) == "Good, 100%"  # 0 due, 0 delivered: nothing missed

    # The contract the quarters are run on began 7 months and 10 days ago: periods 1 and 2 have
    # ended and their returns are due, so half the contract's targets are due (2 of 4
    # quarters): 5 placement weeks, 20 volunteering hours, and the 60% recycling level.
    supplier_conversation, reference = submitted_offer(server)
    contract = award(admin, reference, add_months(TODAY, -7) - timedelta(days=10))
    contract_id = contract.rsplit("/", 1)[-1]
    assert rating(admin.page(contract)) == "Inadequate, 0%"  # on award day: all due, none in

    # Quarter 1, recorded by staff (accepted as saved): 3 weeks, 12 hours, 55%.
    # By hand: 3/5 = 60%, 12/20 = 60%, 55/60 = 91.7%; average 70.6%: Requires improvement.
    admin.submit(f"{contract}/returns", line_fields(1, ["3", "12", "55"], "Payroll for Q1"))
    assert rating(admin.page(contract)) == "Requires improvement, 70.6%"

    # Quarter 2, sent by the supplier through their own link, with evidence files.
    supplier = Browser(server.url)
    own = f"/assistant/c/{supplier_conversation['token']}/contracts/{contract_id}"
    sent = line_fields(2, ["2", "10", "65"], "Volunteering log for Q2")
    for name, content, problem in [
        ("log.txt", b"just some notes", "“log.txt” is not a PDF, Word (.docx), Excel"),
        ("scan.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), "“scan.pdf” is bigger than 5 MB"),
    ]:
        token = supplier.form_token(f"{own}/return")
        status, _, text = supplier.post_files(
            f"{own}/return", {"csrf_token": token, **sent}, [("evidence_files", name, content)]
        )
        assert status == 400 and problem in text, (name, status)
        assert 'value="65"' in text  # nothing typed is lost
    token = supplier.form_token(f"{own}/return")
    status, _, _ = supplier.post_files(
        f"{own}/return", {"csrf_token": token, **sent}, [("evidence_files", "Q2 log.pdf", PDF)]
    )
    assert status == 303
    assert rating(admin.page(contract)) == "Requires improvement, 70.6%"  # waiting: not counted
    staff_page = admin.page(contract)
    link = staff_page.find("a", string="Q2 log.pdf")
    status, headers, body = admin.fetch(link["href"])
    assert (status, body, headers["Content-Type"]) == (200, PDF, "application/pdf")

    # Staff accept the placement line of quarter 2 alone. By hand: 5/5 = 100%, 12/20 = 60%,
    # 55/60 = 91.7%; average 83.9%: Approaching target.
    line = next(
        a["href"] for a in staff_page.select("a")
        if "Accept or query" in a.text and "Work experience" in a.text and "period 2" in a.text
    )  # fmt: skip
    admin.submit(line, {"decision": "accept"})
    assert rating(admin.page(contract)) == "Approaching target, 83.9%"

    # The supplier corrects the quarter (10 hours were 8): the form comes back filled in with
    # what was sent and sends every line again. The accepted placement line is unchanged, so
    # it stays accepted: still 83.9%, not 70.6%.
    _, form = supplier.get(f"{own}/return?period=2")
    assert 'value="10"' in form and "Volunteering log for Q2" in form  # filled in
    assert 'value="10.0"' not in form and 'value="65.0"' not in form  # as people write them
    token = supplier.form_token(f"{own}/return?period=2")
    corrected = sent | {"quantity_2": "8", "evidence_note_2": "Volunteering log, 8 hours"}
    status, _, _ = supplier.post_files(f"{own}/return", {"csrf_token": token, **corrected}, [])
    assert status == 303
    assert rating(admin.page(contract)) == "Approaching target, 83.9%"
    db = store.connect(server.database)
    statuses = db.execute(
        "SELECT k.position, r.status, r.quantity FROM delivery_returns r JOIN kpis k "
        "ON k.id = r.kpi_id WHERE r.contract_id = ? AND r.period = 2 ORDER BY k.position",
        [int(contract_id)],
    ).fetchall()
    db.close()
    assert statuses == [(1, "accepted", 2.0), (2, "submitted", 8.0), (3, "submitted", 65.0)]

    # Staff accept the rest of quarter 2 in one action. By hand: 5/5, 20/20 and the average
    # of 55% and 65%, 60/60: 100% each, so 100%: Good.
    admin.submit(f"{contract}/periods/2/review", {"decision": "accept"})
    page = admin.page(contract)
    assert rating(page) == "Good, 100%"
    assert "Q2 log.pdf" in page.text
    assert "Q2 log.pdf" in " ".join(
        Browser.get(supplier, own)[1].split()
    )  # the supplier sees the file they sent
