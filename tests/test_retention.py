"""Retention: each council pack's periods, and `flask purge-expired` deleting what has passed
them (a dry run first), keeping what has not, and a running contract's records always."""

from datetime import date

import pytest
import yaml

from knowledge.pack_parts import Retention
from knowledge.packs import COUNCILS_DIR, PackError, load_pack
from offer.retention import offer_kept_until, period_text
from store import privacy
from store.contract_seeds import ContractSeed, KpiSeed, seed_contract
from store.conversations import create_conversation
from store.evaluations import save_evaluation
from store.opportunities import create_opportunity
from store.questions import record_unanswered
from store.staff import create_staff
from store.submissions import submit
from tests.helpers.packs import write_broken
from tests.helpers.privacy import mentions, snapshot


def test_every_pack_says_how_long_it_keeps_records():
    for path in sorted(COUNCILS_DIR.glob("*/council.yaml")):
        assert set(yaml.safe_load(path.read_text())["retention"]) == set(Retention.model_fields)
        assert load_pack(path).retention == Retention()  # 72, 12 and 12 months in each, for now


def test_a_pack_without_retention_keeps_submitted_offers_six_years(tmp_path):
    pack = load_pack(write_broken(tmp_path, lambda d: d.pop("retention")))
    assert pack.retention.submitted_offers_months == 72


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"submitted_offers_months": 6}, "retention.submitted_offers_months"),
        ({"draft_conversations_months": 0}, "retention.draft_conversations_months"),
        ({"forever": True}, "retention.forever"),
    ],
)
def test_a_wrong_retention_period_names_the_field(tmp_path, change, field):
    path = write_broken(tmp_path, lambda d: d["retention"].update(change))
    with pytest.raises(PackError, match=f"^{path}: {field}: "):
        load_pack(path)


@pytest.mark.parametrize(
    ("months", "words"), [(72, "6 years"), (12, "12 months"), (18, "18 months"), (120, "10 years")]
)
def test_periods_are_written_in_words(months, words):
    assert period_text(months) == words


def test_a_winning_offer_is_kept_from_the_end_of_its_contract():
    six_years = Retention()
    assert offer_kept_until("2025-01-01T12:00:00+00:00", six_years) == date(2031, 1, 1)
    assert offer_kept_until("2025-01-01T12:00:00+00:00", six_years, "2025-04-01", 24) == date(
        2033, 3, 31
    )


CLOSED = "2025-01-01T12:00:00+00:00"


def conversation(db, updated_at: str) -> str:
    made = create_conversation(
        db, council_id="tower-hamlets", opportunity=None, state={"answers": {"x": "Riverside"}},
        stage="done", messages=[{"role": "user", "text": "Riverside Kitchen"}],
    )  # fmt: skip
    db.execute("UPDATE conversations SET updated_at = ? WHERE id = ?", [updated_at, made.id])
    return made.id


def offer(db, conversation_id: str, closes_at: str, staff_id: int) -> str:
    code = create_opportunity(db, council_id="tower-hamlets", title="Meals", closes_at=closes_at)
    made = submit(
        db, conversation_id=conversation_id, opportunity_code=code, council_id="tower-hamlets",
        offer={"supplier": {"name": "Riverside"}},
    )  # fmt: skip
    save_evaluation(
        db, submission_id=made.id, staff_id=staff_id, scores={"q": 2},
        council_id="tower-hamlets", subject=made.reference,
    )  # fmt: skip
    return made.reference


@pytest.fixture
def records(db):
    """Offers, conversations and questions of different ages, and a contract that ends in 2027."""
    staff = create_staff(
        db, email="m@tower-hamlets.example", name="Mo", council_id="tower-hamlets",
        role="moderator", password="a long enough password",
    )  # fmt: skip
    deleted = conversation(db, "2024-06-01T10:00:00+00:00")
    old_offer = offer(db, deleted, CLOSED, staff.id)
    privacy.delete_conversation(db, deleted)
    recent = conversation(db, "2024-06-01T10:00:00+00:00")
    recent_offer = offer(db, recent, "2030-06-01T12:00:00+00:00", staff.id)
    stale_draft = conversation(db, "2029-12-01T10:00:00+00:00")
    fresh_draft = conversation(db, "2030-06-01T10:00:00+00:00")
    kpi = KpiSeed("Apprentices", "Jobs", 4, delivered={1: 1, 2: 2})
    contract_id = seed_contract(
        db, "tower-hamlets",
        ContractSeed("Meals", "Riverside", "charity", "micro", True, 40000, "2025-04-01", 24, 3,
                     [kpi]),
        staff.id,
    )  # fmt: skip
    won = next(db.query("SELECT * FROM contracts WHERE id = ?", [contract_id]))
    db.execute(
        "UPDATE conversations SET updated_at = ? WHERE id = ?", [CLOSED, won["conversation_id"]]
    )
    old_question = record_unanswered(db, council_id="tower-hamlets", question="What is a TOM?",
                                     source="assistant")  # fmt: skip
    new_question = record_unanswered(db, council_id="tower-hamlets", question="Who is Bob?",
                                     source="assistant")  # fmt: skip
    for question_id, asked in ((old_question, "2029-06-01"), (new_question, "2030-12-01")):
        db.execute(
            "UPDATE unanswered_questions SET asked_at = ? WHERE id = ?",
            [f"{asked}T10:00:00+00:00", question_id],
        )
    return {
        "deleted": deleted, "old_offer": old_offer, "recent": recent, "recent_offer": recent_offer,
        "stale_draft": stale_draft, "fresh_draft": fresh_draft, "contract": won,
        "old_question": old_question, "new_question": new_question,
    }  # fmt: skip


def purge(runner, today: str, *extra: str):
    result = runner.invoke(args=["purge-expired", "--today", today, *extra])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_dry_run_lists_what_would_go_and_changes_nothing(runner, db, records):
    before = snapshot(db)
    output = purge(runner, "2031-01-02", "--dry-run")
    assert snapshot(db) == before
    assert "Would delete submitted offer" in output and records["old_offer"] in output
    assert records["deleted"] in output and records["stale_draft"] in output
    assert output.splitlines()[-1] == (
        "Would delete 4 record(s): 1 submitted offer(s), 2 conversation(s), "
        "1 unanswered question(s)."
    )


def test_the_purge_deletes_what_passed_its_period_and_keeps_the_rest(runner, db, records):
    before = snapshot(db)
    output = purge(runner, "2031-01-02")
    assert output.splitlines()[-1].startswith("Deleted 4 record(s)")
    for gone in (records["deleted"], records["old_offer"], records["stale_draft"]):
        assert mentions(db, gone) == []
    assert mentions(db, "What is a TOM?") == []
    after = snapshot(db)
    assert all(after[name] <= before[name] for name in before)  # nothing added or changed
    assert next(db.query("SELECT COUNT(*) AS n FROM evaluations"))["n"] == 1  # the recent offer
    for kept in (records["recent"], records["recent_offer"], records["fresh_draft"], "Who is Bob?"):
        assert mentions(db, kept) != []
    contract = records["contract"]
    assert {"contracts", "conversations", "submissions"} <= set(
        mentions(db, contract["conversation_id"])
    )
    assert len(list(db.query("SELECT id FROM delivery_returns"))) == 2
    assert purge(runner, "2031-01-02").splitlines()[-1].startswith("Deleted 0 record(s)")


def test_a_contracts_records_are_kept_for_its_life_and_its_period_after(runner, db, records):
    contract = records["contract"]
    # The opportunity closed in 2020 and the contract ended on 31 March 2027: six years on.
    purge(runner, "2033-03-30")
    assert len(list(db.query("SELECT id FROM kpis"))) == 1
    assert len(list(db.query("SELECT id FROM delivery_returns"))) == 2
    output = purge(runner, "2033-03-31")
    assert f"contract {contract['id']}" in output
    for table in ("contracts", "kpis", "delivery_returns"):
        assert list(db.query(f"SELECT * FROM {table}")) == []
    assert list(db.query("SELECT * FROM audit_log WHERE subject LIKE 'contract:%'")) == []
    assert mentions(db, contract["conversation_id"]) == []  # its draft had not changed since 2025
