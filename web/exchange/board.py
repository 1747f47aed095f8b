"""The public needs board of a council, with its filters, and each need's own page.

Only approved needs of verified organisations are shown, and never a contact's name, email
address or the organisation's address.
"""

from flask import Blueprint, abort, render_template, request
from wtforms.fields.choices import SelectChoice

from exchange.needs import categories, category, filter_needs, quantity_text
from forms.exchange import BoardFilterForm
from store.exchange import get_need, open_needs
from store.exchange_pledges import progress_by_need
from web.common.councils import use_council
from web.common.db import get_db
from web.exchange.pages import need_rows

bp = Blueprint("exchange_board", __name__, url_prefix="/exchange")


def _filter_form(pack) -> BoardFilterForm:
    """The filters, read from the address; unknown values are simply not applied."""
    form = BoardFilterForm(formdata=request.args or None)
    form.theme.choices = [SelectChoice(t.id, t.title) for t in pack.themes]
    form.category.choices = [SelectChoice("", "All categories")] + [
        SelectChoice(c.measure_id, c.label) for c in categories(pack)
    ]
    return form


@bp.get("/<council_id>/needs")
def board(council_id: str):
    """The council's open needs, newest first, filtered by theme and category."""
    pack = use_council(council_id)
    form = _filter_form(pack)
    needs = open_needs(get_db(), pack.id)
    shown = filter_needs(needs, pack, form.theme.data or [], form.category.data or None)
    progress = progress_by_need(get_db(), pack.id)
    return render_template(
        "exchange/board.html",
        filters=form,
        filtered=bool(form.theme.data or form.category.data),
        needs=shown,
        total=len(needs),
        category=lambda need: category(pack, need.measure_id),
        quantity=lambda need: quantity_text(need.quantity, need.unit),
        progress=progress,
        met_ids={need_id for need_id, found in progress.items() if found.met},
        amount=quantity_text,
    )


@bp.get("/<council_id>/needs/<int:need_id>")
def need(council_id: str, need_id: int):
    """One open need: what would help, how much, by when and where, and who asks."""
    pack = use_council(council_id)
    found = get_need(get_db(), need_id)
    if found is None or found.council_id != pack.id:
        abort(404)
    return render_template(
        "exchange/need.html",
        need=found,
        category=category(pack, found.measure_id),
        rows=need_rows(pack, found),
        progress=progress_by_need(get_db(), pack.id, need_id),
        amount=quantity_text,
    )
