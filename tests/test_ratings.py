"""Promised against delivered: KPI and contract ratings by the packs' own bands, worked by hand."""

import pytest

from knowledge.packs import load_packs
from monitoring.ratings import Kpi, contract_rating, kpi_progress, rating_for

PACKS = load_packs()
TARGET = PACKS["tower-hamlets"].rubric.kpi_rating  # target-based: 100 / 80 / 50 / 0
VALUE = PACKS["suffolk"].rubric.kpi_rating  # value-based: 95 / 75 / 50 / 0
KPIS = [
    Kpi("c1", "Local people into jobs", target=10, value_per_unit=1000),
    Kpi("c2", "Staff volunteering hours", target=200, value_per_unit=14.80),
    Kpi("c3", "Local subcontractors", target=6),
]


def test_the_packs_use_both_methods():
    assert (TARGET.method, VALUE.method) == ("target", "value")


@pytest.mark.parametrize(
    ("percent", "target", "value"),
    [
        (120, "Good", "Good"),
        (100, "Good", "Good"),
        (96, "Approaching target", "Good"),
        (80, "Approaching target", "Approaching target"),
        (60, "Requires improvement", "Requires improvement"),
        (10, "Inadequate", "Inadequate"),
    ],
)
def test_a_percentage_falls_in_the_councils_band(percent, target, value):
    assert (rating_for(percent, TARGET), rating_for(percent, VALUE)) == (target, value)


def halfway(achieved):
    """Returns after 12 of 24 months: half of each target was due."""
    return [kpi_progress(k, a, 0.5, TARGET) for k, a in zip(KPIS, achieved, strict=True)]


def test_each_kpi_is_rated_on_what_was_due_by_now():
    progress = halfway([4, 120, 1])
    # Due: 5 people, 100 hours, 3 firms. Achieved 4 (80%), 120 (120%), 1 (33.3%).
    assert [(p.due, p.percent_of_due, p.percent_of_target) for p in progress] == [
        (5, 80.0, 40.0),
        (100, 120.0, 60.0),
        (3, 33.3, 16.7),
    ]
    assert [p.rating for p in progress] == ["Approaching target", "Good", "Inadequate"]


def test_target_based_contract_rating_averages_capped_percentages():
    # (80 + 100 (capped from 120) + 33.3) / 3 = 71.1% -> Requires improvement (50 to 80).
    assert contract_rating(halfway([4, 120, 1]), TARGET) == (71.1, "Requires improvement")


def test_value_based_contract_rating_weighs_valued_kpis_by_value_and_counts_the_rest_apart():
    # The valued KPIs, by £: due 5 x £1,000 + 100 x £14.80 = £6,480; delivered (capped at
    # due) 4 x £1,000 + 100 x £14.80 = £5,480: 84.57%, counted once for each of the two.
    # The subcontractors have no £ value: 1 of 3 due, 33.3%, counted once, not as £1 each.
    # (84.57 x 2 + 33.3) / 3 = 67.5% -> Requires improvement (50 to 75).
    progress = [kpi_progress(k, a, 0.5, VALUE) for k, a in zip(KPIS, [4, 120, 1], strict=True)]
    assert contract_rating(progress, VALUE) == (67.5, "Requires improvement")


SPEND = Kpi("s", "Spend with Suffolk businesses", target=20_000, value_per_unit=1.0)
JOBS = Kpi("j", "Jobs for Suffolk residents", target=2)
HOURS = Kpi("h", "Staff volunteering hours", target=100)


@pytest.mark.parametrize(
    ("delivered", "expected"),
    [
        # All £20,000 of spend and nothing else: (100 + 0 + 0) / 3 = 33.3%. Counting each
        # job and hour as £1, this was 99.5%, Good.
        ([20_000, 0, 0], (33.3, "Inadequate")),
        # Both jobs and all the hours, 60% of the spend: (60 + 100 + 100) / 3 = 86.7%. Counting
        # them as £1 each, this was 60.2%, Requires improvement.
        ([12_000, 2, 100], (86.7, "Approaching target")),
    ],
)
def test_pounds_of_spend_do_not_swamp_jobs_and_hours_without_a_value(delivered, expected):
    progress = [
        kpi_progress(k, a, 1.0, VALUE) for k, a in zip([SPEND, JOBS, HOURS], delivered, strict=True)
    ]
    assert contract_rating(progress, VALUE) == expected


def test_with_no_pound_values_the_value_method_is_the_target_method():
    kpis = [JOBS, HOURS]
    progress = [kpi_progress(k, a, 1.0, VALUE) for k, a in zip(kpis, [1, 100], strict=True)]
    assert contract_rating(progress, VALUE)[0] == contract_rating(progress, TARGET)[0] == 75.0


def test_a_second_period_updates_the_ratings():
    first = [kpi_progress(k, a, 0.25, TARGET) for k, a in zip(KPIS, [1, 40, 0], strict=True)]
    # Due after 6 months: 2.5, 50, 1.5 -> 40%, 80%, 0% -> average 40% -> Inadequate.
    assert contract_rating(first, TARGET) == (40.0, "Inadequate")
    second = halfway([5, 100, 3])
    assert contract_rating(second, TARGET) == (100.0, "Good")


def test_nothing_due_yet_is_not_a_failure():
    (progress,) = [kpi_progress(KPIS[0], 0, 0.0, TARGET)]
    assert (progress.percent_of_due, progress.rating) == (100.0, "Good")
