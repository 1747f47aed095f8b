"""Migration 0007: evaluators' scores, the moderator's consensus per offer, and the audit trail."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """Evaluators' scores, the moderator's consensus per offer, and the audit trail."""
    db["evaluations"].create(
        {
            "id": int,
            "submission_id": int,
            "staff_id": int,
            "scores": str,
            "submitted_at": str,
        },
        pk="id",
        foreign_keys=[("submission_id", "submissions", "id"), ("staff_id", "staff", "id")],
        not_null={"submission_id", "staff_id", "scores", "submitted_at"},
    )
    db["evaluations"].create_index(["submission_id", "staff_id"], unique=True)
    db["moderations"].create(
        {"submission_id": int, "staff_id": int, "scores": str, "moderated_at": str},
        pk="submission_id",
        foreign_keys=[("submission_id", "submissions", "id"), ("staff_id", "staff", "id")],
        not_null={"staff_id", "scores", "moderated_at"},
    )
    db["audit_log"].create(
        {
            "id": int,
            "council_id": str,
            "staff_id": int,
            "action": str,
            "subject": str,
            "detail": str,
            "at": str,
        },
        pk="id",
        not_null={"council_id", "action", "subject", "at"},
    )
    db["audit_log"].create_index(["council_id", "subject"])
