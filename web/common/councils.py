"""Which council a request is about, and what each council's pack says (its retention periods)."""

from flask import Flask, abort, current_app, g, request

from knowledge.pack_parts import Retention
from knowledge.packs import CouncilPack


def current_council() -> CouncilPack:
    """The council a page belongs to: set by the view, else the signed-in staff member's or
    organisation's, else the default."""
    packs = current_app.extensions["councils"]
    council_id = g.get("council_id")
    for account in (g.get("staff"), g.get("organisation")):
        if council_id is None and account is not None:
            council_id = account.council_id
    return packs.get(council_id) or packs[current_app.config["DEFAULT_COUNCIL"]]


def use_council(council_id: str | None) -> CouncilPack:
    """Make this council the page's council; 404 if there is no such pack."""
    council_id = council_id or current_app.config["DEFAULT_COUNCIL"]
    if council_id not in current_app.extensions["councils"]:
        abort(404)
    g.council_id = council_id
    return current_council()


def council_from_query() -> CouncilPack:
    """The council named by ?council=, else the signed-in staff member's, else the default."""
    staff = g.get("staff")
    return use_council(request.args.get("council") or (staff.council_id if staff else None))


def retention_for(council_id: str) -> Retention:
    """The council's retention periods (the defaults if its pack has gone)."""
    pack = current_app.extensions["councils"].get(council_id)
    return pack.retention if pack else Retention()


def init_app(app: Flask) -> None:
    """Make `council` and `service_name` available to every template."""
    app.context_processor(
        lambda: {"council": current_council(), "service_name": app.config["SERVICE_NAME"]}
    )
