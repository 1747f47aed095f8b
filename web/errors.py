"""GOV.UK-style error pages, and JSON errors for the API."""

from flask import Flask, current_app, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

PAGES = {400: "errors/400.html", 403: "errors/403.html", 404: "errors/404.html"}


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
    if _wants_json():
        name = (error.name or "error").lower().replace(" ", "_")
        return _json_error(code, name, error.description or error.name)
    template = PAGES.get(code, "errors/other.html")
    return render_template(template, error=error), code


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
    app.register_error_handler(Exception, _unexpected_error)
