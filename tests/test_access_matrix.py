"""Who may reach what: every route of the URL map, for every kind of person, from one table
(MATRIX, in tests/access_matrix.py).

A route missing from MATRIX fails `test_every_route_is_in_the_matrix`, so a new page cannot
ship without someone deciding who may see it. Outcomes: ALLOW (the page or a validation
error: the person got in), LOGIN (sent to sign in), DENY (403), HIDDEN (404: not theirs, or
no such thing), UNAUTH (401: the API wants a token). Nothing may answer 500.
"""

import re

import pytest

from store.opportunities import create_opportunity
from store.sessions import create_session
from tests.access_matrix import (
    ALLOW,
    ANONYMOUS,
    DENY,
    HIDDEN,
    LOGIN,
    MATRIX,
    ORGANISATION,
    OTHER_COUNCIL,
    OTHER_ORGANISATION,
    OTHER_SUPPLIER,
    PEOPLE,
    ROLES,
    SUPPLIER,
    UNAUTH,
)
from tests.evidence import record
from tests.exchange_actions import OrganisationActions, review, verify
from tests.pages import csrf_token, parse
from tests.test_offer_pages import api_submit, finish
from tests.test_staff_evaluation import Person


def unlisted(app) -> set[str]:
    """Endpoints of the app's URL map that MATRIX does not decide."""
    return {rule.endpoint for rule in app.url_map.iter_rules()} - set(MATRIX)


def test_every_route_is_in_the_matrix(app):
    assert unlisted(app) == set()
    assert set(MATRIX) <= {rule.endpoint for rule in app.url_map.iter_rules()}  # none stale


def test_a_new_route_without_an_entry_fails_the_matrix(app):
    app.add_url_rule("/staff/new-page", "staff.new_page", lambda: "hello")
    assert unlisted(app) == {"staff.new_page"}


@pytest.fixture
def world(app, client, db):
    """A victim supplier with a submitted, awarded offer, a return and a session; everyone else."""
    victim = finish(client)
    other = finish(app.test_client())
    people = {role: Person(app, db, role) for role in ROLES}
    people[OTHER_COUNCIL] = Person(app, db, "admin", council="sandwell", name="outsider")
    code = "MATRIX22"
    create_opportunity(
        db, code=code, council_id="tower-hamlets", title="Matrix", value_gbp=1000,
        closes_at="2099-01-01T12:00:00+00:00",
    )  # fmt: skip
    reference = api_submit(client, victim, code).json["reference"]
    db["opportunities"].update(code, {"closes_at": "2020-01-01T12:00:00+00:00"})
    admin = people["admin"]
    page = parse(admin.client.get(f"/staff/contracts/award/{reference}"))
    response = admin.client.post(
        f"/staff/contracts/award/{reference}",
        data={"csrf_token": csrf_token(page), "starts_on": ["1", "1", "2025"],
              "period_months": "3", "target_1": "4", "target_2": "40", "target_3": "60"},
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
    farm, need_id, waiting = _exchange(app, db, admin)
    clients[ORGANISATION] = farm.client
    clients[OTHER_ORGANISATION] = OrganisationActions(app, name="Bromley Settlement").client
    values = {
        "conversation_id": victim["id"],
        "reference": reference,
        "code": code,
        "contract_id": str(contract_id),
        "return_id": str(return_id[0]),
        "session_id": str(session.id),
        "commitment_id": "c1",
        "council_id": "tower-hamlets",
        "entry_id": "what-is-social-value",
        "topic_id": "living-wage",
        "filename": "css/app.css",
        "need_id": str(need_id),
        "organisation_id": str(waiting),
    }
    tokens = {SUPPLIER: victim["token"], OTHER_SUPPLIER: other["token"]}
    return clients, values, tokens


def _exchange(app, db, admin) -> tuple[OrganisationActions, int, int]:
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


def _path(rule, person, values, tokens) -> str:
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


def _outcome(response) -> str:
    location = response.headers.get("Location", "")
    if response.status_code == 302 and (
        "/staff/sign-in" in location or "/exchange/sign-in" in location
    ):
        return LOGIN
    return {403: DENY, 404: HIDDEN, 401: UNAUTH}.get(response.status_code, ALLOW)


# Routes that end something (a need, a conversation, a session) go last, in this order.
LAST = (
    "exchange_needs.close",
    "api_conversations.delete_conversation",
    "deletion.confirm",
    "staff.sign_out",
    "exchange_accounts.sign_out",
)


def test_everyone_gets_what_the_matrix_says_on_every_route(app, world):
    clients, values, tokens = world
    found = {}
    rules = sorted(
        app.url_map.iter_rules(),
        key=lambda r: LAST.index(r.endpoint) + 1 if r.endpoint in LAST else 0,
    )
    for rule in rules:
        for method in sorted(rule.methods & {"GET", "POST", "DELETE"}):
            for person in PEOPLE:
                session = clients[person]
                headers = {}
                if rule.rule.startswith("/api/v1/conversations/") and person in tokens:
                    headers["Authorization"] = f"Bearer {tokens[person]}"
                data = {}
                if method == "POST":
                    data = {"csrf_token": _csrf(session)}
                path = _path(rule, person, values, tokens)
                if rule.rule.startswith("/api/"):
                    response = session.open(path, method=method, json={}, headers=headers)
                else:
                    response = session.open(path, method=method, data=data, headers=headers)
                response.close()
                assert response.status_code < 500, (rule.endpoint, method, person)
                found[(rule.endpoint, method, person)] = _outcome(response)
    wrong = {
        key: (outcome, MATRIX[key[0]][key[2]])
        for key, outcome in found.items()
        if outcome != MATRIX[key[0]][key[2]]
    }
    assert wrong == {}, wrong
    assert len(found) >= 8 * 80
    routes = len({endpoint for endpoint, _, _ in found})
    record("access_matrix", routes=routes, people=len(PEOPLE), requests=len(found))


def _csrf(session) -> str:
    page = session.get("/staff/sign-in")
    return re.search(
        r'name="csrf_token" type="hidden" value="([^"]+)"', page.get_data(as_text=True)
    ).group(1)
