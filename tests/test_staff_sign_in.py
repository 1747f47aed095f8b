"""Staff sign in and out; staff pages need a signed-in account."""

from tests.helpers.app import STAFF_PASSWORD
from tests.helpers.exchange_actions import OrganisationActions
from tests.helpers.pages import csrf_token, error_summary_links, heading, parse, title


def test_staff_page_sends_anonymous_visitors_to_sign_in(client):
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/sign-in?next=/staff/"


def test_signed_in_staff_see_their_account(client, staff):
    staff.create()
    response = staff.sign_in()
    assert response.status_code == 302
    soup = parse(client.get(response.headers["Location"]))
    assert heading(soup) == "What needs you"
    assert "evaluator@tower-hamlets.example" in soup.text


def test_wrong_password_shows_the_error_summary(client, staff):
    staff.create()
    soup = parse(staff.sign_in(password="not the password"), 400)
    assert title(soup).startswith("Error: ")
    assert error_summary_links(soup) == [("Enter a correct email address and password", "#email")]
    assert client.get("/staff/").status_code == 302


def test_empty_form_says_what_is_missing(client, staff):
    soup = parse(staff.sign_in(email="", password=""), 400)
    assert error_summary_links(soup) == [
        ("Enter your email address", "#email"),
        ("Enter your password", "#password"),
    ]


def test_badly_formed_email_is_explained(staff):
    soup = parse(staff.sign_in(email="not-an-email", password="x"), 400)
    assert error_summary_links(soup)[0][0].startswith(
        "Enter an email address in the correct format"
    )


def test_sign_in_only_follows_local_next_links(client, staff):
    staff.create()
    for target, expected in [
        ("/staff/", "/staff/"),
        ("//evil.example/", "/staff/"),
        ("https://evil.example/", "/staff/"),
    ]:
        client.get("/staff/sign-in")
        soup = parse(client.get("/staff/sign-in"))
        token = soup.select_one("input[name=csrf_token]")["value"]
        response = client.post(
            f"/staff/sign-in?next={target}",
            data={
                "email": "evaluator@tower-hamlets.example",
                "password": "correct horse battery staple",
                "csrf_token": token,
            },
        )
        assert response.headers["Location"] == expected


def test_sign_out_ends_the_session(client, staff):
    staff.create()
    staff.sign_in()
    soup = parse(client.get("/staff/"))
    token = soup.select_one("form input[name=csrf_token]")["value"]
    response = client.post("/staff/sign-out", data={"csrf_token": token})
    assert response.headers["Location"] == "/staff/signed-out"
    assert client.get("/staff/").status_code == 302


def test_signing_out_ends_copies_of_the_session_cookie(app, client, staff):
    staff.create()
    staff.sign_in()
    stolen = client.get_cookie("svoa_session").value
    soup = parse(client.get("/staff/"))
    token = soup.select_one("form input[name=csrf_token]")["value"]
    client.post("/staff/sign-out", data={"csrf_token": token})
    replay = app.test_client()
    replay.set_cookie("svoa_session", stolen)
    assert replay.get("/staff/").status_code == 302


def test_changing_a_password_ends_existing_sessions(client, staff, db):
    from store.staff import set_password

    member = staff.create()
    staff.sign_in()
    assert client.get("/staff/").status_code == 200
    set_password(db, member.id, "a brand new password 42")
    assert client.get("/staff/").status_code == 302


def test_staff_pages_are_not_cached(client, staff):
    staff.create()
    staff.sign_in()
    assert client.get("/staff/").headers["Cache-Control"] == "no-store"


def test_signed_in_staff_forms_carry_csrf_tokens(client, staff):
    staff.create()
    staff.sign_in()
    forms = parse(client.get("/staff/")).select("form[method=post]")
    assert forms and all(f.select_one("input[name=csrf_token]") for f in forms)


def test_ten_wrong_passwords_lock_signing_in_and_say_so(client, staff, db):
    staff.create()
    for _ in range(9):
        links = error_summary_links(parse(staff.sign_in(password="wrong"), 400))
        assert links == [("Enter a correct email address and password", "#email")]
    ((message, _),) = error_summary_links(parse(staff.sign_in(password="wrong"), 400))
    assert message.startswith("There have been too many wrong passwords for this email address")
    assert "locked for 15 minutes" in message
    # Even the right password is refused while locked.
    ((message, _),) = error_summary_links(parse(staff.sign_in(), 400))
    assert "locked for" in message
    assert client.get("/staff/").status_code == 302
    db.execute("UPDATE sign_in_failures SET locked_until = '2000-01-01T00:00:00+00:00'")
    db.conn.commit()
    assert staff.sign_in().status_code == 302


def test_a_right_password_resets_the_count(staff, db):
    staff.create()
    for _ in range(9):
        staff.sign_in(password="wrong")
    assert staff.sign_in().status_code == 302
    assert db["sign_in_failures"].count == 0


def test_unknown_addresses_are_locked_the_same_way(staff):
    for _ in range(10):
        response = staff.sign_in(email="nobody@tower-hamlets.example", password="guess")
    ((message, _),) = error_summary_links(parse(response, 400))
    assert "locked for" in message


def test_signing_in_as_an_organisation_never_clears_a_staff_accounts_count(app, client, staff, db):
    staff.create()
    # Someone registers an organisation under the staff member's address, then alternates
    # nine wrong staff passwords with one organisation sign-in: the staff count still locks.
    farm = OrganisationActions(app, email="evaluator@tower-hamlets.example")
    for round_ in range(2):
        for _ in range(9 if round_ == 0 else 1):
            staff.sign_in(password="wrong")
        assert farm.sign_in().status_code == 303  # the organisation's own sign-in works
    ((message, _),) = error_summary_links(parse(staff.sign_in(), 400))
    assert "locked for" in message  # even the right password, until the lock ends


def test_guesses_from_another_address_do_not_lock_the_real_person_out(app, staff, db):
    staff.create()
    attacker = app.test_client()
    attacker.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    token = csrf_token(parse(attacker.get("/staff/sign-in")))
    for _ in range(12):
        attacker.post(
            "/staff/sign-in",
            data={
                "email": "evaluator@tower-hamlets.example",
                "password": "guess",
                "csrf_token": token,
            },
        )
    refused = parse(
        attacker.post(
            "/staff/sign-in",
            data={
                "email": "evaluator@tower-hamlets.example",
                "password": STAFF_PASSWORD,
                "csrf_token": token,
            },
        ),
        400,
    )
    assert "locked for" in refused.text  # the guessing address is locked out
    assert staff.sign_in().status_code == 302  # the real person, elsewhere, is not
