"""Staff pages: signing in and out, and the signed-in account page."""

from urllib.parse import urlsplit

from flask import Blueprint, current_app, g, redirect, render_template, request, url_for

from forms.staff import SignInForm
from store.staff import authenticate
from web import auth
from web.db import get_db

bp = Blueprint("staff", __name__, url_prefix="/staff")


def _safe_next(target: str | None) -> str:
    """Only follow same-site paths after sign-in, never another host."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("staff.account")


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    """Show the sign-in form, and sign a staff member in."""
    form = SignInForm()
    if form.validate_on_submit():
        staff = authenticate(get_db(), form.email.data, form.password.data)
        if staff:
            auth.sign_in(staff)
            current_app.logger.info("Staff %s signed in", staff.id)
            return redirect(_safe_next(request.args.get("next")))
        form.email.errors.append("Enter a correct email address and password")
    return render_template("staff/sign_in.html", form=form)


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
    """The signed-in staff member's account: who they are and which council."""
    council = current_app.extensions["councils"].get(g.staff.council_id)
    return render_template("staff/account.html", staff=g.staff, staff_council=council)
