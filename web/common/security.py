"""Security headers, a per-request CSP nonce, and cookies that are Secure over HTTPS."""

import base64
import hmac
import secrets
from collections.abc import Callable
from functools import wraps

from flask import Blueprint, Flask, Response, abort, current_app, g, make_response, request
from flask.sessions import SecureCookieSessionInterface
from werkzeug.middleware.proxy_fix import ProxyFix

CSP = (
    "default-src 'self'; "
    "script-src 'self' 'nonce-{nonce}'; "
    "style-src 'self' 'nonce-{nonce}'; "
    "img-src 'self' data:; "
    "font-src 'self'; "
    "connect-src 'self'; "
    "object-src 'none'; "
    "base-uri 'self'; "
    "form-action 'self'; "
    "frame-ancestors 'none'"
)

SEALED_MAX = 32  # bytes: one HMAC-SHA256 block

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Save-and-return links carry tokens in the URL, so never send the path elsewhere.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Permitted-Cross-Domain-Policies": "none",
}


class HttpsAwareSessionInterface(SecureCookieSessionInterface):
    """Marks the session cookie Secure whenever the request came over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        """Secure if configured so, or if this request is HTTPS."""
        return bool(app.config["SESSION_COOKIE_SECURE"] or request.is_secure)


def _nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def _add_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP.format(nonce=_nonce())
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return response


def accepts_files(most_bytes: int) -> Callable[[Callable], Callable]:
    """Let a view take uploaded files, in a multipart request of up to `most_bytes` (any
    other request to it, and every other view, keeps the app's MAX_CONTENT_LENGTH; every
    other view refuses files)."""

    def mark(view: Callable) -> Callable:
        view.accepts_files = most_bytes
        return view

    return mark


def _refuse_files() -> None:
    # Only views marked `accepts_files` take a file: flask-wtf would hand a file sent under a
    # text field's name to that field as an object, not text. Refuse it before any view
    # reads a form.
    view = current_app.view_functions.get(request.endpoint or "")
    most = getattr(view, "accepts_files", None)
    if most and request.method == "POST":
        if request.mimetype == "multipart/form-data":  # files, and each other field under
            request.max_content_length = most  # MAX_FORM_MEMORY_SIZE
        return
    if request.files:
        abort(400)


def init_app(app: Flask) -> None:
    """Install the headers, the nonce for templates, the session interface, and the refusal
    of file uploads."""
    if app.config["TRUST_PROXY"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
    app.session_interface = HttpsAwareSessionInterface()
    app.before_request(_refuse_files)
    app.after_request(_add_headers)
    app.context_processor(lambda: {"cspNonce": _nonce()})


def not_stored(view: Callable) -> Callable:
    """A view whose response no browser or proxy keeps (a sign-in page)."""

    @wraps(view)
    def fresh(*args, **kwargs):
        response = make_response(view(*args, **kwargs))
        response.headers["Cache-Control"] = "no-store"
        return response

    return fresh


def _not_cached_or_indexed(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def private(blueprint: Blueprint) -> Blueprint:
    """Mark a blueprint's pages as one supplier's own: never cached, never indexed."""
    blueprint.after_request(_not_cached_or_indexed)
    return blueprint


def seal(text: str) -> str:
    """Text hidden from whoever holds the session cookie (which is signed, not encrypted):
    XORed with HMAC-SHA256(secret key, a random nonce), a one-time pad from a keyed
    pseudorandom function. For short secrets shown once (a new return code); the cookie's
    signature guards it against change."""
    data = text.encode()
    if len(data) > SEALED_MAX:
        raise ValueError("too long to seal")
    nonce = secrets.token_bytes(16)
    return base64.urlsafe_b64encode(nonce + _padded(data, nonce)).decode()


def unseal(sealed: str) -> str | None:
    """The text `seal` hid, or None if it is not something sealed."""
    try:
        raw = base64.urlsafe_b64decode(sealed.encode())
    except (ValueError, TypeError):
        return None
    nonce, data = raw[:16], raw[16:]
    if len(nonce) != 16 or len(data) > SEALED_MAX:
        return None
    try:
        return _padded(data, nonce).decode()
    except UnicodeDecodeError:
        return None


def _padded(data: bytes, nonce: bytes) -> bytes:
    pad = hmac.new(current_app.config["SECRET_KEY"].encode(), nonce, "sha256").digest()
    return bytes(a ^ b for a, b in zip(data, pad[: len(data)], strict=True))
