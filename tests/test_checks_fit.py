"""The checks added for the sixth tuning set (issue 19), each with what it must flag and the
near miss it must leave alone: the contract's own work sold as extra, what is done anyway or
across the whole organisation, the law (an SIA licence), evidence by what it is, sessions beyond
their frequency, an apprenticeship completed too soon, more people seen weekly than a team can
see, and the same jobs counted under two job measures."""

import pytest

from knowledge.packs import load_packs
from offer.checks import commitment_checks, offer_checks
from offer.model import Commitment, Opportunity, Supplier

PACKS = load_packs()


def _commitment(**given) -> Commitment:
    fields = {
        "id": "c1", "theme_id": None, "measure_id": "health-and-wellbeing-activities",
        "title": "Our commitment", "quantity": 12, "unit": "sessions",
        "timescale": "over the contract", "timescale_months": 24,
        "beneficiaries": "Older people in Sudbury", "delivery": "Our activities lead",
        "evidence": "Attendance records", "classification": "additional",
    } | given  # fmt: skip
    return Commitment(**fields)


def _ids(commitment: Commitment, council: str = "suffolk", title: str = "", size: str = "small"):
    opportunity = Opportunity(
        title=title or "Day services", value_gbp=300000, duration="2 years",
        duration_months=24, word_limit=500,
    )  # fmt: skip
    supplier = Supplier(name="Stour Care", size=size)
    return {c.id for c in commitment_checks(commitment, PACKS[council], opportunity, supplier)}


@pytest.mark.parametrize(
    ("title", "description"),
    [
        (
            "School meals for primary schools",
            "A freshly cooked lunch for the pupils in all 28 schools every school day.",
        ),
        ("Home care, Lowestoft", "Four visits a day to 120 clients, as set out in each care plan."),
        (
            "Home to school transport for children with SEND",
            "Safe journeys to and from school for every child on the routes.",
        ),
    ],
)
def test_the_contracts_own_work_marked_extra_is_advice(title, description):
    assert "the-contract-itself" in _ids(_commitment(description=description), title=title)


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # Trees planted with pupils on a contract to put solar panels on schools.
        (
            "Solar PV on West Suffolk schools",
            "Plant native hedging with the pupils at each school.",
        ),
        # Not the contract's own groups, and says so.
        (
            "Treasurer training for community groups",
            "Mentoring for five new businesses. These are not groups covered by this contract.",
        ),
        # It says what it adds.
        ("School meals", "Building on our lunch club, we will add cookery classes in each school."),
    ],
)
def test_extra_work_for_the_contracts_own_people_is_not(title, description):
    assert "the-contract-itself" not in _ids(_commitment(description=description), title=title)


@pytest.mark.parametrize(
    ("description", "flag"),
    [
        ("We will continue our current sponsorship of Haverhill Rovers under-12s.", "done-anyway"),
        ("Chair exercise classes, which we run for all our customers.", "done-anyway"),
        (
            "Our existing scheme, open to all 6,500 of our officers nationally.",
            "whole-organisation",
        ),
        ("Staff take a paid day at a charity of their choice.", "whole-organisation"),
    ],
)
def test_what_is_done_anyway_or_everywhere_is_advice(description, flag):
    assert flag in _ids(_commitment(description=description))


def test_what_is_done_anyway_and_added_to_is_not():
    said = "Building on the design club we already run, we will add six workshops."
    assert not {"done-anyway", "whole-organisation"} & _ids(_commitment(description=said))


def test_an_sia_licence_is_the_law_but_funding_one_for_someone_out_of_work_is_extra():
    held = _commitment(
        measure_id="training-qualifications", unit="people", quantity=48,
        description="All 48 officers on the contract will hold a valid SIA licence.",
    )  # fmt: skip
    funded = _commitment(
        measure_id="training-qualifications", unit="people", quantity=10,
        description="Funded SIA Security Guard licence training for unemployed residents.",
    )  # fmt: skip
    assert "already-required" in _ids(held, council="sandwell")
    assert "already-required" not in _ids(funded, council="sandwell")


@pytest.mark.parametrize(
    ("council", "measure", "unit", "evidence", "proves"),
    [
        ("tower-hamlets", "apprenticeship-weeks", "weeks", "Photos of him, on LinkedIn", False),
        ("tower-hamlets", "resident-volunteering", "hours", "Testimonials from people", False),
        ("sandwell", "donations", "gbp", "Volunteer timesheets from the food bank", False),
        ("suffolk", "suffolk-resident-jobs", "people", "Our staff rota", False),
        ("sandwell", "donations", "gbp", "Receipt from the food bank", True),
        ("sandwell", "in-kind-support", "items", "A list of bikes, and signed receipts", True),
        ("tower-hamlets", "resident-volunteering", "hours", "Volunteer log", True),
    ],
)  # fmt: skip
def test_evidence_is_judged_by_what_it_is_not_what_it_is_about(
    council, measure, unit, evidence, proves
):
    c = _commitment(measure_id=measure, unit=unit, quantity=20, evidence=evidence)
    assert ("evidence-mismatch" not in _ids(c, council=council)) is proves


@pytest.mark.parametrize(
    ("description", "quantity", "flagged"),
    [
        ("A girls' football session at Millwall Park every week.", 150, True),
        ("A girls' football session every week.", 104, False),
        ("A walking group and chair yoga every week.", 208, False),
        ("Free hot meals two evenings every week.", 208, False),
        ("Monthly peer support groups in Haverhill, Newmarket and Sudbury.", 72, False),
        ("Weekly drop-in advice sessions in community venues.", 300, False),
        ("A monthly carers' cafe.", 72, True),
    ],
)
def test_sessions_beyond_their_frequency_over_the_contract(description, quantity, flagged):
    c = _commitment(description=description, quantity=quantity)
    assert ("more-than-frequency" in _ids(c)) is flagged


def test_an_apprenticeship_completed_within_a_month_cannot_be():
    c = _commitment(
        measure_id="qualifications", unit="people", quantity=6, timescale="within the first month",
        timescale_months=1,
        description="Our 6 supervisors will complete the Level 2 apprenticeship.",
    )  # fmt: skip
    assert "apprenticeship-too-short" in _ids(c)
    later = c.model_copy(update={"timescale": "within 14 months", "timescale_months": 14})
    assert "apprenticeship-too-short" not in _ids(later)


def test_one_named_person_cannot_do_more_weeks_than_the_timescale_has():
    c = _commitment(
        measure_id="apprenticeships", unit="weeks", quantity=104, timescale="within 6 months",
        timescale_months=6,
        description="We will take on one Lowestoft school leaver as an apprentice.",
    )  # fmt: skip
    assert "weeks-per-person" in _ids(c)
    levels = c.model_copy(update={"description": "Level 3 Adult Care apprenticeships for staff."})
    assert "weeks-per-person" not in _ids(levels)


def test_more_people_seen_weekly_than_a_team_can_see_is_out_of_proportion():
    c = _commitment(
        measure_id="befriending", unit="people", quantity=1500,
        description="A weekly phone call or visit for each of 1,500 older residents.",
    )  # fmt: skip
    assert "regular-contact" in _ids(c, council="tower-hamlets", size="micro")
    fewer = c.model_copy(update={"quantity": 40, "description": "A weekly call for 40 people."})
    assert "regular-contact" not in _ids(fewer, council="tower-hamlets", size="micro")


def test_the_same_new_jobs_under_two_job_measures_are_counted_twice():
    pack = PACKS["tower-hamlets"]
    first = _commitment(
        id="c1", measure_id="local-hires", unit="people", quantity=15,
        description="15 new depot posts filled with residents recruited through WorkPath.",
    )  # fmt: skip
    second = _commitment(
        id="c2", measure_id="jobs-furthest-from-work", unit="people", quantity=15,
        description="The depot posts will go to long-term unemployed residents.",
    )  # fmt: skip
    opportunity = Opportunity(title="Facilities management", value_gbp=6_800_000, word_limit=500)
    checks = offer_checks([first, second], opportunity, Supplier(name="FM", size="large"), pack)
    assert any(c.id == "counted-twice" and c.commitment_id == "c2" for c in checks)


# The seventh tuning set: the supplier's own word, plans and orders as evidence, personal details,
# activity already running, and what the law or every site requires.


@pytest.mark.parametrize(
    ("measure", "unit", "evidence"),
    [
        ("local-hires", "people", "A self-certification form signed by our director"),
        ("local-hires", "people", "Enhanced DBS certificates for each new starter"),
        ("local-hires", "people", "Copies of the job adverts we placed with the Jobcentre"),
        ("school-careers-sessions", "sessions", "Our monthly KPI report to the council"),
        ("local-supplier-spend", "gbp", "Copies of the purchase orders we raise"),
    ],
)
def test_the_suppliers_own_word_a_plan_or_an_order_does_not_prove_it(measure, unit, evidence):
    c = _commitment(measure_id=measure, unit=unit, quantity=5, evidence=evidence)
    assert "evidence-mismatch" in _ids(c, council="tower-hamlets")


def test_evidence_that_would_hand_over_personal_details_is_advice():
    said = "Names, home addresses and dates of birth of the young people"
    assert "personal-details" in _ids(_commitment(evidence=said))
    assert "personal-details" not in _ids(_commitment(evidence="Invoices with supplier addresses"))


@pytest.mark.parametrize(
    ("description", "flag"),
    [
        ("Our annual fun run, which we have organised every June since 2019.", "done-anyway"),
        ("Jade, our apprentice who joined us in September 2025, will work on it.", "done-anyway"),
        ("We hold ISO 14001 and ISO 9001, as we always have.", "done-anyway"),
        ("The same offer we make in every bid.", "whole-organisation"),
        ("Our toy appeal, part of our company-wide CSR programme.", "whole-organisation"),
    ],
)
def test_activity_already_running_is_advice(description, flag):
    assert flag in _ids(_commitment(description=description))


def test_an_organisation_wide_policy_apportioned_to_the_contract_is_not():
    said = "Our organisation-wide policy covers 22 staff; the 9 (41%) on this contract are counted."
    assert "whole-organisation" not in _ids(_commitment(description=said))


@pytest.mark.parametrize(
    "description",
    [
        "The new website will meet WCAG 2.2 AA.",
        "Every operative on site will hold a valid CSCS card.",
        "We will comply with UK GDPR.",
    ],
)
def test_what_the_law_or_every_site_requires_is_not_extra(description):
    assert "already-required" in _ids(_commitment(description=description))


def test_the_real_living_wage_beside_the_legal_minimum_is_extra():
    said = "Most of our contracts pay the National Living Wage; this one pays the real Living Wage."
    assert "already-required" not in _ids(_commitment(description=said))
