"""Staff sessions: who is signed in, and the decorator that guards staff pages."""

from collections.abc import Callable
from functools import wraps

from flask import Flask, abort, g, make_response, redirect, request, session, url_for

from permissions.roles import ROLE_LABELS, is_manager
from store.staff import Staff, end_sessions, get_staff
from web.common.db import get_db


def sign_in(staff: Staff) -> None:
    """Start a fresh staff session (a new session, so no fixation)."""
    session.clear()
    session.permanent = True
    session["staff_id"] = staff.id
    session["staff_session"] = staff.session_version


def sign_out() -> None:
    """End the staff session here and on every other copy of its cookie."""
    if g.get("staff") is not None:
        end_sessions(get_db(), g.staff.id)
    session.clear()


def _load_staff() -> None:
    staff_id = session.get("staff_id")
    staff = get_staff(get_db(), staff_id) if staff_id else None
    # A cookie from before a sign-out or a password change no longer counts.
    if staff is not None and session.get("staff_session") != staff.session_version:
        staff = None
    g.staff = staff


def staff_required(*roles: str) -> Callable:
    """Require a signed-in staff member, and one of `roles` if any are given."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(*args, **kwargs):
            if g.get("staff") is None:
                return redirect(url_for("staff.sign_in", next=request.full_path.rstrip("?")))
            if roles and g.staff.role not in roles:
                abort(403)
            response = make_response(view(*args, **kwargs))
            response.headers["Cache-Control"] = "no-store"
            return response

        guarded.staff_roles = roles or ("any",)
        return guarded

    return decorate


def init_app(app: Flask) -> None:
    """Load the signed-in staff member before each request that has a session."""
    app.before_request(_load_staff)
    app.context_processor(lambda: {"current_staff": g.get("staff")})
    app.jinja_env.globals["is_manager"] = is_manager
    app.jinja_env.globals["role_labels"] = ROLE_LABELS
