"""Configuration from SVOA_* environment variables, with safe defaults."""

import os
import secrets
from datetime import timedelta
from pathlib import Path

from flask import Flask

from knowledge.packs import DEFAULT_COUNCIL_ID
from store.staff import PASSWORD_HASH_SETTING

MIN_SECRET_LENGTH = 32

DEFAULTS = {
    "ENV": "development",
    "DEFAULT_COUNCIL": DEFAULT_COUNCIL_ID,
    "SERVICE_NAME": "Social value offer assistant",
    "SESSION_COOKIE_NAME": "svoa_session",
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": False,
    "PERMANENT_SESSION_LIFETIME": timedelta(hours=8),
    "WTF_CSRF_TIME_LIMIT": 12 * 60 * 60,
    "MAX_CONTENT_LENGTH": 1024 * 1024,
    "TRUST_PROXY": False,
}


def configure(app: Flask, overrides: dict | None) -> None:
    """Load defaults, then SVOA_* variables, then overrides; settle the secret key."""
    app.config.from_mapping(DEFAULTS)
    app.config["DATABASE"] = str(Path(app.instance_path) / "svoa.sqlite3")
    app.config.from_prefixed_env("SVOA")
    if overrides:
        app.config.update(overrides)
    # Evidence files of delivery returns: beside the database unless set, never under static/.
    app.config.setdefault(
        "EVIDENCE_DIR", str(Path(app.config["DATABASE"]).parent / "evidence-files")
    )
    # Over HTTPS only, the session cookie takes the __Host- prefix: a browser then keeps it
    # only if it is Secure, for this host alone and its whole path, so no subdomain can set it.
    name = app.config["SESSION_COOKIE_NAME"]
    if app.config["SESSION_COOKIE_SECURE"] and not name.startswith("__Host-"):
        app.config["SESSION_COOKIE_NAME"] = f"__Host-{name}"
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    _refuse_test_settings(app)
    app.config["SECRET_KEY"] = _secret_key(app)


def _refuse_test_settings(app: Flask) -> None:
    """A production app never runs with the tests' cheap password hashing."""
    if app.config["ENV"] == "production" and os.environ.get(PASSWORD_HASH_SETTING):
        raise RuntimeError(
            f"{PASSWORD_HASH_SETTING} is for tests only: unset it when SVOA_ENV=production"
        )


def _secret_key(app: Flask) -> str:
    """A real key in production; elsewhere one generated once and kept in the instance folder."""
    key = app.config.get("SECRET_KEY")
    if app.config["ENV"] == "production":
        if not key or len(str(key)) < MIN_SECRET_LENGTH:
            raise RuntimeError(
                "SVOA_SECRET_KEY must be set to a random value of at least "
                f"{MIN_SECRET_LENGTH} characters when SVOA_ENV=production"
            )
        return str(key)
    if key:
        return str(key)
    path = Path(app.instance_path) / "secret_key"
    if not path.exists():
        # Written whole to a private temporary file, then linked into place: workers
        # starting together either create the key or read the one that won.
        draft = path.with_name(f".secret_key.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()
