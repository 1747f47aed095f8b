"""Demo data for the needs exchange: one verified local organisation with two approved needs,
so the board has something to show and the assistant something to offer."""

import secrets

from sqlite_utils import Database

from exchange.needs import categories
from knowledge.packs import CouncilPack
from store.database import write_transaction
from store.exchange import post_need, review_need
from store.exchange_organisations import register_organisation, verify_organisation
from store.staff import hash_password

DEMO_EMAIL = "demo.farm@{council}.example"
# (measures preferred, else the first of the unit), title, description, quantity, timescale
DEMO_NEEDS = [
    (("employee-volunteering-hours", "green-space-volunteering"), "hours",
     "Volunteers for spring planting", "Help to plant and weed our vegetable beds, which grow "
     "food for the community kitchen.", 40, "by May 2027"),
    (("equipment-donated",), "items", "Laptops for our digital skills club", "Working laptops, "
     "wiped, for residents learning to get online at our Tuesday club.", 10, "within 6 months"),
]  # fmt: skip


def demo_needs(db: Database, pack: CouncilPack, staff_id: int) -> tuple[str, str]:
    """Create the demo organisation and its needs once; (re)set its password; return its login."""
    email, password = DEMO_EMAIL.format(council=pack.id), secrets.token_urlsafe(12)
    with write_transaction(db):
        reset = db.execute(
            "UPDATE exchange_organisations SET password_hash = ?, "
            "session_version = session_version + 1 WHERE email = ?",
            [hash_password(password), email],
        )
    if reset.rowcount:
        return email, password
    farm = register_organisation(
        db, council_id=pack.id, name="Riverside City Farm (demo)", number="1234567",
        address="1 Farm Lane", postcode=pack.local_area.postcode_districts[0] + " 1AA",
        contact_name="Demo Contact", email=email, password=password,
    )  # fmt: skip
    verify_organisation(db, farm.id, council_id=pack.id, staff_id=staff_id)
    offered = categories(pack)
    for preferred, unit, title, description, quantity, timescale in DEMO_NEEDS:
        found = next((c for c in offered if c.measure_id in preferred), None) or next(
            (c for c in offered if c.unit == unit), None
        )
        if found is None:
            continue
        need = post_need(
            db, organisation_id=farm.id, council_id=pack.id, title=title,
            description=description, measure_id=found.measure_id, quantity=quantity,
            unit=found.unit, timescale=timescale, area=pack.local_area.description,
        )  # fmt: skip
        review_need(db, council_id=pack.id, need_id=need.id, staff_id=staff_id,
                    status="approved", note="Demo need")  # fmt: skip
    return email, password
