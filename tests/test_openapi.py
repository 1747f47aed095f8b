"""The OpenAPI document is valid, matches the routes served, and describes real responses."""

import re

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from web.api.knowledge import openapi_document

DOC = openapi_document()
OPERATIONS = [(path, method) for path, item in DOC["paths"].items() for method in item]


def served_api_routes(app) -> set[tuple[str, str]]:
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/"):
            path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
            path = path.replace("{conversation_id}", "{id}")
            routes |= {(path, m.lower()) for m in rule.methods - {"HEAD", "OPTIONS"}}
    return routes


def test_the_document_is_valid_openapi():
    validate(DOC)


def test_the_document_is_served_as_json(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.json == DOC


def test_every_api_route_is_documented_and_every_documented_route_exists(app):
    assert served_api_routes(app) == set(OPERATIONS)


def _resolve(schema):
    """Inline the document's $refs into a schema jsonschema can check on its own."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            node = DOC
            for part in schema["$ref"].removeprefix("#/").split("/"):
                node = node[part]
            return _resolve(node)
        return {k: _resolve(v) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_resolve(item) for item in schema]
    return schema


def check(response, path, method):
    """The response matches the documented schema for its status."""
    documented = DOC["paths"][path][method]["responses"]
    assert str(response.status_code) in documented, (path, method, response.status_code)
    spec = _resolve(documented[str(response.status_code)])
    schema = spec["content"]["application/json"]["schema"]
    errors = list(Draft202012Validator(schema).iter_errors(response.json))
    assert not errors, [e.message for e in errors[:3]]


def _new(client):
    response = client.post("/api/v1/conversations", json={})
    check(response, "/api/v1/conversations", "post")
    return response.json


def _auth(body):
    return {"Authorization": f"Bearer {body['token']}"}


def scenario(client, path, method):
    """Make real requests for an operation, good and bad, and check each response."""
    conversation = _new(client)
    url = path.replace("{id}", conversation["id"])
    if path == "/api/v1/conversations":
        check(client.post(url, json={"council": "nowhere"}), path, method)
        check(client.post(url, data="[", content_type="application/json"), path, method)
    elif method == "post":
        for body in ({"text": "Riverside Kitchen"}, {"text": "what is social value?"}, {"text": 5}):
            check(client.post(url, json=body, headers=_auth(conversation)), path, method)
        check(client.post(url, json={"text": "hi"}), path, method)
    elif method == "delete":
        check(client.delete(url, headers={"Authorization": "Bearer wrong"}), path, method)
        check(client.delete(url), path, method)
        for _ in ("deleted", "then not found"):
            check(client.delete(url, headers=_auth(conversation)), path, method)
    elif "{id}" in path:
        check(client.get(url, headers=_auth(conversation)), path, method)
        check(client.get(url, headers={"Authorization": "Bearer wrong"}), path, method)
        check(client.get(url), path, method)
    elif path.endswith("search"):
        for query in ("?q=what+is+social+value", "?q=", "?q=hello&council=nowhere"):
            check(client.get(url + query), path, method)
    else:
        check(client.get(url), path, method)


@pytest.mark.parametrize(("path", "method"), OPERATIONS)
def test_every_documented_operation_returns_what_the_document_says(client, path, method):
    scenario(client, path, method)
