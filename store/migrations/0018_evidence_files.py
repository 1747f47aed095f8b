"""Migration 0018: evidence files attached to a contract's delivery returns (the files live in
a folder beside the database, named by a random key; this table says whose they are)."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """One row per evidence file."""
    db["evidence_files"].create(
        {
            "id": int,
            "contract_id": int,
            "period": int,
            "name": str,
            "kind": str,
            "size": int,
            "key": str,
            "uploaded_by": str,
            "staff_id": int,
            "uploaded_at": str,
        },
        pk="id",
        foreign_keys=[("contract_id", "contracts", "id")],
        not_null={"contract_id", "period", "name", "kind", "size", "key", "uploaded_at"},
    )
    db["evidence_files"].create_index(["contract_id", "period"])
    db["evidence_files"].create_index(["key"], unique=True)
