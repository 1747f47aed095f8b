"""A crash between two turns loses no acknowledged answer: real gunicorn, real SQLite, SIGKILL."""

import http.client
import threading
import time
import urllib.request

import pytest

import store
from tests.helpers.evidence import record
from tests.helpers.http_clients import call
from tests.helpers.server import Gunicorn, migrated_database

pytestmark = pytest.mark.slow  # real gunicorn servers, killed or starved of disk


@pytest.fixture
def database(tmp_path):
    return migrated_database(tmp_path / "durable.sqlite3")


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


SCRIPT = ["Riverside Kitchen", "a charity or CIO", "fewer than 10", "E1 6AN"]
QUESTIONS = ["what does additional mean?", "what is social value?", "how do I show evidence?"]


def _talk(url, created, log, stop):
    """Send messages one after another until the server dies; log each acknowledged one,
    and the one in flight when it died."""
    messages = f"{url}/api/v1/conversations/{created['id']}/messages"
    n = 0
    while not stop.is_set():
        text = SCRIPT[n] if n < len(SCRIPT) else f"{QUESTIONS[n % 3]} ({n})"
        log["in flight"] = text
        try:
            status, _ = call(messages, "POST", {"text": text}, created["token"])
        except (OSError, http.client.HTTPException):  # killed before the reply was complete
            return
        assert status == 200
        log["acknowledged"].append(text)
        log["in flight"] = None
        n += 1


def test_killing_the_server_under_concurrent_load_loses_no_acknowledged_turn(tmp_path, database):
    """20 conversations talking at once; SIGKILL to the master and every worker mid-load,
    twice; after each restart every acknowledged message is there, in order, and nothing else
    but (at most) the one that was in flight."""
    server = Gunicorn(tmp_path, database, workers=2).start()
    conversations = []
    for _ in range(20):
        _, created = call(f"{server.url}/api/v1/conversations", "POST", {})
        conversations.append((created, {"acknowledged": [], "in flight": None}))
    try:
        for _round in range(2):
            stop = threading.Event()
            threads = [
                threading.Thread(target=_talk, args=(server.url, created, log, stop))
                for created, log in conversations
            ]
            for thread in threads:
                thread.start()
            time.sleep(0.5)
            server.kill()
            stop.set()
            for thread in threads:
                thread.join(timeout=30)

            server = Gunicorn(tmp_path, database, workers=2).start()
            for created, log in conversations:
                url = f"{server.url}/api/v1/conversations/{created['id']}"
                _, conversation = call(url, token=created["token"])
                said = [m["text"] for m in conversation["messages"] if m["role"] == "user"]
                acknowledged = log["acknowledged"]
                assert said[: len(acknowledged)] == acknowledged
                assert said[len(acknowledged) :] in ([], [log["in flight"]])
                log["acknowledged"] = said  # a message in flight that was saved counts now
    finally:
        server.stop()

    acknowledged = sum(len(log["acknowledged"]) for _, log in conversations)
    assert acknowledged > 40  # the load was real (about 500 on an idle 2-core machine)
    db = store.connect(database)
    try:
        assert next(db.query("PRAGMA integrity_check"))["integrity_check"] == "ok"
        rows = db.query(
            "SELECT c.turns, COUNT(m.id) AS said FROM conversations c "
            "JOIN conversation_messages m ON m.conversation_id = c.id AND m.role = 'user' "
            "GROUP BY c.id"
        )
        assert all(row["turns"] == row["said"] for row in rows)
    finally:
        db.close()
    record("sigkill", conversations=20, kills=2, acknowledged=acknowledged, lost=0)
