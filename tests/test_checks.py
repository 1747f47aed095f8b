"""Checks with teeth (issue 19): the blind corpus through `python -m offer check`, the command
itself, short specific evidence, and the four offers of the issue entered through the API and
seen by the supplier in the conversation and by staff on every page and export."""

import csv
import io
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
import yaml
from openpyxl import load_workbook

from knowledge.packs import load_packs
from knowledge.vocabulary import CHECK_KINDS
from offer.checks import commitment_checks
from offer.model import Check, CheckKind, Commitment, Opportunity, Supplier
from offer.vagueness import count_slip
from store.evaluations import save_evaluation
from store.opportunities import create_opportunity
from store.submissions import current_submissions
from tests.helpers import check_corpus
from tests.helpers.home_care import BUILDER, CAFE, FOUR, TINY
from tests.helpers.offers import api_submit
from tests.helpers.pages import parse
from tests.helpers.scripted import enter
from tests.helpers.staff import seat

PACKS = load_packs()
# Six tuning sets from six blind writers: tuning4 is the first held-out set, looked at after
# its last measurement (10 of 11 found); the fourth writer's odd-numbered files are tuning5;
# tuning6 (30 offers, 40 faults) and tuning7 (24 offers, 36 faults) were written in December
# 2026: 23 of 40 and 17 of 36 of their faults were found when each arrived.
PARTS = ("tuning", "tuning2", "tuning3", "tuning4", "tuning5", "tuning6", "tuning7")
TUNING = [e for part in PARTS for e in check_corpus.split(part)]
# Faults no rule here sees yet: they need to know what the contract itself buys, or that a
# photo on social media shows no count. Written down, so a fix shows as an unexpected pass.
BEYOND_RULES = {
    "tuning5/03-th-limehouse-youth-project.json": "the contract's own youth sessions as extra",
    "tuning5/17-suffolk-greenway-environmental.json": "social media photos as proof of a count",
}
HELD_OUT = check_corpus.split("heldout")


# The corpus: written blind by someone asked to play a council evaluator.


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param(
            e,
            id=e["file"],
            marks=[pytest.mark.xfail(strict=True, reason=BEYOND_RULES[e["file"]])]
            if e["file"] in BEYOND_RULES
            else [],
        )
        for e in TUNING
    ],
)
def test_every_fault_in_the_tuning_offers_is_flagged_and_no_clean_offer_is(entry):
    result = check_corpus.judge(entry)
    assert result.missed == []
    assert result.wrongly_flagged == []


def test_the_first_held_out_offers_are_judged_as_well():
    """The fourth writer's even-numbered files: 11 of 17 found (6 December 2026), the same
    before and after the rules written for tuning5. While tuning6 was worked on, its misses
    were printed once by mistake (12 of 17 found then), so it is no longer held out; no rule
    was written from them. Kept as a floor."""
    results = [check_corpus.judge(e) for e in HELD_OUT]
    faults = sum(len(e["faults"]) for e in HELD_OUT)
    assert len(HELD_OUT) >= 12 and faults >= 17
    assert sum(len(r.wrongly_flagged) for r in results) == 0
    assert sum(len(r.missed) for r in results) <= 5


def test_the_corpus_covers_every_kind_and_has_clean_offers():
    kinds = [f["kind"] for e in check_corpus.EXPECTED for f in e["faults"]]
    assert len(check_corpus.EXPECTED) >= 160
    assert sum(not e["faults"] for e in check_corpus.EXPECTED) >= 10
    for kind in ("proportion", "feasibility", "vague", "evidence", "additionality", "duplicate"):
        assert kinds.count(kind) >= 3, kind


# The command.


def _command(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "offer", "check", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_command_prints_every_check_as_json_from_a_file_or_standard_input():
    path = check_corpus.CORPUS / "tuning" / "04-tiny-care-co.json"
    result = _command(str(path), "--json")
    assert result.returncode == 0, result.stderr
    checks = json.loads(result.stdout)["checks"]
    assert all(set(c) == {"id", "kind", "level", "message", "commitment_id"} for c in checks)
    assert {c["level"] for c in checks} <= {"problem", "advice", "ok"}
    assert {c["kind"] for c in checks} <= set(CHECK_KINDS)
    piped = _command("-", "--json", stdin=path.read_text(encoding="utf-8"))
    assert json.loads(piped.stdout) == json.loads(result.stdout)
    plain = _command(str(path))
    assert plain.returncode == 0 and "proportion" in plain.stdout


def test_the_checks_and_totals_in_the_file_are_ignored(tmp_path):
    offer = json.loads((check_corpus.CORPUS / "tuning" / "04-tiny-care-co.json").read_text())
    offer["checks"] = [{"id": "smart", "kind": "vague", "level": "ok", "message": "All good"}]
    offer["totals"] = {"commitments": 0, "themes_covered": 0, "themes_total": 0}
    path = tmp_path / "offer.json"
    path.write_text(json.dumps(offer))
    checks = json.loads(_command(str(path), "--json").stdout)["checks"]
    assert "All good" not in {c["message"] for c in checks}
    assert any(c["kind"] == "proportion" and c["level"] == "problem" for c in checks)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("not json", "not JSON"),
        ("[1, 2]", "not an offer"),
        ('{"council": "tower-hamlets"}', "not an offer"),
        (
            json.dumps(
                json.loads((check_corpus.CORPUS / "tuning" / "04-tiny-care-co.json").read_text())
                | {"council": "atlantis"}
            ),
            "not an offer for a council",
        ),
    ],
)
def test_a_file_that_is_not_an_offer_exits_2_with_one_line(text, said):
    result = _command("-", "--json", stdin=text)
    assert result.returncode == 2 and result.stdout == ""
    assert said in result.stderr and result.stderr.count("\n") == 1


# Short, specific evidence is judged by what it is, not its length.


def _commitment(measure_id: str, unit: str, evidence: str, quantity: float = 100) -> Commitment:
    return Commitment(
        id="c1",
        theme_id=None,
        measure_id=measure_id,
        title="A commitment",
        quantity=quantity,
        unit=unit,
        timescale="over the whole contract",
        beneficiaries="Care workers on this contract",
        delivery="Our payroll team checks the rate every April",
        evidence=evidence,
        classification="additional",
    )


@pytest.mark.parametrize(
    ("council", "measure", "unit", "evidence"),
    [
        ("tower-hamlets", "london-living-wage", "percent", "Payslips"),
        ("sandwell", "real-living-wage", "percent", "payslips"),
        ("tower-hamlets", "local-supplier-spend", "gbp", "Invoices"),
        ("suffolk", "suffolk-business-spend", "gbp", "invoces"),
        ("sandwell", "health-activities", "sessions", "Registers"),
        ("tower-hamlets", "apprenticeship-weeks", "weeks", "ILR data"),
        ("suffolk", "volunteering-hours", "hours", "Timesheets"),
        ("tower-hamlets", "qualifications-gained", "people", "Certs"),
    ],
)
def test_short_specific_evidence_is_not_flagged(council, measure, unit, evidence):
    checks = commitment_checks(_commitment(measure, unit, evidence, 10), PACKS[council])
    assert [c.message for c in checks if c.kind in ("evidence", "vague")] == []


def test_evidence_that_proves_something_else_is_advice_naming_what_would():
    checks = commitment_checks(
        _commitment("apprenticeship-weeks", "weeks", "Fuel receipts", 52), PACKS["tower-hamlets"]
    )
    (flag,) = [c for c in checks if c.kind == "evidence"]
    assert flag.level == "advice" and "apprenticeship agreement and start date" in flag.message


# Words that do not fit what a commitment claims.


def _said(unit: str, classification: str, description: str, delivery: str = "") -> Commitment:
    return Commitment(
        id="c1", theme_id=None, title="Our commitment", description=description,
        delivery=delivery or None, quantity=12, unit=unit, timescale="within 12 months",
        beneficiaries="Older people in Bow", evidence="Registers",
        classification=classification,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("description", "delivery"),
    [
        ("Our carers will check on loneliness", "Every care call includes a chat"),
        ("We will move 120 participants on the programme into work", ""),
        ("A wellbeing check at each visit", ""),
        ("Befriending, as part of the care package", ""),
        ("Free meals included in the contract price", ""),
    ],
)
def test_the_contracts_own_service_marked_extra_is_advice(description, delivery):
    checks = commitment_checks(_said("people", "additional", description, delivery),
                               PACKS["suffolk"])  # fmt: skip
    (flag,) = [c for c in checks if c.id == "sounds-like-the-service"]
    assert flag.kind == "additionality" and flag.level == "advice"
    assert "sounds like the service this contract already pays for" in flag.message


@pytest.mark.parametrize(
    ("classification", "description"),
    [
        ("additional", "Our staff will volunteer at the lunch club on Thursdays"),
        ("additional", "We will visit 10 schools to give careers talks"),
        ("core", "Every care call includes a chat"),  # said as the service: the core advice
    ],
)
def test_extra_work_is_not_taken_for_the_service(classification, description):
    checks = commitment_checks(_said("people", classification, description), PACKS["suffolk"])
    assert [c for c in checks if c.id == "sounds-like-the-service"] == []


@pytest.mark.parametrize(
    ("unit", "description", "flagged"),
    [
        ("sessions", "We will reach 15 schools by sending them our careers pack", True),
        ("events", "We will email a newsletter about local jobs to 40 groups", True),
        ("sessions", "We will send each school a pack and give a careers talk", False),
        ("sessions", "We will run 12 sessions, posting leaflets beforehand", False),
        ("people", "We will post information packs to 200 families", False),
    ],
)
def test_material_sent_out_is_not_counted_as_sessions_run(unit, description, flagged):
    checks = commitment_checks(_said(unit, "additional", description), PACKS["suffolk"])
    found = [c for c in checks if c.id == "sent-not-run"]
    assert bool(found) == flagged
    assert all(c.kind == "vague" and c.level == "advice" for c in found)


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("We will take on 1 people from Bow", "1 people"),
        ("We will give 2 careers talk on trades", "2 careers talk"),
        ("Jobs for 3 apprentice, each paid the real Living Wage", "3 apprentice"),
        ("Planting 200 tree in the parks", "200 tree"),
        ("Visits to 5 local school in Bow", "5 local school"),
        ("Three visits a year to each school", None),
        ("A level 2 electrical student from Sandwell", None),
        ("A 2 day course for new staff", None),
        ("A 12 week placement in our kitchen", None),
        ("10 young people from Tipton", None),
        ("4 sessions per week", None),
    ],
)
def test_a_count_whose_noun_disagrees_is_advice(text, slip):
    assert count_slip(text) == slip


@pytest.mark.parametrize(
    ("description", "check_id"),
    [
        ("We plant 45 trees, as shown on landscape drawing L-201 in the tender pack",
         "sounds-like-the-service"),
        ("Safeguarding training, as required by the specification", "sounds-like-the-service"),
        ("Every adviser gains the Level 3 certificate, part of our standard induction",
         "done-anyway"),
        ("All 28 operatives transfer to us under TUPE and live in the county",
         "transferred-jobs"),
        ("Drivers will hold an enhanced DBS before working on the routes", "already-required"),
    ],
)  # fmt: skip
def test_what_is_already_paid_for_done_anyway_or_required_is_not_extra(description, check_id):
    pack = PACKS["suffolk"]
    commitment = _said("people", "additional", description).model_copy(
        update={"measure_id": "suffolk-resident-jobs" if "TUPE" in description else None}
    )
    found = [c for c in commitment_checks(commitment, pack) if c.id == check_id]
    assert found and found[0].kind == "additionality" and found[0].level == "advice"


def test_a_brochure_claims_what_a_product_could_do_not_what_was_done():
    claim = _commitment(
        "carbon-saved", "tonnes-co2e", "The supplier's HVO brochure showing lower CO2"
    )
    checks = commitment_checks(claim.model_copy(update={"quantity": 25}), PACKS["sandwell"])
    assert [c.id for c in checks if c.kind == "evidence"] == ["evidence-mismatch"]
    notes = claim.model_copy(
        update={"quantity": 25, "evidence": "Our carbon calculation, and the brochure"}
    )
    assert [c for c in commitment_checks(notes, PACKS["sandwell"]) if c.kind == "evidence"] == []


# Thresholds come from the council's pack.


def test_a_council_can_set_its_own_thresholds():
    pack = PACKS["suffolk"]
    gift = _commitment("gifts-to-community-groups", "gbp", "Receipts", 3000)
    contract = Opportunity(value_gbp=40000, duration_months=12, word_limit=500)
    supplier = Supplier(name="A", size="micro")
    assert not [
        c for c in commitment_checks(gift, pack, contract, supplier) if c.kind == "proportion"
    ]
    strict = pack.model_copy(
        update={"checks": pack.checks.model_copy(update={"gifts_advice_share": 0.05})}
    )
    (flag,) = [
        c for c in commitment_checks(gift, strict, contract, supplier) if c.kind == "proportion"
    ]
    assert flag.level == "advice" and "8%" in flag.message


def test_every_kind_has_words_and_saved_checks_without_a_kind_get_one():
    assert set(CHECK_KINDS) == set(CheckKind.__args__)
    saved = Check.model_validate({"id": "missing-evidence", "level": "problem", "message": "x"})
    assert saved.kind == "evidence"


# The four offers of the issue (tests/helpers/home_care.py), through the API.


@pytest.fixture
def home_care(db):
    closes = (datetime.now(UTC) + timedelta(days=30)).isoformat(timespec="seconds")
    return create_opportunity(
        db,
        council_id="tower-hamlets",
        title="Home care services",
        contract_type="services",
        closes_at=closes,
        value_gbp=450000,
        duration_months=24,
        weighting_percent=20,
        word_limit=500,
    )


@pytest.fixture
def four_offers(client, home_care):
    """The four offers, entered and submitted through the API: {supplier: conversation}."""
    entered = {}
    for name, plan in FOUR.items():
        plan.said.clear()
        plan.filed.clear()
        conversation = enter(client, "tower-hamlets", home_care, plan)
        assert api_submit(client, conversation, home_care).status_code == 201
        entered[name] = conversation
    return entered


def _offer_flags(client, conversation) -> list[dict]:
    offer = client.get(
        f"/api/v1/conversations/{conversation['id']}/offer",
        headers={"Authorization": f"Bearer {conversation['token']}"},
    ).json
    return [c for c in offer["checks"] if c["level"] != "ok"]


def test_the_supplier_is_warned_in_the_conversation_as_each_commitment_is_finished(
    four_offers,
):
    warned = [replies for step, _, replies in TINY.said if step == "commitment-classification"]
    first = warned[0]
    assert any("250 new jobs is more than a team of fewer than 10 staff" in r for r in first)
    assert any('Type "change commitment 1"' in r for r in first)
    assert any("20,000 hours is more time than a team" in r for r in warned[1])
    builder = [r for step, _, rs in BUILDER.said if step == "commitment-classification" for r in rs]
    assert any("would need about 16 people with you at once" in r for r in builder)
    cafe = [r for step, _, rs in CAFE.said if step == "commitment-classification" for r in rs]
    assert not any("change commitment" in r for r in cafe)  # nothing out of proportion


def test_the_four_offers_carry_their_flags(client, four_offers):
    kinds = {
        name: {(c["kind"], c["level"]) for c in _offer_flags(client, conversation)}
        for name, conversation in four_offers.items()
    }
    assert ("proportion", "problem") in kinds["Tiny Care Co"]
    assert ("vague", "problem") in kinds["Generic Care Services"]
    assert ("feasibility", "problem") in kinds["Hartley Builders"]
    assert ("additionality", "advice") in kinds["Teapot Community Kitchen"]


def test_staff_see_each_offers_flags_on_the_list_the_comparison_and_every_export(
    client, db, staff, home_care, four_offers
):
    moderator = staff.create("moderator@tower-hamlets.example", role="moderator")
    staff.sign_in("moderator@tower-hamlets.example")  # the exports are for managers
    seat(db, home_care, moderator)
    scored = next(iter(current_submissions(db, home_care)))
    save_evaluation(
        db, submission_id=scored.id, staff_id=moderator.id,
        scores={"commitments": {"score": 3, "comment": "Specific"}},
        council_id="tower-hamlets", subject=scored.reference,
    )  # fmt: skip
    listed = parse(client.get(f"/staff/opportunities/{home_care}"))
    rows = {
        row.select_one("td a").get_text(strip=True): row.select_one("ul.app-flags")
        for row in listed.select("table.app-offers tbody tr")
    }
    assert set(rows) == set(FOUR)
    text = {name: " ".join(flags.get_text(" ").split()) for name, flags in rows.items()}
    assert "Problem Out of proportion" in text["Tiny Care Co"]
    assert "Problem Vague" in text["Generic Care Services"]
    assert "Problem Cannot be done in time" in text["Hartley Builders"]
    assert "Advice Not extra" in text["Teapot Community Kitchen"]

    compared = parse(client.get(f"/staff/opportunities/{home_care}/compare"))
    flags_row = next(r for r in compared.select("tbody tr") if r.th.get_text(strip=True) == "Flags")
    cells = [" ".join(td.get_text(" ").split()) for td in flags_row.select("td")]
    assert sum("Out of proportion" in c for c in cells) >= 1
    assert sum("Cannot be done in time" in c for c in cells) == 1

    exported = client.get(f"/staff/opportunities/{home_care}/export.csv")
    assert exported.status_code == 200
    lines = list(csv.reader(io.StringIO(exported.get_data(as_text=True))))
    header, *rows = lines[lines.index([]) + 1 :]
    flags = rows[0][header.index("Flags on the offer")]
    assert "(problem)" in flags or "(advice)" in flags
    workbook = load_workbook(
        io.BytesIO(client.get(f"/staff/opportunities/{home_care}/export.xlsx").data)
    )
    summary = [row for row in workbook["Summary"].values if row[2] is not None]
    header, body = summary[0], summary[1:]
    by_supplier = {row[header.index("Supplier")]: row[header.index("Flags")] for row in body}
    assert "Out of proportion (problem)" in by_supplier["Tiny Care Co"]
    assert "Vague (problem)" in by_supplier["Generic Care Services"]
    assert "Flags" in next(workbook["Commitments"].values)
    listed = [row for row in workbook["Flags"].values][1:]
    assert ("Problem", "Cannot be done in time") in {(r[2], r[3]) for r in listed}
    whole = client.get(f"/staff/opportunities/{home_care}/export.json").json
    builder = next(o for o in whole["offers"] if o["supplier"]["name"] == "Hartley Builders")
    assert any(c["kind"] == "feasibility" and c["level"] == "problem" for c in builder["checks"])


def test_the_offer_review_shows_each_flag_with_its_kind(client, db, staff, home_care, four_offers):
    seat(db, home_care, staff.create())
    staff.sign_in()
    listed = parse(client.get(f"/staff/opportunities/{home_care}"))
    link = next(
        a["href"]
        for a in listed.select("table.app-offers td a")
        if a.get_text(strip=True) == "Tiny Care Co"
    )
    page = parse(client.get(link))
    flags = [" ".join(li.get_text(" ").split()) for li in page.select("ul.app-checks li")]
    assert any(f.startswith("Problem Out of proportion: 250 new jobs") for f in flags)
    assert any("indicative value" in f for f in flags)  # the whole offer's, above the cards
    said = " ".join(page.text.split())
    for shown in (
        "Kind of organisation A charity",
        "Size Fewer than 10 staff",
        "Local Yes (E1 6AN)",
    ):
        assert shown in said, shown  # who the supplier is, beside the offer
    assert "Indicative value £" in said  # each commitment's, where the council uses them


@pytest.mark.parametrize(
    ("council", "measure_id", "unit", "said"),
    [
        ("tower-hamlets", "london-living-wage", "percent", "accredited Living Wage employer"),
        ("suffolk", "prompt-payment", "percent", "already the law"),
    ],
)
def test_what_is_already_required_is_flagged_as_not_extra_in_one_clean_sentence(
    council, measure_id, unit, said
):
    pack = load_packs()[council]
    commitment = Commitment(
        id="c1", theme_id=None, measure_id=measure_id, title="Fair pay", quantity=100,
        unit=unit, timescale="from the start", evidence="Payroll records each quarter",
        beneficiaries="Everyone working on the contract", delivery="Our finance manager",
    )  # fmt: skip
    (check,) = [c for c in commitment_checks(commitment, pack) if c.id == "already-required"]
    assert check.kind == "additionality" and said in check.message
    assert ".." not in check.message


# A second held-out corpus (tests/data/check_offers/heldout2, December 2026): 24 offers from a
# fifth writer, who saw the fault kinds described in docs/offer.md (its README says so) but no
# rules or code. Measured once when it arrived: 28 of 37 faults found (missed: 4 additionality,
# 4 evidence, 1 feasibility), and one clean offer flagged as vague; after the rules written for
# tuning6, 29 of 37 (missed: 4 additionality, 4 evidence); after tuning7, 30 of 37 (missed: 4
# additionality, 3 evidence); the same clean offer flagged each time.
# Counted, never shown.
HELD_OUT_2 = yaml.safe_load((check_corpus.CORPUS / "expected_heldout2.yaml").read_text())


def test_the_second_held_out_offers_do_no_worse_than_measured():
    results = [check_corpus.judge(e) for e in HELD_OUT_2]
    assert len(HELD_OUT_2) == 24 and sum(len(e["faults"]) for e in HELD_OUT_2) == 37
    assert sum(len(r.missed) for r in results) <= 7
    assert sum(len(r.wrongly_flagged) for r in results) <= 1


@pytest.mark.xfail(strict=True, reason="7 of 37 faults missed, one clean offer flagged (issue 19)")
def test_the_second_held_out_offers_meet_the_bar():
    results = [check_corpus.judge(e) for e in HELD_OUT_2]
    assert not [m for r in results for m in r.missed]
    assert not [w for r in results for w in r.wrongly_flagged]
