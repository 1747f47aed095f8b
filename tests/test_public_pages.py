"""The start page, the information pages, error pages and the health check."""

import pytest

from store.migrations import migrations
from tests.helpers.pages import heading, parse, title


def test_start_page_names_the_council_and_starts_the_assistant(client):
    soup = parse(client.get("/"))
    assert heading(soup) == "Write your social value offer"
    assert "London Borough of Tower Hamlets" in soup.select_one(".govuk-template__header").text
    start = soup.select_one("a.govuk-button--start")
    assert start.get_text(strip=True) == "Start now"
    assert start["href"] == "/assistant/"


@pytest.mark.parametrize(
    ("path", "expected_heading"),
    [
        ("/privacy", "Privacy notice"),
        ("/accessibility", "Accessibility statement"),
        ("/cookies", "Cookies"),
    ],
)
def test_information_pages_are_linked_from_every_footer(client, path, expected_heading):
    soup = parse(client.get(path))
    assert heading(soup) == expected_heading
    assert title(soup).startswith(expected_heading)
    footer_links = {a["href"] for a in soup.select("footer a")}
    assert {"/privacy", "/accessibility", "/cookies"} <= footer_links


def test_layout_has_skip_link_phase_banner_and_no_crown(client):
    soup = parse(client.get("/"))
    skip = soup.select_one("a.govuk-skip-link")
    assert skip["href"] == "#main-content"
    assert soup.select_one("#main-content") is not None
    assert "Beta" in soup.select_one(".govuk-phase-banner").text
    assert soup.select_one(".govuk-header__logotype, .govuk-footer__crown") is None
    assert "Crown copyright" not in soup.text


def test_header_uses_the_council_colour_from_its_pack(client):
    soup = parse(client.get("/"))
    styles = " ".join(style.text for style in soup.find_all("style"))
    assert "--council-colour: #5b2a86" in styles


def test_unknown_url_gets_the_not_found_page(client):
    soup = parse(client.get("/no-such-page"), status=404)
    assert heading(soup) == "Page not found"


def test_unexpected_error_gets_the_service_problem_page(app):
    @app.get("/boom-for-test")
    def boom():
        raise RuntimeError("deliberate")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    soup = parse(app.test_client().get("/boom-for-test"), status=500)
    assert heading(soup) == "Sorry, there is a problem with the service"
    assert "deliberate" not in soup.text


def test_health_check_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["journal_mode"] == "wal"
    assert body["schema_version"] == migrations._migrations[-1].name


def test_govuk_assets_are_served_where_the_stylesheet_expects_them(client):
    for path in ["/assets/images/favicon.svg", "/static/govuk/govuk-frontend.min.css"]:
        with client.get(path) as response:
            assert response.status_code == 200
    # Files that do exist outside the assets folder must not be reachable through it.
    for escape in [
        "/assets/../../css/app.css",
        "/assets/%2e%2e/%2e%2e/css/app.css",
        "/assets/..%2f..%2fcss/app.css",
    ]:
        assert client.get(escape).status_code == 404, escape
