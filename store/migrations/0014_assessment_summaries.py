"""Migration 0014: the assessment summary staff write for each bidder of an opportunity (the
Procurement Act 2023 asks for one for every supplier who bid), drafted, edited, then issued."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """One summary a submitted version: its text, the outcome it was issued with, and when and
    by whom it was saved and issued."""
    db["assessment_summaries"].create(
        {
            "submission_id": int,
            "council_id": str,
            "text": str,
            "outcome": str,
            "updated_at": str,
            "updated_by": int,
            "issued_at": str,
            "issued_by": int,
        },
        pk="submission_id",
        foreign_keys=[("submission_id", "submissions", "id")],
        not_null={"council_id", "text", "updated_at"},
    )
