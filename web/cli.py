"""Command-line tasks: `flask init-db`, `flask create-staff`, `flask load-demo`, `flask backup`,
`flask restore` (and `flask purge-expired`, from web/cli_privacy.py)."""

import secrets
import zlib
from datetime import UTC, date, datetime, timedelta

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

import store
from knowledge.packs import CouncilPack
from monitoring.periods import add_months, reporting_periods
from store import backups
from store.contract_seeds import ContractSeed, KpiSeed, seed_contract
from store.contracts import contracts_for_council
from store.conversations import CODE_ALPHABET
from store.exchange_seeds import demo_needs
from store.opportunities import create_opportunity, get_opportunity
from store.staff import ROLES, StaffExists, create_staff, find_staff_by_email, set_password
from web.cli_privacy import purge_expired


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
    try:
        staff = create_staff(
            _open(), email=email, name=name, council_id=council_id, role=role, password=password
        )
    except StaffExists:
        raise click.ClickException(f"A staff account for {email} already exists.") from None
    click.echo(f"Created {staff.role} {staff.email} for {staff.council_id}.")


@click.command("load-demo")
@with_appcontext
def load_demo() -> None:
    """Load demo data and (re)set the demo staff login, printing it."""
    db = _open()
    council_id = current_app.config["DEFAULT_COUNCIL"]
    email = f"demo.admin@{council_id}.example"
    password = secrets.token_urlsafe(12)
    existing = find_staff_by_email(db, email)
    if existing:
        set_password(db, existing.id, password)
    else:
        create_staff(
            db,
            email=email,
            name="Demo Administrator",
            council_id=council_id,
            role="admin",
            password=password,
        )
    click.echo("Demo staff login (new password each time demo data is loaded):")
    click.echo(f"  email:    {email}")
    click.echo(f"  password: {password}")
    for council in current_app.extensions["councils"]:
        code = demo_opportunity(db, council)
        click.echo(f"Practice opportunity for {council}: /assistant/?opportunity={code}")
    staff = find_staff_by_email(db, email)
    made = demo_contracts(db, current_app.extensions["councils"][council_id], staff.id)
    if made:
        click.echo(f"Demo contracts with delivery returns for {council_id}: {made}")
    org_email, org_password = demo_needs(
        db, current_app.extensions["councils"][council_id], staff.id
    )
    click.echo(
        f"Demo local organisation for the needs exchange: {org_email} / {org_password} "
        "(sign in at /exchange/sign-in; new password each time)"
    )


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


DEMO_CODES = {"tower-hamlets": "THMEALS6", "suffolk": "SFKMEALS", "sandwell": "SWLMEALS"}


def demo_opportunity(db, council_id: str) -> str:
    """An open practice opportunity for a council, which anyone may use (kept if it exists)."""
    number = zlib.crc32(council_id.encode())
    fallback = "DEMX" + "".join(CODE_ALPHABET[(number >> (5 * i)) % 32] for i in range(4))
    code = DEMO_CODES.get(council_id, fallback)
    if get_opportunity(db, code):
        return code
    closes = (datetime.now(UTC) + timedelta(days=365)).replace(hour=12, minute=0, second=0)
    return create_opportunity(
        db,
        code=code,
        council_id=council_id,
        title="Community meals and lunch club service (practice)",
        reference=f"DEMO-{council_id.upper()}-001",
        description="A made-up contract to practise writing a social value offer with.",
        practice=True,
        contract_type="services",
        value_gbp=120000,
        duration_months=24,
        weighting_percent=10,
        word_limit=500,
        closes_at=closes.isoformat(timespec="seconds"),
    )


DEMO_SUPPLIERS = [
    ("Riverside Community Kitchen", "charity", "micro", True, 120_000, 15, 24),
    ("Bright Start Cleaning", "sme", "small", True, 450_000, 11, 36),
    ("National Facilities plc", "large", "large", False, 2_400_000, 20, 48),
]


def demo_contracts(db, pack: CouncilPack, staff_id: int) -> int:
    """Three awarded contracts with returns for the periods ended so far, so the contract
    pages and the social value budget have something to show (only if there are none)."""
    if contracts_for_council(db, pack.id):
        return 0
    today = date.today()
    measures = [(t.title, t.measures[0]) for t in pack.themes if t.measures]
    for number, (name, kind, size, local, value, age, months) in enumerate(DEMO_SUPPLIERS):
        start = add_months(today.replace(day=1), -age)
        ended = [p.number for p in reporting_periods(start, months, 3) if p.ends_on < today]
        kpis = []
        for offset, (theme, measure) in enumerate(measures[number : number + 3]):
            target = (offset + 2) * 12
            share = [0.9, 1.1, 0.6][(number + offset) % 3]
            per_period = (
                target * share if measure.unit == "percent" else target / months * 3 * share
            )
            kpis.append(
                KpiSeed(
                    measure.title,
                    theme,
                    target,
                    measure.proxy.value_gbp if measure.proxy else None,
                    measure.unit,
                    {p: round(per_period) for p in ended},
                )
            )
        seed = ContractSeed(
            f"Demo contract {number + 1} (practice)", name, kind, size, local, value,
            start.isoformat(), months, 3, kpis,
        )  # fmt: skip
        seed_contract(db, pack.id, seed, staff_id)
    return len(DEMO_SUPPLIERS)


def init_app(app: Flask) -> None:
    """Register the commands on the app's CLI."""
    commands = (init_db, create_staff_command, load_demo, backup_command, restore_command)
    for command in (*commands, purge_expired):
        app.cli.add_command(command)
