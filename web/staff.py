"""Staff pages: signing in and out, and the signed-in account page."""

from datetime import UTC, datetime
from urllib.parse import urlsplit

from flask import Blueprint, current_app, g, redirect, render_template, request, url_for

from forms.staff import SignInForm
from store.sign_in_failures import begin_attempt, clear_failures, locked_until
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


def _locked_message(until: datetime) -> str:
    minutes = max(1, round((until - datetime.now(UTC)).total_seconds() / 60))
    return (
        "There have been too many wrong passwords for this email address, so signing in is "
        f"locked for {minutes} minute{'s' if minutes != 1 else ''}. Try again after that, or "
        "ask your administrator to reset your password"
    )


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    """Show the sign-in form, and sign a staff member in (locked after repeated failures)."""
    form = SignInForm()
    if form.validate_on_submit():
        now = datetime.now(UTC)
        until = begin_attempt(
            get_db(), form.email.data, now, auth.MAX_FAILED_SIGN_INS, auth.SIGN_IN_LOCK
        )
        staff = None if until else authenticate(get_db(), form.email.data, form.password.data)
        if staff:
            clear_failures(get_db(), form.email.data)
            auth.sign_in(staff)
            current_app.logger.info("Staff %s signed in", staff.id)
            return redirect(_safe_next(request.args.get("next")))
        until = until or locked_until(get_db(), form.email.data, now)
        message = _locked_message(until) if until else "Enter a correct email address and password"
        form.email.errors.append(message)
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
    """The signed-in staff member's account: who they are and which council."""
    council = current_app.extensions["councils"].get(g.staff.council_id)
    return render_template("staff/account.html", staff=g.staff, staff_council=council)
