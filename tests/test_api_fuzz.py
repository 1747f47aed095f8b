"""Schemathesis fuzzes the JSON API on a real server: no 500, no response the OpenAPI document
does not describe, and no request it forbids accepted.

Every operation gets valid and invalid requests (generation mode "all"), aimed at real
conversations with their tokens, and now and then at a real council, opportunity and training
session, so that they reach the code behind the 401s and 422s. Set SVOA_FUZZ_SEED to explore
other inputs than CI's.
"""

import json
import os
import re
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
import schemathesis
from hypothesis import settings
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation import GenerationMode
from schemathesis.openapi.checks import RejectedPositiveData

import store
from store.sessions import create_session
from tests.helpers.conversation_driver import Supplier, drive
from tests.helpers.evidence import record
from tests.helpers.http_clients import call
from tests.helpers.server import Gunicorn
from web.api.knowledge import openapi_document
from web.cli.demo import demo_opportunity

# The last test reads what the fuzz test did: both run in one process, in order (make test runs
# `one_process` tests beside the browser tests, not spread over pytest-xdist's workers).
pytestmark = [pytest.mark.slow, pytest.mark.one_process]

SEED = int(os.environ.get("SVOA_FUZZ_SEED", "20261122"))
# Per operation, in the fuzzing phase; the coverage phase adds its boundary cases.
EXAMPLES = int(os.environ.get("SVOA_FUZZ_EXAMPLES", "80"))
FLOOR = 700  # Requests this test must send; with the form fuzzer's, 1,000 for issue 9.
COUNCIL = "suffolk"
# How an invalid request may be refused: schemathesis's list, and 414, gunicorn's answer to a
# URL over 8,190 bytes (documented). Not a 5xx: that is a failure whatever the request.
REFUSALS = ["400", "401", "403", "404", "405", "406", "409", "414", "415", "422", "428", "429"]
# 422s for a schema-valid request that names something that does not exist (a council, an
# opportunity, a session) or an offer that cannot go in yet: the document cannot list the
# codes, which are data, so these are the only 422s a valid request may get.
SEMANTIC_REFUSALS = {
    "unknown_council",
    "unknown_opportunity",
    "closed_opportunity",
    "unknown_session",
    "cannot_submit",
}
CHECKS_RUN = Counter()


@dataclass
class Conversation:
    id: str
    token: str


@dataclass
class Target:
    """The server under test, what to aim at, and what was sent."""

    url: str
    log: Path
    codes: dict[str, str]  # Real values for the body fields of these names.
    conversations: list[Conversation] = field(default_factory=list)
    reference: str = ""
    sent: dict[str, int] = field(default_factory=dict)
    token_checked: set[str] = field(default_factory=set)
    started: float = field(default_factory=time.monotonic)


def seed(database: Path) -> dict[str, str]:
    """A migrated database with an open opportunity and a training session on it."""
    db = store.connect(database)
    store.migrate(db)
    opportunity = demo_opportunity(db, COUNCIL)
    session = create_session(
        db, council_id=COUNCIL, title="Fuzz", opportunity_code=opportunity, themes=[],
        staff_id=None,
    )  # fmt: skip
    db.close()
    return {"council": COUNCIL, "opportunity": opportunity, "session": session.code}


def start_conversations(target: Target) -> None:
    """One conversation just begun and one finished and submitted, so the fuzzer reaches both."""
    api = f"{target.url}/api/v1/conversations"
    for finished in (False, True):
        created = call(api, "POST", {"council": COUNCIL})[1]
        conversation = Conversation(created["id"], created["token"])
        target.conversations.append(conversation)
        if not finished:
            continue
        url = f"{api}/{conversation.id}"

        def send(text, url=url, token=conversation.token):
            return call(f"{url}/messages", "POST", {"text": text}, token)[1]["prompt"]

        drive(created["prompt"], send, Supplier("sme", COUNCIL))
        body = {"opportunity": target.codes["opportunity"]}
        made = call(f"{url}/submissions", "POST", body, conversation.token)[1]
        target.reference = made["reference"]


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    database = folder / "fuzz.sqlite3"
    codes = seed(database)
    server = Gunicorn(folder, database).start()
    try:
        served = call(f"{server.url}/api/v1/openapi.json")[1]
        assert served == json.loads(json.dumps(openapi_document()))
        target = Target(server.url, folder / "gunicorn.log", codes)
        start_conversations(target)
        yield target
    finally:
        server.stop()


# The document the server publishes (checked against the server above), loaded at import so
# that each operation is a test of its own; the server's address is given at each call.
schema = schemathesis.openapi.from_dict(
    openapi_document(),
    config=schemathesis.Config.from_dict(
        {
            "seed": SEED,
            "generation": {"mode": "all", "database": "none"},
            "phases": {"stateful": {"enabled": False}},
            # A token that does not open the conversation gets 404, as for an unknown id (so
            # a guessed id is never confirmed), where this check wants 401 or 403. The token
            # is checked instead by the_token_is_enforced, below, as the README describes.
            "checks": {
                "ignored_auth": {"enabled": False},
                "negative_data_rejection": {"expected-statuses": REFUSALS},
            },
        }
    ),
)


@schema.hook
def filter_failure(context, failure, case, response):
    """Keep every failure but a valid request's 422 for a code that names nothing."""
    if isinstance(failure, RejectedPositiveData) and response.status_code == 422:
        return response.json()["error"]["code"] not in SEMANTIC_REFUSALS
    return True


@schema.hook
def after_validate(context, case, response, results):
    """Count the checks run on each response, for the summary."""
    CHECKS_RUN[case.operation.label] += len(results)


def _coin(*values) -> int:
    """A stable choice drawn from the generated values (Hypothesis already varies them)."""
    return zlib.crc32(repr(values).encode())


def aim(case, target: Target) -> dict[str, str]:
    """Put real codes in about half the body fields that hold one; unless the path is what this
    case gets wrong, send a real token, with its conversation's id (and its submission's
    reference) in the path, or now and then with the generated id; return the headers."""
    if isinstance(case.body, dict):
        for name, code in target.codes.items():
            if isinstance(case.body.get(name), str) and _coin(name, case.body) % 2:
                case.body[name] = code
    if "id" not in case.path_parameters:
        return {}
    path = case.meta.components.get(ParameterLocation.PATH) if case.meta else None
    if path is not None and path.mode == GenerationMode.NEGATIVE:
        return {}
    pick = _coin(case.body, case.query) % (len(target.conversations) + 1)
    conversation = target.conversations[pick % len(target.conversations)]
    if case.method == "DELETE":  # One of its own, so the other operations keep theirs.
        created = call(f"{target.url}/api/v1/conversations", "POST", {})[1]
        conversation = Conversation(created["id"], created["token"])
    if pick < len(target.conversations):
        case.path_parameters["id"] = conversation.id
    if "reference" in case.path_parameters and pick == len(target.conversations) - 1:
        case.path_parameters["reference"] = target.reference
    return {"Authorization": f"Bearer {conversation.token}"}


def the_token_is_enforced(target: Target):
    """A check: what a token opened is refused without one (401, asking for a Bearer token)
    and with a wrong one (404, as for an unknown id). Once per operation."""

    def check(ctx, response, case):
        label = case.operation.label
        if label in target.token_checked or not case.operation.definition.raw.get("security"):
            return None
        if case.method.lower() != case.operation.method or not 200 <= response.status_code < 300:
            return None
        target.token_checked.add(label)
        sent = case.as_transport_kwargs(base_url=target.url)
        sent["headers"].pop("Authorization")
        refused = requests.request(**sent, timeout=10)
        assert refused.status_code == 401, (label, refused.status_code)
        assert refused.headers["WWW-Authenticate"] == "Bearer"
        sent["headers"]["Authorization"] = "Bearer not-the-token"
        wrong = requests.request(**sent, timeout=10)
        assert wrong.status_code == 404, (label, wrong.status_code)
        return None

    return check


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None)
def test_the_api_does_what_its_document_says(case, target):
    headers = aim(case, target)
    label = case.operation.label
    target.sent[label] = target.sent.get(label, 0) + 1
    case.call_and_validate(
        base_url=target.url,
        headers=headers,
        additional_checks=[the_token_is_enforced(target)],
        timeout=10,
    )


def test_the_fuzzer_sent_enough_requests(target, capsys):
    seconds = time.monotonic() - target.started
    access = target.log.read_text(encoding="utf-8").splitlines()
    received = sum(" /api/v1/" in line for line in access)
    server_errors = sum(bool(re.search(r'HTTP/[\d.]+" 5\d\d ', line)) for line in access)
    total = sum(target.sent.values())
    operations = len(list(schema.get_all_operations()))
    checks = CHECKS_RUN.total()
    record(
        "api_fuzz", operations=operations, requests=total, received=received, checks=checks,
        server_errors=server_errors, seconds=round(seconds),
    )  # fmt: skip
    with capsys.disabled():
        print()
        for label, count in sorted(target.sent.items()):
            print(f"{count:5} requests, {CHECKS_RUN[label]:5} checks: {label}")
        print(
            f"API fuzzing: {total} generated requests ({received} received by the server, with "
            f"set-up and probes), {checks} checks, {server_errors} 5xx, in {seconds:.0f}s"
        )
    assert len(target.sent) == operations, "Run the whole module in one process (one_process)."
    assert server_errors == 0
    assert total >= FLOOR
