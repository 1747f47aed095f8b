"""One database connection per request, opened lazily and closed at teardown."""

from flask import Flask, current_app, g
from sqlite_utils import Database

import store


def get_db() -> Database:
    """The request's database connection."""
    if "db" not in g:
        g.db = store.connect(current_app.config["DATABASE"])
    return g.db


def _close(_error: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_app(app: Flask) -> None:
    """Apply pending migrations now, and close connections after each request."""
    database = store.connect(app.config["DATABASE"])
    try:
        store.migrate(database)
    finally:
        database.close()
    app.teardown_appcontext(_close)
