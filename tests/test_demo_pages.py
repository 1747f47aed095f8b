"""A freshly loaded demo works on every staff page (issue 20): its contracts come from real
offers, typed through the conversation and submitted, so nothing a council clicks first fails."""

from urllib.parse import urljoin, urlsplit

from offer.model import Offer
from tests.helpers.pages import csrf_token, parse

MAX_PAGES = 400


def _demo_login(runner) -> tuple[str, str]:
    output = runner.invoke(args=["load-demo"]).output
    lines = dict(
        line.strip().split(":", 1) for line in output.splitlines() if line.startswith("  ")
    )
    return lines["email"].strip(), lines["password"].strip()


def _sign_in(client, email: str, password: str) -> None:
    token = csrf_token(parse(client.get("/staff/sign-in")))
    response = client.post(
        "/staff/sign-in", data={"email": email, "password": password, "csrf_token": token}
    )
    assert response.status_code in (302, 303)


def _staff_links(response, base: str) -> set[str]:
    if response.mimetype != "text/html":
        return set()
    found = set()
    for link in parse(response).select("a[href]"):
        url = urlsplit(urljoin(base, link["href"]))
        if url.path.startswith("/staff/") and not url.path.startswith("/staff/sign-"):
            found.add(url.path + (f"?{url.query}" if url.query else ""))
    return found


def _markup_problems(response) -> list[str]:
    """What the Nu HTML Checker would refuse in a page's forms: a required select whose first
    option is a real choice (so nothing says a choice is still to be made), and `required` on
    an element that cannot be required (a date's or radios' wrapping div)."""
    if response.mimetype != "text/html":
        return []
    page = parse(response)
    problems = [
        f"required select #{select.get('id')} starts with a real choice"
        for select in page.select("select[required]:not([multiple])")
        if (first := select.find("option")) is not None and first.get("value", first.text)
    ]
    problems += [
        f"required on a {tag.name}"
        for tag in page.select("[required]")
        if tag.name not in ("input", "select", "textarea")
    ]
    return problems


def test_every_staff_page_of_a_fresh_demo_answers(client, runner):
    _sign_in(client, *_demo_login(runner))
    seen, queue, failures = set(), ["/staff/"], []
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200:
            failures.append((path, response.status_code))
            continue
        queue += sorted(_staff_links(response, f"http://localhost{path}") - seen)
        failures += [(path, problem) for problem in _markup_problems(response)]
    assert failures == []
    opened = " ".join(sorted(seen))
    for kind in ("/offers/", "/compare", "/export.xlsx", "/contracts/", "/budget", "/answer?id="):
        assert kind in opened, kind  # the crawl reached every kind of page
    assert len(seen) >= 30


def test_the_demo_contracts_come_from_whole_offers(client, runner, db):
    _demo_login(runner)
    offers = [
        row["offer"]
        for row in db.query(
            "SELECT s.offer FROM submissions s JOIN contracts c ON c.submission_id = s.id"
        )
    ]
    assert len(offers) == 3
    for text in offers:
        offer = Offer.model_validate_json(text)  # whole: it fits the published schema
        assert offer.commitments and offer.narrative.text
