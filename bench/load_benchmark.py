"""Load benchmark: a meet-the-buyer room of 150 attendees against the app as `make run` serves it.

Run: .venv/bin/python -m bench.load_benchmark [--attendees 150] [--write docs/load-benchmark.md]

gunicorn with gunicorn.conf.py and a real SQLite file. A trainer creates a session; the
attendees join it by its code within 30 seconds and each completes a whole conversation through
the JSON API, thinking 0 to 2 seconds between turns, while the trainer's view is fetched every
5 seconds. Then every acknowledged answer is looked for in the database. The same load shape
is run against a hello-world Flask app under the same gunicorn settings, for the ratio.
Rate limits are on, as `make run` has them: the whole room comes from one address.
Targets: 0 errors, 0 lost answers, turn p95 under 300 ms, trainer's view p95 under 500 ms.
"""

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

import store
from bench.http_client import percentile, publish, signed_in_opener
from store.conversations import transcript
from store.opportunities import create_opportunity
from store.sessions import create_session
from store.staff import create_staff
from tests.helpers.conversation_driver import Supplier
from tests.helpers.server import ROOT, Gunicorn

EMAIL, PASSWORD = "bench.trainer@tower-hamlets.example", "benchmark password 123"
KINDS = ["charity", "social-enterprise", "sme"]
JOIN_WINDOW, THINK, TRAINER_EVERY = 30.0, 2.0, 5.0
TURN_P95_MS, TRAINER_P95_MS = 300, 500


class Timings:
    """Latencies by request type, and errors, from many threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.ms: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []

    def call(self, kind: str, request: urllib.request.Request, opener=None) -> tuple[int, bytes]:
        """Send the request, timing it; HTTP errors and exceptions are counted as errors."""
        started = time.perf_counter()
        try:
            with (opener.open if opener else urllib.request.urlopen)(
                request, timeout=30
            ) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        except OSError as error:
            status, body = 0, str(error).encode()
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            self.ms[kind].append(elapsed)
            if status >= 400 or status == 0:
                self.errors.append(f"{kind} {status} {body[:120]!r}")
        return status, body


def _json(url: str, body: dict, token: str | None = None) -> urllib.request.Request:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST")
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    return request


def attendee(url: str, code: str, number: int, timings: Timings, acked: dict, rng) -> None:
    """Join within the window, then answer every prompt with think time between turns."""
    time.sleep(rng.uniform(0, JOIN_WINDOW))
    body = {"session": code, "attendee": f"Attendee {number}"}
    status, raw = timings.call("join", _json(f"{url}/api/v1/conversations", body))
    if status != 201:
        return
    created = json.loads(raw)
    supplier, prompt = Supplier(KINDS[number % len(KINDS)], "tower-hamlets"), created["prompt"]
    sent: list[str] = []
    acked[created["id"]] = sent
    messages = f"{url}/api/v1/conversations/{created['id']}/messages"
    while prompt.get("type") != "end":
        time.sleep(rng.uniform(0, THINK))
        text = supplier.reply_to(prompt)
        status, raw = timings.call("turn", _json(messages, {"text": text}, created["token"]))
        if status != 200:
            return
        sent.append(text)
        prompt = json.loads(raw)["prompt"]


def trainer(url: str, session_path: str, timings: Timings, stop: threading.Event) -> None:
    """Signed in, fetching the live view every 5 seconds until the room is done."""
    opener = signed_in_opener(url, EMAIL, PASSWORD)
    while not stop.is_set():
        timings.call("trainer view", urllib.request.Request(f"{url}{session_path}"), opener)
        stop.wait(TRAINER_EVERY)


def lost_answers(database: Path, acked: dict[str, list[str]]) -> int:
    """Acknowledged answers missing from the database (in order, per conversation)."""
    db = store.connect(database)
    lost = 0
    for conversation_id, sent in acked.items():
        stored = [m.text for m in transcript(db, conversation_id) if m.role == "user"]
        expected = [text or "(empty message)" for text in sent]
        lost += sum(1 for i, text in enumerate(expected) if i >= len(stored) or stored[i] != text)
    db.close()
    return lost


def room(url: str, code: str, session_path: str, attendees: int, seed: int):
    """Run the room against a server; return timings, acknowledged answers and wall time."""
    timings, acked, stop = Timings(), {}, threading.Event()
    rngs = [random.Random(seed * 1000 + n) for n in range(attendees)]
    people = [
        threading.Thread(target=attendee, args=(url, code, n, timings, acked, rngs[n]))
        for n in range(attendees)
    ]
    watcher = threading.Thread(target=trainer, args=(url, session_path, timings, stop))
    started = time.perf_counter()
    watcher.start()
    for person in people:
        person.start()
    for person in people:
        person.join()
    wall = time.perf_counter() - started
    stop.set()
    watcher.join()
    return timings, acked, wall


def hello_room(url: str, turns: int, attendees: int, seed: int) -> Timings:
    """The same shape of load (clients, think time, request count) against hello world."""
    timings = Timings()
    per_client = max(1, turns // attendees)

    def client(rng):
        time.sleep(rng.uniform(0, JOIN_WINDOW))
        for _ in range(per_client):
            time.sleep(rng.uniform(0, THINK))
            timings.call("hello", _json(f"{url}/hello", {"text": "hello"}))

    threads = [
        threading.Thread(target=client, args=(random.Random(seed + n),)) for n in range(attendees)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings


def prepare(database: Path) -> tuple[str, int]:
    """The database as `make run` leaves it, plus a trainer and a session: (code, session id)."""
    db = store.connect(database)
    store.migrate(db)
    staff = create_staff(
        db, email=EMAIL, name="Bench Trainer", council_id="tower-hamlets", role="trainer",
        password=PASSWORD,
    )  # fmt: skip
    opportunity = create_opportunity(
        db, council_id="tower-hamlets", title="Community meals (practice)", practice=True,
        closes_at="2099-01-01T12:00:00+00:00", value_gbp=120_000, duration_months=24,
    )  # fmt: skip
    made = create_session(
        db, council_id="tower-hamlets", title="Meet the buyer", opportunity_code=opportunity,
        themes=[], staff_id=staff.id,
    )  # fmt: skip
    db.close()
    return made.code, made.id


def hello_server(folder: Path) -> tuple[subprocess.Popen, str]:
    """The hello-world app under the same gunicorn.conf.py."""
    port = Gunicorn(folder, folder / "unused.sqlite3").port
    env = {**os.environ, "SVOA_BIND": f"127.0.0.1:{port}"}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "bench.hello_app:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=1).read()
            break
        except OSError:
            time.sleep(0.1)
    return process, url


def row(kind: str, values: list[float]) -> str:
    return (
        f"| {kind} | {len(values):,} | {statistics.median(values):.1f} | "
        f"{percentile(values, 0.95):.1f} | {percentile(values, 0.99):.1f} | {max(values):.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attendees", type=int, default=150)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--write", type=Path, help="write the results as Markdown here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = folder / "room.sqlite3"
        code, session_id = prepare(database)
        # Rate limits on, as served: the room shares one address and must not be throttled.
        server = Gunicorn(folder, database, rate_limits=True).start()
        try:
            timings, acked, wall = room(
                server.url, code, f"/staff/sessions/{session_id}", args.attendees, args.seed
            )
        finally:
            server.stop()
        lost = lost_answers(database, acked)
        turns = timings.ms["turn"]
        process, url = hello_server(folder)
        try:
            hello = hello_room(url, len(turns), args.attendees, args.seed)
        finally:
            process.terminate()
            process.wait(timeout=15)
    workers, threads = os.environ.get("SVOA_WORKERS", "2"), os.environ.get("SVOA_THREADS", "4")
    ratio = percentile(turns, 0.95) / max(percentile(hello.ms["hello"], 0.95), 0.001)
    met = (
        not timings.errors
        and lost == 0
        and percentile(turns, 0.95) < TURN_P95_MS
        and percentile(timings.ms["trainer view"], 0.95) < TRAINER_P95_MS
    )
    lines = [
        f"# Load benchmark: a training session of {args.attendees} attendees",
        "",
        f"Run on {datetime.date.today()} (Python {platform.python_version()}, {os.cpu_count()} "
        f"cores, gunicorn.conf.py: {workers} workers x {threads} threads, gthread; SQLite WAL). "
        "Load generator and server on the same machine.",
        "",
        f"{args.attendees} attendees joined one session within {JOIN_WINDOW:.0f} s and each "
        f"completed a whole conversation through the JSON API, thinking 0-{THINK:.0f} s between "
        f"turns, while the trainer's view was fetched every {TRAINER_EVERY:.0f} s. "
        f"Wall time {wall:.0f} s; {len(turns):,} turns, {len(turns) / wall:.1f} turns per second.",
        "",
        "| Request | count | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|",
        row("join (create conversation)", timings.ms["join"]),
        row("conversation turn", turns),
        row("trainer's view", timings.ms["trainer view"]),
        row("hello world, same load shape", hello.ms["hello"]),
        "",
        f"- Errors: {len(timings.errors)}"
        + (f" (first: {timings.errors[0]})" if timings.errors else ""),
        f"- Acknowledged answers lost: {lost} of {sum(len(s) for s in acked.values()):,}",
        f"- Conversation turn p95 / hello-world p95: {ratio:.1f}x",
        f"- Targets (0 errors, 0 lost, turn p95 < {TURN_P95_MS} ms, trainer's view p95 < "
        f"{TRAINER_P95_MS} ms): **{'met' if met else 'NOT met'}**",
        "",
    ]
    publish(lines, args.write)


if __name__ == "__main__":
    main()
