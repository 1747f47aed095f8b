"""Council staff in tests: a person of a given role, signed in, who can use the staff pages."""

from store.staff import create_staff
from tests.helpers.app import STAFF_PASSWORD
from tests.helpers.pages import csrf_token, parse

RUBRIC = ["commitments", "relevance", "delivery"]  # Tower Hamlets' criteria, scored 0 to 5.


class Person:
    """A member of staff with their own browser session."""

    def __init__(self, app, db, role, council="tower-hamlets", name=None):
        self.email = f"{name or role}@{council}.example"
        create_staff(
            db,
            email=self.email,
            name=(name or role).title(),
            council_id=council,
            role=role,
            password=STAFF_PASSWORD,
        )
        self.client = app.test_client()
        token = csrf_token(parse(self.client.get("/staff/sign-in")))
        response = self.client.post(
            "/staff/sign-in",
            data={"email": self.email, "password": STAFF_PASSWORD, "csrf_token": token},
        )
        assert response.status_code == 302

    def post(self, url, data, status=303, page=None):
        token = csrf_token(parse(self.client.get(page or url)))
        response = self.client.post(url, data={"csrf_token": token, **data})
        assert response.status_code == status, (url, response.status_code)
        return response
