"""Staff sign in and out; staff pages need a signed-in account."""

from tests.pages import error_summary_links, heading, parse, title


def test_staff_page_sends_anonymous_visitors_to_sign_in(client):
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/sign-in?next=/staff/"


def test_signed_in_staff_see_their_account(client, staff):
    staff.create()
    response = staff.sign_in()
    assert response.status_code == 302
    soup = parse(client.get(response.headers["Location"]))
    assert heading(soup) == "Your account"
    assert "evaluator@tower-hamlets.example" in soup.text


def test_wrong_password_shows_the_error_summary(client, staff):
    staff.create()
    soup = parse(staff.sign_in(password="not the password"))
    assert title(soup).startswith("Error: ")
    assert error_summary_links(soup) == [("Enter a correct email address and password", "#email")]
    assert client.get("/staff/").status_code == 302


def test_empty_form_says_what_is_missing(client, staff):
    soup = parse(staff.sign_in(email="", password=""))
    assert error_summary_links(soup) == [
        ("Enter your email address", "#email"),
        ("Enter your password", "#password"),
    ]


def test_badly_formed_email_is_explained(staff):
    soup = parse(staff.sign_in(email="not-an-email", password="x"))
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
