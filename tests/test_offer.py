"""The structured offer: schema, checks, the narrative's word limit, and the exports."""

import csv
import io
import itertools
import re
from datetime import date

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from assistant.summary import summary_sections
from knowledge.packs import load_packs
from offer.build import build_offer
from offer.exports import to_csv, to_docx, to_text
from offer.files import file_name
from offer.model import offer_schema
from tests.helpers.conversation_driver import COUNCILS, SUPPLIERS, run
from tests.helpers.examples import examples

PACKS = load_packs()
SCHEMA = Draft202012Validator(offer_schema())


def finished(supplier: str, council: str):
    state = run(supplier, council)[-1].state
    return build_offer(state.answers, state.commitments, PACKS[council], {"word_limit": 500})


@pytest.mark.parametrize("council", COUNCILS)
@pytest.mark.parametrize("supplier", SUPPLIERS)
def test_a_finished_conversation_gives_an_offer_that_fits_the_schema(supplier, council):
    offer = finished(supplier, council)
    errors = [e.message for e in SCHEMA.iter_errors(offer.model_dump(mode="json"))]
    assert errors == []
    assert offer.totals.themes_covered >= 3
    assert offer.narrative.words <= 500


def test_the_schema_is_versioned():
    schema = offer_schema()
    assert schema["version"] == "1.0" and schema["$id"].endswith("offer-1.0.json")


GOOD = {
    "id": "c1",
    "theme_id": "jobs-skills",
    "measure_id": "work-placement-weeks",
    "title": "Work placements for young people",
    "quantity": 4,
    "unit": "weeks",
    "timescale": {"text": "within 12 months", "months": 12.0},
    "delivery": "Our kitchen manager will supervise each placement",
    "beneficiaries": "Young people aged 16 to 24 from Tower Hamlets",
    "partners": "Tower Hamlets WorkPath",
    "evidence_plan": "Signed placement agreements and attendance registers",
    "classification": "additional",
}
ANSWERS = {"organisation.name": "Riverside Kitchen", "opportunity.value": 40000.0}


def problems(commitments):
    offer = build_offer(ANSWERS, commitments, PACKS["tower-hamlets"])
    return {(k.id, k.commitment_id) for k in offer.checks if k.level == "problem"}


def test_a_well_formed_offer_passes_the_checks():
    assert problems([GOOD]) == set()


def test_a_vague_offer_is_flagged():
    vague = {
        **GOOD,
        "quantity": None,
        "timescale": None,
        "evidence_plan": "",
        "delivery": "We will seek to offer placements where possible",
    }
    assert problems([vague]) == {
        ("missing-quantity", "c1"),
        ("missing-date", "c1"),
        ("missing-evidence", "c1"),
        ("vague-wording", "c1"),
    }


def test_the_same_measure_twice_is_double_counting():
    assert ("duplicate", "c2") in problems([GOOD, {**GOOD, "id": "c2"}])


def test_proportionality_is_explained_with_the_contract_value():
    offer = build_offer(ANSWERS, [GOOD] * 1, PACKS["tower-hamlets"])
    message = next(k.message for k in offer.checks if k.id == "proportionality")
    assert message.startswith("For a £40,000 contract, councils usually expect 1 to 2")


def test_proxies_can_be_switched_off_per_council():
    suffolk = finished("charity", "suffolk")
    assert suffolk.totals.proxy_total_gbp is None
    assert all(c.proxy is None for c in suffolk.commitments)


words = st.text(alphabet=st.characters(categories=["L", "N", "P", "S"]), min_size=1, max_size=12)
phrase = st.lists(words, min_size=1, max_size=40).map(" ".join)


def pieces(text: str) -> set[str]:
    """The text cut at sentence ends and line breaks."""
    return {p for p in re.split(r"(?<=[.!?])\s+|\n+", text) if p.strip()}


commitment = st.fixed_dictionaries(
    {
        "title": phrase,
        "quantity": st.integers(min_value=1, max_value=10_000),
        "delivery": phrase,
        "beneficiaries": phrase,
        "partners": phrase,
        "evidence_plan": phrase,
        "classification": st.sampled_from(["core", "additional", "organisation-wide"]),
        "theme_id": st.sampled_from([t.id for t in PACKS["tower-hamlets"].themes]),
    }
)


@settings(max_examples=examples(150), deadline=None)
@given(
    items=st.lists(commitment, min_size=0, max_size=12),
    activity=phrase,
    outcomes=phrase,
    limit=st.integers(min_value=100, max_value=2000),
)
def test_the_narrative_fits_any_word_limit_and_ends_with_a_whole_sentence(
    items, activity, outcomes, limit
):
    commitments = [
        {**GOOD, **item, "id": f"c{i}", "measure_id": None} for i, item in enumerate(items)
    ]
    answers = {**ANSWERS, "organisation.activity": activity, "value.outcomes": outcomes}
    offer = build_offer(answers, commitments, PACKS["tower-hamlets"], {"word_limit": limit})
    whole = build_offer(answers, commitments, PACKS["tower-hamlets"], {"word_limit": 5000})
    text = offer.narrative.text
    assert 0 < len(text.split()) <= limit
    assert text.rstrip().endswith((".", "!", "?"))
    # Only whole sentences of the unlimited text: nothing was cut part-way.
    assert pieces(text) <= pieces(whole.narrative.text)


def test_a_long_offer_keeps_its_commitments_and_drops_detail_first():
    many = [{**GOOD, "id": f"c{i}", "measure_id": None, "title": f"Promise {i}"} for i in range(8)]
    offer = build_offer(ANSWERS, many, PACKS["tower-hamlets"], {"word_limit": 150})
    text = offer.narrative.text
    assert all(f"We commit to promise {i}, with a target of four weeks" in text for i in range(8))
    assert "We will work with" not in text


def test_csv_has_a_row_per_commitment():
    offer = finished("sme", "tower-hamlets")
    rows = list(csv.DictReader(io.StringIO(to_csv(offer))))
    assert [r["commitment"] for r in rows] == [c.title for c in offer.commitments]


def test_docx_reads_back_with_the_commitments():
    offer = finished("sme", "sandwell")
    document = Document(io.BytesIO(to_docx(offer)))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {c.title for c in offer.commitments} <= cells


def test_plain_text_carries_every_commitment():
    offer = finished("social-enterprise", "tower-hamlets")
    text = to_text(offer)
    assert all(c.title in text for c in offer.commitments)


def test_an_edited_text_over_the_limit_is_a_problem():
    answers = {**ANSWERS, "offer.narrative": "Our own words. " * 200}
    offer = build_offer(answers, [GOOD], PACKS["tower-hamlets"], {"word_limit": 250})
    assert offer.narrative.edited and offer.narrative.words == 600
    (check,) = [k for k in offer.checks if k.id == "narrative-too-long"]
    assert check.level == "problem" and "this tender allows 250" in check.message


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("We will seek to hire locally", True),
        ("Where feasible we will recruit apprentices", True),
        ("We intend to run sessions", True),
        ("Young people who might otherwise leave school with nothing", False),
        ("Explore Learning tutors will run the sessions", False),
    ],
)
def test_vague_wording_is_caught_without_flagging_ordinary_words(text, vague):
    found = problems([{**GOOD, "delivery": text}])
    assert (("vague-wording", "c1") in found) is vague


def test_closing_times_without_a_zone_are_uk_time_and_shown_in_uk_time():
    from offer.submission import closing_text, parse_closing

    assert closing_text(parse_closing("2027-03-12T17:00:00")) == "5pm on 12 March 2027"
    assert closing_text(parse_closing("2027-07-01T16:30:00+00:00")) == "5:30pm on 1 July 2027"
    assert closing_text(parse_closing("2027-03-12")) == "11:59pm on 12 March 2027"


def test_what_a_councils_own_step_collects_reaches_the_offer():
    offer = finished("charity", "sandwell")  # Sandwell asks which of its towns you work in
    assert offer.intrinsic_value.areas == "Smethwick and West Bromwich"
    assert "We work in Smethwick and West Bromwich" in offer.narrative.text
    elsewhere = finished("charity", "suffolk")  # Suffolk does not ask
    assert elsewhere.intrinsic_value.areas is None


@pytest.mark.parametrize(("council", "shown"), [("sandwell", True), ("suffolk", False)])
def test_where_you_work_is_in_the_summary_only_where_it_was_asked(council, shown):
    state = run("charity", council)[-1].state
    value = summary_sections(state, PACKS[council])[-1]
    assert value.title == "What you already do"
    rows = {row.label: row.value for row in value.rows}
    assert ("Where you work" in rows) is shown
    assert "Not given" not in rows.get("Where you work", "")


def test_the_csv_cannot_run_a_formula_in_a_spreadsheet():
    evil = {**GOOD, "delivery": '=HYPERLINK("http://x.example")', "beneficiaries": "@SUM(1)"}
    offer = build_offer(ANSWERS, [evil], PACKS["tower-hamlets"])
    row = next(csv.DictReader(io.StringIO(to_csv(offer))))
    assert row["delivery"].startswith("'=") and row["beneficiaries"] == "'@SUM(1)"


def test_a_download_is_named_after_the_supplier_the_contract_and_the_day():
    answers = {**ANSWERS, "opportunity.title": "Meals on Wheels (TH/2027/04)"}
    offer = build_offer(answers, [GOOD], PACKS["tower-hamlets"])
    name = file_name(offer, "pdf", date(2026, 12, 5))
    assert name == "riverside-kitchen-meals-on-wheels-th-2027-04-2026-12-05-offer.pdf"


def test_the_word_document_has_headings_in_order_a_header_row_and_its_properties():
    answers = {**ANSWERS, "opportunity.title": "Meals on Wheels"}
    offer = build_offer(answers, [GOOD], PACKS["tower-hamlets"])
    document = Document(io.BytesIO(to_docx(offer, "London Borough of Tower Hamlets")))
    levels = [
        int(p.style.name.removeprefix("Heading "))
        for p in document.paragraphs
        if p.style.name.startswith("Heading ")
    ]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    header = document.tables[0].rows[0]._tr
    assert header.xpath("./w:trPr/w:tblHeader")
    properties = document.core_properties
    assert properties.title == "Social value offer: Riverside Kitchen"
    assert (properties.author, properties.language) == ("Riverside Kitchen", "en-GB")
    texts = [p.text for p in document.paragraphs]
    assert "Council: London Borough of Tower Hamlets" in texts
    assert "Contract: Meals on Wheels" in texts


def test_the_response_says_the_contract_once_and_no_partner_when_there_is_none():
    spend = {
        **GOOD, "measure_id": "local-supplier-spend", "quantity": 9000, "unit": "gbp",
        "timescale": {"text": "over the whole contract", "months": None}, "partners": "No partners",
    }  # fmt: skip
    text = build_offer(ANSWERS, [spend], PACKS["tower-hamlets"]).narrative.text
    assert "We will spend £9,000 on this contract with" in text
    assert "over the whole contract" not in text and "We will work with" not in text
