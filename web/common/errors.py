"""GOV.UK-style error pages, and JSON errors for the API."""

from flask import Flask, current_app, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from store.database import StorageError

NOT_SAVED = "We could not save your answer, please try again."

PAGES = {
    400: "errors/400.html",
    403: "errors/403.html",
    404: "errors/404.html",
    413: "errors/413.html",
    429: "errors/429.html",
}
# Plain-English JSON messages where the HTTP reason phrase would not do.
API_MESSAGES = {
    413: "The request is too large. Send less than 1 MB.",
    429: "Too many requests in a short time. Wait a minute, then try again.",
}
RETRY_SECONDS = 5


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def _json_error(code: int, name: str, message: str):
    body = {"error": {"code": name, "message": message}}
    return jsonify(body), code


def _csrf_error(error: CSRFError):
    if _wants_json():
        return _json_error(400, "csrf_failed", error.description)
    return render_template("errors/400.html", csrf_expired=True), 400


def _http_error(error: HTTPException):
    code = error.code or 500
    # The exception's own headers, such as a 405's Allow (which RFC 9110 requires).
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    if _wants_json():
        name = (error.name or "error").lower().replace(" ", "_")
        message = API_MESSAGES.get(code) or error.description or error.name
        return *_json_error(code, name, message), headers
    template = PAGES.get(code, "errors/other.html")
    return render_template(template, error=error), code, headers


def _resend_fields() -> list[tuple[str, str]] | None:
    """The form just posted, to offer it again with one button (never a password)."""
    forms = ("application/x-www-form-urlencoded", "multipart/form-data")  # no JS, and JS
    if request.method != "POST" or request.mimetype not in forms:
        return None
    fields = [(k, v) for k, values in request.form.lists() for v in values if k != "csrf_token"]
    if any("password" in name for name, _ in fields):
        return None
    return fields


def _not_saved(error: StorageError):
    """The database could not take the write (disk full, read-only, busy): say so, calmly."""
    current_app.logger.error(
        "Database %s on %s %s: %s", error.what, request.method, request.url_rule, error
    )
    if _wants_json():
        response = _json_error(503, "not_saved", NOT_SAVED)
    else:
        rule = request.url_rule
        back = request.path if rule and "GET" in (rule.methods or ()) else None
        page = render_template(
            "errors/not_saved.html",
            back=back,
            resend=_resend_fields(),
            saving=request.method != "GET",
        )
        response = (page, 503)
    body, status = response
    return body, status, {"Retry-After": str(RETRY_SECONDS)}


def _unexpected_error(error: Exception):
    if isinstance(error, HTTPException):
        return _http_error(error)
    # Logged with its traceback; the user sees a calm page, never a stack trace.
    # The rule, not the path: a supplier's path carries their conversation token.
    current_app.logger.exception("Unhandled error on %s %s", request.method, request.url_rule)
    if _wants_json():
        return _json_error(500, "internal_error", "Something went wrong on our side.")
    return render_template("errors/500.html", error=InternalServerError()), 500


def init_app(app: Flask) -> None:
    """Register the handlers for CSRF failures, HTTP errors and unexpected errors."""
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(StorageError, _not_saved)
    app.register_error_handler(Exception, _unexpected_error)
