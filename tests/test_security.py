"""Security baseline: headers on every response, CSRF on every form, safe cookies."""

import json

import pytest

from tests.helpers.pages import csrf_token, heading, parse
from tests.helpers.routes import get_pages, post_routes
from web import create_app


@pytest.fixture(scope="module")
def pages_and_posts(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("routes")
    app = create_app({"INSTANCE_PATH": str(tmp), "DATABASE": str(tmp / "db.sqlite3")})
    return get_pages(app), post_routes(app)


def assert_security_headers(response):
    csp = response.headers["Content-Security-Policy"]
    script_src = next(part for part in csp.split(";") if part.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_every_page_carries_the_security_headers(client, pages_and_posts):
    pages, _ = pages_and_posts
    assert "/" in pages
    for path in [*pages, "/no-such-page", "/static/css/app.css", "/assets/images/favicon.svg"]:
        with client.get(path) as response:
            assert_security_headers(response)


def test_error_responses_carry_the_security_headers(client):
    assert_security_headers(client.post("/staff/sign-in", data={}))
    assert_security_headers(client.delete("/"))


def test_every_form_carries_a_csrf_token(client, pages_and_posts):
    pages, _ = pages_and_posts
    forms_seen = 0
    for path in pages:
        response = client.get(path)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        for form in parse(response).select("form"):
            if form.get("method", "get").lower() == "post":
                forms_seen += 1
                assert form.select_one("input[name=csrf_token]"), f"form without CSRF on {path}"
    assert forms_seen >= 1


def test_post_without_csrf_token_gets_the_form_expired_page(client, pages_and_posts):
    _, posts = pages_and_posts
    forms = [path for path in posts if not path.startswith("/api/")]  # The API uses tokens.
    assert forms, "expected at least one POST route"
    for path in forms:
        soup = parse(client.post(path, data={"email": "a@b.example"}), status=400)
        assert heading(soup) == "Your form has expired"


def test_nonce_in_page_matches_the_content_security_policy(client):
    response = client.get("/")
    soup = parse(response)
    inline_script = soup.select_one("script:not([src])")
    nonce = inline_script["nonce"]
    assert f"'nonce-{nonce}'" in response.headers["Content-Security-Policy"]
    assert (
        client.get("/").headers["Content-Security-Policy"]
        != response.headers["Content-Security-Policy"]
    ), "the nonce must change on every response"


def test_session_cookie_is_httponly_and_lax_and_secure_only_over_https(app):
    response = app.test_client().get("/staff/sign-in")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie
    secure = app.test_client().get("/staff/sign-in", base_url="https://localhost")
    assert "Secure" in secure.headers["Set-Cookie"]
    assert "Strict-Transport-Security" in secure.headers


def test_the_session_cookie_never_holds_a_return_code_in_plain_text(app, client):
    token = csrf_token(parse(client.get("/assistant/")))
    started = client.post("/assistant/", data={"csrf_token": token})
    cookie = client.get_cookie("svoa_session").value
    chat = parse(client.get(started.headers["Location"]))
    code = chat.select_one(".app-return-code").text
    stored = app.session_interface.get_signing_serializer(app).loads(cookie)
    assert code not in cookie and code not in json.dumps(stored)
    assert code.replace("-", "") not in json.dumps(stored)
    again = parse(client.get(started.headers["Location"]))
    assert again.select_one(".app-return-code") is None  # shown once


def test_every_page_carries_the_cross_origin_headers_and_sign_in_pages_are_not_stored(client):
    response = client.get("/")
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response.headers["X-Permitted-Cross-Domain-Policies"] == "none"
    assert "interest-cohort" not in response.headers["Permissions-Policy"]
    for path in ("/staff/sign-in", "/exchange/sign-in", "/exchange/tower-hamlets/register"):
        assert client.get(path).headers["Cache-Control"] == "no-store", path


def test_over_https_the_session_cookie_takes_the_host_prefix(tmp_path):
    app = create_app(
        {"INSTANCE_PATH": str(tmp_path), "DATABASE": str(tmp_path / "db.sqlite3"),
         "SESSION_COOKIE_SECURE": True}
    )  # fmt: skip
    assert app.config["SESSION_COOKIE_NAME"] == "__Host-svoa_session"
