"""A disk that refuses writes, on the real server: the supplier is told plainly that their
answer was not saved, loses nothing saved before, and can send it again once it is fixed.

The fault is real, not mocked: the workers' file-size limit (RLIMIT_FSIZE) is lowered to 0,
so every write(2) that would add a byte to any file fails with EFBIG, which SQLite reports as
"database or disk is full", as it would on a full disk."""

import resource
import sqlite3
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import store
from tests.evidence import record
from tests.http_clients import Browser, api, call
from tests.server import Gunicorn, migrated_database

NOT_SAVED = "We could not save your answer, please try again."
ANSWERS = ["Riverside Kitchen", "a charity or CIO", "fewer than 10"]


def workers(server: Gunicorn) -> list[int]:
    """The process ids of gunicorn's workers (the master's children)."""
    pid = server.process.pid
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children]


def disk_full(server: Gunicorn, full: bool) -> None:
    """Make every worker's writes to files fail (or work again). Only the soft limit moves,
    so it can be raised back without privileges."""
    for pid in workers(server):
        _, hard = resource.prlimit(pid, resource.RLIMIT_FSIZE)
        resource.prlimit(pid, resource.RLIMIT_FSIZE, (0 if full else hard, hard))


@pytest.fixture
def server(tmp_path):
    running = Gunicorn(tmp_path, migrated_database(tmp_path / "faults.sqlite3")).start()
    yield running
    running.stop()


def test_a_full_disk_loses_no_saved_answer_and_says_so(server, tmp_path):
    supplier = Browser(server.url)
    token = supplier.form_token("/assistant/")
    status, location, _ = supplier.post("/assistant/", {"csrf_token": token})
    assert status == 303
    chat = location.removeprefix(server.url)
    for text in ANSWERS:
        token = supplier.form_token(chat)
        assert supplier.post(chat, {"csrf_token": token, "text": text})[0] == 303
    _, created = api(f"{server.url}/api/v1/conversations", {})
    messages = f"{server.url}/api/v1/conversations/{created['id']}/messages"
    assert api(messages, {"text": "Riverside Kitchen"}, created["token"])[0] == 200
    token = supplier.form_token(chat)

    disk_full(server, True)
    try:
        status, _, page = supplier.post(chat, {"csrf_token": token, "text": "E1 6AN"})
        api_status, api_body = api(messages, {"text": "a charity or CIO"}, created["token"])
    finally:
        disk_full(server, False)

    assert status == 503
    soup = BeautifulSoup(page, "html.parser")
    assert soup.h1.get_text(strip=True) == "Sorry, we could not save your answer"
    assert NOT_SAVED in soup.get_text(" ")
    resend = {i["name"]: i["value"] for i in soup.select("form input[type=hidden]")}
    assert resend["text"] == "E1 6AN"
    assert (api_status, api_body["error"]) == (503, {"code": "not_saved", "message": NOT_SAVED})

    # Nothing saved before was lost, nothing half-saved appeared, and the file is sound.
    db = store.connect(tmp_path / "faults.sqlite3")
    try:
        said = [
            row["text"]
            for row in db.query(
                "SELECT text FROM conversation_messages WHERE role = 'user' ORDER BY id"
            )
        ]
        assert said == [*ANSWERS, "Riverside Kitchen"]
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()

    # Once the disk has room again, "Try again" sends the same answer, and it is saved once.
    status, location, _ = supplier.post(chat, resend)
    assert status == 303
    _, page = supplier.get(chat)
    assert page.count(">E1 6AN<") == 1
    assert api(messages, {"text": "a charity or CIO"}, created["token"])[0] == 200
    conversation = call(messages.removesuffix("/messages"), token=created["token"])[1]
    said = [m["text"] for m in conversation["messages"] if m["role"] == "user"]
    assert said == ["Riverside Kitchen", "a charity or CIO"]
    with sqlite3.connect(tmp_path / "faults.sqlite3") as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    record("full_disk", refused_writes=2, saved_before=len(ANSWERS) + 1, lost=0, resent=2)
