"""The service navigation links, built once per page for the base layout."""

from flask import Flask, current_app, g, request, url_for

from web.councils import current_council


def service_navigation() -> list[dict]:
    """'Get help' (keeping the page's council), then the staff sign-in or account link."""
    council_id = current_council().id
    keep_council = (
        {} if council_id == current_app.config["DEFAULT_COUNCIL"] else {"council": council_id}
    )
    items = [
        {
            "href": url_for("help.ask", **keep_council),
            "text": "Get help",
            "active": request.blueprint == "help",
        },
    ]
    endpoint, text = (
        ("staff.account", "Your account")
        if g.get("staff")
        else ("staff.sign_in", "Council staff sign in")
    )
    items.append({"href": url_for(endpoint), "text": text, "active": request.endpoint == endpoint})
    return items


def init_app(app: Flask) -> None:
    """Give every template its navigation items."""
    app.context_processor(lambda: {"nav_items": service_navigation()})
