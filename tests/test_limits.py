"""Abuse limits: rate limits per client (per address, per training session, per conversation),
request size, and the cap on a conversation's turns. Each refusal is a plain page or JSON
error and saves nothing."""

import pytest

import store
from assistant.engine import MAX_TURNS
from store.opportunities import create_opportunity
from store.sessions import create_session
from tests.helpers.app import make_app
from tests.helpers.offers import api_submit, finish
from tests.helpers.pages import csrf_token, error_summary_links, heading, parse
from tests.helpers.training import practice

TOO_MANY = "You have done that too many times in a short time"


@pytest.fixture
def limited(tmp_path):
    """The app with rate limits on and small numbers, so a test reaches them quickly."""
    return make_app(
        tmp_path,
        RATELIMIT_ENABLED=True,
        RATELIMIT_SIGN_IN="3 per minute",
        RATELIMIT_RETURN_CODE="3 per minute",
        RATELIMIT_START="2 per minute",
        RATELIMIT_JOIN="5 per minute",
        RATELIMIT_MESSAGE="3 per minute",
        RATELIMIT_JOIN_ADDRESS="20 per minute",
    )


@pytest.fixture
def costly(tmp_path):
    """The app with small limits on what costs disk or CPU, and none to speak of on starting."""
    return make_app(
        tmp_path,
        RATELIMIT_ENABLED=True,
        RATELIMIT_SUBMIT="2 per minute",
        RATELIMIT_SUBMIT_ADDRESS="3 per minute",
        RATELIMIT_SEARCH="4 per minute",
        RATELIMIT_DOWNLOAD="2 per minute",
    )


def _start(client):
    token = csrf_token(parse(client.get("/assistant/")))
    return client.post("/assistant/", data={"csrf_token": token})


def _say(client, path, text):
    token = csrf_token(parse(client.get(path)))
    return client.post(path, data={"text": text, "csrf_token": token})


def test_signing_in_is_limited_per_address_with_a_plain_page(limited):
    client = limited.test_client()
    token = csrf_token(parse(client.get("/staff/sign-in")))
    form = {"email": "someone@tower-hamlets.example", "password": "guess", "csrf_token": token}
    assert [client.post("/staff/sign-in", data=form).status_code for _ in range(3)] == [400] * 3
    refused = client.post("/staff/sign-in", data=form)
    assert heading(parse(refused, 429)) == TOO_MANY
    assert "Wait a minute" in refused.get_data(as_text=True)
    assert int(refused.headers["Retry-After"]) > 0
    assert client.get("/staff/sign-in").status_code == 200  # only posting is counted


def test_return_codes_cannot_be_guessed_quickly(limited):
    client = limited.test_client()
    token = csrf_token(parse(client.get("/assistant/return")))
    for _ in range(3):
        client.post("/assistant/return", data={"code": "ABCD-2345-EFGH", "csrf_token": token})
    refused = client.post("/assistant/return", data={"code": "ABCD-2345-EFGH", "csrf_token": token})
    assert heading(parse(refused, 429)) == TOO_MANY


def test_starting_conversations_is_limited_per_address_on_the_site_and_the_api_together(
    limited, db_of
):
    client = limited.test_client()
    assert _start(client).status_code == 303
    assert client.post("/api/v1/conversations", json={}).status_code == 201
    refused = client.post("/api/v1/conversations", json={})
    assert refused.status_code == 429
    assert refused.get_json()["error"]["code"] == "too_many_requests"
    assert "Wait a minute" in refused.get_json()["error"]["message"]
    assert heading(parse(_start(client), 429)) == TOO_MANY
    assert db_of(limited)["conversations"].count == 2


def test_a_training_room_behind_one_address_counts_per_session(limited, db_of):
    db = db_of(limited)
    code = practice(db)
    room, other = (
        create_session(
            db, council_id="tower-hamlets", title=title, opportunity_code=code, themes=[],
            staff_id=None,
        ).code
        for title in ("Room", "Other room")
    )  # fmt: skip
    client = limited.test_client()
    token = csrf_token(parse(client.get("/join/")))
    joins = [
        client.post("/join/", data={"code": room, "csrf_token": token}).status_code
        for _ in range(5)
    ]
    assert joins == [303] * 5  # more than the 2 a minute one address may start alone
    assert client.post("/join/", data={"code": room, "csrf_token": token}).status_code == 429
    api = client.post("/api/v1/conversations", json={"session": other.lower()})
    assert api.status_code == 201  # another session has its own count
    assert _start(client).status_code == 303  # and starting alone has its own
    assert db["conversations"].count == 7


def test_messages_are_limited_per_conversation_not_per_address(limited, db_of):
    client = limited.test_client()
    first = _start(client).headers["Location"]
    second = client.post("/api/v1/conversations", json={}).get_json()
    for text in ("Riverside Kitchen", "a charity or CIO", "fewer than 10"):
        assert _say(client, first, text).status_code == 303
    assert heading(parse(_say(client, first, "E1 6AN"), 429)) == TOO_MANY
    url = f"/api/v1/conversations/{second['id']}/messages"
    headers = {"Authorization": f"Bearer {second['token']}"}
    statuses = [
        client.post(url, json={"text": text}, headers=headers).status_code
        for text in ("Riverside Kitchen", "a charity or CIO", "fewer than 10", "E1 6AN")
    ]
    assert statuses == [200, 200, 200, 429]
    turns = {row["id"]: row["turns"] for row in db_of(limited)["conversations"].rows}
    assert turns == {second["id"]: 3, **{k: 3 for k in turns if k != second["id"]}}


def test_a_request_over_one_megabyte_is_refused_plainly(limited):
    client = limited.test_client()
    page = client.post("/assistant/", data={"csrf_token": "x", "text": "a" * 1_100_000})
    assert heading(parse(page, 413)) == "What you sent is too large"
    api = client.post(
        "/api/v1/conversations",
        data=b"{" + b" " * 1_100_000 + b"}",
        content_type="application/json",
    )
    assert api.status_code == 413
    assert api.get_json()["error"]["message"] == "The request is too large. Send less than 1 MB."


def test_a_conversation_stops_taking_messages_at_its_turn_limit_and_says_so(app, client, db):
    created = client.post("/api/v1/conversations", json={}).get_json()
    headers = {"Authorization": f"Bearer {created['token']}"}
    url = f"/api/v1/conversations/{created['id']}/messages"
    db.execute("UPDATE conversations SET turns = ? WHERE id = ?", [MAX_TURNS, created["id"]])
    db.conn.commit()
    messages = db["conversation_messages"].count

    refused = client.post(url, json={"text": "Riverside Kitchen"}, headers=headers)
    assert refused.status_code == 409
    assert refused.get_json()["error"]["code"] == "conversation_full"
    assert f"limit of {MAX_TURNS} messages" in refused.get_json()["error"]["message"]

    path = f"/assistant/c/{created['token']}"
    page = parse(_say(client, path, "Riverside Kitchen"), 400)
    assert f"limit of {MAX_TURNS} messages" in error_summary_links(page)[0][0]
    assert page.select_one("#text").get_text() == "Riverside Kitchen"  # kept, to send again
    assert db["conversation_messages"].count == messages
    assert db["conversations"].get(created["id"])["turns"] == MAX_TURNS


@pytest.fixture
def db_of():
    """A connection to an app's database, closed after the test."""
    opened = []

    def connect(app):
        opened.append(store.connect(app.config["DATABASE"]))
        return opened[-1]

    yield connect
    for database in opened:
        database.close()


def test_an_over_long_message_is_kept_in_the_field_and_not_saved(client, db):
    token = csrf_token(parse(client.get("/assistant/")))
    path = client.post("/assistant/", data={"csrf_token": token}).headers["Location"]
    before = db["conversation_messages"].count
    text = "Riverside Kitchen " * 300  # 5,400 characters
    page = parse(_say(client, path, text), 400)
    assert "keep it under 5,000 characters" in error_summary_links(page)[0][0]
    assert page.select_one("#text").get_text() == text
    assert db["conversation_messages"].count == before


def test_submitting_is_limited_per_conversation_and_per_address(costly, db_of):
    db = db_of(costly)
    create_opportunity(db, code="LIMITS01", council_id="tower-hamlets", title="Meals",
                       closes_at="2099-01-01T12:00:00+00:00")  # fmt: skip
    client = costly.test_client()
    first, second = finish(client), finish(client)
    sent = [api_submit(client, first, "LIMITS01").status_code for _ in range(3)]
    assert sent == [201, 201, 429]  # the conversation's limit: the disk is not filled
    assert api_submit(client, second, "LIMITS01").status_code == 201
    assert api_submit(client, second, "LIMITS01").status_code == 429  # the address's limit
    assert db["submissions"].count == 3


def test_searching_and_downloading_are_limited(costly):
    client = costly.test_client()
    statuses = [
        client.get(f"/api/v1/knowledge/search?q=question {n}").status_code for n in range(3)
    ]
    statuses += [client.get(f"/help/?q=question {n}").status_code for n in range(2)]
    assert statuses == [200, 200, 200, 200, 429]  # the API and the help page count together
    done = finish(client)
    downloads = [
        client.get(f"/assistant/c/{done['token']}/offer/download/txt").status_code for _ in range(3)
    ]
    assert downloads == [200, 200, 429]


def test_one_address_cannot_flood_every_room_with_joins(tmp_path, db_of):
    app = make_app(tmp_path, RATELIMIT_ENABLED=True, RATELIMIT_JOIN="100 per minute",
                   RATELIMIT_JOIN_ADDRESS="8 per minute")  # fmt: skip
    db = db_of(app)
    code = practice(db)
    rooms = [
        create_session(db, council_id="tower-hamlets", title=f"Room {n}", opportunity_code=code,
                       themes=[], staff_id=None).code
        for n in range(3)
    ]  # fmt: skip
    client = app.test_client()
    token = csrf_token(parse(client.get("/join/")))
    joins = [
        client.post("/join/", data={"code": rooms[n % 3], "csrf_token": token}).status_code
        for n in range(10)
    ]
    assert joins == [303] * 8 + [429] * 2  # each room's count is far off; the address's is not
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "198.51.100.20"
    token = csrf_token(parse(elsewhere.get("/join/")))
    assert elsewhere.post("/join/", data={"code": rooms[0], "csrf_token": token}).status_code == 303
