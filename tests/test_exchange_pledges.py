"""A local need through the whole exchange, in the data: the assistant offers it, the supplier
pledges a commitment, the offer is submitted (pledged) and awarded (promised), returns are
recorded (delivered) and the organisation confirms receipt (met)."""

from datetime import date

import store
from monitoring.schedule import kpis_from_offer
from offer.award import Scheduled, contract_record, kpi_records
from store import contracts as store_contracts
from store.exchange import post_need, review_need
from store.exchange_organisations import register_organisation, verify_organisation
from store.exchange_pledges import confirm_receipt, progress_by_need
from store.opportunities import create_opportunity, get_opportunity
from store.staff import create_staff
from store.submissions import get_submission
from tests.helpers.contracts import award_offer, return_fields
from tests.helpers.offers import api_submit, finish

COUNCIL = "tower-hamlets"


def open_need(db, quantity=40):
    """A verified organisation's approved need for staff volunteering hours."""
    staff = create_staff(
        db, email="officer@tower-hamlets.example", name="Officer", council_id=COUNCIL,
        role="moderator", password="correct horse battery staple",
    )  # fmt: skip
    farm = register_organisation(
        db, council_id=COUNCIL, name="Riverside City Farm", number="1122334",
        address="1 Farm Lane, London", postcode="E1 6AN", contact_name="Sam Green",
        email="sam@farm.example", password="a long enough password",
    )  # fmt: skip
    verify_organisation(db, farm.id, council_id=COUNCIL, staff_id=staff.id)
    need = post_need(
        db, organisation_id=farm.id, council_id=COUNCIL, title="Volunteers for spring planting",
        description="Help us plant the vegetable beds", measure_id="employee-volunteering-hours",
        quantity=quantity, unit="hours", timescale="by May 2027", area="Spitalfields",
    )  # fmt: skip
    review_need(db, council_id=COUNCIL, need_id=need.id, staff_id=staff.id, status="approved",
                note="")  # fmt: skip
    return farm, need


def test_a_need_is_pledged_promised_delivered_and_met(client, db):
    farm, need = open_need(db)
    moderator, done, contract_url, _ = award_offer(client, db, COUNCIL)

    transcript = store.connect(client.application.config["DATABASE"])
    asked = [
        row["text"]
        for row in transcript.query(
            "SELECT text FROM conversation_messages WHERE conversation_id = ? AND kind = 'prompt'",
            [done["id"]],
        )
    ]
    transcript.close()
    assert any(text.startswith("Riverside City Farm has asked for 40 hours") for text in asked)
    offer = client.get(
        f"/api/v1/conversations/{done['id']}/offer",
        headers={"Authorization": f"Bearer {done['token']}"},
    ).json
    pledged = [c for c in offer["commitments"] if c.get("need")]
    assert [(c["measure_id"], c["need"]["id"]) for c in pledged] == [
        ("employee-volunteering-hours", need.id)
    ]
    progress = progress_by_need(db, COUNCIL)[need.id]
    assert (progress.pledged, progress.promised, progress.stage) == (40, 40, "Promised")

    moderator.post(f"{contract_url}/returns", return_fields(1, ["1", "25", "50"]))
    assert progress_by_need(db, COUNCIL)[need.id].stage == "Delivered"
    moderator.post(f"{contract_url}/returns", return_fields(2, ["1", "15", "50"]))
    progress = progress_by_need(db, COUNCIL)[need.id]
    assert (progress.delivered, progress.met) == (40, False)  # not confirmed yet

    assert not confirm_receipt(db, need_id=need.id, organisation_id=farm.id + 99, quantity=40,
                               note="Someone else's need")  # fmt: skip
    assert confirm_receipt(db, need_id=need.id, organisation_id=farm.id, quantity=40,
                           note="40 hours of planting in March")  # fmt: skip
    assert progress_by_need(db, COUNCIL)[need.id].stage == "Met"


def test_practice_offers_pledge_nothing_and_a_withdrawn_offer_stops_counting(client, db):
    _, need = open_need(db)
    done = finish(client)
    practice = create_opportunity(
        db, council_id=COUNCIL, title="Practice", practice=True,
        closes_at="2099-01-01T12:00:00+00:00", value_gbp=40_000,
    )  # fmt: skip
    assert api_submit(client, done, practice).status_code == 201
    assert progress_by_need(db, COUNCIL)[need.id].pledged == 0
    real = create_opportunity(
        db, council_id=COUNCIL, title="Lunch club", closes_at="2099-01-01T12:00:00+00:00",
        value_gbp=40_000,
    )  # fmt: skip
    reference = api_submit(client, done, real).json["reference"]
    assert progress_by_need(db, COUNCIL)[need.id].pledged == 40
    withdrawn = client.post(
        f"/api/v1/conversations/{done['id']}/submissions/{reference}/withdraw",
        headers={"Authorization": f"Bearer {done['token']}"},
    )
    assert withdrawn.status_code == 200
    assert progress_by_need(db, COUNCIL)[need.id].pledged == 0


def test_a_pledge_stops_counting_when_another_offer_wins(client, db):
    _, need = open_need(db)
    code = create_opportunity(
        db, council_id=COUNCIL, title="Lunch club", closes_at="2099-01-01T12:00:00+00:00",
        value_gbp=40_000, duration_months=12,
    )  # fmt: skip
    loser = api_submit(client, finish(client), code).json["reference"]  # pledges 40 hours
    other = finish(client, supplier="sme")
    winner = api_submit(client, other, code).json["reference"]
    pledged = dict(
        db.execute(
            "SELECT s.reference, SUM(p.quantity) FROM need_pledges p JOIN submissions s "
            "ON s.id = p.submission_id GROUP BY s.reference"
        ).fetchall()
    )
    assert pledged[loser] == 40
    before = progress_by_need(db, COUNCIL)[need.id].pledged
    assert before == sum(pledged.values())
    submission = get_submission(db, winner)
    drafts = kpis_from_offer(submission.offer)
    store_contracts.award(
        db,
        contract=contract_record(
            COUNCIL, get_opportunity(db, code), submission, date(2027, 1, 1), 3
        ),
        kpis=kpi_records(drafts, [Scheduled(d.target or 1, d.milestones) for d in drafts]),
        staff_id=None,
    )
    after = progress_by_need(db, COUNCIL)[need.id].pledged
    assert after == before - 40  # the losing offer's pledge stops counting
