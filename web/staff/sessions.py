"""Trainers: create a meet-the-buyer session, watch the room live, close it, print handouts.

Trainers and admins only; another council's session is a 404.
"""

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, url_for
from wtforms.fields.choices import SelectChoice

from forms.training import CloseSessionForm, SessionForm
from offer.submission import closing_text, parse_closing
from permissions.roles import TRAINERS
from store import sessions as store
from store.opportunities import get_opportunity, opportunities_for
from training.live import LiveView, Seat, live_view, summary
from web.common.councils import current_council
from web.common.db import get_db
from web.staff import auth
from web.supplier import chat

bp = Blueprint("staff_sessions", __name__, url_prefix="/staff/sessions")
REFRESH_SECONDS = 5


def _own_session(session_id: int) -> store.TrainingSession:
    found = store.get_session(get_db(), session_id)
    if found is None or found.council_id != g.staff.council_id:
        abort(404)
    return found


def _view(found: store.TrainingSession) -> tuple[LiveView, list[store.Attendee]]:
    db = get_db()
    people = store.attendees(db, found.id)
    stages = [(s.id, s.title) for s in current_app.extensions["flows"][found.council_id].stages]
    seats = [Seat(a.stage, a.done, a.state, [a.attendee or ""]) for a in people]
    return live_view(seats, stages, current_council(), store.questions(db, found.id)), people


@bp.get("/")
@auth.staff_required(*TRAINERS)
def index():
    """The council's sessions, newest first."""
    return render_template(
        "staff/sessions.html", sessions=store.sessions_for_council(get_db(), g.staff.council_id)
    )


@bp.route("/new", methods=["GET", "POST"])
@auth.staff_required(*TRAINERS)
def new():
    """Create a session on one of the council's open opportunities (practice ones first)."""
    db = get_db()
    open_ones = [o for o in opportunities_for(db, g.staff.council_id) if chat.is_open(o.code)]
    open_ones.sort(key=lambda o: not o.practice)
    form = SessionForm()
    form.opportunity.choices = [
        SelectChoice(
            o.code, o.title + (" (practice)" if o.practice and "(practice)" not in o.title else "")
        )
        for o in open_ones
    ]
    form.themes.choices = [SelectChoice(t.id, t.title) for t in current_council().themes]
    if form.validate_on_submit():
        made = store.create_session(
            db,
            council_id=g.staff.council_id,
            title=form.title.data,
            opportunity_code=form.opportunity.data,
            themes=form.themes.data or [],
            staff_id=g.staff.id,
        )
        return redirect(url_for(".show", session_id=made.id), 303)
    return render_template("staff/session_form.html", form=form), (400 if form.errors else 200)


@bp.get("/<int:session_id>")
@auth.staff_required(*TRAINERS)
def show(session_id: int):
    """The live view: the join code, where the room is, what it offers and asks."""
    found = _own_session(session_id)
    view, people = _view(found) if found.is_open else (None, [])
    return render_template(
        "staff/session.html",
        found=found,
        view=view,
        people=people,
        join_link=url_for("training.join", code=found.code, _external=True),
        refresh=REFRESH_SECONDS,
    )


@bp.get("/<int:session_id>/live")
@auth.staff_required(*TRAINERS)
def live(session_id: int):
    """Just the live part of the view, for the page's script to swap in every few seconds
    (a closed session's summary once it has closed)."""
    found = _own_session(session_id)
    if not found.is_open:
        return render_template("staff/_session_summary.html", found=found)
    view, people = _view(found)
    return render_template("staff/_session_live.html", found=found, view=view, people=people)


@bp.route("/<int:session_id>/close", methods=["GET", "POST"])
@auth.staff_required(*TRAINERS)
def close(session_id: int):
    """Ask first, saying what closing deletes; then close the session: no more joins, drafts
    stay with their owners, counts are kept, names and questions go."""
    found = _own_session(session_id)
    if not found.is_open:
        return redirect(url_for(".show", session_id=found.id), 303)
    form = CloseSessionForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        view, _ = _view(found)
        store.close_session(get_db(), found.id, summary(view))
        return redirect(url_for(".show", session_id=found.id), 303)
    people = store.attendees(get_db(), found.id)
    return render_template(
        "staff/session_close.html",
        found=found,
        form=form,
        named=sum(1 for a in people if a.attendee),
        questions=len(store.questions(get_db(), found.id)),
    )


@bp.get("/<int:session_id>/handout")
@auth.staff_required(*TRAINERS)
def handout(session_id: int):
    """The printable pack: the plan on a page, the opportunity's brief, tips on commitments."""
    found = _own_session(session_id)
    opportunity = get_opportunity(get_db(), found.opportunity_code)
    return render_template(
        "staff/session_handout.html",
        found=found,
        opportunity=opportunity,
        closes=closing_text(parse_closing(opportunity.closes_at)),
        pack=current_council(),
        focus=[t for t in current_council().themes if t.id in found.themes],
        join_link=url_for("training.join", code=found.code, _external=True),
    )
