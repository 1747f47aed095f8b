"""The app as the tests build it, and staff signed in to it."""

from store.staff import create_staff
from tests.helpers.pages import csrf_token, parse
from web import create_app

STAFF_PASSWORD = "correct horse battery staple"


def make_app(tmp_path, **overrides):
    """The app configured for tests in `tmp_path`, rate limits off unless `overrides` say."""
    config = {
        "TESTING": True,
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "DATABASE": str(tmp_path / "test.sqlite3"),
        "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "RATELIMIT_ENABLED": False,
    }
    return create_app(config | overrides)


class StaffActions:
    """Signs staff in through the real sign-in form."""

    def __init__(self, client, db):
        self.client = client
        self.db = db

    def create(self, email="evaluator@tower-hamlets.example", role="evaluator"):
        """Create a staff account in the default council."""
        return create_staff(
            self.db,
            email=email,
            name="Test Person",
            council_id="tower-hamlets",
            role=role,
            password=STAFF_PASSWORD,
        )

    def sign_in(self, email="evaluator@tower-hamlets.example", password=STAFF_PASSWORD):
        """Post the sign-in form with a valid CSRF token; return the response."""
        token = csrf_token(parse(self.client.get("/staff/sign-in")))
        return self.client.post(
            "/staff/sign-in", data={"email": email, "password": password, "csrf_token": token}
        )
