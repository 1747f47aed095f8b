"""Who may reach what: every route of the URL map, for every kind of person, from one table
(MATRIX, in tests/helpers/access_matrix.py).

A route missing from MATRIX fails `test_every_route_is_in_the_matrix`, so a new page cannot
ship without someone deciding who may see it. Outcomes: ALLOW (the page or a validation
error: the person got in), LOGIN (sent to sign in), DENY (403), HIDDEN (404: not theirs, or
no such thing), UNAUTH (401: the API wants a token). Nothing may answer 500.
"""

import re

from tests.helpers.access_matrix import (
    ALLOW,
    DENY,
    HIDDEN,
    LOGIN,
    MATRIX,
    PEOPLE,
    UNAUTH,
)
from tests.helpers.evidence import record
from tests.helpers.world import fill_path


def unlisted(app) -> set[str]:
    """Endpoints of the app's URL map that MATRIX does not decide."""
    return {rule.endpoint for rule in app.url_map.iter_rules()} - set(MATRIX)


def test_every_route_is_in_the_matrix(app):
    assert unlisted(app) == set()
    assert set(MATRIX) <= {rule.endpoint for rule in app.url_map.iter_rules()}  # none stale


def test_a_new_route_without_an_entry_fails_the_matrix(app):
    app.add_url_rule("/staff/new-page", "staff.new_page", lambda: "hello")
    assert unlisted(app) == {"staff.new_page"}


def _outcome(response) -> str:
    location = response.headers.get("Location", "")
    if response.status_code == 302 and (
        "/staff/sign-in" in location or "/exchange/sign-in" in location
    ):
        return LOGIN
    return {403: DENY, 404: HIDDEN, 401: UNAUTH}.get(response.status_code, ALLOW)


# Routes that end something (a need, a conversation, a session) go last, in this order.
LAST = (
    "staff_panel.remove",
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
                path = fill_path(rule, person, values, tokens)
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
