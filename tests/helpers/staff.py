"""Council staff in tests: a person of a given role, signed in, who can use the staff pages."""

from store import panels
from store.staff import create_staff, find_staff_by_email
from tests.helpers.app import STAFF_PASSWORD
from tests.helpers.pages import csrf_token, parse

RUBRIC = ["commitments", "relevance", "delivery"]  # Tower Hamlets' criteria, scored 0 to 5.


class Person:
    """A member of staff with their own browser session: signed in by setting the session, as
    the sign-in form would (`through_form=True` posts the real form; the access matrix does)."""

    def __init__(self, app, db, role, council="tower-hamlets", name=None, through_form=False):
        self.email = f"{name or role}@{council}.example"
        staff = create_staff(
            db,
            email=self.email,
            name=(name or role).title(),
            council_id=council,
            role=role,
            password=STAFF_PASSWORD,
        )
        self.client = app.test_client()
        if through_form:
            token = csrf_token(parse(self.client.get("/staff/sign-in")))
            response = self.client.post(
                "/staff/sign-in",
                data={"email": self.email, "password": STAFF_PASSWORD, "csrf_token": token},
            )
            assert response.status_code == 302
        else:
            with self.client.session_transaction() as session:
                session.permanent = True
                session["staff_id"] = staff.id
                session["staff_session"] = staff.session_version
        assert self.client.get("/staff/").status_code == 200, "signed in"

    def post(self, url, data, status=303, page=None):
        soup = parse(self.client.get(page or url))
        if soup.select_one("input[name=csrf_token]") is None:  # no form there: any page's token
            soup = parse(self.client.get("/staff/"))
        token = csrf_token(soup)
        response = self.client.post(url, data={"csrf_token": token, **data})
        assert response.status_code == status, (url, response.status_code)
        return response

    def declare(self, code, conflict=None, status=303):
        """Make a declaration of interests for the opportunity through its form (no conflict,
        or the conflict given)."""
        data = {"conflict": "yes", "detail": conflict} if conflict else {"conflict": "no"}
        return self.post(f"/staff/opportunities/{code}/declaration", data, status=status)


def seat(db, code, *people) -> None:
    """Put these people on the opportunity's panel, each declaring no conflict with the bidders
    there are now: set-up for tests about something else (test_evaluation_panel.py uses the
    forms)."""
    for person in people:
        staff = find_staff_by_email(db, person.email)
        panels.seat(db, code=code, staff_id=staff.id, name=staff.name, council_id=staff.council_id)
