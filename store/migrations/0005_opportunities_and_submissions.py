"""Migration 0005: opportunities (each with a share code) and frozen submitted offers."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """Contracts offers are made for (each with a share code), and frozen submitted offers."""
    db["opportunities"].create(
        {
            "code": str,
            "council_id": str,
            "title": str,
            "reference": str,
            "description": str,
            "contract_type": str,
            "value_gbp": float,
            "duration_months": int,
            "weighting_percent": float,
            "word_limit": int,
            "closes_at": str,
            "themes": str,
            "practice": int,
            "created_at": str,
        },
        pk="code",
        not_null={"council_id", "title", "word_limit", "closes_at", "practice", "created_at"},
    )
    db["opportunities"].create_index(["council_id"])
    db["submissions"].create(
        {
            "id": int,
            "reference": str,
            "conversation_id": str,
            "opportunity_code": str,
            "council_id": str,
            "version": int,
            "offer": str,
            "status": str,
            "submitted_at": str,
            "ended_at": str,
        },
        pk="id",
        foreign_keys=[
            ("conversation_id", "conversations", "id"),
            ("opportunity_code", "opportunities", "code"),
        ],
        not_null={
            "reference",
            "conversation_id",
            "opportunity_code",
            "council_id",
            "version",
            "offer",
            "status",
            "submitted_at",
        },
    )
    db["submissions"].create_index(["reference"], unique=True)
    db["submissions"].create_index(["conversation_id", "opportunity_code", "version"], unique=True)
    db["submissions"].create_index(["opportunity_code", "status"])
