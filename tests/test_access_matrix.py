"""Who may reach what: every route of the URL map, for every kind of person, from one table.

A route missing from MATRIX fails `test_every_route_is_in_the_matrix`, so a new page cannot
ship without someone deciding who may see it. Outcomes: ALLOW (the page or a validation
error: the person got in), LOGIN (sent to sign in), DENY (403), HIDDEN (404: not theirs, or
no such thing), UNAUTH (401: the API wants a token). Nothing may answer 500.
"""

import re

import pytest

from store.opportunities import create_opportunity
from store.sessions import create_session
from tests.evidence import record
from tests.exchange_actions import OrganisationActions, review, verify
from tests.pages import csrf_token, parse
from tests.test_offer_pages import api_submit, finish
from tests.test_staff_evaluation import Person

ALLOW, LOGIN, DENY, HIDDEN, UNAUTH = "allow", "sign in", "403", "404", "401"
ANONYMOUS, SUPPLIER, OTHER_SUPPLIER = "anonymous", "supplier", "another supplier"
ROLES = ("evaluator", "moderator", "trainer", "admin")
OTHER_COUNCIL = "admin of another council"
# Local organisations signed in to the needs exchange: the victim's needs are ORGANISATION's.
ORGANISATION, OTHER_ORGANISATION = "organisation", "another organisation"
ORGANISATIONS = (ORGANISATION, OTHER_ORGANISATION)
PEOPLE = (ANONYMOUS, SUPPLIER, OTHER_SUPPLIER, *ROLES, OTHER_COUNCIL, *ORGANISATIONS)
SCORERS = ("evaluator", "moderator", "admin")
MANAGERS = ("moderator", "admin")
TRAINERS = ("trainer", "admin")
ANY_STAFF = ROLES


def public() -> dict[str, str]:
    """Anyone at all."""
    return dict.fromkeys(PEOPLE, ALLOW)


def staff(allowed: tuple[str, ...], about_one_thing: bool = True) -> dict[str, str]:
    """A staff page: strangers sign in first, the wrong role is refused, and another
    council's staff cannot see this council's things (lists show only their own)."""
    outcome = dict.fromkeys(PEOPLE, LOGIN)
    outcome |= {role: ALLOW if role in allowed else DENY for role in ROLES}
    outcome[OTHER_COUNCIL] = HIDDEN if about_one_thing else ALLOW
    return outcome


def supplier(about_one_thing: bool = True) -> dict[str, str]:
    """A page behind a conversation's token in the URL: its owner gets in; another supplier
    reaches only their own conversation, never this one's submissions or contracts; without a
    token of one's own there is nothing to find."""
    outcome = dict.fromkeys(PEOPLE, HIDDEN)
    outcome[SUPPLIER] = ALLOW
    outcome[OTHER_SUPPLIER] = HIDDEN if about_one_thing else ALLOW
    return outcome


def organisation(about_one_thing: bool = True) -> dict[str, str]:
    """An organisation's own page on the needs exchange: anyone else signs in as one first
    (staff sessions do not count), and another organisation never reaches this one's needs."""
    outcome = dict.fromkeys(PEOPLE, LOGIN)
    outcome[ORGANISATION] = ALLOW
    outcome[OTHER_ORGANISATION] = HIDDEN if about_one_thing else ALLOW
    return outcome


def api() -> dict[str, str]:
    """The conversation API: the Bearer token must open this very conversation."""
    outcome = dict.fromkeys(PEOPLE, UNAUTH)
    outcome[SUPPLIER] = ALLOW
    outcome[OTHER_SUPPLIER] = HIDDEN
    return outcome


MATRIX: dict[str, dict[str, str]] = {
    "static": public(),
    "public.start": public(),
    "public.accessibility": public(),
    "public.cookies": public(),
    "public.privacy": public(),
    "public.healthz": public(),
    "public.govuk_assets": public(),
    "councils.plan": public(),
    "help.ask": public(),
    "help.answer": public(),
    "help.topic": public(),
    "api.knowledge_search": public(),
    "api.openapi": public(),
    "api.offer_json_schema": public(),
    "api_conversations.create_conversation": public(),
    "api_conversations.get_conversation": api(),
    "api_conversations.post_message": api(),
    "api_conversations.get_offer": api(),
    "api_conversations.submit_offer": api(),
    "api_conversations.withdraw_offer": api(),
    "api_conversations.delete_conversation": api(),  # the victim's won a contract: 409
    "assistant.start": public(),
    "assistant.create": public(),
    "assistant.come_back": public(),
    "training.join": public(),
    "training.start": public(),
    "assistant.conversation": supplier(about_one_thing=False),
    "assistant.message": supplier(about_one_thing=False),
    "assistant.new_return_code": supplier(about_one_thing=False),
    "offers.offer": supplier(about_one_thing=False),
    "offers.organisation": supplier(about_one_thing=False),
    "offers.commitment": supplier(about_one_thing=False),  # c1 exists in both conversations
    "offers.remove": supplier(about_one_thing=False),
    "offers.narrative": supplier(about_one_thing=False),
    "offers.reset_narrative": supplier(about_one_thing=False),
    "offers.download": supplier(about_one_thing=False),
    "submissions.submit": supplier(about_one_thing=False),
    "submissions.receipt": supplier(),
    "submissions.withdraw": supplier(),
    "supplier_contracts.show": supplier(),
    "supplier_contracts.record_return": supplier(),
    # The victim's offer won a contract, so deleting is refused (409); another supplier deletes
    # their own conversation, which is why these run last.
    "deletion.confirm": supplier(about_one_thing=False),
    "deletion.done": public(),
    "staff.sign_in": public(),
    "staff.signed_out": public(),
    "staff.sign_out": public(),
    "staff.account": staff(ANY_STAFF, about_one_thing=False),
    "staff_opportunities.index": staff(SCORERS, about_one_thing=False),
    "staff_opportunities.new": staff(MANAGERS, about_one_thing=False),
    "staff_opportunities.show": staff(SCORERS),
    "staff_opportunities.edit": staff(MANAGERS),
    "staff_opportunities.review": staff(SCORERS),
    "staff_opportunities.moderate": staff(MANAGERS),
    "staff_opportunities.compare": staff(SCORERS),
    "staff_opportunities.export": staff(MANAGERS),
    "staff_questions.index": staff(MANAGERS, about_one_thing=False),
    "staff_questions.handled": staff(MANAGERS, about_one_thing=False),
    "staff_contracts.index": staff(SCORERS, about_one_thing=False),
    "staff_contracts.award": staff(MANAGERS),
    "staff_contracts.show": staff(SCORERS),
    "staff_contracts.schedule": staff(MANAGERS),
    "staff_contracts.record_return": staff(SCORERS),
    "staff_contracts.review": staff(SCORERS),
    "staff_contracts.assessment": staff(SCORERS),
    "staff_budget.show": staff(SCORERS, about_one_thing=False),
    "staff_budget.export": staff(SCORERS, about_one_thing=False),
    "staff_sessions.index": staff(TRAINERS, about_one_thing=False),
    "staff_sessions.new": staff(TRAINERS, about_one_thing=False),
    "staff_sessions.show": staff(TRAINERS),
    "staff_sessions.live": staff(TRAINERS),
    "staff_sessions.handout": staff(TRAINERS),
    "staff_sessions.close": staff(TRAINERS),
    "exchange_board.board": public(),
    "exchange_board.need": public(),  # approved, of a verified organisation
    "exchange_accounts.register": public(),
    "exchange_accounts.sign_in": public(),
    "exchange_accounts.sign_out": public(),
    "exchange_accounts.signed_out": public(),
    "exchange_needs.index": organisation(about_one_thing=False),
    "exchange_needs.new": organisation(about_one_thing=False),
    "exchange_needs.edit": organisation(),
    "exchange_needs.close": organisation(),  # the victim's need closes, so it runs last
    "staff_exchange.index": staff(MANAGERS, about_one_thing=False),
    "staff_exchange.verify": staff(MANAGERS),
    "staff_exchange.review": staff(MANAGERS),
}


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
