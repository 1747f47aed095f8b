"""Migration 0016: by when each KPI's target is due, in months from the contract's start (the
commitment's own timescale: "4 people within 12 months" on a two-year contract)."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    """A KPI's own timescale; none means the whole contract."""
    db["kpis"].add_column("due_months", float)
