"""`flask purge-expired`: delete the records whose retention period (from each council's pack)
has ended. Run it daily, from cron or a systemd timer."""

from datetime import datetime
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

import clock
import store
from offer.retention import PurgePlan, plan_purge
from store.evidence import remove_unlisted
from store.privacy import kept_submissions, purge, stored_conversations, stored_questions
from web.common.councils import retention_for

LABELS = {
    "submissions": "submitted offer",
    "conversations": "conversation",
    "questions": "unanswered question",
}


def _report(plan: PurgePlan, verb: str) -> None:
    for kind, label in LABELS.items():
        for item in getattr(plan, kind):
            click.echo(
                f"{verb} {label} {item.key} ({item.council_id}; {item.what}; "
                f"kept until {item.due_on.isoformat()})"
            )


@click.command("purge-expired")
@with_appcontext
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Purge as on this day (YYYY-MM-DD); default: today.",
)
@click.option("--dry-run", is_flag=True, help="List what would be deleted; delete nothing.")
def purge_expired(today: datetime | None, dry_run: bool) -> None:
    """Delete submitted offers, conversations and questions kept past their retention period."""
    db = store.connect(current_app.config["DATABASE"])
    try:
        plan = plan_purge(
            today.date() if today else clock.today(),
            retention_for,
            kept_submissions(db),
            stored_conversations(db),
            stored_questions(db),
        )
        _report(plan, "Would delete" if dry_run else "Deleting")
        if not dry_run:
            purge(
                db,
                submission_ids=[e.key for e in plan.submissions],
                conversation_ids=[e.key for e in plan.conversations],
                question_ids=[e.key for e in plan.questions],
            )
            removed = remove_unlisted(db, Path(current_app.config["EVIDENCE_DIR"]))
            if removed:
                click.echo(f"Deleted {removed} evidence file(s) of purged contracts.")
    finally:
        db.close()
    counts = ", ".join(f"{len(getattr(plan, kind))} {label}(s)" for kind, label in LABELS.items())
    click.echo(f"{'Would delete' if dry_run else 'Deleted'} {plan.total} record(s): {counts}.")
