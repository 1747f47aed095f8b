"""Staff pages: signing in and out, and the signed-in account page."""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar
from urllib.parse import urlsplit

from flask import Blueprint, current_app, g, redirect, render_template, request, url_for
from sqlite_utils import Database

from forms.staff import SignInForm
from store.sign_in_failures import begin_attempt, clear_failures, locked_until
from store.staff import authenticate
from web import auth
from web.db import get_db

bp = Blueprint("staff", __name__, url_prefix="/staff")
STAFF_ADVICE = "ask your administrator to reset your password"
WRONG_PASSWORD = "Enter a correct email address and password"
T = TypeVar("T")


def safe_next(target: str | None, fallback: str) -> str:
    """Only follow same-site paths after sign-in, never another host; else `fallback`."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return fallback


def _locked_message(until: datetime, advice: str) -> str:
    minutes = max(1, round((until - datetime.now(UTC)).total_seconds() / 60))
    return (
        "There have been too many wrong passwords for this email address, so signing in is "
        f"locked for {minutes} minute{'s' if minutes != 1 else ''}. Try again after that, or "
        f"{advice}"
    )


def attempt_sign_in(
    email: str, password: str, authenticate: Callable[[Database, str, str], T | None], advice: str
) -> tuple[T | None, str | None]:
    """Check a password, counting the attempt first (locked after repeated failures, per email
    address): the account, or None and the message to show. Staff and organisations share it."""
    now = datetime.now(UTC)
    until = begin_attempt(get_db(), email, now, auth.MAX_FAILED_SIGN_INS, auth.SIGN_IN_LOCK)
    account = None if until else authenticate(get_db(), email, password)
    if account:
        clear_failures(get_db(), email)
        return account, None
    until = until or locked_until(get_db(), email, now)
    return None, (_locked_message(until, advice) if until else WRONG_PASSWORD)


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    """Show the sign-in form, and sign a staff member in (locked after repeated failures)."""
    form = SignInForm()
    if form.validate_on_submit():
        staff, problem = attempt_sign_in(
            form.email.data, form.password.data, authenticate, STAFF_ADVICE
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
    """The signed-in staff member's account: who they are and which council."""
    council = current_app.extensions["councils"].get(g.staff.council_id)
    return render_template("staff/account.html", staff=g.staff, staff_council=council)
