"""Migration 0008: awarded contracts, their KPI schedules, and delivery returns."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """Awarded contracts, their KPI schedule, and delivery returns per KPI and period."""
    db["contracts"].create(
        {
            "id": int,
            "council_id": str,
            "opportunity_code": str,
            "submission_id": int,
            "conversation_id": str,
            "title": str,
            "supplier_name": str,
            "supplier_type": str,
            "supplier_size": str,
            "supplier_local": int,
            "value_gbp": float,
            "starts_on": str,
            "duration_months": int,
            "period_months": int,
            "awarded_at": str,
            "awarded_by": int,
        },
        pk="id",
        foreign_keys=[("submission_id", "submissions", "id"), ("awarded_by", "staff", "id")],
        not_null={
            "council_id",
            "opportunity_code",
            "submission_id",
            "conversation_id",
            "title",
            "supplier_name",
            "value_gbp",
            "starts_on",
            "duration_months",
            "period_months",
            "awarded_at",
        },
    )
    db["contracts"].create_index(["opportunity_code"], unique=True)
    db["contracts"].create_index(["council_id"])
    db["contracts"].create_index(["conversation_id"])
    db["kpis"].create(
        {
            "id": int,
            "contract_id": int,
            "position": int,
            "commitment_id": str,
            "theme_id": str,
            "theme_title": str,
            "title": str,
            "unit": str,
            "unit_label": str,
            "target": float,
            "value_per_unit": float,
            "milestones": str,
        },
        pk="id",
        foreign_keys=[("contract_id", "contracts", "id")],
        not_null={"contract_id", "position", "title", "target", "milestones"},
    )
    db["kpis"].create_index(["contract_id", "position"], unique=True)
    db["delivery_returns"].create(
        {
            "id": int,
            "contract_id": int,
            "kpi_id": int,
            "period": int,
            "quantity": float,
            "evidence_type": str,
            "evidence_note": str,
            "recorded_by": str,
            "staff_id": int,
            "recorded_at": str,
            "status": str,
            "query_note": str,
            "reviewed_by": int,
            "reviewed_at": str,
        },
        pk="id",
        foreign_keys=[("contract_id", "contracts", "id"), ("kpi_id", "kpis", "id")],
        not_null={"contract_id", "kpi_id", "period", "quantity", "recorded_by", "recorded_at"},
    )
    db["delivery_returns"].create_index(["kpi_id", "period"], unique=True)
    db["delivery_returns"].create_index(["contract_id"])
