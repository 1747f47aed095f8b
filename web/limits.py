"""Rate limits: how often one client may sign in (staff or organisations), register an
organisation, try return codes, start conversations and send messages (flask-limiter).

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

from flask import Flask, current_app, g, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from store.sessions import session_by_code
from web.db import get_db

DEFAULTS = {
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_HEADERS_ENABLED": True,
    "RATELIMIT_SIGN_IN": "10 per minute; 50 per hour",
    "RATELIMIT_RETURN_CODE": "10 per minute; 50 per hour",
    "RATELIMIT_START": "20 per minute; 200 per hour",
    "RATELIMIT_JOIN": "300 per minute",
    "RATELIMIT_MESSAGE": "120 per minute; 2000 per hour",
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


def _limit(limiter: Limiter, name: str, key_func, scope: str):
    """One limit: its numbers from the setting `name`, counted per key, shared by `scope`."""
    setting = _start_limit if name == "RATELIMIT_START" else _setting(name)
    return limiter.shared_limit(setting, scope=scope, key_func=key_func, methods=["POST"])


# endpoint: (setting, key, scope). Endpoints sharing a scope share one count per client.
LIMITED = {
    "staff.sign_in": ("RATELIMIT_SIGN_IN", get_remote_address, "sign-in"),
    "exchange_accounts.sign_in": ("RATELIMIT_SIGN_IN", get_remote_address, "sign-in"),
    # Each registration hashes a password (scrypt, deliberately slow), like signing in.
    "exchange_accounts.register": ("RATELIMIT_SIGN_IN", get_remote_address, "register"),
    "assistant.come_back": ("RATELIMIT_RETURN_CODE", get_remote_address, "return-code"),
    "assistant.create": ("RATELIMIT_START", _start_key, "start"),
    "training.start": ("RATELIMIT_START", _start_key, "start"),
    "api_conversations.create_conversation": ("RATELIMIT_START", _start_key, "start"),
    "assistant.message": ("RATELIMIT_MESSAGE", _conversation_key, "message"),
    "api_conversations.post_message": ("RATELIMIT_MESSAGE", _conversation_key, "message"),
}


def init_app(app: Flask) -> None:
    """Give the app its own limiter (settings from SVOA_* variables win) and wrap the
    limited views; call it once the blueprints are registered."""
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    limiter = Limiter(key_func=get_remote_address)
    limiter.init_app(app)
    app.extensions["rate_limits"] = limiter  # the limits refer to it weakly: keep it alive
    for endpoint, (name, key_func, scope) in LIMITED.items():
        view = app.view_functions[endpoint]
        app.view_functions[endpoint] = _limit(limiter, name, key_func, scope)(view)
