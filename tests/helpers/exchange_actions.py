"""A local organisation on the needs exchange, acting through the real pages with its own
browser session: registering, signing in and posting needs."""

import re

from tests.helpers.pages import csrf_token, parse

ORGANISATION_PASSWORD = "a long organisation password"
NEED = {
    "title": "Volunteers for spring planting",
    "description": "Five people to help plant the community garden beds.",
    "measure_id": "employee-volunteering-hours",
    "quantity": "40",
    "timescale": "by May 2027",
    "area": "Bow",
}


def registration(**changes: str) -> dict[str, str]:
    """A registration form that would be accepted, with any fields changed."""
    return {
        "name": "Riverside City Farm",
        "number": "1234567",
        "address": "1 Farm Lane, London",
        "postcode": "e3 2aa",
        "contact_name": "Pat Grower",
        "email": "farm@charity.example",
        "password": ORGANISATION_PASSWORD,
        "confirm": ORGANISATION_PASSWORD,
    } | changes


class OrganisationActions:
    """An organisation with its own test client, registered with a council through the form."""

    def __init__(self, app, name="Riverside City Farm", email=None, council="tower-hamlets"):
        self.client = app.test_client()
        self.name = name
        self.email = email or f"{name.split()[0].lower()}@charity.example"
        self.council = council
        form = registration(name=name, email=self.email)
        assert self.post(f"/exchange/{council}/register", form).status_code == 303
        assert self.sign_in().status_code == 303  # registering does not sign in

    def post(self, url: str, data: dict, page: str | None = None):
        """Post a form with the CSRF token of the page that shows it."""
        token = csrf_token(parse(self.client.get(page or url)))
        return self.client.post(url, data={"csrf_token": token, **data})

    def post_need(self, **changes: str) -> int:
        """Post a need (pending approval); return its id."""
        response = self.post("/exchange/your-needs/new", NEED | changes)
        assert response.status_code == 303, response.status_code
        page = parse(self.client.get("/exchange/your-needs/"))
        changes_links = [re.fullmatch(r"/exchange/your-needs/(\d+)", a["href"]) for a in page("a")]
        return int(next(link for link in changes_links if link).group(1))  # newest first

    def sign_in(self, password: str = ORGANISATION_PASSWORD):
        """Sign in again through the sign-in form."""
        return self.post("/exchange/sign-in", {"email": self.email, "password": password})


def verify(person, db, organisation: OrganisationActions) -> None:
    """A member of staff verifies the organisation through the staff page."""
    row = db.execute(
        "SELECT id FROM exchange_organisations WHERE email = ?", [organisation.email]
    ).fetchone()
    person.post(f"/staff/exchange/organisations/{row[0]}/verify", {}, page="/staff/exchange/")


def review(person, need_id: int, decision: str = "approved", note: str = "") -> None:
    """A member of staff approves or rejects the need through its review page."""
    person.post(f"/staff/exchange/needs/{need_id}", {"decision": decision, "note": note})
