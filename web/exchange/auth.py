"""Organisations' sessions on the needs exchange, apart from staff sessions: who is signed in,
and the decorator that guards an organisation's own pages."""

from collections.abc import Callable
from functools import wraps

from flask import Flask, g, redirect, request, session, url_for

from store.exchange_organisations import (
    Organisation,
    end_organisation_sessions,
    get_organisation,
)
from web.common.db import get_db


def sign_in(organisation: Organisation) -> None:
    """Start a fresh session for the organisation (a new session, so no fixation)."""
    session.clear()
    session.permanent = True
    session["organisation_id"] = organisation.id
    session["organisation_session"] = organisation.session_version


def sign_out() -> None:
    """End the organisation's session here and on every other copy of its cookie."""
    if g.get("organisation") is not None:
        end_organisation_sessions(get_db(), g.organisation.id)
    session.clear()


def _load_organisation() -> None:
    organisation_id = session.get("organisation_id")
    found = get_organisation(get_db(), organisation_id) if organisation_id else None
    # A cookie from before a sign-out no longer counts.
    if found is not None and session.get("organisation_session") != found.session_version:
        found = None
    g.organisation = found


def organisation_required(view: Callable) -> Callable:
    """Require a signed-in organisation, else send the visitor to sign in first."""

    @wraps(view)
    def guarded(*args, **kwargs):
        if g.get("organisation") is None:
            next_page = request.full_path.rstrip("?")
            return redirect(url_for("exchange_accounts.sign_in", next=next_page))
        return view(*args, **kwargs)

    return guarded


def init_app(app: Flask) -> None:
    """Load the signed-in organisation before each request."""
    app.before_request(_load_organisation)
    app.context_processor(lambda: {"current_organisation": g.get("organisation")})
