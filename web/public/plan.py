"""Each council's social value priorities as a printable 'plan on a page'."""

from flask import Blueprint, render_template

from knowledge.vocabulary import UNIT_LABELS
from web.common.councils import use_council

bp = Blueprint("councils", __name__, url_prefix="/councils")


@bp.get("/<council_id>/plan")
def plan(council_id: str):
    """The council's social value priorities as a printable A4 'plan on a page'."""
    return render_template("councils/plan.html", pack=use_council(council_id), units=UNIT_LABELS)
