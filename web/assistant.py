"""The supplier's assistant. The conversation itself is not built yet; this says so plainly."""

from flask import Blueprint, render_template

bp = Blueprint("assistant", __name__, url_prefix="/assistant")


@bp.get("/")
def start():
    """Tell the supplier the conversation is not open yet, and who to contact."""
    return render_template("assistant/not_open_yet.html")
