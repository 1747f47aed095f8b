"""Public pages: start page, privacy, accessibility, cookies, health and GOV.UK assets."""

from pathlib import Path

from flask import Blueprint, current_app, jsonify, render_template, send_from_directory

import store
from offer.retention import period_text
from web.common.councils import council_from_query

bp = Blueprint("public", __name__)
GOVUK_ASSETS = Path(__file__).parents[1] / "static" / "govuk" / "assets"


@bp.get("/")
def start():
    """The GOV.UK-style start page."""
    return render_template("public/start.html")


@bp.get("/privacy")
def privacy():
    """The privacy notice, with the retention periods of the council (?council=, else the
    staff member's or the default)."""
    kept = council_from_query().retention
    periods = {
        "offers": period_text(kept.submitted_offers_months),
        "drafts": period_text(kept.draft_conversations_months),
        "questions": period_text(kept.unanswered_questions_months),
    }
    return render_template("public/privacy.html", periods=periods)


@bp.get("/accessibility")
def accessibility():
    """The accessibility statement."""
    return render_template("public/accessibility.html")


@bp.get("/cookies")
def cookies():
    """The cookies page."""
    return render_template(
        "public/cookies.html", session_cookie=current_app.config["SESSION_COOKIE_NAME"]
    )


@bp.get("/healthz")
def healthz():
    """Liveness and database status, as JSON, for monitoring."""
    status = store.health(current_app.config["DATABASE"])
    ok = status["database"] == "ok"
    if not ok:
        current_app.logger.error("Health check failed: %s", status["problem"])
    return jsonify({"status": "ok" if ok else "error", **status}), 200 if ok else 503


@bp.get("/assets/<path:filename>")
def govuk_assets(filename: str):
    """GOV.UK Frontend fonts and images, at the /assets path its CSS expects."""
    return send_from_directory(GOVUK_ASSETS, filename, max_age=86400)
