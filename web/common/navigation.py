"""The service navigation links, built once per page for the base layout."""

from flask import Flask, current_app, g, request, url_for

from web.common.councils import current_council


def _keep_council() -> dict[str, str]:
    """The query that keeps the page's council on a link (none for the default council)."""
    council_id = current_council().id
    return {} if council_id == current_app.config["DEFAULT_COUNCIL"] else {"council": council_id}


def service_navigation() -> list[dict]:
    """'Get help' (keeping the page's council), then the staff sign-in link, a signed-in
    organisation's needs, or the staff pages the signed-in staff member's role may use."""
    keep_council = _keep_council()
    items = [
        {
            "href": url_for("help.ask", **keep_council),
            "text": "Get help",
            "active": request.blueprint == "help",
        },
    ]
    staff = g.get("staff")
    links = [("staff.sign_in", "Council staff sign in")]
    if g.get("organisation"):
        links = [("exchange_needs.index", "Your needs")]
    if staff:
        links = [
            ("staff_opportunities.index", "Opportunities"),
            ("staff_contracts.index", "Contracts"),
            ("staff_budget.show", "Social value budget"),
            ("staff_sessions.index", "Training sessions"),
            ("staff_questions.index", "Questions"),
            ("staff_exchange.index", "Needs exchange"),
            ("staff.account", "What needs you"),
        ]
    for endpoint, text in links:
        # A staff page is linked only for the roles its view lets in.
        roles = getattr(current_app.view_functions[endpoint], "staff_roles", ("any",))
        if "any" in roles or (staff and staff.role in roles):
            active = request.blueprint == endpoint.split(".")[0] and (
                endpoint != "staff.account" or request.endpoint == endpoint
            )
            items.append({"href": url_for(endpoint), "text": text, "active": active})
    return items


def init_app(app: Flask) -> None:
    """Give every template its navigation items, and the footer the page council's privacy
    notice (each council has its own retention periods) and needs board."""
    app.context_processor(
        lambda: {
            "nav_items": service_navigation(),
            "privacy_url": url_for("public.privacy", **_keep_council()),
            "needs_board_url": url_for("exchange_board.board", council_id=current_council().id),
        }
    )
