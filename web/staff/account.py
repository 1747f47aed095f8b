"""Staff pages: signing in and out, and the signed-in account page."""

from flask import Blueprint, current_app, g, redirect, render_template, request, url_for

from forms.staff import SignInForm
from store.staff import authenticate
from web.common import limits, security
from web.common.sign_in import attempt_sign_in, safe_next
from web.staff import auth
from web.staff.dashboard import sections_for

bp = Blueprint("staff", __name__, url_prefix="/staff")
STAFF_ADVICE = "ask your administrator to reset your password"


@bp.route("/sign-in", methods=["GET", "POST"])
@limits.rate_limited(limits.SIGN_IN)
@security.not_stored
def sign_in():
    """Show the sign-in form, and sign a staff member in (locked after repeated failures)."""
    form = SignInForm()
    if form.validate_on_submit():
        staff, problem = attempt_sign_in(
            "staff", form.email.data, form.password.data, authenticate, STAFF_ADVICE
        )
        if staff:
            auth.sign_in(staff)
            current_app.logger.info("Staff %s signed in", staff.id)
            return redirect(safe_next(request.args.get("next"), url_for("staff.account")))
        form.email.errors.append(problem)
    status = 400 if form.errors else 200
    return render_template("staff/sign_in.html", form=form), status


@bp.post("/sign-out")
def sign_out():
    """Sign the staff member out."""
    auth.sign_out()
    return redirect(url_for("staff.signed_out"))


@bp.get("/signed-out")
def signed_out():
    """Confirm that the staff member has signed out."""
    return render_template("staff/signed_out.html")


@bp.get("/")
@auth.staff_required()
def account():
    """Where staff land: what needs them (offers to score or moderate, contracts to award),
    then who they are and which council."""
    council = current_app.extensions["councils"].get(g.staff.council_id)
    return render_template(
        "staff/account.html", staff=g.staff, staff_council=council, work=sections_for(g.staff)
    )
