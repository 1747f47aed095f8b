"""Form fuzzer (issue 9): hostile and malformed data posted to every form of the URL map.

Every rule taking POST is found in the URL map, except the JSON API (`api_conversations`,
fuzzed from its OpenAPI document by tests/test_api_fuzz.py). Its form is read from the page that
shows it, as the first person the access matrix lets use it, and posted with over-long,
missing, duplicated, mistyped and hostile values, invalid UTF-8, forged CSRF tokens and an
over-size body. Nothing may answer 5xx; a 4xx is one of the app's error pages or the form again
with its error summary; no page echoes a payload unescaped; and hostile text that a form
accepted is kept whole and shown escaped wherever it is shown.
"""

import os
import random
import re
import time
from collections import Counter
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from werkzeug.http import HTTP_STATUS_CODES

from store.opportunities import create_opportunity
from store.panels import seat
from store.questions import record_unanswered
from store.staff import create_staff, find_staff_by_email
from tests.helpers.access_matrix import (
    ALLOW,
    ANONYMOUS,
    MATRIX,
    ORGANISATION,
    ORGANISATIONS,
    OTHER_SUPPLIER,
    ROLES,
    SUPPLIER,
)
from tests.helpers.app import STAFF_PASSWORD
from tests.helpers.evidence import record
from tests.helpers.exchange_actions import NEED, ORGANISATION_PASSWORD, registration
from tests.helpers.hostile_forms import SCRIPT, UNESCAPED, filled, post_forms, variants_for
from tests.helpers.offers import api_submit
from tests.helpers.routes import FILE_ENDPOINTS
from tests.helpers.staff import RUBRIC
from tests.helpers.world import fill_path

pytestmark = pytest.mark.slow  # about a thousand hostile requests to every form

SEED = 9
FIELD_VARIANTS_PER_FORM = 32
# The first of these whom the access matrix lets use a form uses it in the fuzzer.
PREFERENCE = (ANONYMOUS, SUPPLIER, OTHER_SUPPLIER, *ORGANISATIONS, *ROLES)
# Whose pages are checked for stored text: the supplier's, a local organisation's, and every
# staff page (an admin's).
SWEPT = (SUPPLIER, ORGANISATION, "trainer", "admin")
# Forms whose success ends what the others act on (a commitment, an offer, a session, a
# signed-in session, the whole conversation) are fuzzed last, in this order.
ENDING = ("remove", "withdraw", "close", "sign_out", "delete|forget|erase")
# Forms fuzzed first: their page shows the form only while the world is as set up (the tidy
# wording page, while the offer has something to tidy, which fuzzing the organisation form
# may take away).
FIRST = ("wording",)
# Pages that show their form only with a query: what to add to the page's path.
QUERIES = {"staff_answers.answer": "?id={question_id}"}
CSRF_HEADING = "Your form has expired"
# WTForms' own messages, not written for the people using these forms. "Not a valid choice" is
# let be: only a tampered request sends a value that none of the radios or options offers.
STOCK_MESSAGE = re.compile(r"^(Not a valid (?!choice)|This field is required|Invalid |Field must)")
FUTURE = "2099-01-01T12:00:00+00:00"
FUZZ_EMAIL = "fuzz@tower-hamlets.example"


def post_on_page(client, path: str, data: dict) -> None:
    """Fill in and send the form on a page, as a person would."""
    page = BeautifulSoup(client.get(path).get_data(as_text=True), "lxml")
    token = page.select_one("input[name=csrf_token]")["value"]
    assert client.post(path, data={"csrf_token": token, **data}).status_code == 303


def fuzzed_rules(app) -> list:
    """Every rule taking POST except the JSON API's, the ending ones last."""
    rules = [
        rule
        for rule in app.url_map.iter_rules()
        if "POST" in rule.methods and not rule.endpoint.startswith("api_conversations.")
    ]
    first = re.compile("|".join(FIRST))
    return sorted(
        rules, key=lambda rule: (ending(rule), not first.search(rule.endpoint), rule.rule)
    )


def ending(rule) -> int:
    """0 for a form that leaves things to fuzz, else its place among the ENDING ones."""
    return next((i for i, words in enumerate(ENDING, 1) if re.search(words, rule.endpoint)), 0)


@pytest.fixture
def setting(app, db, world):
    """The access matrix's world, plus an open and a closed, unawarded submission (and a third
    opportunity to submit to, so the open one stays current), an unanswered question, a staff
    account to sign in as, and values each form would accept."""
    clients, values, tokens = world
    victim = {"id": values["conversation_id"], "token": tokens[SUPPLIER]}
    for code in ("FUZZOPEN", "FUZZSHUT", "FUZZMORE"):
        create_opportunity(
            db, code=code, council_id="tower-hamlets", title="Fuzz", value_gbp=5000,
            closes_at=FUTURE,
        )  # fmt: skip
    open_reference = api_submit(clients[SUPPLIER], victim, "FUZZOPEN").json["reference"]
    shut_reference = api_submit(clients[SUPPLIER], victim, "FUZZSHUT").json["reference"]
    db["opportunities"].update("FUZZSHUT", {"closes_at": "2020-01-01T12:00:00+00:00"})
    for role in ("evaluator", "moderator", "admin"):  # the panel, declared, for both
        staff = find_staff_by_email(db, f"{role}@tower-hamlets.example")
        for code in ("FUZZOPEN", "FUZZSHUT"):
            seat(db, code=code, staff_id=staff.id, name=staff.name, council_id="tower-hamlets")
    values["question_id"] = str(
        record_unanswered(
            db, council_id="tower-hamlets", question="Can we pay in kind?", source="help"
        )
    )
    create_staff(
        db, email=FUZZ_EMAIL, name="Fuzz", council_id="tower-hamlets", role="evaluator",
        password=STAFF_PASSWORD,
    )  # fmt: skip
    messy = {"name": "Fuzz Kitchen", "type": "charity", "size": "micro"}
    post_on_page(  # something to tidy, so the tidy-wording page shows its form
        clients[SUPPLIER],
        f"/assistant/c/{victim['token']}/offer/organisation",
        messy | {"activity": "we do meals for ppl in bow lol"},
    )
    other = clients[ANONYMOUS].post("/api/v1/conversations", json={"council": "suffolk"}).json
    join = db.execute("SELECT code FROM training_sessions WHERE id = ?", [values["session_id"]])
    overrides = {
        "submissions.withdraw": {"reference": open_reference},
        "staff_contracts.award": {"reference": shut_reference},
        "staff_opportunities.edit": {"code": "FUZZOPEN"},
    }
    opportunity = {
        "title": "Fuzzed contract", "contract_type": "services", "value_gbp": "1000",
        "duration_months": "12", "weighting_percent": "10", "word_limit": "500",
        "closes_on": ["1", "1", "2099"],
    }  # fmt: skip
    notes = {f"{criterion}_note": "Specific and local" for criterion in RUBRIC}
    valid = {
        "staff.sign_in": {"email": FUZZ_EMAIL, "password": STAFF_PASSWORD},
        "assistant.come_back": {"code": other["return_code"]},
        "training.start": {"code": join.fetchone()[0], "name": "Sam"},
        "submissions.submit": {"code": "FUZZMORE", "declaration": "y"},
        "staff_sessions.new": {"title": "Fuzz room"},
        "staff_opportunities.new": opportunity,
        "staff_opportunities.edit": opportunity,
        "staff_opportunities.review": notes,
        "staff_opportunities.moderate": {f"m-{name}": text for name, text in notes.items()},
        "offers.commitment": {
            "title": "Two apprentices", "quantity": "2", "timescale": "within 6 months",
            "delivery": "Hiring locally", "beneficiaries": "Young people",
            "evidence": "Payroll",
        },
        "staff_contracts.record_return": {"quantity_1": "2", "evidence_note_1": "Payroll"},
        "supplier_contracts.record_return": {"quantity_1": "2", "evidence_note_1": "Payroll"},
        "exchange_accounts.register": registration(email="fuzz.farm@charity.example"),
        "exchange_accounts.sign_in": {
            "email": "riverside@charity.example", "password": ORGANISATION_PASSWORD,
        },
        "exchange_needs.new": NEED,
        "exchange_needs.edit": NEED,
        "exchange_needs.received": {"quantity": "10", "note": "Ten hours of planting in March"},
        "staff_exchange.review": {"decision": "approved", "note": "Clear and local"},
    }  # fmt: skip
    return clients, values, tokens, overrides, valid


def _html_rules(app, person: str) -> list:
    """The HTML pages the access matrix lets `person` see."""
    return [
        rule
        for rule in app.url_map.iter_rules()
        if "GET" in rule.methods
        and rule.endpoint not in FILE_ENDPOINTS
        and not rule.rule.startswith("/api/")
        and rule.endpoint != "public.healthz"
        and MATRIX.get(rule.endpoint, {}).get(person) == ALLOW
    ]


def _shared(one: str, other: str) -> int:
    """How many leading characters two paths share."""
    return len(os.path.commonprefix([one, other]))


def find_form(app, rule, setting):
    """The rule's form as (person, path, form): from the first page that shows it, the rule's
    own first, to the first person allowed to use it; None if no page shows it."""
    clients, values, tokens, overrides, _valid = setting
    filled_in = values | overrides.get(rule.endpoint, {})
    for person in PREFERENCE:
        if MATRIX.get(rule.endpoint, {}).get(person, ALLOW) != ALLOW:
            continue
        path = fill_path(rule, person, filled_in, tokens)
        own = [rule] if "GET" in rule.methods else []
        # Most forms post to their own page; the rest are on a page whose path is nearest.
        nearest = sorted(_html_rules(app, person), key=lambda page: -_shared(page.rule, rule.rule))
        pages = own + nearest
        for page in pages:
            page_path = fill_path(page, person, filled_in, tokens)
            if page is rule and rule.endpoint in QUERIES:
                page_path += QUERIES[rule.endpoint].format(**filled_in)
            response = clients[person].get(page_path)
            if response.status_code != 200 or response.mimetype != "text/html":
                continue
            forms = post_forms(response.get_data(as_text=True), page_path)
            match = next((form for form in forms if form.path == path), None)
            if match:
                return person, path, match
    return None


def problems_with(response, variant) -> list[str]:
    """What is wrong with one response to a hostile request."""
    status, text = response.status_code, response.get_data(as_text=True)
    found = [f"shows {payload!r} unescaped" for payload in UNESCAPED if payload in text]
    if variant.expect and status != variant.expect:
        found.append(f"answered {status}, not {variant.expect}")
    if not 200 <= status < 500:
        return [*found, f"answered {status}"]
    if 300 <= status < 400:
        if urlsplit(response.headers.get("Location", "")).netloc not in ("", "localhost"):
            found.append(f"redirects off the site, to {response.headers['Location']}")
        return found
    return found + page_problems(status, BeautifulSoup(text, "lxml"), variant)


def page_problems(status: int, soup: BeautifulSoup, variant) -> list[str]:
    """A 4xx is an error page that says what went wrong, or the form with its error summary;
    any error on a page is in its summary, whose links lead to the fields."""
    found = []
    summary = soup.select_one(".govuk-error-summary")
    h1 = soup.h1.get_text(" ", strip=True) if soup.h1 else ""
    if variant.expect == 400 and h1 != CSRF_HEADING:  # Sent without a CSRF token.
        found.append(f"got {h1!r}, not {CSRF_HEADING!r}")
    if status >= 400 and summary is None:
        if soup.select("main form[method=post]"):
            found.append(f"{status} form page {h1!r} has no error summary")
        elif not h1 or h1 in HTTP_STATUS_CODES.values():
            found.append(f"{status} error page {h1!r} does not say what went wrong")
    if summary is None and soup.select(".govuk-error-message"):
        found.append("errors on the page but no error summary")
    for link in summary.select("a[href^='#']") if summary else []:
        if soup.find(id=link["href"][1:]) is None:
            found.append(f"error summary links to missing {link['href']}")
        if STOCK_MESSAGE.match(link.get_text(strip=True)):
            found.append(f"error {link.get_text(strip=True)!r} is not in plain English")
    return found


def flat(text: str) -> str:
    """Text with each run of whitespace made one space."""
    return " ".join(text.split())


class Fuzzer:
    """Sends the hostile variants and notes every response that breaks one of the rules."""

    def __init__(self, app, setting):
        self.app = app
        self.clients, self.values, self.tokens, _overrides, self.valid = setting
        self.rng = random.Random(SEED)
        self.statuses: Counter[str] = Counter()
        self.kept_whole = 0
        self.problems: list[str] = []

    def fuzz(self, rule, person: str, path: str, form) -> None:
        """Post every variant of one form, checking each response."""
        client = self.clients[person]
        pairs = filled(form, self.valid.get(rule.endpoint, {}))
        for variant in variants_for(form, pairs, self.rng, FIELD_VARIANTS_PER_FORM):
            response = client.post(path, **variant.request())
            self.statuses[f"{response.status_code // 100}xx"] += 1
            where = f"{rule.endpoint} as {person}, {variant.label}"
            self.problems += [f"{where}: {p}" for p in problems_with(response, variant)]
            if variant.hostile_text and 300 <= response.status_code < 400:
                self.check_kept(client, path, response.headers["Location"], variant, where)

    def check_kept(self, client, path: str, location: str, variant, where: str) -> None:
        """Accepted hostile text is shown escaped on the page it led to, and an edit form
        shows it back whole (a form that shows something else lost or cut it)."""
        shown = client.get(location).get_data(as_text=True)
        self.problems += [f"{where}: {location} shows {p!r}" for p in UNESCAPED if p in shown]
        html = client.get(path).get_data(as_text=True)
        self.problems += [f"{where}: {path} shows {p!r}" for p in UNESCAPED if p in html]
        again = next((form for form in post_forms(html, path) if form.path == path), None)
        kept = next((v for n, v in again.pairs if n == variant.field), "") if again else ""
        if kept and flat(kept) != flat(variant.hostile_text):
            self.problems.append(f"{where}: accepted, but kept as {kept[:60]!r}")
        self.kept_whole += bool(kept) and flat(kept) == flat(variant.hostile_text)

    def sweep(self) -> int:
        """Every page the supplier and staff may see: none shows a payload unescaped. Returns
        how many show one escaped, as text (if none did, the check proved nothing)."""
        escaped = 0
        for person in SWEPT:
            client = self.clients[person]
            for page in _html_rules(self.app, person):
                path = fill_path(page, person, self.values, self.tokens)
                html = client.get(path).get_data(as_text=True)
                self.problems += [f"{path} as {person} shows {p!r}" for p in UNESCAPED if p in html]
                escaped += SCRIPT in BeautifulSoup(html, "lxml").get_text()
        return escaped


def test_every_form_survives_hostile_and_malformed_data(app, setting):
    started = time.monotonic()
    fuzzer, unfound, forms, escaped = Fuzzer(app, setting), [], 0, None
    for rule in fuzzed_rules(app):
        if ending(rule) and escaped is None:
            escaped = fuzzer.sweep()  # Before the forms that end the things that show it.
        found = find_form(app, rule, setting)
        if found is None:
            unfound.append(rule.rule)
            continue
        forms += 1
        fuzzer.fuzz(rule, *found)
    escaped = fuzzer.sweep() if escaped is None else escaped
    sent = sum(fuzzer.statuses.values())
    print(
        f"\nform fuzzer: {forms} forms, {sent} hostile requests ({dict(fuzzer.statuses)}), "
        f"{fuzzer.kept_whole} hostile answers shown back whole, {escaped} pages showing the "
        f"stored script escaped, {time.monotonic() - started:.1f} s"
    )
    assert not fuzzer.problems, "\n".join(fuzzer.problems)
    assert unfound == [], "no page shows a form that posts here"
    assert escaped and fuzzer.kept_whole, "no hostile text was stored, so nothing was checked"
    assert sent >= 500
    server_errors = fuzzer.statuses["5xx"]
    record("form_fuzz", forms=forms, requests=sent, server_errors=server_errors, escaped=escaped)
