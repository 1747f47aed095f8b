"""Yearly targets: proposed from a commitment's total, its date and the contract's length,
changed by the supplier, and carried into the response, the offer page and the downloads."""

import csv
import io

import pytest

from knowledge.packs import load_packs
from offer.build import build_offer
from offer.exports import to_csv
from offer.milestones import propose, said

PACK = load_packs()["tower-hamlets"]


@pytest.mark.parametrize(
    ("total", "unit", "timescale", "months", "contract", "targets"),
    [
        (156, "weeks", "by the end of year 3", 36, 36, ["52 weeks"] * 3),
        (7, "people", None, None, 24, ["four people", "three people"]),
        (15000, "gbp", "from the start of the contract", 1, 36, ["£5,000"] * 3),
        (1000, "gbp", None, None, 36, ["£333", "£333", "£334"]),
        (3, "people", "every year", 12, 36, ["one person"] * 3),
        (24, "sessions", "by the end of year 2", 24, 36, ["12 sessions"] * 2),
    ],
)
def test_a_total_is_spread_over_the_years_it_is_delivered_in(
    total, unit, timescale, months, contract, targets
):
    proposed = propose(total, unit, timescale, months, contract)
    assert proposed == [f"Year {n}: {t}" for n, t in enumerate(targets, 1)]


@pytest.mark.parametrize(
    ("total", "unit", "timescale", "months", "contract"),
    [
        (156, "weeks", "by the end of year 1", 12, 36),  # all due in the first year
        (100, "percent", None, None, 36),  # a standard kept, not a total reached
        (4, "people", None, None, 12),  # a one-year contract
        (None, "people", None, None, 36),
    ],
)
def test_no_yearly_targets_where_they_would_say_nothing(total, unit, timescale, months, contract):
    assert propose(total, unit, timescale, months, contract) == []


def test_targets_read_as_a_sentence_or_as_the_supplier_wrote_them():
    assert (
        said(["Year 1: 52 weeks", "Year 2: 52 weeks"])
        == "52 weeks in year 1 and 52 weeks in year 2"
    )
    assert said(["First apprentice by June", "Second by March"]) == (
        "first apprentice by June and second by March"
    )


COMMITMENT = {
    "id": "c1", "theme_id": "jobs-skills", "measure_id": "apprenticeship-weeks",
    "title": "Apprenticeships", "quantity": 156, "unit": "weeks",
    "timescale": {"text": "by the end of the contract", "months": 36.0},
    "delivery": "Our site manager supervises", "beneficiaries": "Young people",
    "evidence_plan": "Payroll", "classification": "additional",
}  # fmt: skip
ANSWERS = {
    "organisation.name": "Riverside Builders",
    "opportunity.duration": {"text": "3 years", "months": 36.0},
}


def test_a_three_year_offer_has_yearly_targets_in_its_response_and_its_csv():
    offer = build_offer(ANSWERS, [COMMITMENT], PACK)
    assert offer.commitments[0].milestones == [
        "Year 1: 52 weeks",
        "Year 2: 52 weeks",
        "Year 3: 52 weeks",
    ]
    assert "Year by year, our targets are 52 weeks in year 1" in offer.narrative.text
    row = next(csv.DictReader(io.StringIO(to_csv(offer))))
    assert row["yearly_targets"] == "Year 1: 52 weeks; Year 2: 52 weeks; Year 3: 52 weeks"


def test_the_suppliers_own_targets_replace_the_proposed_ones():
    own = {**COMMITMENT, "milestones": ["Year 1: 26 weeks", "Year 2: 52 weeks", "Year 3: 78 weeks"]}
    offer = build_offer(ANSWERS, [own], PACK)
    assert offer.commitments[0].milestones == own["milestones"]
    assert "26 weeks in year 1, 52 weeks in year 2 and 78 weeks in year 3" in offer.narrative.text
