"""A signed-in organisation's own needs: the list with each one's status, posting, changing
and closing a need. Another organisation's need is a 404, never theirs to see or change."""

from flask import Blueprint, abort, g, redirect, render_template, url_for
from wtforms.fields.choices import SelectChoice

from exchange.needs import can_change, categories, category, quantity_text, status_after_edit
from forms.exchange import CloseNeedForm, NeedForm, ReceiptForm
from store import exchange as store
from store.exchange_pledges import confirm_receipt, progress_by_need, receipts_for
from web.common import security
from web.common.councils import use_council
from web.common.db import get_db
from web.exchange.auth import organisation_required
from web.exchange.pages import own_need_card

# An organisation's own pages: never cached, never indexed.
bp = security.private(Blueprint("exchange_needs", __name__, url_prefix="/exchange/your-needs"))


def _need_form(**data) -> NeedForm:
    """The need form, its categories those of the organisation's council."""
    form = NeedForm(data=data or None)
    pack = use_council(g.organisation.council_id)
    form.measure_id.choices = [SelectChoice("", "Choose a category")] + [
        SelectChoice(c.measure_id, c.label) for c in categories(pack)
    ]
    return form


def _details(form: NeedForm) -> dict:
    """What the organisation wrote, with the unit of the category it chose."""
    chosen = category(use_council(g.organisation.council_id), form.measure_id.data)
    return {
        "title": form.title.data,
        "description": form.description.data,
        "measure_id": chosen.measure_id,
        "quantity": form.quantity.data,
        "unit": chosen.unit,
        "timescale": form.timescale.data,
        "area": form.area.data,
    }


def _own_open_need(need_id: int) -> store.NeedRecord:
    """One of the signed-in organisation's needs that it can still change; 404 otherwise."""
    found = store.own_need(get_db(), g.organisation.id, need_id)
    if found is None or not can_change(found.need.status):
        abort(404)
    return found


@bp.get("/")
@organisation_required
def index():
    """The organisation's needs, newest first, each with its status and how far suppliers'
    support has got."""
    pack = use_council(g.organisation.council_id)
    records = store.needs_of_organisation(get_db(), g.organisation.id)
    return render_template(
        "exchange/your_needs.html",
        organisation=g.organisation,
        needs=[(record, own_need_card(pack, record)) for record in records],
        progress=progress_by_need(get_db(), g.organisation.council_id),
        amount=quantity_text,
    )


@bp.route("/new", methods=["GET", "POST"])
@organisation_required
def new():
    """Post a need; it waits for the council's approval."""
    form = _need_form()
    if form.validate_on_submit():
        store.post_need(
            get_db(),
            organisation_id=g.organisation.id,
            council_id=g.organisation.council_id,
            **_details(form),
        )
        return redirect(url_for(".index"), 303)
    status = 400 if form.errors else 200
    return render_template("exchange/need_form.html", form=form, record=None), status


@bp.route("/<int:need_id>", methods=["GET", "POST"])
@organisation_required
def edit(need_id: int):
    """Change a need; a changed need goes back to the council for approval."""
    record = _own_open_need(need_id)
    need = record.need
    form = _need_form(
        title=need.title,
        description=need.description,
        measure_id=need.measure_id,
        quantity=int(need.quantity) if float(need.quantity).is_integer() else need.quantity,
        timescale=need.timescale,
        area=need.area,
    )
    if form.validate_on_submit():
        store.update_need(
            get_db(),
            organisation_id=g.organisation.id,
            need_id=need.id,
            status=status_after_edit(need.status),
            **_details(form),
        )
        return redirect(url_for(".index"), 303)
    status = 400 if form.errors else 200
    return render_template("exchange/need_form.html", form=form, record=record), status


@bp.route("/<int:need_id>/received", methods=["GET", "POST"])
@organisation_required
def received(need_id: int):
    """Confirm support received towards one of the organisation's needs (in any status: an
    edited need waiting for approval again may have had pledges): the confirmation is the
    evidence that counts it as met."""
    record = store.own_need(get_db(), g.organisation.id, need_id)
    if record is None:
        abort(404)
    form = ReceiptForm()
    if form.validate_on_submit():
        confirm_receipt(
            get_db(), need_id=need_id, organisation_id=g.organisation.id,
            quantity=form.quantity.data, note=form.note.data,
        )  # fmt: skip
        return redirect(url_for(".received", need_id=need_id), 303)
    progress = progress_by_need(get_db(), g.organisation.council_id, need_id)
    receipts, unit = receipts_for(get_db(), need_id), record.need.unit
    page = render_template(
        "exchange/received.html", form=form, need=record.need, progress=progress,
        receipts=receipts, amount=quantity_text,
        receipt_rows=[
            [{"text": r["confirmed_at"][:10]}, {"text": quantity_text(r["quantity"], unit)},
             {"text": r["note"]}]
            for r in receipts
        ],
    )  # fmt: skip
    return page, 400 if form.errors else 200


@bp.route("/<int:need_id>/close", methods=["GET", "POST"])
@organisation_required
def close(need_id: int):
    """Ask, then close a need: it leaves the board and cannot be changed again."""
    record = _own_open_need(need_id)
    form = CloseNeedForm()
    if form.validate_on_submit():
        store.close_need(get_db(), organisation_id=g.organisation.id, need_id=need_id)
        return redirect(url_for(".index"), 303)
    return render_template("exchange/close_need.html", form=form, need=record.need)
