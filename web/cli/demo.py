"""`flask load-demo`: demo staff and local-organisation logins (reset and printed each time), a
practice opportunity per council, three demo contracts with returns (demo_contracts.py) and a
few questions the knowledge base cannot answer, for staff to answer."""

import secrets
import zlib
from datetime import timedelta

import click
from flask import current_app
from flask.cli import with_appcontext

import clock
import store
from knowledge.vocabulary import CODE_ALPHABET
from store import panels
from store.exchange_seeds import demo_needs
from store.opportunities import create_opportunity, get_opportunity
from store.questions import demo_questions
from store.staff import create_staff, find_staff_by_email, set_password
from web.cli.demo_contracts import demo_contracts


@click.command("load-demo")
@with_appcontext
def load_demo() -> None:
    """Load demo data and (re)set the demo staff login, printing it."""
    db = store.connect(current_app.config["DATABASE"])
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
    staff = find_staff_by_email(db, email)
    for council in current_app.extensions["councils"]:
        code = demo_opportunity(db, council)
        if council == council_id:  # the demo admin sits on its evaluation panel
            panels.seat(db, code=code, staff_id=staff.id, name=staff.name, council_id=council)
        click.echo(f"Practice opportunity for {council}: /assistant/?opportunity={code}")
    made = demo_contracts(current_app.extensions["councils"][council_id], staff.id)
    if made:
        click.echo(f"Demo contracts with delivery returns for {council_id}: {made}")
    if asked := demo_questions(db, council_id):
        click.echo(f"Demo questions without answers for {council_id}: {asked} (/staff/questions)")
    org_email, org_password = demo_needs(
        db, current_app.extensions["councils"][council_id], staff.id
    )
    click.echo(
        f"Demo local organisation for the needs exchange: {org_email} / {org_password} "
        "(sign in at /exchange/sign-in; new password each time)"
    )


DEMO_CODES = {"tower-hamlets": "THMEALS6", "suffolk": "SFKMEALS", "sandwell": "SWLMEALS"}


def demo_opportunity(db, council_id: str) -> str:
    """An open practice opportunity for a council, which anyone may use (kept if it exists)."""
    number = zlib.crc32(council_id.encode())
    fallback = "DEMX" + "".join(CODE_ALPHABET[(number >> (5 * i)) % 32] for i in range(4))
    code = DEMO_CODES.get(council_id, fallback)
    if get_opportunity(db, code):
        return code
    closes = (clock.now() + timedelta(days=365)).replace(hour=12, minute=0, second=0)
    return create_opportunity(
        db,
        code=code,
        council_id=council_id,
        title="Community meals and lunch club service",
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
