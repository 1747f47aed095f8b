"""Which council pack a request is about, for the header, footer and pages."""

from flask import Flask, current_app, g

from knowledge.packs import CouncilPack


def current_council() -> CouncilPack:
    """The council a page belongs to: set by the view, else the staff member's, else the default."""
    packs = current_app.extensions["councils"]
    council_id = g.get("council_id")
    if council_id is None and g.get("staff") is not None:
        council_id = g.staff.council_id
    return packs.get(council_id) or packs[current_app.config["DEFAULT_COUNCIL"]]


def init_app(app: Flask) -> None:
    """Make `council` and `service_name` available to every template."""
    app.context_processor(
        lambda: {"council": current_council(), "service_name": app.config["SERVICE_NAME"]}
    )
