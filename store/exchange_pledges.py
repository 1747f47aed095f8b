"""Pledges to local needs (written when an offer is submitted), the organisations' receipts,
and each need's progress: pledged, promised, delivered, confirmed."""

from typing import Any

from sqlite_utils import Database

from clock import now_iso
from exchange.progress import NeedProgress
from store.database import write_transaction


def record_pledges(db: Database, *, submission_id: int, council_id: str, offer: dict) -> int:
    """Inside the submission's transaction: each commitment linked to one of the council's needs
    becomes a pledge of its quantity. Practice opportunities pledge nothing. Returns how many."""
    practice = db.execute(
        "SELECT o.practice FROM submissions s JOIN opportunities o ON o.code = s.opportunity_code "
        "WHERE s.id = ?",
        [submission_id],
    ).fetchone()
    if practice is None or practice[0]:
        return 0
    made = 0
    for commitment in offer.get("commitments", []):
        need, quantity = commitment.get("need"), commitment.get("quantity")
        if not need or not quantity:
            continue
        cursor = db.execute(
            "INSERT INTO need_pledges (need_id, submission_id, commitment_id, quantity) "
            "SELECT id, ?, ?, ? FROM exchange_needs WHERE id = ? AND council_id = ?",
            [submission_id, commitment["id"], quantity, need["id"], council_id],
        )
        made += cursor.rowcount
    return made


def confirm_receipt(
    db: Database, *, need_id: int, organisation_id: int, quantity: float, note: str
) -> bool:
    """The organisation confirms it received support towards its own need; False if the need
    is not this organisation's."""
    with write_transaction(db):
        cursor = db.execute(
            "INSERT INTO need_receipts (need_id, organisation_id, quantity, note, confirmed_at) "
            "SELECT id, organisation_id, ?, ?, ? FROM exchange_needs "
            "WHERE id = ? AND organisation_id = ?",
            [quantity, note, now_iso(), need_id, organisation_id],
        )
    return cursor.rowcount == 1


def receipts_for(db: Database, need_id: int) -> list[dict[str, Any]]:
    """The organisation's confirmations for a need, oldest first."""
    return list(
        db.query(
            "SELECT quantity, note, confirmed_at FROM need_receipts WHERE need_id = ? ORDER BY id",
            [need_id],
        )
    )


# Pledged: in current submissions to opportunities not awarded to another offer (a pledge in an
# offer that did not win stops counting). Promised: KPI targets of contracts awarded from those
# submissions. Delivered: accepted returns on those KPIs. Confirmed: the organisation's receipts.
_PROGRESS = """
SELECT n.id, n.quantity AS wanted,
  (SELECT COALESCE(SUM(p.quantity), 0) FROM need_pledges p
     JOIN submissions s ON s.id = p.submission_id
     WHERE p.need_id = n.id AND s.status = 'submitted'
       AND NOT EXISTS (SELECT 1 FROM contracts lost WHERE lost.opportunity_code = s.opportunity_code
                       AND lost.submission_id != s.id)) AS pledged,
  (SELECT COALESCE(SUM(k.target), 0) FROM need_pledges p
     JOIN contracts c ON c.submission_id = p.submission_id
     JOIN kpis k ON k.contract_id = c.id AND k.commitment_id = p.commitment_id
     WHERE p.need_id = n.id) AS promised,
  (SELECT COALESCE(SUM(r.quantity), 0) FROM need_pledges p
     JOIN contracts c ON c.submission_id = p.submission_id
     JOIN kpis k ON k.contract_id = c.id AND k.commitment_id = p.commitment_id
     JOIN delivery_returns r ON r.kpi_id = k.id AND r.status = 'accepted'
     WHERE p.need_id = n.id) AS delivered,
  (SELECT COALESCE(SUM(quantity), 0) FROM need_receipts WHERE need_id = n.id) AS confirmed
FROM exchange_needs n WHERE n.council_id = ? AND (? IS NULL OR n.id = ?)
"""


def progress_by_need(
    db: Database, council_id: str, need_id: int | None = None
) -> dict[int, NeedProgress]:
    """The progress of every need of the council (or only of `need_id`), by need id."""
    rows = db.execute(_PROGRESS, [council_id, need_id, need_id]).fetchall()
    return {row[0]: NeedProgress(*row[1:]) for row in rows}
