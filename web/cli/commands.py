"""Command-line tasks: `flask init-db`, `flask create-staff`, `flask backup`, `flask restore`
(`flask load-demo` is in web/cli/demo.py, `flask purge-expired` in web/cli/privacy.py,
`flask export-answers` in web/cli/answers.py)."""

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

import store
from forms.passwords import is_guessable
from store import backups
from store.staff import ROLES, StaffExists, create_staff
from web.cli import demo
from web.cli.answers import export_answers
from web.cli.privacy import purge_expired


def _open():
    return store.connect(current_app.config["DATABASE"])


@click.command("init-db")
@with_appcontext
def init_db() -> None:
    """Create the database, or apply any pending migrations."""
    db = _open()
    applied = store.migrate(db)
    version = store.health(current_app.config["DATABASE"]).get("schema_version")
    click.echo(f"Database ready at {current_app.config['DATABASE']}")
    click.echo(f"  schema {version}; {len(applied)} migration(s) applied just now")


@click.command("create-staff")
@with_appcontext
@click.option("--email", required=True, help="Their email address, used to sign in.")
@click.option("--name", required=True, help="Their full name.")
@click.option(
    "--council", "council_id", default=None, help="Council id (default: SVOA_DEFAULT_COUNCIL)."
)
@click.option("--role", type=click.Choice(ROLES), default="evaluator", show_default=True)
@click.password_option(help="Their password (prompted for, with confirmation, if not given).")
def create_staff_command(
    email: str, name: str, council_id: str | None, role: str, password: str
) -> None:
    """Create a staff account with a hashed password."""
    council_id = council_id or current_app.config["DEFAULT_COUNCIL"]
    if council_id not in current_app.extensions["councils"]:
        raise click.BadParameter(f"no council pack called '{council_id}'", param_hint="--council")
    if len(password) < 12:
        raise click.BadParameter("use at least 12 characters", param_hint="password")
    if is_guessable(password):
        raise click.BadParameter(
            "too easy to guess (a common password, or built on one)", param_hint="password"
        )
    try:
        staff = create_staff(
            _open(), email=email, name=name, council_id=council_id, role=role, password=password
        )
    except StaffExists:
        raise click.ClickException(f"A staff account for {email} already exists.") from None
    click.echo(f"Created {staff.role} {staff.email} for {staff.council_id}.")


@click.command("backup")
@with_appcontext
@click.argument("target", type=click.Path(dir_okay=False, writable=True))
def backup_command(target: str) -> None:
    """Copy the database to TARGET while the app keeps running (checked after copying)."""
    try:
        made = backups.backup(current_app.config["DATABASE"], target)
    except backups.BadBackup as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backed up {current_app.config['DATABASE']} to {made} (integrity check: ok)")


@click.command("restore")
@with_appcontext
@click.argument("backup_file", type=click.Path(exists=True, dir_okay=False))
@click.confirmation_option(prompt="Stop the app first. Replace the database with this backup?")
def restore_command(backup_file: str) -> None:
    """Replace the database with BACKUP_FILE (checked first). Stop the app before this."""
    try:
        backups.restore(backup_file, current_app.config["DATABASE"])
    except backups.BadBackup as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Restored {current_app.config['DATABASE']} from {backup_file}")


def init_app(app: Flask) -> None:
    """Register the commands on the app's CLI."""
    commands = (init_db, create_staff_command, demo.load_demo, backup_command, restore_command)
    for command in (*commands, purge_expired, export_answers):
        app.cli.add_command(command)
