"""Migration 0001: staff accounts: one council each, a role, and a hashed password."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """Staff accounts: one council each, a role, and a hashed password."""
    db["staff"].create(
        {
            "id": int,
            "email": str,
            "name": str,
            "council_id": str,
            "role": str,
            "password_hash": str,
            "created_at": str,
        },
        pk="id",
        not_null={"email", "name", "council_id", "role", "password_hash", "created_at"},
    )
    db["staff"].create_index(["email"], unique=True)
