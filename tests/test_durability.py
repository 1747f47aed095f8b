"""A crash between two turns loses no acknowledged answer: real gunicorn, real SQLite, SIGKILL."""

import json
import urllib.request

import pytest

import store
from tests.server import Gunicorn


def call(url, method="GET", body=None, token=None):
    request = urllib.request.Request(url, method=method)
    if body is not None:
        request.data = json.dumps(body).encode()
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read() or b"null")


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "durable.sqlite3"
    db = store.connect(path)
    store.migrate(db)
    db.close()
    return path


def test_killing_the_server_between_turns_loses_no_acknowledged_answer(tmp_path, database):
    server = Gunicorn(tmp_path, database).start()
    try:
        status, created = call(f"{server.url}/api/v1/conversations", "POST", {})
        assert status == 201
        messages = f"{server.url}/api/v1/conversations/{created['id']}/messages"
        acknowledged = []
        for text in ["Riverside Kitchen", "a charity or CIO", "fewer than 10"]:
            status, _ = call(messages, "POST", {"text": text}, created["token"])
            assert status == 200
            acknowledged.append(text)
    finally:
        server.kill()

    restarted = Gunicorn(tmp_path, database).start()
    try:
        url = f"{restarted.url}/api/v1/conversations/{created['id']}"
        _, conversation = call(url, token=created["token"])
        said = [m["text"] for m in conversation["messages"] if m["role"] == "user"]
        assert said == acknowledged
        assert conversation["state"]["answers"]["organisation.size"] == "micro"
        assert conversation["prompt"]["step"] == "org-postcode"
        status, turn = call(f"{url}/messages", "POST", {"text": "E1 6AN"}, created["token"])
        assert status == 200 and turn["prompt"]["step"] == "org-activity"
        page = urllib.request.urlopen(f"{restarted.url}/assistant/c/{created['token']}", timeout=10)
        assert page.status == 200 and "Riverside Kitchen" in page.read().decode()
    finally:
        restarted.stop()


def test_the_database_is_intact_after_the_crash(tmp_path, database):
    server = Gunicorn(tmp_path, database).start()
    try:
        _, created = call(f"{server.url}/api/v1/conversations", "POST", {})
    finally:
        server.kill()
    db = store.connect(database)
    try:
        assert next(db.query("PRAGMA integrity_check"))["integrity_check"] == "ok"
        assert db["conversations"].count == 1
    finally:
        db.close()
    with pytest.raises(OSError):  # Nothing is serving any more.
        call(f"{server.url}/healthz")
