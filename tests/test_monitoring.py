"""After award, worked by hand: reporting periods, the KPI schedule, a contract's report and
the council's social value budget, on both rating methods."""

from datetime import date

import pytest

from knowledge.packs import load_packs
from monitoring.assessment import ReturnCounts, contract_report
from monitoring.budget import ContractFacts, KpiFacts, social_value_budget, supplier_group
from monitoring.period_status import pending_words
from monitoring.periods import add_months, is_late, is_overdue, reporting_periods
from monitoring.ratings import Kpi
from monitoring.schedule import kpis_from_offer, schedule_warning

PACKS = load_packs()
TARGET = PACKS["tower-hamlets"].rubric.kpi_rating  # Good 100, Approaching 80, RI 50
VALUE = PACKS["suffolk"].rubric.kpi_rating  # Good 95, Approaching 75, RI 50
APPRENTICE_WEEKS = Kpi("a1", "Apprentice weeks", target=40, value_per_unit=226.5)
VOLUNTEERING = Kpi("a2", "Volunteering hours", target=100)
LOCAL_SPEND = Kpi("b1", "Spend with local firms", target=20_000, value_per_unit=1.0)


def test_months_are_added_to_the_end_of_a_shorter_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)


def test_quarterly_periods_cover_the_contract_without_gaps():
    periods = reporting_periods(date(2026, 4, 1), 12, 3)
    assert [(p.starts_on, p.ends_on) for p in periods] == [
        (date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 9, 30)),
        (date(2026, 10, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 3, 31)),
    ]
    assert periods[0].due_on == date(2026, 7, 30)
    assert periods[1].label == "Period 2: 1 July 2026 to 30 September 2026"


def test_a_contract_that_is_not_a_whole_number_of_periods_ends_with_a_short_one():
    periods = reporting_periods(date(2026, 4, 1), 7, 3)
    assert [p.ends_on for p in periods] == [
        date(2026, 6, 30),
        date(2026, 9, 30),
        date(2026, 10, 31),
    ]


def test_late_and_overdue_returns():
    period = reporting_periods(date(2026, 4, 1), 12, 3)[0]  # due 30 July 2026
    assert not is_late(period, date(2026, 7, 30))
    assert is_late(period, date(2026, 7, 31))
    assert is_overdue(period, date(2026, 8, 1), returned=False)
    assert not is_overdue(period, date(2026, 8, 1), returned=True)
    assert not is_overdue(period, date(2026, 7, 30), returned=False)


OFFER = {
    "commitments": [
        {
            "id": "c1",
            "theme_id": "jobs",
            "theme_title": "Jobs",
            "title": "Apprentice weeks",
            "quantity": 40,
            "unit": "weeks",
            "unit_label": "weeks",
            "milestones": ["First apprentice starts by June"],
            "proxy": {
                "value_gbp": 9060,
                "rate_gbp": 226.5,
                "per": "week",
                "source": "x",
                "year": 2025,
            },
        },
        {"id": "c2", "theme_id": "local", "title": "Local spend", "quantity": 5000, "unit": "gbp"},
        {"id": "c3", "theme_id": None, "title": "Mentoring", "quantity": None},
    ]
}


def test_every_commitment_becomes_a_draft_kpi_with_its_value_per_unit():
    drafts = kpis_from_offer(OFFER)
    assert [(d.commitment_id, d.target, d.value_per_unit) for d in drafts] == [
        ("c1", 40, 226.5),
        ("c2", 5000, 1.0),
        ("c3", None, None),
    ]
    assert drafts[0].milestones == ["First apprentice starts by June"]


def test_contracts_over_five_million_are_warned_below_three_kpis():
    assert schedule_warning(5_000_001, 2) is not None
    assert "has 2 KPIs" in schedule_warning(6_000_000, 2)
    assert schedule_warning(6_000_000, 3) is None
    assert schedule_warning(5_000_000, 0) is None  # "over £5m"
    assert schedule_warning(None, 0) is None


PERIODS_A = reporting_periods(date(2026, 4, 1), 12, 3)


@pytest.mark.parametrize(
    ("rating", "percent", "overall"),
    # Two of four periods' returns due by 1 November 2026: 20 apprentice weeks and 50 hours.
    # Target: mean(10/20 = 50%, min(110/50, 100%)) = 75% -> Requires improvement (TH 80/50).
    # Value: the weeks are the only KPI with a £ value: 10 x £226.50 of 20 x £226.50 = 50%;
    # the hours have none, so count apart: 100% (capped). (50 + 100) / 2 = 75% -> Approaching
    # target (Suffolk 95/75/50). Counting each hour as £1, this was 2,315 / 4,580 = 50.5%.
    [(TARGET, 75.0, "Requires improvement"), (VALUE, 75.0, "Approaching target")],
)
def test_a_contract_report_counts_what_was_due_by_the_last_period_ended(rating, percent, overall):
    report = contract_report(
        [APPRENTICE_WEEKS, VOLUNTEERING],
        {"a1": [10], "a2": [50, 60]},
        PERIODS_A,
        date(2026, 11, 1),
        rating,
        ReturnCounts(late=1, awaiting=1),
    )
    assert (report.ended, report.periods) == (2, 4)
    assert [(p.due, p.percent_of_due) for p in report.progress] == [(20, 50.0), (50, 220.0)]
    assert (report.percent, report.rating) == (percent, overall)
    assert report.reasons[0].startswith("Delivery is counted against what was due by the end of")
    assert "30 September 2026" in report.reasons[0]
    assert any(
        r.startswith("Apprentice weeks: 10 delivered of 20 due (50%)") for r in report.reasons
    )
    assert "1 return was late." in report.reasons
    assert "1 return is waiting for the council to check, and not yet counted." in report.reasons


def test_before_any_period_ends_nothing_is_due():
    report = contract_report([VOLUNTEERING], {}, PERIODS_A, date(2026, 5, 1), TARGET)
    assert report.reasons[0] == (
        "No return is due yet, so nothing was due: the first is due on 30 July 2026."
    )
    assert report.progress[0].due == 0 and report.rating == "Good"


def test_a_period_ended_whose_return_is_not_yet_due_counts_for_nothing():
    # Awarded on 15 July 2026 to a contract that started on 1 April: period 1 has ended, but
    # its return is not due until 30 July, so nothing is owed and nothing is "Inadequate".
    award_day = contract_report([VOLUNTEERING], {}, PERIODS_A, date(2026, 7, 15), TARGET)
    assert award_day.progress[0].due == 0 and award_day.rating == "Good"
    owed = contract_report([VOLUNTEERING], {}, PERIODS_A, date(2026, 7, 31), TARGET)
    assert owed.progress[0].due == 25 and owed.rating == "Inadequate"  # 100 hours, 1 of 4


def _facts():
    meals = ContractFacts(
        1, "Meals", "Food Charity", "charity", "small", True, 100_000, PERIODS_A,
        [
            KpiFacts(APPRENTICE_WEEKS, "Jobs", {1: 10, 2: 10, 3: 5, 4: 10}),
            KpiFacts(VOLUNTEERING, "Communities", {1: 50, 2: 60}),
        ],
    )  # fmt: skip
    cleaning = ContractFacts(
        2, "Cleaning", "Clean Co", "sme", "small", False, 300_000,
        reporting_periods(date(2026, 10, 1), 24, 6),  # only period 1 ends by 31 March 2027
        [KpiFacts(LOCAL_SPEND, "Local economy", {1: 3000, 2: 9999})],
    )  # fmt: skip
    parks = ContractFacts(  # ended before the year: not in the budget
        3, "Parks", "Big Ltd", "large", "large", True, 600_000,
        reporting_periods(date(2025, 1, 1), 12, 3), [KpiFacts(VOLUNTEERING, "Communities", {1: 1})],
    )  # fmt: skip
    printing = ContractFacts(  # live, no commitments
        4, "Printing", "Print Ltd", "sme", "micro", True, 50_000,
        reporting_periods(date(2026, 6, 1), 12, 3), [],
    )  # fmt: skip
    return [meals, cleaning, parks, printing]


YEAR = (date(2026, 4, 1), date(2027, 3, 31), date(2027, 5, 1))  # every return of it due


def test_the_budget_matches_the_hand_worked_figures_on_targets():
    budget = social_value_budget(_facts(), *YEAR, TARGET)
    # Live: Meals, Cleaning, Printing, each at the part of its value in the year, by days:
    # Meals all 365 of its days (£100,000); Cleaning 182 of its 731 (1 October 2026 to 31 March
    # 2027 of two years from 1 October 2026: £74,692.20); Printing 304 of its 365 (1 June 2026
    # to 31 March 2027: £41,643.84). Local SME/VCSE: Meals + Printing = £141,643.84, 65.5%.
    assert budget.contract_value_gbp == round(100_000 + 74_692.20 + 41_643.84, 2)
    assert budget.local_sme_vcse_gbp == round(100_000 + 41_643.84, 2)
    assert budget.local_sme_vcse_percent == 65.5
    assert (budget.with_commitments, budget.with_commitments_percent) == (2, 66.7)
    # Apprentice weeks 35 of 40 (87.5%), volunteering 110 of 100 (100% capped), local spend
    # 3,000 of the 5,000 due in Cleaning's first half-year (60%): mean 82.5% -> Approaching.
    total = budget.total
    assert (total.contracts, total.kpis, total.percent, total.rating) == (
        3, 3, 82.5, "Approaching target",
    )  # fmt: skip
    # £: promised 40 x 226.5 + 20,000 = 29,060; due 9,060 + 5,000; delivered 7,927.5 + 3,000.
    assert (total.promised_gbp, total.due_gbp, total.delivered_gbp) == (29_060, 14_060, 10_927.5)
    assert [(r.label, r.contracts, r.percent, r.rating) for r in budget.by_theme] == [
        ("Communities", 1, 100.0, "Good"),
        ("Jobs", 1, 87.5, "Approaching target"),
        ("Local economy", 1, 60.0, "Requires improvement"),
    ]
    assert [(r.label, r.kpis, r.percent, r.rating) for r in budget.by_contract] == [
        ("Meals", 2, 93.8, "Approaching target"),  # mean(87.5, 100)
        ("Cleaning", 1, 60.0, "Requires improvement"),
        ("Printing", 0, 0.0, "No commitments"),
    ]
    assert [
        (r.label, r.contracts, r.contract_value_gbp, r.kpis, r.percent)
        for r in budget.by_supplier_type
    ] == [("SME", 2, round(74_692.20 + 41_643.84, 2), 1, 60.0), ("VCSE", 1, 100_000, 2, 93.8)]


def test_the_budget_matches_the_hand_worked_figures_on_value():
    budget = social_value_budget(_facts(), *YEAR, VALUE)
    # The valued KPIs by £: due 40 x 226.5 + 5,000 = 14,060, delivered 7,927.5 + 3,000 =
    # 10,927.5: 77.72%, for each of the two; the unvalued hours, 110 of 100 (capped), 100%.
    # (77.72 x 2 + 100) / 3 = 85.1%.
    assert (budget.total.percent, budget.total.rating) == (85.1, "Approaching target")
    meals = budget.by_contract[0]
    # 7,927.5 / 9,060 = 87.5% for the weeks, 100% for the hours: 93.75%.
    assert (meals.percent, meals.rating) == (93.8, "Approaching target")


def test_supplier_groups():
    assert supplier_group("cooperative", "large") == "VCSE"
    assert supplier_group(None, "medium") == "SME"
    assert supplier_group("large", None) == "Large business"
    assert supplier_group(None, None) == "Not known"


def test_a_level_kpi_is_due_in_full_and_achieved_on_average():
    recycled = Kpi("w", "Waste recycled", target=60, level=True)  # percent
    report = contract_report([recycled], {"w": [50, 58]}, PERIODS_A, date(2026, 11, 1), TARGET)
    # Due: all 60% once a period has ended; achieved: the average of 50% and 58% = 54% -> 90%.
    progress = report.progress[0]
    assert (progress.due, progress.achieved, progress.percent_of_due) == (60, 54, 90.0)
    assert progress.rating == "Approaching target"
    before = contract_report([recycled], {}, PERIODS_A, date(2026, 5, 1), TARGET)
    assert before.progress[0].due == 0


def test_in_a_year_still_running_only_the_periods_ended_so_far_are_due():
    budget = social_value_budget(
        _facts(), date(2026, 4, 1), date(2027, 3, 31), date(2026, 11, 1), TARGET
    )
    # Meals: periods 1 and 2 due (20 weeks, 50 hours); Cleaning: none yet (nothing due).
    meals, cleaning, _ = budget.by_contract
    assert (meals.due_gbp, cleaning.due_gbp) == (20 * 226.5, 0)
    assert cleaning.rating == "Nothing due yet"  # not "100% Good" for what nobody owes yet
    assert meals.percent == 100.0  # 20 of 20 weeks, 110 of 50 hours (capped)


@pytest.mark.parametrize(
    ("unit", "pending", "said"),
    [
        ("people", [("submitted", 40.0), ("submitted", 18.0)],
         ["58 more waiting for the council to check"]),
        ("percent", [("submitted", 95.0)], ["A return of 95% waiting for the council to check"]),
        ("hours", [("queried", 12.0)], ["12 queried by the council, so not counted"]),
        ("percent", [("submitted", 90.0), ("queried", 13.0)],
         ["A return of 90% waiting for the council to check",
          "A return of 13% queried by the council, so not counted"]),
    ],
)  # fmt: skip
def test_returns_not_yet_accepted_are_described_honestly(unit, pending, said):
    assert pending_words(unit, pending) == said


def test_a_kpi_due_sooner_than_the_contract_is_due_pro_rata_to_its_own_timescale():
    # "4 people within 12 months" on a two-year contract of 8 quarters: after 2 quarters,
    # half of the 4 is due (2 of 4 quarters of its year), not a quarter of it.
    periods = reporting_periods(date(2026, 4, 1), 24, 3)
    soon = Kpi("h", "Local hires", target=4, due_by=0.5)
    whole = Kpi("w", "Local hires", target=4)
    report = contract_report([soon, whole], {}, periods, date(2026, 11, 1), TARGET)
    assert [p.due for p in report.progress] == [2, 1]
    late = contract_report([soon], {"h": [4]}, periods, date(2027, 12, 1), TARGET)
    assert late.progress[0].due == 4 and late.progress[0].rating == "Good"  # all due by then
