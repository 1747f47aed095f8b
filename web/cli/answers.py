"""`flask export-answers`: write a council's approved answers (drafted on the unanswered
questions page) into its pack as ordinary entry files, for review like any content change."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

import store
from knowledge.additions import apply, entry_file
from knowledge.packs import COUNCILS_DIR
from store.knowledge_additions import APPROVED, additions_for, mark_exported


@click.command("export-answers")
@with_appcontext
@click.option(
    "--council", "council_id", default=None, help="Council id (default: SVOA_DEFAULT_COUNCIL)."
)
@click.option(
    "--to",
    "councils_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=COUNCILS_DIR,
    show_default=True,
    help="The folder of council packs to write into.",
)
def export_answers(council_id: str | None, councils_dir: Path) -> None:
    """Write each approved answer into the council's pack (knowledge/<entry id>.yaml), then
    mark it exported. Check the files with `python -m knowledge check` and review the diff."""
    council_id = council_id or current_app.config["DEFAULT_COUNCIL"]
    library = current_app.extensions["knowledge"].library
    if council_id not in library.packs:
        raise click.BadParameter(f"no council pack called '{council_id}'", param_hint="--council")
    db = store.connect(current_app.config["DATABASE"])
    waiting = [a for a in additions_for(db, council_id, APPROVED) if not a.exported_at]
    if not waiting:
        click.echo("No approved answers waiting to be exported.")
        return
    entries = apply(library.entries_by_council[council_id], [a.addition for a in waiting])
    folder = councils_dir / council_id / "knowledge"
    folder.mkdir(parents=True, exist_ok=True)
    for entry_id in sorted({a.addition.entry_id for a in waiting}):
        if entry_id in entries:
            path = folder / f"{entry_id}.yaml"
            path.write_text(entry_file(entries[entry_id]), encoding="utf-8")
            click.echo(f"wrote {path}")
    mark_exported(db, council_id, [a.id for a in waiting])
    click.echo(f"{len(waiting)} approved answer(s) exported; run `python -m knowledge check`.")
