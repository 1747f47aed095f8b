"""The needs exchange's organisation accounts: registering, signing in and out, and staff
verifying them; what is kept and what is shown publicly."""

from pathlib import Path

import pytest
import yaml

from store.exchange_organisations import get_organisation
from tests.helpers.app import make_app
from tests.helpers.exchange_actions import (
    ORGANISATION_PASSWORD,
    OrganisationActions,
    registration,
    review,
    verify,
)
from tests.helpers.pages import csrf_token, error_summary_links, heading, parse, title
from tests.helpers.staff import Person

REGISTER = "/exchange/tower-hamlets/register"


def _register(client, data: dict):
    token = csrf_token(parse(client.get(REGISTER)))
    return client.post(REGISTER, data={"csrf_token": token, **data})


def test_an_organisation_registers_and_is_told_it_is_waiting_for_verification(app, db):
    farm = OrganisationActions(app, email="Grow@Farm.Example ")
    page = parse(farm.client.get("/exchange/your-needs/"))
    assert heading(page) == "Your needs"
    assert "has not verified your organisation yet" in page.main.get_text()
    assert "nothing you post is shown publicly" in page.main.get_text()
    saved = next(db["exchange_organisations"].rows)
    assert saved["email"] == "grow@farm.example"
    assert saved["postcode"] == "E3 2AA"
    assert saved["password_hash"].startswith("scrypt:")
    assert ORGANISATION_PASSWORD not in str(saved)
    assert saved["verified_at"] is None and saved["council_id"] == "tower-hamlets"


CASES = yaml.safe_load((Path(__file__).parent / "data" / "exchange_forms.yaml").read_text())


@pytest.mark.parametrize("case", CASES["registrations"])
def test_a_registration_with_mistakes_is_explained_and_nothing_is_saved(client, db, case):
    response = _register(client, registration(**case["changes"]))
    page = parse(response, 400)
    assert title(page).startswith("Error: ")
    assert error_summary_links(page) == [tuple(error) for error in case["errors"]]
    assert db["exchange_organisations"].count == 0


def test_an_email_address_can_have_only_one_account_and_registering_never_says_so(app, client, db):
    OrganisationActions(app, email="farm@x.example")
    taken = _register(client, registration(name="Another", email="FARM@x.example"))
    fresh = _register(client, registration(name="Third", email="new@x.example"))
    assert taken.status_code == fresh.status_code == 303
    assert taken.headers["Location"] == fresh.headers["Location"]  # the same answer
    page = parse(client.get(taken.headers["Location"]))
    assert "If you had an account with that address already, it is unchanged" in page.text
    assert db["exchange_organisations"].count == 2
    assert [row["name"] for row in db["exchange_organisations"].rows] == [
        "Riverside City Farm",
        "Third",
    ]  # the first account is unchanged


def test_a_guessable_password_is_refused(client, db):
    for weak in ("aaaaaaaaaaaa", "password1234", "letmein12345", "qwertyuiop12"):
        page = parse(_register(client, registration(password=weak, confirm=weak)), 400)
        assert "too easy to guess" in " ".join(text for text, _ in error_summary_links(page))
    assert db["exchange_organisations"].count == 0


def test_signing_in_and_out_ends_every_copy_of_the_session(app):
    farm = OrganisationActions(app)
    wrong = parse(farm.sign_in("not the password at all"), 400)
    assert error_summary_links(wrong) == [("Enter a correct email address and password", "#email")]
    copy = app.test_client()
    token = csrf_token(parse(copy.get("/exchange/sign-in")))
    response = copy.post(
        "/exchange/sign-in?next=/exchange/your-needs/new",
        data={"csrf_token": token, "email": farm.email, "password": ORGANISATION_PASSWORD},
    )
    assert response.headers["Location"] == "/exchange/your-needs/new"
    assert copy.get("/exchange/your-needs/").status_code == 200
    farm.post("/exchange/sign-out", {}, page="/exchange/your-needs/")
    for client in (farm.client, copy):
        response = client.get("/exchange/your-needs/")
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/exchange/sign-in")


def test_organisation_and_staff_sessions_open_only_their_own_pages(app, db):
    farm = OrganisationActions(app)
    assert farm.client.get("/staff/exchange/").headers["Location"].startswith("/staff/sign-in")
    moderator = Person(app, db, "moderator")
    response = moderator.client.get("/exchange/your-needs/")
    assert response.headers["Location"].startswith("/exchange/sign-in")


def test_organisation_pages_are_not_cached_and_link_back_in_the_navigation(app):
    farm = OrganisationActions(app)
    response = farm.client.get("/exchange/your-needs/")
    assert response.headers["Cache-Control"] == "no-store"
    nav = parse(response).select_one(".govuk-service-navigation")
    links = {a.get_text(strip=True): a["href"] for a in nav.select("a")}
    assert links["Your needs"] == "/exchange/your-needs/"


def test_staff_verify_an_organisation_and_it_leaves_the_waiting_list(app, db):
    farm = OrganisationActions(app)
    moderator = Person(app, db, "moderator")
    page = parse(moderator.client.get("/staff/exchange/"))
    card = page.select_one(".govuk-summary-card")
    assert card.select_one("h3").get_text(strip=True) == "Riverside City Farm"
    assert "Pat Grower" in card.get_text() and "1 Farm Lane, London, E3 2AA" in card.get_text()
    verify(moderator, db, farm)
    organisation = get_organisation(db, 1)
    assert organisation.is_verified
    audit = db.execute("SELECT action, subject FROM audit_log").fetchall()
    assert audit == [("verified organisation", "exchange-organisation:1")]
    page = parse(moderator.client.get("/staff/exchange/"))
    assert "No organisations are waiting to be verified" in page.main.get_text()
    assert "has verified your organisation" in parse(farm.client.get("/exchange/your-needs/")).text


def test_only_moderators_and_admins_of_the_same_council_verify(app, db):
    OrganisationActions(app)
    evaluator = Person(app, db, "evaluator")
    outsider = Person(app, db, "admin", council="sandwell", name="outsider")
    url = "/staff/exchange/organisations/1/verify"
    evaluator.post(url, {}, status=403, page="/staff/")
    outsider.post(url, {}, status=404, page="/staff/")
    assert not get_organisation(db, 1).is_verified


def test_the_staff_navigation_links_the_exchange_for_moderators_only(app, db):
    moderator, trainer = Person(app, db, "moderator"), Person(app, db, "trainer")
    links = parse(moderator.client.get("/staff/")).select(".govuk-service-navigation a")
    assert "Needs exchange" in [a.get_text(strip=True) for a in links]
    links = parse(trainer.client.get("/staff/")).select(".govuk-service-navigation a")
    assert "Needs exchange" not in [a.get_text(strip=True) for a in links]


def test_signing_in_as_an_organisation_is_rate_limited_like_staff(tmp_path):
    limited = make_app(tmp_path, RATELIMIT_ENABLED=True, RATELIMIT_SIGN_IN="2 per minute")
    client = limited.test_client()
    token = csrf_token(parse(client.get("/exchange/sign-in")))
    form = {"email": "farm@charity.example", "password": "a guess", "csrf_token": token}
    assert [client.post("/exchange/sign-in", data=form).status_code for _ in range(2)] == [400] * 2
    assert client.post("/exchange/sign-in", data=form).status_code == 429
    assert client.post("/staff/sign-in", data=form).status_code == 429  # one count for both


def test_staff_decline_an_organisation_with_a_note_it_reads_and_can_verify_it_after_all(app, db):
    admin = Person(app, db, "admin")
    group = OrganisationActions(app, name="Mile End Mutual Aid")
    need_id = group.post_need()
    review(admin, need_id, "approved")
    organisation_id = db.execute(
        "SELECT id FROM exchange_organisations WHERE email = ?", [group.email]
    ).fetchone()[0]
    listing = parse(admin.client.get("/staff/exchange/"))
    link = listing.find("a", href=f"/staff/exchange/organisations/{organisation_id}/decline")
    assert link.get_text(" ", strip=True) == "Do not verify Mile End Mutual Aid"
    url = link["href"]
    refused = parse(admin.post(url, {"note": ""}, status=400), 400)
    assert "Say why, so the organisation can put it right or ask you about it" in dict(
        error_summary_links(refused)
    )
    note = "The charity number does not match the register: check it and contact us"
    admin.post(url, {"note": note})
    listing = parse(admin.client.get("/staff/exchange/"))
    assert "No organisations are waiting to be verified." in listing.text
    assert "Organisations not verified (1)" in listing.text and note in listing.text
    own = parse(group.client.get("/exchange/your-needs/"))
    assert "has not verified your organisation, so your needs are not shown publicly." in own.text
    assert f"Their note: “{note}”" in own.text
    board = group.client.get("/exchange/tower-hamlets/needs").get_data(as_text=True)
    assert "Mile End Mutual Aid" not in board
    trail = db.execute(
        "SELECT action FROM audit_log WHERE subject = ?",
        [f"exchange-organisation:{organisation_id}"],
    ).fetchall()
    assert [row[0] for row in trail] == ["declined to verify organisation"]
    admin.post(
        f"/staff/exchange/organisations/{organisation_id}/verify", {}, page="/staff/exchange/"
    )
    assert get_organisation(db, organisation_id).is_verified
    assert get_organisation(db, organisation_id).rejection_note is None
    assert "Mile End Mutual Aid" in group.client.get("/exchange/tower-hamlets/needs").get_data(
        as_text=True
    )


def test_an_organisation_sees_how_far_each_published_need_has_got(app, db):
    admin = Person(app, db, "admin")
    farm = OrganisationActions(app)
    verify(admin, db, farm)
    need_id = farm.post_need()
    pending = parse(farm.client.get("/exchange/your-needs/"))
    assert "Pledged" not in pending.text  # not on the board yet: nothing to show
    review(admin, need_id, "approved")
    own = parse(farm.client.get("/exchange/your-needs/"))
    progress = own.select_one(".govuk-body-s").get_text(" ", strip=True)
    assert progress.startswith("Open Pledged 0 ")
    assert " of " in progress
