"""What the database holds, for the privacy tests: every row, and where a value is mentioned."""


def snapshot(db) -> dict[str, set[tuple]]:
    """Every row of every table."""
    return {t.name: {tuple(r.values()) for r in t.rows} for t in db.tables}


def mentions(db, value: str) -> list[str]:
    """The tables with a cell holding this value."""
    return sorted(
        t.name for t in db.tables for row in t.rows if any(str(v) == value for v in row.values())
    )
