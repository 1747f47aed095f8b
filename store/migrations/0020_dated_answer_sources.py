"""Migration 0020: a drafted answer's source carries the day it was checked and a review-by
date a year later, like the dated facts in content files."""

import json
from datetime import date, timedelta

from sqlite_utils import Database

REVIEW_AFTER = timedelta(days=365)


def migrate(db: Database) -> None:
    """Date the sources of answers drafted before sources had dates, from when they were drafted."""
    table = db["knowledge_additions"]
    if not table.exists():
        return
    for row in table.rows_where("entry is not null", select="id, entry, drafted_at"):
        entry = json.loads(row["entry"])
        checked = date.fromisoformat(row["drafted_at"][:10])
        for source in entry.get("sources", []):
            if not source.get("as_of"):
                source["as_of"] = checked.isoformat()
                source["review_by"] = (checked + REVIEW_AFTER).isoformat()
        table.update(row["id"], {"entry": json.dumps(entry)})
