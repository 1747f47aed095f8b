"""Migration 0015: each opportunity's evaluation panel (who may see its offers, and each
member's declaration of interests), and the recorded reason when scoring opens early."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """Panel members with their declarations; an opportunity's early-scoring reason."""
    db["panel_members"].create(
        {
            "opportunity_code": str,
            "staff_id": int,
            "added_by": int,
            "added_at": str,
            "declared_at": str,
            "conflict": int,
            "conflict_detail": str,
            "declared_for": str,
        },
        pk=("opportunity_code", "staff_id"),
        foreign_keys=[("opportunity_code", "opportunities", "code"), ("staff_id", "staff", "id")],
        not_null={"added_at"},
    )
    db["panel_members"].create_index(["staff_id"])
    db["opportunities"].add_column("early_scoring_reason", str)
