"""The flask CLI: init-db, create-staff and load-demo."""

from store.exchange import open_needs
from store.exchange_organisations import authenticate_organisation
from store.migrations import migrations
from store.staff import authenticate, find_staff_by_email


def test_init_db_reports_the_schema(runner):
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0
    assert f"schema {migrations._migrations[-1].name}" in result.output


def test_create_staff_stores_a_hashed_password(runner, db):
    result = runner.invoke(
        args=[
            "create-staff",
            "--email",
            "Mo@Example.org",
            "--name",
            "Mo Ahmed",
            "--role",
            "moderator",
            "--password",
            "a long enough password",
        ]
    )
    assert result.exit_code == 0, result.output
    row = next(db.query("SELECT * FROM staff WHERE email = 'mo@example.org'"))
    assert row["role"] == "moderator"
    assert row["council_id"] == "tower-hamlets"
    assert row["password_hash"].startswith("scrypt:")
    assert "a long enough password" not in row["password_hash"]
    assert authenticate(db, "mo@example.org", "a long enough password").name == "Mo Ahmed"


def test_create_staff_refuses_duplicates_short_passwords_and_unknown_councils(runner):
    base = ["create-staff", "--email", "a@example.org", "--name", "A"]
    assert runner.invoke(args=[*base, "--password", "a long enough password"]).exit_code == 0
    duplicate = runner.invoke(args=[*base, "--password", "a long enough password"])
    assert "already exists" in duplicate.output
    short = runner.invoke(args=[*base, "--email", "b@example.org", "--password", "short"])
    assert "at least 12 characters" in short.output
    unknown = runner.invoke(args=[*base, "--council", "atlantis", "--password", "x" * 12])
    assert "no council pack called 'atlantis'" in unknown.output


def test_load_demo_prints_a_working_login_and_resets_it_each_time(runner, db):
    def printed_login(output):
        lines = dict(
            line.strip().split(":", 1) for line in output.splitlines() if line.startswith("  ")
        )
        return lines["email"].strip(), lines["password"].strip()

    email, first_password = printed_login(runner.invoke(args=["load-demo"]).output)
    assert authenticate(db, email, first_password) is not None
    email, second_password = printed_login(runner.invoke(args=["load-demo"]).output)
    assert second_password != first_password
    assert authenticate(db, email, first_password) is None
    assert find_staff_by_email(db, email).role == "admin"


def test_load_demo_prints_a_working_login_for_the_demo_organisation(runner, db):
    def printed_login(output):
        line = next(x for x in output.splitlines() if x.startswith("Demo local organisation"))
        return line.split(": ", 1)[1].split(" (")[0].split(" / ")

    email, first = printed_login(runner.invoke(args=["load-demo"]).output)
    assert authenticate_organisation(db, email, first).name == "Riverside City Farm (demo)"
    email, second = printed_login(runner.invoke(args=["load-demo"]).output)
    assert authenticate_organisation(db, email, first) is None
    assert authenticate_organisation(db, email, second) is not None
    assert [n.title for n in open_needs(db, "tower-hamlets")] == [
        "Laptops for our digital skills club",
        "Volunteers for spring planting",
    ]
