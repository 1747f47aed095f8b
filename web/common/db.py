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
    """Apply pending migrations now, and close connections after each request.

    The connection that migrated stays open for the life of the process, idle: SQLite
    checkpoints and removes the WAL file when the last connection closes, and without it that
    would be every request's close on a quiet server (about 2 ms each)."""
    database = store.connect(app.config["DATABASE"])
    store.migrate(database)
    app.extensions["db_keeper"] = database
    app.teardown_appcontext(_close)
