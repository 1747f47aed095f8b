"""The app's routes, read from its URL map, so structural tests cover new pages automatically."""

from flask import Flask

# Endpoints that serve files rather than pages.
FILE_ENDPOINTS = {
    "static",
    "public.govuk_assets",
    "offers.download",
    "staff_opportunities.export",
    "staff_budget.export",
    "staff_contracts.evidence",
    "supplier_contracts.evidence",
}


def get_pages(app: Flask) -> list[str]:
    """Paths of every GET route without URL parameters, except file routes."""
    return sorted(
        rule.rule
        for rule in app.url_map.iter_rules()
        if "GET" in rule.methods and not rule.arguments and rule.endpoint not in FILE_ENDPOINTS
    )


def post_routes(app: Flask) -> list[str]:
    """Paths of every POST route without URL parameters."""
    return sorted(
        rule.rule
        for rule in app.url_map.iter_rules()
        if "POST" in rule.methods and not rule.arguments
    )


def routes_with_parameters(app: Flask) -> list[str]:
    """HTML pages that need example values before a structural test can visit them."""
    return sorted(
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.arguments
        and "GET" in rule.methods
        and rule.endpoint not in FILE_ENDPOINTS
        and not rule.rule.startswith("/api/")
    )


def html_pages(app: Flask) -> list[str]:
    """Pages that serve HTML: every GET page except the JSON API and the health check."""
    return [p for p in get_pages(app) if not p.startswith("/api/") and p != "/healthz"]


# Staff pages anyone may reach: signing in and out.
