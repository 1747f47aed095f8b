"""Shared fixtures: the app with a temporary database, its client, db and CLI runner, staff
actions, and the access matrix's world (tests/helpers/world.py)."""

import os

import pytest
from hypothesis import settings

import store
from tests.helpers.app import StaffActions, make_app
from tests.helpers.examples import QUICK_EXAMPLES

pytest_plugins = ["tests.helpers.world"]

# Staff and organisations' passwords are hashed with scrypt at a cost made for real attackers
# (about 0.3 s a hash here). The tests hash hundreds, and test the lock and the checks, not the
# cost: a cheap scrypt for them (and the servers they start), which production refuses.
os.environ.setdefault("SVOA_PASSWORD_HASH", "scrypt:256:8:1")

# Property-based tests try their own number of examples in `make test` ("full"); the quick
# loop (`make test-fast`) sets HYPOTHESIS_PROFILE=quick (see tests/helpers/examples.py).
settings.register_profile("full", deadline=None)
settings.register_profile("quick", deadline=None, max_examples=QUICK_EXAMPLES)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "full"))


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


@pytest.fixture
def staff(client, db):
    """Helpers to create staff and sign them in."""
    return StaffActions(client, db)
