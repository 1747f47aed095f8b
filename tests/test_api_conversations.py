"""The conversation API: create, talk, read back, with token auth and JSON errors."""

import pytest

from tests.helpers.conversation_driver import Supplier, drive


def create(client, **body):
    response = client.post("/api/v1/conversations", json=body)
    assert response.status_code == 201, response.json
    return response.json


def auth(token):
    return {"Authorization": f"Bearer {token}"}


def say(client, conversation, text):
    return client.post(
        f"/api/v1/conversations/{conversation['id']}/messages",
        json={"text": text},
        headers=auth(conversation["token"]),
    )


def test_creating_a_conversation_returns_a_token_and_the_first_prompt(client):
    body = create(client)
    assert len(body["token"]) >= 40 and len(body["id"]) >= 16
    assert body["prompt"]["step"] == "org-name" and body["prompt"]["type"] == "text"
    assert body["messages"][-1] == {
        "role": "assistant",
        "text": body["prompt"]["text"],
        "kind": "prompt",
    }


def test_a_whole_conversation_through_the_api_gives_an_offer(client):
    conversation = create(client, council="suffolk")

    def send(text):
        response = say(client, conversation, text)
        assert response.status_code == 200, response.json
        return response.json["prompt"]

    drive(conversation["prompt"], send, Supplier("sme", "suffolk"))
    offer = client.get(
        f"/api/v1/conversations/{conversation['id']}/offer", headers=auth(conversation["token"])
    ).json
    assert offer["council"] == "suffolk" and offer["schema_version"] == "1.0"
    assert offer["supplier"]["name"] == "Hartley Building Services Ltd"
    assert len({c["theme_id"] for c in offer["commitments"]}) >= 3


def test_the_transcript_holds_every_message_in_order(client):
    conversation = create(client)
    say(client, conversation, "Riverside Kitchen")
    say(client, conversation, "what does additional mean?")
    body = client.get(
        f"/api/v1/conversations/{conversation['id']}", headers=auth(conversation["token"])
    ).json
    users = [m["text"] for m in body["messages"] if m["role"] == "user"]
    assert users == ["Riverside Kitchen", "what does additional mean?"]
    assert any(m["kind"] == "answer" and m["entry"]["id"] for m in body["messages"])
    assert body["state"]["answers"]["organisation.name"] == "Riverside Kitchen"
    assert body["turns"] == 2 and body["prompt"]["step"] == "org-type"


def test_an_invalid_answer_gets_the_steps_message_and_the_same_prompt(client):
    conversation = create(client)
    say(client, conversation, "Riverside Kitchen")
    body = say(client, conversation, "a purple one").json
    assert body["prompt"]["step"] == "org-type"
    assert body["prompt"]["error"].startswith("Choose one of the options")
    assert body["messages"][0]["kind"] == "problem"


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({}, 401, "unauthorised"),
        ({"Authorization": "Basic abc"}, 401, "unauthorised"),
        ({"Authorization": "Bearer not-the-token"}, 404, "not_found"),
    ],
)
def test_the_token_is_required(client, headers, status, code):
    conversation = create(client)
    for path in ("", "/offer"):
        response = client.get(f"/api/v1/conversations/{conversation['id']}{path}", headers=headers)
        assert response.status_code == status and response.json["error"]["code"] == code


def test_one_suppliers_token_does_not_open_another_conversation(client):
    mine, theirs = create(client), create(client)
    response = client.get(f"/api/v1/conversations/{theirs['id']}", headers=auth(mine["token"]))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"text": 12}, 422, "text"),
        ({}, 422, "text"),
        ({"text": "x" * 5001}, 422, "text"),
        ([1, 2], 400, None),
    ],
)
def test_bad_message_bodies_get_json_errors(client, body, status, field):
    conversation = create(client)
    response = client.post(
        f"/api/v1/conversations/{conversation['id']}/messages",
        json=body,
        headers=auth(conversation["token"]),
    )
    assert response.status_code == status
    assert response.json["error"].get("field") == field


def test_malformed_json_is_a_400(client):
    response = client.post(
        "/api/v1/conversations", data="{not json", content_type="application/json"
    )
    assert response.status_code == 400 and response.json["error"]["code"] == "invalid_json"


@pytest.mark.parametrize(
    ("body", "field"),
    [({"council": "atlantis"}, "council"), ({"opportunity": "NOPE"}, "opportunity")],
)
def test_unknown_council_or_opportunity_is_a_422(client, body, field):
    response = client.post("/api/v1/conversations", json=body)
    assert response.status_code == 422 and response.json["error"]["field"] == field


def test_a_question_the_knowledge_base_cannot_answer_is_kept_for_staff(client, db):
    conversation = create(client)
    body = say(client, conversation, "can you book me a taxi to the meeting?").json
    assert "passed your question to the council" in body["messages"][0]["text"]
    assert body["prompt"]["step"] == "org-name"
    rows = list(db.query("SELECT question, source FROM unanswered_questions"))
    assert rows == [{"question": "can you book me a taxi to the meeting?", "source": "assistant"}]


def test_a_question_about_something_else_says_so_and_is_not_kept_for_staff(client, db):
    conversation = create(client)
    body = say(client, conversation, "how do i get a parking permit for my van?").json
    text = body["messages"][0]["text"]
    assert text.startswith("I can only help with the social value part of a bid")
    assert "passed your question" not in text
    assert body["prompt"]["step"] == "org-name"
    assert list(db.query("SELECT question FROM unanswered_questions")) == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"council": 5}, "council"),
        ({"opportunity": False}, "opportunity"),
        ({"session": ["ABC123"]}, "session"),
        ({"session": "ABC123", "attendee": "x" * 81}, "attendee"),
        ({"attendee": "x" * 81}, "attendee"),
    ],
)
def test_a_field_of_the_wrong_kind_is_a_422_whatever_the_others_say(client, body, field):
    response = client.post("/api/v1/conversations", json=body)
    assert response.status_code == 422 and response.json["error"]["field"] == field


def test_a_null_opportunity_or_session_is_the_same_as_none(client):
    response = client.post("/api/v1/conversations", json={"opportunity": None, "session": None})
    assert response.status_code == 201


@pytest.mark.parametrize("path", ["/messages", "/submissions"])
def test_a_lone_surrogate_in_the_body_is_a_400_not_a_crash(client, path):
    conversation = create(client)
    response = client.post(
        f"/api/v1/conversations/{conversation['id']}{path}",
        data='{"text": "\\ud800", "opportunity": "\\ud800"}',
        content_type="application/json",
        headers=auth(conversation["token"]),
    )
    assert response.status_code == 400 and response.json["error"]["code"] == "invalid_json"


def test_a_real_token_with_an_id_that_is_not_ascii_is_a_404(client):
    conversation = create(client)
    response = client.get("/api/v1/conversations/caf\u00e9", headers=auth(conversation["token"]))
    assert response.status_code == 404 and response.json["error"]["code"] == "not_found"


def test_a_method_the_api_does_not_take_is_a_405_that_says_which_it_does(client):
    response = client.put("/api/v1/conversations")
    assert response.status_code == 405 and response.json["error"]["code"] == "method_not_allowed"
    assert "POST" in response.headers["Allow"]


@pytest.mark.parametrize(
    ("query", "code"), [("   ", "missing_parameter"), ("a" + " " * 500, "too_long")]
)
def test_a_blank_or_padded_question_is_refused(client, query, code):
    response = client.get("/api/v1/knowledge/search", query_string={"q": query})
    assert response.status_code == 400 and response.json["error"]["code"] == code


def test_a_question_is_answered_and_never_taken_as_the_answer(client):
    conversation = create(client)
    url = f"/api/v1/conversations/{conversation['id']}/messages"
    # At a free-text step ("What is the name of your organisation?"), where any words would do.
    response = client.post(
        url, json={"question": "what is social value"}, headers=auth(conversation["token"])
    )
    assert response.status_code == 200
    kinds = [m["kind"] for m in response.json["messages"]]
    assert kinds[0] == "answer" and kinds[-1] == "prompt"
    assert response.json["prompt"]["step"] == conversation["prompt"]["step"]
    state = client.get(f"/api/v1/conversations/{conversation['id']}", headers=auth(
        conversation["token"])).json["state"]  # fmt: skip
    assert "organisation.name" not in state["answers"]


@pytest.mark.parametrize("body", [{}, {"text": "a", "question": "b"}, {"question": 3}])
def test_a_message_is_text_or_a_question_never_both_or_neither(client, body):
    conversation = create(client)
    url = f"/api/v1/conversations/{conversation['id']}/messages"
    response = client.post(url, json=body, headers=auth(conversation["token"]))
    assert response.status_code == 422
    assert response.json["error"]["code"] == "invalid_field"
