"""Staff: an opportunity's evaluation panel (moderators and admins add and remove people) and
each member's declaration of interests in the bidders, made before they see any offer."""

from flask import Blueprint, abort, g, redirect, render_template, request, url_for
from wtforms.fields.choices import SelectChoice

from forms.panel import AddToPanelForm, DeclarationForm, RemoveFromPanelForm
from permissions.panel import CONFLICTED, NOT_ON_PANEL, may_join
from permissions.roles import EVALUATORS, MANAGERS, ROLE_LABELS
from store import panels
from store.submissions import current_submissions
from web.common.db import get_db
from web.staff import auth, panel_access
from web.staff.opportunities import own_opportunity

bp = Blueprint("staff_panel", __name__, url_prefix="/staff/opportunities")


def _add_form(code: str) -> AddToPanelForm:
    """The add form, offering the council's evaluators, moderators and admins not on it yet."""
    on_it = {m.staff_id for m in panels.panel_for(get_db(), code)}
    form = AddToPanelForm()
    form.staff_id.choices = [
        SelectChoice(str(person["id"]), f"{person['name']} ({ROLE_LABELS[person['role']]})")
        for person in panels.council_evaluators(get_db(), g.staff.council_id, EVALUATORS)
        if person["id"] not in on_it
    ]
    return form


@bp.route("/<code>/panel", methods=["GET", "POST"])
@auth.staff_required(*MANAGERS)
def panel(code: str):
    """The panel: who is on it and what each has declared; add someone."""
    opportunity = own_opportunity(code)
    form = _add_form(opportunity.code)
    if request.method == "POST" and not form.staff_id.choices:
        # Everyone who could sit on it already does (another manager was first): the page says so.
        return redirect(url_for(".panel", code=opportunity.code), 303)
    if form.validate_on_submit():
        chosen = int(form.staff_id.data)
        name = dict((c.value, c.label) for c in form.staff_id.choices)[form.staff_id.data]
        panels.add_member(
            get_db(),
            code=opportunity.code,
            staff_id=chosen,
            added_by=g.staff.id,
            council_id=g.staff.council_id,
            name=name,
        )
        return redirect(url_for(".panel", code=opportunity.code), 303)
    current = set(panel_access.bidders(opportunity))
    return render_template(
        "staff/panel.html",
        opportunity=opportunity,
        members=panels.panel_for(get_db(), opportunity.code),
        current=current,
        form=form,
    ), (400 if form.errors else 200)


@bp.post("/<code>/panel/<int:staff_id>/remove")
@auth.staff_required(*MANAGERS)
def remove(code: str, staff_id: int):
    """Take someone off the panel; the scores they gave are kept, with their audit."""
    opportunity = own_opportunity(code)
    if not RemoveFromPanelForm().validate_on_submit():
        abort(400)
    found = panels.member(get_db(), opportunity.code, staff_id)
    if found is None:  # already off it (a second click, or another manager was first)
        return redirect(url_for(".panel", code=opportunity.code), 303)
    panels.remove_member(
        get_db(),
        code=opportunity.code,
        staff_id=staff_id,
        removed_by=g.staff.id,
        council_id=g.staff.council_id,
        name=found.name,
    )
    return redirect(url_for(".panel", code=opportunity.code), 303)


@bp.route("/<code>/declaration", methods=["GET", "POST"])
@auth.staff_required(*EVALUATORS)
def declaration(code: str):
    """Declare your interests in the bidders so far (a moderator or admin not yet on the panel
    joins it by declaring)."""
    db = get_db()
    opportunity = own_opportunity(code)
    standing = panel_access.declaration(opportunity, g.staff.id)
    if not standing.on_panel and not may_join(g.staff.role):
        return _refused(opportunity, NOT_ON_PANEL)
    if standing.conflict:
        return _refused(opportunity, CONFLICTED)
    offers = current_submissions(db, opportunity.code)
    form = DeclarationForm()
    if form.validate_on_submit():
        if not standing.on_panel:
            panels.add_member(
                db,
                code=opportunity.code,
                staff_id=g.staff.id,
                added_by=g.staff.id,
                council_id=g.staff.council_id,
                name=g.staff.name,
            )
        panels.declare(
            db,
            code=opportunity.code,
            staff_id=g.staff.id,
            council_id=g.staff.council_id,
            conflict=form.conflict.data == "yes",
            detail=form.detail.data if form.conflict.data == "yes" else "",
            bidders=[s.conversation_id for s in offers],
        )
        return redirect(url_for("staff_opportunities.show", code=opportunity.code), 303)
    return render_template(
        "staff/declaration.html",
        opportunity=opportunity,
        bidders=sorted(
            {(s.offer.get("supplier", {}).get("name") or "A bidder") for s in offers},
            key=str.lower,
        ),
        joining=not standing.on_panel,
        again=standing.declared,
        form=form,
    ), (400 if form.errors else 200)


def _refused(opportunity, reason: str):
    page = render_template(
        "staff/panel_refusal.html", opportunity=opportunity, reason=reason, declare=None
    )
    return page, (409 if request.method == "POST" else 403)
