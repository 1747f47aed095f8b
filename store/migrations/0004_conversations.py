"""Migration 0004: suppliers' conversations: the engine's state, access tokens and every message."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """Suppliers' conversations: the engine's state, access tokens and every message."""
    db["conversations"].create(
        {
            "id": str,
            "council_id": str,
            "opportunity": str,
            "state": str,
            "stage": str,
            "done": int,
            "turns": int,
            "return_code_hash": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"council_id", "state", "stage", "done", "turns", "created_at", "updated_at"},
    )
    db["conversations"].create_index(["return_code_hash"], unique=True)
    db["conversation_tokens"].create(
        {"token_hash": str, "conversation_id": str, "created_at": str},
        pk="token_hash",
        foreign_keys=[("conversation_id", "conversations", "id")],
        not_null={"conversation_id", "created_at"},
    )
    db["conversation_messages"].create(
        {
            "id": int,
            "conversation_id": str,
            "turn": int,
            "role": str,
            "kind": str,
            "text": str,
            "entry_id": str,
            "entry_title": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("conversation_id", "conversations", "id")],
        not_null={"conversation_id", "turn", "role", "kind", "text", "created_at"},
    )
    db["conversation_messages"].create_index(["conversation_id", "id"])
