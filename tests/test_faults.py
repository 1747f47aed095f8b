"""A disk that refuses writes, on the real server: a supplier answering or submitting an offer,
or staff signing in, is told plainly that nothing was saved, loses nothing saved before, and can
send it again once it is fixed.

The fault is real, not mocked: the workers' file-size limit (RLIMIT_FSIZE) is lowered to 0,
so every write(2) that would add a byte to any file fails with EFBIG, which SQLite reports as
"database or disk is full", as it would on a full disk."""

import sqlite3
from contextlib import closing

import pytest
from bs4 import BeautifulSoup

import store
from store.staff import create_staff
from tests.helpers.app import STAFF_PASSWORD
from tests.helpers.evidence import record
from tests.helpers.faults import NOT_SAVED, disk_full
from tests.helpers.http_clients import Browser, api, call, finished_conversation
from tests.helpers.offers import opportunity
from tests.helpers.server import Gunicorn, migrated_database

pytestmark = pytest.mark.slow  # real gunicorn servers, killed or starved of disk

ANSWERS = ["Riverside Kitchen", "a charity or CIO", "fewer than 10"]


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


def _not_saved_page(page: str) -> BeautifulSoup:
    """The calm "not saved" page, checked: its heading and its message."""
    soup = BeautifulSoup(page, "html.parser")
    assert soup.h1.get_text(strip=True) == "Sorry, we could not save your answer"
    assert NOT_SAVED in soup.get_text(" ")
    return soup


def test_an_offer_submitted_to_a_full_disk_is_not_saved_and_goes_through_once_there_is_room(
    server, tmp_path
):
    database = tmp_path / "faults.sqlite3"
    db = store.connect(database)
    try:
        code = opportunity(db)
    finally:
        db.close()
    done = finished_conversation(server.url)
    submit_page = f"/assistant/c/{done['token']}/offer/submit"
    submissions_url = f"{server.url}/api/v1/conversations/{done['id']}/submissions"
    supplier = Browser(server.url)
    token = supplier.form_token(submit_page)

    disk_full(server, True)
    try:
        status, _, page = supplier.post(
            submit_page, {"csrf_token": token, "code": code, "declaration": "y"}
        )
        api_status, api_body = api(submissions_url, {"opportunity": code}, done["token"])
    finally:
        disk_full(server, False)

    assert status == 503
    soup = _not_saved_page(page)
    resend = {i["name"]: i["value"] for i in soup.select("form input[type=hidden]")}
    assert (resend["code"], resend["declaration"]) == (code, "y")
    assert (api_status, api_body["error"]) == (503, {"code": "not_saved", "message": NOT_SAVED})

    # Nothing was half-written: no submission, no pledge, the conversation not yet linked.
    db = store.connect(database)
    try:
        assert db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM need_pledges").fetchone()[0] == 0
        linked = db.execute("SELECT opportunity FROM conversations WHERE id = ?", [done["id"]])
        assert linked.fetchone()[0] is None
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()

    # Once the disk has room again, "Try again" submits the same offer, and so does the API.
    status, location, _ = supplier.post(submit_page, resend)
    assert status == 303
    assert location.startswith(f"/assistant/c/{done['token']}/offer/submissions/SV-")
    api_status, made = api(submissions_url, {"opportunity": code}, done["token"])
    assert (api_status, made["version"], made["status"]) == (201, 2, "submitted")
    with closing(sqlite3.connect(database)) as check:
        versions = check.execute(
            "SELECT version, status, opportunity_code FROM submissions ORDER BY version"
        ).fetchall()
        assert versions == [(1, "replaced", code), (2, "submitted", code)]
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


STAFF_EMAIL = "moderator@tower-hamlets.example"


def _page_text(page: str) -> str:
    """A page's text, as a reader sees it."""
    return BeautifulSoup(page, "html.parser").get_text(" ", strip=True)


def _sign_in(browser: Browser, password: str) -> tuple[int, str | None, str]:
    """Sign in as the moderator with this password, as the sign-in form would."""
    token = browser.form_token("/staff/sign-in")
    form = {"csrf_token": token, "email": STAFF_EMAIL, "password": password}
    return browser.post("/staff/sign-in", form)


def _failures(database) -> list[tuple[str, int]]:
    """Each staff email address's count of wrong passwords in a row, from anywhere (the
    count per address beside it is kept under a key of the address's hash)."""
    with closing(sqlite3.connect(database)) as check:
        rows = check.execute("SELECT email, failures FROM sign_in_failures").fetchall()
    return [(key.removeprefix("staff:"), n) for key, n in rows if "|" not in key]


def test_a_wrong_password_on_a_full_disk_is_not_saved_and_signing_in_works_once_there_is_room(
    server, tmp_path
):
    database = tmp_path / "faults.sqlite3"
    db = store.connect(database)
    try:
        create_staff(
            db,
            email=STAFF_EMAIL,
            name="Moderator",
            council_id="tower-hamlets",
            role="moderator",
            password=STAFF_PASSWORD,
        )
    finally:
        db.close()
    staff = Browser(server.url)
    token = staff.form_token("/staff/sign-in")

    disk_full(server, True)
    try:
        # A wrong password is counted (towards the lock) before it is checked: a write.
        form = {"csrf_token": token, "email": STAFF_EMAIL, "password": "not my password"}
        status, location, page = staff.post("/staff/sign-in", form)
    finally:
        disk_full(server, False)

    assert (status, location) == (503, None)
    soup = _not_saved_page(page)
    # A password is never offered back in a "Try again" form.
    assert soup.select("form input[type=hidden]") == []
    assert "not my password" not in page
    assert _failures(database) == []

    # Once the disk has room again, a wrong password is counted and a right one signs in.
    status, _, page = _sign_in(staff, "not my password")
    assert status == 400
    assert "Enter a correct email address and password" in _page_text(page)
    assert _failures(database) == [(STAFF_EMAIL, 1)]
    status, location, _ = _sign_in(staff, STAFF_PASSWORD)
    assert (status, location) == (302, "/staff/")
    assert _failures(database) == []
    status, page = staff.get("/staff/")
    assert status == 200
    assert BeautifulSoup(page, "html.parser").h1.get_text(strip=True) == "What needs you"
