"""The access matrix's world: a victim supplier with a submitted, awarded offer, a return and a
session, and everyone else (every role, another council, organisations). A fixture, shared
through conftest.py's pytest_plugins."""

import re
from pathlib import Path

import pytest

from knowledge.additions import phrasings
from monitoring.evidence_files import KINDS as FILE_KINDS
from store.evidence import add_files
from store.knowledge_additions import draft_addition
from store.opportunities import create_opportunity
from store.panels import seat
from store.sessions import create_session
from store.staff import find_staff_by_email
from tests.helpers.access_matrix import (
    ANONYMOUS,
    ORGANISATION,
    OTHER_COUNCIL,
    OTHER_ORGANISATION,
    OTHER_SUPPLIER,
    ROLES,
    SUPPLIER,
)
from tests.helpers.exchange_actions import OrganisationActions, review, verify
from tests.helpers.offers import api_submit, finish
from tests.helpers.pages import csrf_token, parse
from tests.helpers.staff import Person


@pytest.fixture
def world(app, client, db):
    """A victim supplier with a submitted, awarded offer, a return and a session; everyone else."""
    victim = finish(client)
    other = finish(app.test_client())
    people = {role: Person(app, db, role, through_form=True) for role in ROLES}
    people[OTHER_COUNCIL] = Person(
        app, db, "admin", council="sandwell", name="outsider", through_form=True
    )
    code = "MATRIX22"
    create_opportunity(
        db, code=code, council_id="tower-hamlets", title="Matrix", value_gbp=1000,
        closes_at="2099-01-01T12:00:00+00:00",
    )  # fmt: skip
    reference = api_submit(client, victim, code).json["reference"]
    spare = Person(app, db, "evaluator", name="spare")
    for person in [*(people[role] for role in ("evaluator", "moderator", "admin")), spare]:
        staff = find_staff_by_email(db, person.email)
        seat(db, code=code, staff_id=staff.id, name=staff.name, council_id="tower-hamlets")
    db["opportunities"].update(code, {"closes_at": "2020-01-01T12:00:00+00:00"})
    admin = people["admin"]
    page = parse(admin.client.get(f"/staff/contracts/award/{reference}"))
    response = admin.client.post(
        f"/staff/contracts/award/{reference}",
        data={"csrf_token": csrf_token(page), "starts_on": ["1", "1", "2025"],
              "period_months": "3", "target_1": "4", "target_2": "40", "target_3": "60",
              "override_reason": "The only offer, scored at the panel"},
    )  # fmt: skip
    contract_id = int(response.headers["Location"].rsplit("/", 1)[-1])
    page = parse(admin.client.get(f"/staff/contracts/{contract_id}/returns"))
    admin.client.post(
        f"/staff/contracts/{contract_id}/returns",
        data={"csrf_token": csrf_token(page), "period": "1", "quantity_1": "1",
              "evidence_type_1": "payroll", "evidence_note_1": "Payroll"},
    )  # fmt: skip
    return_id = db.execute(
        "SELECT id FROM delivery_returns WHERE contract_id = ?", [contract_id]
    ).fetchone()
    session = create_session(
        db, council_id="tower-hamlets", title="Room", opportunity_code=code, themes=[],
        staff_id=1,
    )  # fmt: skip
    clients = {ANONYMOUS: app.test_client(), SUPPLIER: client, OTHER_SUPPLIER: app.test_client()}
    clients |= {name: person.client for name, person in people.items()}
    farm, need_id, waiting = exchange_people(app, db, admin)
    clients[ORGANISATION] = farm.client
    clients[OTHER_ORGANISATION] = OrganisationActions(app, name="Bromley Settlement").client
    values = {
        "conversation_id": victim["id"],
        "reference": reference,
        "code": code,
        "contract_id": str(contract_id),
        "return_id": str(return_id[0]),
        "period": "1",
        "session_id": str(session.id),
        "commitment_id": "c1",
        "council_id": "tower-hamlets",
        "entry_id": "what-is-social-value",
        "topic_id": "living-wage",
        "filename": "css/app.css",
        "need_id": str(need_id),
        "organisation_id": str(waiting),
        "staff_id": str(find_staff_by_email(db, spare.email).id),
        "addition_id": str(
            draft_addition(
                db, "tower-hamlets", phrasings("what-is-social-value", ["what is sv"]), [], 1
            )
        ),
        "verdict": "withdraw",
        "file_id": str(
            add_files(
                db,
                Path(app.config["EVIDENCE_DIR"]),
                contract_id=contract_id,
                period=1,
                files=[("payroll.pdf", FILE_KINDS["pdf"], b"%PDF-1.4 matrix")],
                staff_id=None,
            )[0]
        ),
    }
    tokens = {SUPPLIER: victim["token"], OTHER_SUPPLIER: other["token"]}
    return clients, values, tokens


def exchange_people(app, db, admin) -> tuple[OrganisationActions, int, int]:
    """A verified organisation with an approved need, and another waiting to be verified."""
    farm = OrganisationActions(app)
    verify(admin, db, farm)
    need_id = farm.post_need()
    review(admin, need_id, "approved")
    waiting = OrganisationActions(app, name="Waiting Group")
    row = db.execute("SELECT id FROM exchange_organisations WHERE email = ?", [waiting.email])
    return farm, need_id, row.fetchone()[0]


KINDS = {
    "offers.download": "txt",
    "staff_opportunities.export": "csv",
    "staff_budget.export": "csv",
}


ASSETS = {"public.govuk_assets": "images/favicon.ico"}


def fill_path(rule, person, values, tokens) -> str:
    def fill(match):
        name = match.group(1).split(":")[-1]
        if name == "token":
            return tokens.get(person, "not-a-real-token-at-all")
        if name == "kind":
            return KINDS[rule.endpoint]
        if rule.endpoint in ASSETS and name == "filename":
            return ASSETS[rule.endpoint]
        return values[name]

    return re.sub(r"<([^>]+)>", fill, rule.rule)
