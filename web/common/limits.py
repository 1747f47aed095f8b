"""Rate limits: how often one client may sign in (staff or organisations), register an
organisation, try return codes, start conversations, send messages, submit offers, search the
knowledge base, download offers and send delivery returns (flask-limiter): everything that
writes or costs.

Who "one client" is depends on the action. Signing in, trying return codes and starting a
conversation count per network address. A whole training room shares one address, so joining
an open training session counts per session instead, and messages count per conversation
token (per device): 150 attendees behind one Wi-Fi are never throttled as if they were one
person. The numbers are settings (SVOA_RATELIMIT_SIGN_IN and so on).

Counts are kept in each gunicorn worker's memory, so with SVOA_WORKERS=2 a client can get
up to twice a limit through before being refused; set SVOA_RATELIMIT_STORAGE_URI (for example
memcached://host:11211) to share them between workers and servers.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, current_app, g, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from store.sessions import session_by_code
from web.common.db import get_db

DEFAULTS = {
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_HEADERS_ENABLED": True,
    "RATELIMIT_SIGN_IN": "10 per minute; 50 per hour",
    "RATELIMIT_RETURN_CODE": "10 per minute; 50 per hour",
    "RATELIMIT_START": "20 per minute; 200 per hour",
    "RATELIMIT_JOIN": "300 per minute",
    "RATELIMIT_MESSAGE": "120 per minute; 2000 per hour",
    # A delivery return may carry 15 MB of evidence files.
    "RATELIMIT_RETURN": "20 per minute; 200 per hour",
    # Submitting freezes a whole copy of the offer: per conversation, and per address.
    "RATELIMIT_SUBMIT": "10 per hour; 30 per day",
    "RATELIMIT_SUBMIT_ADDRESS": "60 per hour",
    # Searching the knowledge base (the API and the help page), per address.
    "RATELIMIT_SEARCH": "120 per minute; 1200 per hour",
    # Downloading an offer (text, CSV, Word, PDF, JSON), per conversation.
    "RATELIMIT_DOWNLOAD": "30 per minute; 300 per hour",
    # Joining a training session, per address as well as per session: a room behind one
    # address joins within the session's limit, one address cannot fill every room.
    "RATELIMIT_JOIN_ADDRESS": "200 per 10 minutes",
}


def _setting(name: str):
    return lambda: current_app.config[name]


def _joining_code() -> str | None:
    """The code of the open training session this request joins, if it joins one."""
    if "joining_code" not in g:
        code = request.form.get("code")
        if request.is_json:
            body = request.get_json(silent=True)
            code = body.get("session") if isinstance(body, dict) else None
        found = session_by_code(get_db(), code) if isinstance(code, str) and code else None
        g.joining_code = found.code if found and found.is_open else None
    return g.joining_code


def _start_key() -> str:
    code = _joining_code()
    return f"session:{code}" if code else get_remote_address()


def _start_limit() -> str:
    name = "RATELIMIT_JOIN" if _joining_code() else "RATELIMIT_START"
    return current_app.config[name]


def _conversation_key() -> str:
    """The conversation token in the page's address, or the API's Bearer token."""
    token = (request.view_args or {}).get("token")
    if token is None:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return get_remote_address()
    return "token:" + hashlib.sha256(token.strip().encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Limit:
    """A rate limit: its numbers from the setting `setting`, counted per `key()`, and shared by
    every view with the same `scope` (one count per client across them), on `methods`."""

    setting: str
    key: Callable[[], str]
    scope: str
    methods: tuple[str, ...] = ("POST",)


SIGN_IN = Limit("RATELIMIT_SIGN_IN", get_remote_address, "sign-in")
# Each registration hashes a password (scrypt, deliberately slow), like signing in.
REGISTER = Limit("RATELIMIT_SIGN_IN", get_remote_address, "register")
RETURN_CODE = Limit("RATELIMIT_RETURN_CODE", get_remote_address, "return-code")
START = Limit("RATELIMIT_START", _start_key, "start")
MESSAGE = Limit("RATELIMIT_MESSAGE", _conversation_key, "message")
RETURN = Limit("RATELIMIT_RETURN", get_remote_address, "return")
SUBMIT = Limit("RATELIMIT_SUBMIT", _conversation_key, "submit")
SUBMIT_ADDRESS = Limit("RATELIMIT_SUBMIT_ADDRESS", get_remote_address, "submit-address")
SEARCH = Limit("RATELIMIT_SEARCH", get_remote_address, "search", ("GET", "POST"))
DOWNLOAD = Limit("RATELIMIT_DOWNLOAD", _conversation_key, "download", ("GET",))
JOIN_ADDRESS = Limit("RATELIMIT_JOIN_ADDRESS", get_remote_address, "join-address")


def rate_limited(*limits: Limit) -> Callable[[Callable], Callable]:
    """Mark a view as rate-limited by each of `limits` (on their methods); `init_app` wraps
    every marked view with the app's limiter. Put it right under the route decorator."""

    def mark(view: Callable) -> Callable:
        view.rate_limits = limits
        return view

    return mark


def _wrap(limiter: Limiter, limit: Limit, view: Callable) -> Callable:
    setting = _start_limit if limit.setting == "RATELIMIT_START" else _setting(limit.setting)
    shared = limiter.shared_limit(
        setting, scope=limit.scope, key_func=limit.key, methods=list(limit.methods)
    )
    return shared(view)


def init_app(app: Flask) -> None:
    """Give the app its own limiter (settings from SVOA_* variables win) and wrap the views
    marked `rate_limited`; call it once the blueprints are registered."""
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    limiter = Limiter(key_func=get_remote_address)
    limiter.init_app(app)
    app.extensions["rate_limits"] = limiter  # the limits refer to it weakly: keep it alive
    for endpoint, view in list(app.view_functions.items()):
        for limit in getattr(view, "rate_limits", ()):
            view = app.view_functions[endpoint] = _wrap(limiter, limit, view)
