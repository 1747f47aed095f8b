"""Shared fixtures: the app with a temporary database, its client, db and CLI runner."""

import pytest

import store
from store.staff import create_staff
from tests.pages import csrf_token, parse
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


@pytest.fixture
def app(tmp_path):
    """The app, configured for tests, with its own database file and instance folder."""
    return make_app(tmp_path)


@pytest.fixture
def client(app):
    """A test client for the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner for the app's commands."""
    return app.test_cli_runner()


@pytest.fixture
def db(app):
    """A connection to the app's database."""
    database = store.connect(app.config["DATABASE"])
    yield database
    database.close()


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


@pytest.fixture
def staff(client, db):
    """Helpers to create staff and sign them in."""
    return StaffActions(client, db)
