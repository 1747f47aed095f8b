"""Migrations 0008 onwards: contracts after award, and training sessions (registered on the
same `migrations` as store/migrations.py, after its own)."""

from sqlite_utils import Database

from store.migrations import migrations


@migrations(name="0008_contracts_and_returns")
def create_contracts_and_returns(db: Database) -> None:
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


@migrations(name="0009_training_sessions")
def create_training_sessions(db: Database) -> None:
    """Meet-the-buyer training sessions, their attendees' conversations and questions."""
    db["training_sessions"].create(
        {
            "id": int,
            "council_id": str,
            "code": str,
            "title": str,
            "opportunity_code": str,
            "themes": str,
            "created_by": int,
            "created_at": str,
            "closed_at": str,
            "summary": str,
        },
        pk="id",
        foreign_keys=[
            ("opportunity_code", "opportunities", "code"),
            ("created_by", "staff", "id"),
        ],
        not_null={"council_id", "code", "title", "opportunity_code", "themes", "created_at"},
    )
    db["training_sessions"].create_index(["code"], unique=True)
    db["training_sessions"].create_index(["council_id"])
    db["conversations"].add_column("session_id", int)
    db["conversations"].add_column("attendee", str)
    db["conversations"].create_index(["session_id"])
    db["session_questions"].create(
        {
            "id": int,
            "session_id": int,
            "question": str,
            "answered": int,
            "entry_title": str,
            "asked_at": str,
        },
        pk="id",
        foreign_keys=[("session_id", "training_sessions", "id")],
        not_null={"session_id", "question", "answered", "asked_at"},
    )
    db["session_questions"].create_index(["session_id"])
