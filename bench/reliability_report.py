"""Reliability evidence: run the hostile-input, access, fault and backup tests, gather the figures
they record, and write them up.

Run: .venv/bin/python -m bench.reliability_report [--write docs/reliability.md]

The tests are the same ones `make test` runs; here they also record what they did
(tests/helpers/evidence.py) so the published figures are those of a real run, not typed in.
"""

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant.engine import MAX_INPUT, MAX_TURNS
from bench.http_client import publish
from web.common.config import DEFAULTS as APP_DEFAULTS
from web.common.limits import DEFAULTS as LIMITS

ROOT = Path(__file__).resolve().parents[1]
TESTS = [
    "tests/test_api_fuzz.py",
    "tests/test_form_fuzz.py",
    "tests/test_access_matrix.py",
    "tests/test_limits.py",
    "tests/test_durability.py",
    "tests/test_faults.py",
    "tests/test_backups.py",
    "tests/test_privacy.py",
    "tests/test_privacy_notice.py",
    "tests/test_retention.py",
    "tests/test_hostile_cost.py",
]


def run_tests(evidence: Path) -> tuple[str, float]:
    """Run the tests with evidence kept; return pytest's summary line and the wall time."""
    env = {**os.environ, "SVOA_EVIDENCE": str(evidence)}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    summary = re.sub(r"=+| in [\d.]+s.*", "", lines[-1]).strip() if lines else "no output"
    if result.returncode != 0:
        print(result.stdout[-4000:], file=sys.stderr)
    return summary, time.monotonic() - started


def report(found: dict, summary: str, seconds: float) -> list[str]:
    """The Markdown page."""
    api, forms = found.get("api_fuzz", {}), found.get("form_fuzz", {})
    matrix, sigkill = found.get("access_matrix", {}), found.get("sigkill", {})
    disk, backups = found.get("full_disk", {}), found.get("backups", {})
    fuzzed = api.get("requests", 0) + forms.get("requests", 0)
    limits = [
        ("Signing in (staff)", "per network address", LIMITS["RATELIMIT_SIGN_IN"]),
        ("Trying a return code", "per network address", LIMITS["RATELIMIT_RETURN_CODE"]),
        ("Starting a conversation", "per network address", LIMITS["RATELIMIT_START"]),
        ("Joining an open training session", "per session", LIMITS["RATELIMIT_JOIN"]),
        ("Joining a training session", "per network address", LIMITS["RATELIMIT_JOIN_ADDRESS"]),
        ("Sending a message", "per conversation token", LIMITS["RATELIMIT_MESSAGE"]),
        ("Submitting an offer", "per conversation token", LIMITS["RATELIMIT_SUBMIT"]),
        ("Submitting offers", "per network address", LIMITS["RATELIMIT_SUBMIT_ADDRESS"]),
        ("Searching the knowledge base (API, help page)", "per network address",
         LIMITS["RATELIMIT_SEARCH"]),
        ("Downloading an offer", "per conversation token", LIMITS["RATELIMIT_DOWNLOAD"]),
        ("Sending a delivery return with files", "per network address",
         LIMITS["RATELIMIT_RETURN"]),
    ]  # fmt: skip
    cost = found.get("hostile_cost", {})
    sent = [item.rsplit("=", 1) for item in cost.get("table", "").split("; ") if "=" in item]
    today = datetime.date.today().isoformat()
    return [
        "# Reliability: the evidence",
        "",
        f"Latest run: {today}, on {platform.machine()} with {os.cpu_count()} cores, Python "
        f"{platform.python_version()}. `python -m bench.reliability_report --write "
        "docs/reliability.md` reruns the tests below and rewrites this page from what they "
        f"record. Result: **{summary}** in {seconds:.0f} s.",
        "",
        "| What | Figure |",
        "|---|---|",
        f"| Requests fuzzed (API and forms) | {fuzzed:,} |",
        f"| Server errors (5xx) found by fuzzing | {api.get('server_errors', 0) + forms.get('server_errors', 0)} |",  # noqa: E501
        f"| Routes x people in the access matrix | {matrix.get('routes', '?')} x "
        f"{matrix.get('people', '?')} ({matrix.get('requests', 0):,} requests) |",
        f"| Faults survived | {sigkill.get('kills', 0)} SIGKILLs under load, "
        f"{disk.get('refused_writes', 0)} writes refused by a full disk |",
        f"| Acknowledged answers lost | {sigkill.get('lost', '?')} of "
        f"{sigkill.get('acknowledged', 0):,} |",
        f"| Backups during writes, restored, integrity | {backups.get('copies', 0)} copies, "
        f"{backups.get('integrity', '?')} |",
        "",
        "## API fuzzing",
        "",
        "`tests/test_api_fuzz.py` runs schemathesis against `/api/v1/openapi.json` on a real "
        "gunicorn server, with valid and invalid (negative) data for every operation, a "
        "conversation's Bearer token so requests reach the code behind the 401. Checks: no "
        "5xx, every response matches the documented schema, status code, content type and "
        "headers, and no request the schema forbids is accepted. "
        f"Last run: {api.get('requests', 0):,} requests over {api.get('operations', '?')} "
        f"operations.",
        "",
        "## Form fuzzing",
        "",
        "`tests/test_form_fuzz.py` finds every form from the URL map, as the person who may use "
        "it, and posts hostile data: over-long fields, wrong types, missing and duplicated "
        "fields, invalid UTF-8, HTML and script, SQL-looking text, negative and huge numbers, "
        "no CSRF token, a body over 1 MB. Every answer is a success or a 4xx with a GOV.UK "
        "error summary (or a plain error page), never a 5xx; stored text is always shown "
        f"escaped. Last run: {forms.get('requests', 0):,} requests to "
        f"{forms.get('forms', '?')} forms.",
        "",
        "## Access control",
        "",
        "`tests/helpers/access_matrix.py` holds one table: every endpoint of the URL map against "
        "every kind of person (anonymous, the supplier with their own token, a supplier with "
        "someone else's, evaluator, moderator, trainer, admin, another council's admin, a local "
        "organisation on the needs exchange and another one), GET, POST and DELETE. A route "
        "missing from the table fails the test (shown by a test that adds one). "
        f"Last run: {matrix.get('routes', '?')} endpoints, "
        f"{matrix.get('requests', 0):,} requests, every outcome as the table says.",
        "",
        "## Abuse limits",
        "",
        "| Action | Counted | Limit |",
        "|---|---|---|",
        *(f"| {action} | {key} | {limit} |" for action, key, limit in limits),
        "",
        "A training room shares one address, so joins count per session and messages per "
        "conversation. Counts are kept per gunicorn worker (see `web/common/limits.py`). "
        "Refusals are a plain page or a JSON `too_many_requests` error "
        "(`tests/test_limits.py`). Requests "
        f"over {APP_DEFAULTS['MAX_CONTENT_LENGTH'] // 1024 // 1024} MB get a plain 413; a "
        f"message over {MAX_INPUT:,} characters is refused with a message; a conversation "
        f"stops taking messages at {MAX_TURNS} turns and says why, saving nothing more.",
        "",
        "## Hostile cost",
        "",
        "`tests/test_hostile_cost.py` sends the requests a hostile-load review found costing "
        "the server far more than the sender, each at its worst size, to a real gunicorn "
        "server with two workers (as `make run` runs it; rate limits off, so cost is measured, "
        "not refusal), the worst of them two at once, while `/healthz` is asked every fifth of "
        "a second. Every request must get a success or a 4xx, `/healthz` must answer every "
        "time, and no worker may be killed and restarted. Last run: "
        f"{cost.get('requests', 0)} requests for {cost.get('findings', 0)} findings; "
        f"`/healthz` answered all {cost.get('healthz_checks', 0)} checks; the slowest took "
        f"{cost.get('slowest_ms', '?')} ms ({cost.get('slowest', '?')}; the first PDF a "
        "worker makes includes loading WeasyPrint). Nothing was lost: the requests that change "
        "anything were refused whole.",
        "",
        "| Input | Status | ms |",
        "|---|---:|---:|",
        *(f"| {what} | {result.split('/')[0]} | {result.split('/')[1]} |" for what, result in sent),
        "",
        "Floods are refused by the rate limits above (`tests/test_limits.py`); an unanswered "
        "question is kept once per address a day, and at most 100 from one address a day "
        "(`tests/test_help_pages.py`); failed sign-ins count per kind of account, per account "
        "from each address and from anywhere, so no other account's sign-in clears them "
        "(`tests/test_staff_sign_in.py`). The access log holds no conversation token, in the "
        "path or the Referer (`tests/test_hostile_cost.py`).",
        "",
        "## Durability and faults",
        "",
        "`tests/test_durability.py`: 20 conversations talk at once through the API to a real "
        "gunicorn server; the master and every worker get SIGKILL mid-load, twice. After each "
        "restart every acknowledged message is there, in order, with at most the one that was "
        "in flight besides; turn counts match the messages; `PRAGMA integrity_check` is ok. "
        f"Last run: {sigkill.get('acknowledged', 0):,} acknowledged messages, "
        f"{sigkill.get('lost', '?')} lost.",
        "",
        "`tests/test_faults.py`: mid-conversation the workers' file-size limit (RLIMIT_FSIZE) "
        "drops to 0, so every write to any file fails as on a full disk. The chat page answers "
        '503 "We could not save your answer, please try again" with a Try again button that '
        "sends the same answer; the API answers 503 `not_saved`. Nothing saved before is lost, "
        "the file passes the integrity check, and once there is room the answer is saved once. "
        f"Last run: {disk.get('refused_writes', 0)} writes refused, {disk.get('lost', '?')} "
        "answers lost.",
        "",
        "In the browser, with JavaScript on, `tests/browser/test_fault_pages.py` reaches the "
        "too-many-attempts, too-large and not-saved pages for real, scans them with axe-core "
        "(0 violations), checks they fit a 320px screen, and sends a refused answer again.",
        "",
        "Under load: a training room of 150 attendees from one address, with rate limits on, "
        "in [load-benchmark.md](load-benchmark.md).",
        "",
        "## Backups",
        "",
        "`flask backup FILE` copies the live database with SQLite's online backup API and checks "
        "the copy; `flask restore FILE --yes` checks a backup and copies it back "
        "(`tests/test_backups.py`: backups taken while a thread keeps writing, the last one "
        f"restored). Last run: {backups.get('copies', 0)} copies during "
        f"{backups.get('written_during', 0):,} writes, integrity "
        f"{backups.get('integrity', '?')}.",
        "",
        "## Privacy",
        "",
        "Deleting a conversation, the retention purge and the privacy-notice test: see "
        "[privacy.md](privacy.md).",
        "",
        "## Dependency audit",
        "",
        "`make audit` runs pip-audit with `--strict` against `requirements.txt`, with accepted "
        "vulnerabilities recorded in `scripts/audit-allowlist.txt` (none). It is not part of "
        "`make test`: its vulnerability services (PyPI's per-release JSON and OSV) cannot be "
        "reached from this machine or its CI, where it fails with 'could not be audited' "
        "rather than passing on no data. Run it where they can be reached.",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="write the page here (docs/reliability.md)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        evidence = Path(tmp) / "evidence.json"
        summary, seconds = run_tests(evidence)
        found = json.loads(evidence.read_text()) if evidence.exists() else {}
    publish(report(found, summary, seconds), args.write)


if __name__ == "__main__":
    main()
