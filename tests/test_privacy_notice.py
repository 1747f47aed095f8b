"""The privacy notice matches what the database holds: every column of the migrated schema is
classified here, by hand, and every kind of personal data is named in the notice.

A new column fails `test_every_column_is_classified` until someone decides whether it holds
personal data (or text a person typed) and, if it does, which sentence of the notice covers it.
"""

import re

import pytest

from tests.helpers.pages import parse

# Kinds of personal data, each with words the notice must contain.
ANSWERS = "the answers you give the assistant"
OFFER = "the commitments and offer text you write"
QUESTIONS = "the questions you ask it"
ACCESS = "your save-and-return link and return code"
ATTENDEE = "the first name or organisation you give when you join"
SESSION_QUESTIONS = "the questions you ask during the session"
SUPPLIER = "your organisation's name, type and size"
DELIVERY = "the delivery you report against your commitments"
STAFF_ACCOUNT = "your name, work email address, council, role"
PASSWORD = "a scrambled (hashed) form of your password"
STAFF_WORK = "a record of the evaluation and contract management work you do"
SIGN_IN = "the email address that was tried"
ORGANISATION = "your organisation's name, charity or company number, address and postcode"
CONTACT = "the contact name and email address you give"
NEEDS = "the needs you post"
RECEIPTS = "the support you confirm you received"
DECLARATIONS = "the declarations of interest you make"
# Not personal data: ids, codes, flags, counts, times, and the council's own content.
NONE = None

SCHEMA: dict[str, dict[str, str | None]] = {
    "_sqlite_migrations": dict.fromkeys(["id", "migration_set", "name", "applied_at"], NONE),
    "staff": {
        "id": NONE, "email": STAFF_ACCOUNT, "name": STAFF_ACCOUNT, "council_id": STAFF_ACCOUNT,
        "role": STAFF_ACCOUNT, "password_hash": PASSWORD, "created_at": NONE,
        "session_version": NONE,
    },
    "unanswered_questions": {
        "id": NONE, "council_id": NONE, "question": QUESTIONS, "source": NONE,
        "best_entry_id": NONE, "best_score": NONE, "asked_at": NONE, "handled_at": NONE,
        "times_asked": NONE,
    },
    "conversations": {
        "id": NONE, "council_id": NONE, "opportunity": NONE, "state": ANSWERS, "stage": NONE,
        "done": NONE, "turns": NONE, "return_code_hash": ACCESS, "created_at": NONE,
        "updated_at": NONE, "session_id": NONE, "attendee": ATTENDEE, "deleted_at": NONE,
    },
    "conversation_tokens": {"token_hash": ACCESS, "conversation_id": NONE, "created_at": NONE},
    "conversation_messages": {
        "id": NONE, "conversation_id": NONE, "turn": NONE, "role": NONE, "kind": NONE,
        "text": ANSWERS, "entry_id": NONE, "entry_title": NONE, "created_at": NONE,
        "links": NONE,
    },
    "opportunities": dict.fromkeys(
        ["code", "council_id", "title", "reference", "description", "contract_type", "value_gbp",
         "duration_months", "weighting_percent", "word_limit", "closes_at", "themes", "practice",
         "created_at", "early_scoring_reason"],
        NONE,
    ),
    "submissions": {
        "id": NONE, "reference": NONE, "conversation_id": NONE, "opportunity_code": NONE,
        "council_id": NONE, "version": NONE, "offer": OFFER, "status": NONE,
        "submitted_at": NONE, "ended_at": NONE,
    },
    "sign_in_failures": {"email": SIGN_IN, "failures": SIGN_IN, "locked_until": NONE},
    "evaluations": {
        "id": NONE, "submission_id": NONE, "staff_id": STAFF_WORK, "scores": STAFF_WORK,
        "submitted_at": NONE,
    },
    "moderations": {
        "submission_id": NONE, "staff_id": STAFF_WORK, "scores": STAFF_WORK, "moderated_at": NONE,
    },
    "panel_members": {
        "opportunity_code": NONE, "staff_id": STAFF_WORK, "added_by": STAFF_WORK,
        "added_at": NONE, "declared_at": NONE, "conflict": DECLARATIONS,
        "conflict_detail": DECLARATIONS, "declared_for": NONE,
    },
    "assessment_summaries": {
        "submission_id": NONE, "council_id": NONE, "text": STAFF_WORK, "outcome": STAFF_WORK,
        "updated_at": NONE,
        "updated_by": STAFF_WORK, "issued_at": NONE, "issued_by": STAFF_WORK,
    },
    "audit_log": {
        "id": NONE, "council_id": NONE, "staff_id": STAFF_WORK, "action": STAFF_WORK,
        "subject": NONE, "detail": STAFF_WORK, "at": NONE,
    },
    "contracts": {
        "id": NONE, "council_id": NONE, "opportunity_code": NONE, "submission_id": NONE,
        "conversation_id": NONE, "title": NONE, "supplier_name": SUPPLIER,
        "supplier_type": SUPPLIER, "supplier_size": SUPPLIER, "supplier_local": SUPPLIER,
        "value_gbp": NONE, "starts_on": NONE, "duration_months": NONE, "period_months": NONE,
        "awarded_at": NONE, "awarded_by": STAFF_WORK,
    },
    "kpis": {
        "id": NONE, "contract_id": NONE, "position": NONE, "commitment_id": NONE,
        "theme_id": NONE, "theme_title": NONE, "title": OFFER, "unit": NONE, "unit_label": NONE,
        "target": OFFER, "value_per_unit": NONE, "milestones": OFFER, "due_months": NONE,
    },
    "delivery_returns": {
        "id": NONE, "contract_id": NONE, "kpi_id": NONE, "period": NONE, "quantity": DELIVERY,
        "evidence_type": DELIVERY, "evidence_note": DELIVERY, "recorded_by": NONE,
        "staff_id": STAFF_WORK, "recorded_at": NONE, "status": NONE, "query_note": STAFF_WORK,
        "reviewed_by": STAFF_WORK, "reviewed_at": NONE,
    },
    "evidence_files": {
        "id": NONE, "contract_id": NONE, "period": NONE, "name": DELIVERY, "kind": NONE,
        "size": NONE, "key": NONE, "uploaded_by": NONE, "staff_id": STAFF_WORK,
        "uploaded_at": NONE,
    },
    "training_sessions": {
        "id": NONE, "council_id": NONE, "code": NONE, "title": NONE, "opportunity_code": NONE,
        "themes": NONE, "created_by": STAFF_WORK, "created_at": NONE, "closed_at": NONE,
        "summary": NONE,
    },
    "exchange_organisations": {
        "id": NONE, "council_id": NONE, "name": ORGANISATION, "number": ORGANISATION,
        "address": ORGANISATION, "postcode": ORGANISATION, "contact_name": CONTACT,
        "email": CONTACT, "password_hash": PASSWORD, "session_version": NONE,
        "verified_at": NONE, "verified_by": STAFF_WORK, "created_at": NONE,
        "rejected_at": NONE, "rejected_by": STAFF_WORK, "rejection_note": STAFF_WORK,
    },
    "exchange_needs": {
        "id": NONE, "organisation_id": NONE, "council_id": NONE, "title": NEEDS,
        "description": NEEDS, "measure_id": NEEDS, "quantity": NEEDS, "unit": NONE,
        "timescale": NEEDS, "area": NEEDS, "status": NONE, "review_note": STAFF_WORK,
        "reviewed_by": STAFF_WORK, "reviewed_at": NONE, "created_at": NONE, "updated_at": NONE,
    },
    "need_pledges": {
        "id": NONE, "need_id": OFFER, "submission_id": NONE, "commitment_id": NONE,
        "quantity": OFFER,
    },
    "need_receipts": {
        "id": NONE, "need_id": NONE, "organisation_id": NONE, "quantity": RECEIPTS,
        "note": RECEIPTS, "confirmed_at": NONE,
    },
    "knowledge_additions": {
        "id": NONE, "council_id": NONE, "kind": NONE, "entry_id": NONE,
        "questions": STAFF_WORK, "entry": STAFF_WORK, "question_ids": NONE, "status": NONE,
        "drafted_by": STAFF_WORK, "drafted_at": NONE, "decided_by": STAFF_WORK,
        "decided_at": NONE, "exported_at": NONE,
    },
    "session_questions": {
        "id": NONE, "session_id": NONE, "question": SESSION_QUESTIONS, "answered": NONE,
        "entry_title": NONE, "asked_at": NONE,
    },
}  # fmt: skip
KINDS = sorted({kind for columns in SCHEMA.values() for kind in columns.values() if kind})


def columns_of(db) -> set[tuple[str, str]]:
    """Every (table, column) of the migrated database."""
    return {(table.name, column.name) for table in db.tables for column in table.columns}


def test_every_column_is_classified(db):
    classified = {(table, column) for table, columns in SCHEMA.items() for column in columns}
    assert columns_of(db) - classified == set(), "classify the new column(s) in SCHEMA"
    assert classified - columns_of(db) == set(), "remove the column(s) that are gone"


def notice_text(client, council=None) -> str:
    soup = parse(client.get("/privacy" + (f"?council={council}" if council else "")))
    return re.sub(r"\s+", " ", soup.select_one("main").get_text(" "))


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_personal_data_is_named_in_the_notice(client, kind):
    assert kind in notice_text(client)


def test_the_notice_gives_the_councils_own_retention_periods(app, client, monkeypatch):
    text = notice_text(client, "suffolk")
    assert "for 6 years after the opportunity closes" in text
    assert "for 6 years after the contract ends" in text
    assert "deleted 12 months after you last changed them" in text
    assert "Suffolk County Council's periods" in text
    packs = app.extensions["councils"]
    longer = packs["suffolk"].retention.model_copy(update={"submitted_offers_months": 84})
    monkeypatch.setitem(packs, "suffolk", packs["suffolk"].model_copy(update={"retention": longer}))
    assert "for 7 years after the opportunity closes" in notice_text(client, "suffolk")
    assert "for 6 years after the opportunity closes" in notice_text(client, "sandwell")


def test_the_notice_explains_deleting_and_what_the_council_keeps(client):
    text = notice_text(client)
    assert "Delete this conversation and offer" in text
    assert "deleting does not withdraw them" in text
    assert "won a contract, you cannot delete it" in text


def test_a_councils_pages_link_to_its_own_notice(client):
    footer = parse(client.get("/assistant/?council=suffolk")).select_one("footer")
    link = footer.find("a", string="Privacy")["href"]
    assert link == "/privacy?council=suffolk"
    assert "Suffolk County Council is the data controller" in notice_text(client, "suffolk")
