"""Requests that cost the server more than they cost the sender, sent to a real gunicorn server
(two workers, as `make run` runs it) at their worst size: each finding of the hostile-load
review. Every request must get a 4xx or a success; /healthz must answer throughout; no worker
may be killed and restarted. The time each took is recorded for docs/reliability.md (the
test only guards against a hang). And a day's kind of traffic leaves no conversation token in
any line of the server's log."""

import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

import pytest

import store
from store.staff import create_staff
from tests.helpers.app import STAFF_PASSWORD
from tests.helpers.evidence import record
from tests.helpers.http_clients import Browser, api, finished_conversation
from tests.helpers.server import Gunicorn, migrated_database

HANG = 20  # seconds: a request still unanswered after this has hung the server
HUGE_EMAIL = "a@" + "." * 120_000 + "@"  # quadratic in the old email pattern
NESTED = ("[" * 100_000 + "]" * 100_000).encode()  # RecursionError in Python's JSON parser
LONG_WORD = "x" * 900_000  # one "word" of 900 KB as a written response


@dataclass
class Sent:
    """One hostile request and how it went."""

    finding: str
    status: int
    seconds: float


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    database = migrated_database(folder / "hostile.sqlite3")
    db = store.connect(database)
    create_staff(db, email="ada@tower-hamlets.example", name="Ada", council_id="tower-hamlets",
                 role="admin", password=STAFF_PASSWORD)  # fmt: skip
    db.close()
    running = Gunicorn(folder, database, workers=2).start()
    running.log = folder / "gunicorn.log"
    yield running
    running.stop()


def _raw(url: str, body: bytes | None, content_type: str, headers: dict | None = None) -> int:
    request = urllib.request.Request(url, data=body)
    request.add_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=HANG) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        error.read()
        return error.code


def _streamed(url: str, path: str, body: bytes, content_type: str) -> int:
    """POST a big body as a client would, reading the answer even if the server stops
    reading first (it may refuse a body too big without reading it, then close)."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=HANG) as sock:
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        )
        try:
            sock.sendall(head.encode())
            for start in range(0, len(body), 65536):
                sock.sendall(body[start : start + 65536])
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused before the end: the answer is already there
        answer = b""
        try:
            while b"\r\n" not in answer:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                answer += chunk
        except ConnectionResetError:
            pass
    found = re.match(rb"HTTP/1\.[01] (\d{3})", answer)
    return int(found.group(1)) if found else 0


class Watch:
    """Asks /healthz every fifth of a second in the background; notes every miss."""

    def __init__(self, url: str):
        self.url, self.misses, self.asked = url, [], 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=5) as response:
                    if response.status != 200:
                        self.misses.append(response.status)
            except OSError as error:
                self.misses.append(repr(error))
            self.asked += 1
            self._stop.wait(0.2)

    def __enter__(self) -> "Watch":
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()


def _timed(finding: str, send: Callable[[], int]) -> Sent:
    started = time.monotonic()
    status = send()
    return Sent(finding, status, time.monotonic() - started)


def _form(browser: Browser, page: str, path: str, data: dict) -> int:
    token = browser.form_token(page)
    return browser.post(path, {"csrf_token": token, **data})[0]


def hostile_requests(url: str) -> list[tuple[str, Callable[[], int]]]:
    """Each finding, ready to send (a conversation made first for those that need one)."""
    done = finished_conversation(url)
    chat = f"/assistant/c/{done['token']}"
    supplier, stranger = Browser(url), Browser(url)
    bearer = {"Authorization": f"Bearer {done['token']}"}
    messages = f"{url}/api/v1/conversations/{done['id']}/messages"
    fresh = api(f"{url}/api/v1/conversations", {})[1]
    fresh_messages = f"{url}/api/v1/conversations/{fresh['id']}/messages"
    fresh_bearer = {"Authorization": f"Bearer {fresh['token']}"}
    big_upload = b'--x\r\nContent-Disposition: form-data; name="f"; filename="a.pdf"\r\n\r\n'
    return [
        ("email pattern: staff sign-in", lambda: _form(
            stranger, "/staff/sign-in", "/staff/sign-in",
            {"email": HUGE_EMAIL, "password": "x" * 12})),
        ("email pattern: organisation sign-in", lambda: _form(
            stranger, "/exchange/sign-in", "/exchange/sign-in",
            {"email": HUGE_EMAIL, "password": "x" * 12})),
        ("email pattern: registration", lambda: _form(
            stranger, "/exchange/tower-hamlets/register", "/exchange/tower-hamlets/register",
            {"email": HUGE_EMAIL, "name": "A", "password": "x" * 12, "confirm": "x" * 12})),
        ("written response of one 900 KB word", lambda: _form(
            supplier, f"{chat}/offer/narrative", f"{chat}/offer/narrative",
            {"text": LONG_WORD})),
        ("written response far over its word limit", lambda: _form(
            supplier, f"{chat}/offer/narrative", f"{chat}/offer/narrative",
            {"text": "community " * 60_000})),
        ("the longest written response its word limit allows", lambda: _form(
            supplier, f"{chat}/offer/narrative", f"{chat}/offer/narrative",
            {"text": " ".join(["community"] * 495 + ["x" * 100] * 5)})),
        ("PDF of that response", lambda: supplier.fetch(f"{chat}/offer/download/pdf")[0]),
        ("Word document of the offer", lambda: supplier.fetch(f"{chat}/offer/download/docx")[0]),
        ("a 5,000-character message of digits (timescale pattern)", lambda: _raw(
            fresh_messages, b'{"text": "' + b"1" * 5000 + b'"}', "application/json",
            fresh_bearer)),
        ("a 5,000-character message of '12 months ' over and over", lambda: _raw(
            fresh_messages, ('{"text": "' + "12 months " * 500 + '"}').encode(),
            "application/json", fresh_bearer)),
        ("a 5,000-character question", lambda: _raw(
            messages, ('{"text": "' + "what about " * 454 + '?"}').encode(),
            "application/json", bearer)),
        ("JSON nested 100,000 deep: a new conversation", lambda: _raw(
            f"{url}/api/v1/conversations", NESTED, "application/json")),
        ("JSON nested 100,000 deep: a message", lambda: _raw(
            messages, NESTED, "application/json", bearer)),
        ("knowledge search of 500 characters", lambda: stranger.fetch(
            "/api/v1/knowledge/search?q=" + "zq" * 250)[0]),
        ("help page question of 2,000 characters", lambda: stranger.fetch(
            "/help/?q=" + "why+" * 500)[0]),
        ("a 20 MB upload to a form that takes none", lambda: _streamed(
            url, "/staff/sign-in", big_upload + b"0" * (20 * 1024 * 1024) + b"\r\n--x--\r\n",
            "multipart/form-data; boundary=x")),
    ]  # fmt: skip


def _booted(log: str) -> int:
    return len(re.findall(r"Booting worker", log))


@pytest.mark.slow  # a real server with two workers
def test_no_hostile_request_costs_the_server_its_service(server):
    before = _booted(server.log.read_text())
    with Watch(server.url) as watch:
        sent = [_timed(finding, send) for finding, send in hostile_requests(server.url)]
        # The worst ones again, two at once (two workers, each busy with one).
        pairs = [
            threading.Thread(target=lambda f=f, s=s: sent.append(_timed(f + " (in parallel)", s)))
            for f, s in hostile_requests(server.url)[:2] * 2
        ]
        for thread in pairs:
            thread.start()
        for thread in pairs:
            thread.join()
    wrong = [(s.finding, s.status) for s in sent if not (200 <= s.status < 500)]
    assert wrong == []
    assert {s.finding: s.status for s in sent}["email pattern: staff sign-in"] == 400
    statuses = {s.finding: s.status for s in sent}
    assert statuses["written response of one 900 KB word"] in (400, 413)
    assert statuses["the longest written response its word limit allows"] == 303
    assert statuses["PDF of that response"] == 200
    assert watch.misses == [] and watch.asked > 0
    log = server.log.read_text()
    assert "WORKER TIMEOUT" not in log and _booted(log) == before  # no worker restarted
    worst = max(sent, key=lambda s: s.seconds)
    record(
        "hostile_cost",
        requests=len(sent),
        findings=len({s.finding.removesuffix(" (in parallel)") for s in sent}),
        slowest_ms=round(worst.seconds * 1000),
        slowest=worst.finding,
        healthz_checks=watch.asked,
        table="; ".join(f"{s.finding}={s.status}/{round(s.seconds * 1000)}" for s in sent),
    )


@pytest.mark.slow
def test_a_days_kind_of_traffic_leaves_no_token_in_the_log(server):
    done = finished_conversation(server.url)
    browser = Browser(server.url)
    chat = f"/assistant/c/{done['token']}"
    status, page = browser.get(chat)
    assert status == 200
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', page)
    for asset in assets:  # as a browser loads them: the chat page as the Referer
        request = urllib.request.Request(f"{server.url}{asset}")
        request.add_header("Referer", f"{server.url}{chat}")
        with urllib.request.urlopen(request, timeout=HANG) as response:
            response.read()
    for path in ("/offer", "/offer/download/txt", "/offer/download/pdf"):
        browser.fetch(f"{chat}{path}")
    api(f"{server.url}/api/v1/conversations/{done['id']}/messages", {"text": "hello"},
        done["token"])  # fmt: skip
    browser.fetch(f"{chat}/no-such-page")
    time.sleep(0.5)  # the access log is written as each request ends
    log = server.log.read_text()
    assert assets and f"{chat}" not in log
    leaked = [line for line in log.splitlines() if done["token"] in line]
    assert leaked == []
    assert "/assistant/c/…" in log  # the requests are logged, redacted
