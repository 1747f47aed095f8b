"""Migration 0006: failed staff sign-ins in a row, per email address, and when a lock ends."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """Failed staff sign-ins in a row, per email address, and when a lock ends."""
    db["sign_in_failures"].create(
        {"email": str, "failures": int, "locked_until": str},
        pk="email",
        not_null={"failures"},
    )
