"""Staff: the needs exchange. Verify the organisations that registered, and approve or reject
their needs, by status. Moderators and admins only; another council's is a 404."""

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, url_for

from exchange.needs import STATUS_LABELS, can_change, category, quantity_text
from exchange.progress import support_totals
from forms.exchange import DeclineOrganisationForm, ReviewForm, VerifyForm
from permissions.roles import MANAGERS
from store import exchange as store
from store.exchange_organisations import (
    awaiting_verification,
    decline_organisation,
    declined_organisations,
    get_organisation,
    verify_organisation,
)
from store.exchange_pledges import progress_by_need
from web.common.councils import current_council
from web.common.db import get_db
from web.exchange.pages import day_text, need_rows, organisation_rows, status_tag
from web.staff import auth

bp = Blueprint("staff_exchange", __name__, url_prefix="/staff/exchange")


@bp.get("/")
@auth.staff_required(*MANAGERS)
def index():
    """Organisations waiting to be verified, and the council's needs with one status."""
    status = request.args.get("status", "pending")
    if status not in store.STATUSES:
        status = "pending"
    db = get_db()
    return render_template(
        "staff/exchange.html",
        organisations=[
            (found, organisation_rows(found))
            for found in awaiting_verification(db, g.staff.council_id)
        ],
        declined=declined_organisations(db, g.staff.council_id),
        status=status,
        labels=STATUS_LABELS,
        counts=store.status_counts(db, g.staff.council_id),
        records=store.needs_by_status(db, g.staff.council_id, status),
        category=lambda need: category(current_council(), need.measure_id),
        day_text=day_text,
        support=_support(db),
        amount=quantity_text,
    )


def _support(db):
    """Totals by theme of the needs ever published, and the organisations helped."""
    pack, progress = current_council(), progress_by_need(db, g.staff.council_id)
    published = [
        r.need
        for status in ("approved", "closed")
        for r in store.needs_by_status(db, g.staff.council_id, status)
    ]
    return support_totals(
        (found.theme_title, need.unit, need.organisation_name, progress[need.id])
        for need in published
        if (found := category(pack, need.measure_id))
    )


@bp.post("/organisations/<int:organisation_id>/verify")
@auth.staff_required(*MANAGERS)
def verify(organisation_id: int):
    """Verify one of the council's organisations: its approved needs become public."""
    found = _own_organisation(organisation_id)
    if not VerifyForm().validate_on_submit():
        abort(400)
    if verify_organisation(get_db(), found.id, council_id=g.staff.council_id, staff_id=g.staff.id):
        current_app.logger.info("Organisation %s verified by staff %s", found.id, g.staff.id)
    return redirect(url_for(".index"), 303)


def _own_organisation(organisation_id: int):
    found = get_organisation(get_db(), organisation_id)
    if found is None or found.council_id != g.staff.council_id:
        abort(404)
    return found


@bp.route("/organisations/<int:organisation_id>/decline", methods=["GET", "POST"])
@auth.staff_required(*MANAGERS)
def decline(organisation_id: int):
    """Decline to verify an organisation, with a note it reads on its page."""
    found = _own_organisation(organisation_id)
    if found.is_verified or found.rejected_at:
        return redirect(url_for(".index"), 303)
    form = DeclineOrganisationForm()
    if form.validate_on_submit():
        decline_organisation(
            get_db(),
            found.id,
            council_id=g.staff.council_id,
            staff_id=g.staff.id,
            note=form.note.data,
        )
        return redirect(url_for(".index"), 303)
    return render_template(
        "staff/exchange_decline.html",
        organisation=found,
        rows=organisation_rows(found),
        form=form,
    ), (400 if form.errors else 200)


@bp.route("/needs/<int:need_id>", methods=["GET", "POST"])
@auth.staff_required(*MANAGERS)
def review(need_id: int):
    """One need, its organisation's details, and the decision: approve or reject, with a note."""
    db = get_db()
    record = store.council_need(db, g.staff.council_id, need_id)
    if record is None:
        abort(404)
    need = record.need
    form = ReviewForm()
    if can_change(need.status) and form.validate_on_submit():
        store.review_need(
            db,
            council_id=g.staff.council_id,
            need_id=need.id,
            staff_id=g.staff.id,
            status=form.decision.data,
            note=form.note.data or "",
        )
        return redirect(url_for(".index", status=form.decision.data), 303)
    organisation = get_organisation(db, need.organisation_id)
    return render_template(
        "staff/exchange_need.html",
        form=form,
        record=record,
        status=status_tag(need.status),
        rows=need_rows(current_council(), need),
        organisation=organisation,
        organisation_rows=organisation_rows(organisation),
        reviewable=can_change(need.status),
        day_text=day_text,
    ), (400 if form.errors else 200)
