"""The rules that moved out of the views into the pure cores, tested on their own: awarding a
contract (offer/award.py), who sees whose scores (permissions/), how a reporting period stands
(monitoring/period_status.py) and the financial year (monitoring/financial_year.py).

No app, no database and no web module: plain values in, plain values out."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest

from monitoring.assessment import ReturnCounts
from monitoring.financial_year import financial_year, year_dates, year_label, years_to_choose
from monitoring.period_status import PeriodStatus, period_status, return_counts
from monitoring.periods import reporting_periods
from monitoring.schedule import kpis_from_offer
from offer.award import (
    DEFAULT_DURATION_MONTHS,
    Scheduled,
    award_refusal,
    contract_record,
    default_start,
    kpi_records,
)
from permissions.roles import ROLES, is_manager
from permissions.scores import SCORES_LOCKED, may_see_others_scores, score_change_refusal

# --- Awarding a contract -------------------------------------------------------------------

# 16:00 UTC in June is 5pm in London (British Summer Time).
CLOSES = datetime(2027, 6, 30, 16, 0, tzinfo=UTC)
NOT_CURRENT = "This version of the offer was replaced or withdrawn, so it cannot be awarded."
TOO_EARLY = "Offers close 5pm on 30 June 2027. You can award the contract after that."


@pytest.mark.parametrize("status", ["replaced", "withdrawn"])
def test_a_replaced_or_withdrawn_version_cannot_be_awarded(status):
    after_closing = CLOSES + timedelta(days=1)
    assert award_refusal(status, CLOSES, after_closing) == NOT_CURRENT


def test_a_replaced_version_is_refused_for_that_reason_even_before_offers_close():
    assert award_refusal("replaced", CLOSES, CLOSES - timedelta(days=1)) == NOT_CURRENT


@pytest.mark.parametrize(
    "now",
    [CLOSES - timedelta(days=10), CLOSES - timedelta(seconds=1)],
    ids=["ten days before", "one second before"],
)
def test_an_offer_cannot_be_awarded_before_offers_close(now):
    assert award_refusal("submitted", CLOSES, now) == TOO_EARLY


def test_the_closing_time_is_given_in_uk_time_in_winter_too():
    closes = datetime(2027, 1, 12, 9, 30, tzinfo=UTC)  # Greenwich Mean Time: no shift
    expected = "Offers close 9:30am on 12 January 2027. You can award the contract after that."
    assert award_refusal("submitted", closes, closes - timedelta(hours=1)) == expected


@pytest.mark.parametrize(
    "now",
    [CLOSES, CLOSES + timedelta(seconds=1), CLOSES + timedelta(days=90)],
    ids=["exactly at closing", "one second after", "months after"],
)
def test_a_submitted_offer_can_be_awarded_once_offers_have_closed(now):
    assert award_refusal("submitted", CLOSES, now) is None


@pytest.mark.parametrize(
    ("today", "start"),
    [
        (date(2027, 1, 1), date(2027, 2, 1)),
        (date(2027, 1, 31), date(2027, 2, 1)),
        (date(2027, 2, 28), date(2027, 3, 1)),
        (date(2027, 11, 15), date(2027, 12, 1)),
        (date(2027, 12, 1), date(2028, 1, 1)),
        (date(2027, 12, 31), date(2028, 1, 1)),
    ],
)
def test_a_contract_starts_by_default_on_the_first_day_of_next_month(today, start):
    assert default_start(today) == start


def _opportunity(**changes):
    fields = {
        "code": "LUNCH-42",
        "title": "Lunch club service",
        "value_gbp": 40000,
        "duration_months": 24,
    }
    return SimpleNamespace(**{**fields, **changes})


def _submission(supplier):
    return SimpleNamespace(id=7, conversation_id="conv-1", offer={"supplier": supplier})


RIVERSIDE = {"name": "Riverside Kitchen", "type": "charity", "size": "micro", "local": True}


def test_a_contract_record_takes_the_opportunity_the_submission_and_the_agreed_dates():
    record = contract_record(
        "tower-hamlets", _opportunity(), _submission(RIVERSIDE), date(2027, 8, 1), 3
    )
    assert record == {
        "council_id": "tower-hamlets",
        "opportunity_code": "LUNCH-42",
        "submission_id": 7,
        "conversation_id": "conv-1",
        "title": "Lunch club service",
        "supplier_name": "Riverside Kitchen",
        "supplier_type": "charity",
        "supplier_size": "micro",
        "supplier_local": 1,
        "value_gbp": 40000,
        "starts_on": "2027-08-01",
        "duration_months": 24,
        "period_months": 3,
    }


@pytest.mark.parametrize(
    ("offer", "name", "kind", "local"),
    [
        ({}, "Supplier", None, 0),
        ({"supplier": {}}, "Supplier", None, 0),
        ({"supplier": {"name": ""}}, "Supplier", None, 0),
        ({"supplier": {"name": "Acme", "local": False}}, "Acme", None, 0),
        ({"supplier": {"name": "Acme", "type": "sme", "local": "yes"}}, "Acme", "sme", 1),
    ],
    ids=["no supplier", "empty supplier", "blank name", "not local", "local"],
)
def test_a_contract_record_fills_in_what_the_offer_left_out(offer, name, kind, local):
    submission = SimpleNamespace(id=1, conversation_id="c", offer=offer)
    record = contract_record("tower-hamlets", _opportunity(), submission, date(2027, 8, 1), 6)
    supplier = [record[f"supplier_{field}"] for field in ("name", "type", "size", "local")]
    assert supplier == [name, kind, None, local]


@pytest.mark.parametrize(
    ("value", "duration", "expected_value", "expected_duration"),
    [
        (None, None, 0, 12),
        (0, 0, 0, 12),
        (15000.5, 36, 15000.5, 36),
    ],
)
def test_a_contract_record_counts_a_missing_value_as_nothing_and_lasts_a_year_by_default(
    value, duration, expected_value, expected_duration
):
    opportunity = _opportunity(value_gbp=value, duration_months=duration)
    record = contract_record("tower-hamlets", opportunity, _submission({}), date(2027, 8, 1), 3)
    assert (record["value_gbp"], record["duration_months"]) == (expected_value, expected_duration)
    assert DEFAULT_DURATION_MONTHS == 12


OFFER = {
    "commitments": [
        {
            "id": "c1",
            "theme_id": "jobs",
            "theme_title": "Local jobs",
            "title": "Apprenticeships",
            "unit": "people",
            "unit_label": "apprentices",
            "quantity": 2,
            "proxy": {"rate_gbp": 2500},
            "milestones": ["Recruit by March"],
        },
        {"id": "c2", "title": "Donation to the food bank", "unit": "gbp", "quantity": 500},
    ]
}


def test_each_kpi_record_is_its_commitments_draft_with_the_target_staff_agreed():
    agreed = [Scheduled(3, ["Recruit by April", "Report in June"]), Scheduled(750.0, [])]
    assert kpi_records(kpis_from_offer(OFFER), agreed) == [
        {
            "commitment_id": "c1",
            "theme_id": "jobs",
            "theme_title": "Local jobs",
            "title": "Apprenticeships",
            "unit": "people",
            "unit_label": "apprentices",
            "value_per_unit": 2500.0,
            "target": 3,
            "milestones": ["Recruit by April", "Report in June"],
            "due_months": None,
        },
        {
            "commitment_id": "c2",
            "theme_id": None,
            "theme_title": None,
            "title": "Donation to the food bank",
            "unit": "gbp",
            "unit_label": None,
            "value_per_unit": 1.0,
            "target": 750.0,
            "milestones": [],
            "due_months": None,
        },
    ]


def test_an_offer_without_commitments_makes_no_kpis():
    assert kpi_records(kpis_from_offer({}), []) == []


@pytest.mark.parametrize("agreed_count", [0, 1, 3], ids=["none", "too few", "too many"])
def test_kpis_cannot_be_made_unless_every_commitment_has_exactly_one_agreed_schedule(
    agreed_count,
):
    agreed = [Scheduled(1, [])] * agreed_count
    with pytest.raises(ValueError, match="zip"):
        kpi_records(kpis_from_offer(OFFER), agreed)


# --- Who sees whose scores -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "has_scored", "sees"),
    [
        ("evaluator", False, False),
        ("evaluator", True, True),
        ("moderator", False, True),
        ("moderator", True, True),
        ("admin", False, True),
        ("admin", True, True),
        # Trainers do not score offers; the rule lets anyone who has scored see, so a trainer
        # sees only if they have scores recorded, never otherwise.
        ("trainer", False, False),
        ("trainer", True, True),
    ],
)
def test_an_evaluator_sees_others_scores_only_after_scoring_while_managers_always_do(
    role, has_scored, sees
):
    assert may_see_others_scores(role, has_scored) is sees


@pytest.mark.parametrize("role", ["", "Moderator", "guest", "supplier"])
def test_someone_without_a_staff_role_sees_others_scores_only_after_scoring(role):
    assert may_see_others_scores(role, False) is False


def test_scores_are_locked_once_the_offer_has_been_moderated():
    assert score_change_refusal(moderated=True) == SCORES_LOCKED
    assert SCORES_LOCKED == "Scores are locked once the offer has been moderated"


def test_scores_can_change_until_the_offer_is_moderated():
    assert score_change_refusal(moderated=False) is None


@pytest.mark.parametrize(
    ("role", "manages"),
    [("evaluator", False), ("moderator", True), ("trainer", False), ("admin", True)],
)
def test_only_moderators_and_admins_manage(role, manages):
    assert is_manager(role) is manages


def test_the_manager_table_covers_every_role():
    assert ROLES == ("evaluator", "moderator", "trainer", "admin")
    assert [r for r in ROLES if is_manager(r)] == ["moderator", "admin"]
    assert is_manager("") is False


# --- How a reporting period stands -----------------------------------------------------------

# A year from 1 January 2027 in quarters; the first ends on 31 March, its return due 30 April.
PERIODS = reporting_periods(date(2027, 1, 1), 12, 3)
FIRST = PERIODS[0]


@dataclass(frozen=True)
class Return:
    """A recorded return as the rules see it."""

    status: str
    recorded_at: str


ON_TIME = "2027-04-10T09:15:00+00:00"
LAST_DAY = "2027-04-30T23:59:59+00:00"
LATE = "2027-05-01T00:00:01+00:00"


def test_the_first_quarter_is_the_one_these_tests_describe():
    assert (FIRST.starts_on, FIRST.ends_on, FIRST.due_on) == (
        date(2027, 1, 1),
        date(2027, 3, 31),
        date(2027, 4, 30),
    )


@pytest.mark.parametrize(
    ("day", "label", "overdue"),
    [
        (date(2027, 2, 1), "Not due yet", False),
        (date(2027, 3, 31), "Not due yet", False),  # the period's last day
        (date(2027, 4, 1), "Due", False),
        (date(2027, 4, 30), "Due", False),  # the due date itself
        (date(2027, 5, 1), "Overdue", True),
        (date(2028, 1, 1), "Overdue", True),
    ],
)
def test_a_period_without_returns_is_not_due_then_due_then_overdue(day, label, overdue):
    assert period_status(FIRST, [], day) == PeriodStatus(
        late=False, overdue=overdue, label=label, awaiting=False
    )


@pytest.mark.parametrize(
    ("statuses", "label", "awaiting", "queried"),
    [
        (["accepted"], "Accepted", False, False),
        (["submitted"], "Waiting for check", True, False),
        (["queried"], "Queried", False, True),  # queried is not waiting for the council
        (["accepted", "submitted"], "Waiting for check", True, False),
        (["submitted", "queried"], "Queried", True, True),
        (["accepted", "queried"], "Queried", False, True),
        (["accepted", "submitted", "queried"], "Queried", True, True),
        (["accepted", "accepted"], "Accepted", False, False),
    ],
)
def test_a_period_with_returns_shows_their_review_queried_before_waiting_before_accepted(
    statuses, label, awaiting, queried
):
    returns = [Return(status, ON_TIME) for status in statuses]
    assert period_status(FIRST, returns, date(2027, 6, 1)) == PeriodStatus(
        late=False, overdue=False, label=label, awaiting=awaiting, queried=queried
    )


@pytest.mark.parametrize(
    ("recorded_at", "late"),
    [(ON_TIME, False), (LAST_DAY, False), (LATE, True), ("2027-09-01T12:00:00", True)],
    ids=["well before", "on the due date", "the day after", "months after"],
)
@pytest.mark.parametrize(
    ("status", "label"),
    [("accepted", "Accepted"), ("submitted", "Waiting for check"), ("queried", "Queried")],
)
def test_a_return_recorded_after_the_due_date_is_marked_late(recorded_at, late, status, label):
    got = period_status(FIRST, [Return(status, recorded_at)], date(2027, 12, 1))
    assert got.label == (f"{label} (late)" if late else label)
    assert (got.late, got.overdue) == (late, False)


def test_one_late_return_among_several_makes_the_period_late():
    returns = [Return("accepted", ON_TIME), Return("submitted", LATE)]
    assert period_status(FIRST, returns, date(2027, 6, 1)) == PeriodStatus(
        late=True, overdue=False, label="Waiting for check (late)", awaiting=True
    )


def test_a_return_recorded_before_the_period_ended_stands_even_before_it_is_due():
    returns = [Return("submitted", "2027-03-20T10:00:00+00:00")]
    assert period_status(FIRST, returns, date(2027, 3, 25)) == PeriodStatus(
        late=False, overdue=False, label="Waiting for check", awaiting=True
    )


def test_return_counts_add_up_late_overdue_and_awaiting_periods():
    day = date(2027, 12, 1)
    statuses = [
        period_status(PERIODS[0], [Return("accepted", LATE)], day),  # late
        period_status(PERIODS[1], [], day),  # overdue: due 30 July
        period_status(PERIODS[2], [Return("queried", "2027-10-02T08:00:00")], day),  # queried
        period_status(PERIODS[3], [], day),  # not due yet
    ]
    assert [s.label for s in statuses] == ["Accepted (late)", "Overdue", "Queried", "Not due yet"]
    assert return_counts(statuses) == ReturnCounts(late=1, overdue=1, queried=1)


def test_return_counts_of_no_periods_are_all_nought():
    assert return_counts([]) == ReturnCounts(late=0, overdue=0, awaiting=0)


def test_return_counts_count_periods_not_returns():
    returns = [Return("submitted", LATE), Return("queried", LATE)]
    status = period_status(FIRST, returns, date(2027, 6, 1))
    assert return_counts([status, status]) == ReturnCounts(late=2, overdue=0, awaiting=2, queried=2)


# --- The financial year ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2027, 1, 1), 2026),
        (date(2027, 3, 31), 2026),
        (date(2027, 4, 1), 2027),
        (date(2027, 12, 31), 2027),
        (date(2028, 3, 31), 2027),
        (date(2028, 4, 1), 2028),
    ],
)
def test_a_financial_year_runs_from_1_april_to_31_march(day, year):
    assert financial_year(day) == year


def test_a_financial_years_dates_are_its_first_and_last_day():
    assert year_dates(2026) == (date(2026, 4, 1), date(2027, 3, 31))
    assert year_dates(2027) == (date(2027, 4, 1), date(2028, 3, 31))  # 2028 is a leap year


def test_a_financial_year_is_named_by_its_months():
    assert year_label(2026) == "April 2026 to March 2027"


@pytest.mark.parametrize(
    ("starts", "today", "years"),
    [
        ([], date(2027, 6, 1), [2028, 2027]),
        ([], date(2027, 3, 31), [2027, 2026]),
        ([date(2027, 5, 1)], date(2027, 6, 1), [2028, 2027]),
        ([date(2027, 3, 31)], date(2027, 6, 1), [2028, 2027, 2026]),
        (
            [date(2028, 1, 1), date(2024, 4, 1), date(2026, 7, 1)],
            date(2027, 6, 1),
            list(range(2028, 2023, -1)),
        ),
        ([date(2029, 5, 1)], date(2027, 6, 1), [2028, 2027]),
    ],
    ids=[
        "no contracts",
        "no contracts, on 31 March",
        "one this year",
        "one last year",
        "the earliest counts",
        "a contract starting years ahead",
    ],
)
def test_years_to_choose_run_newest_first_from_next_year_to_the_earliest_contracts(
    starts, today, years
):
    assert years_to_choose(starts, today) == years


def test_a_kpi_keeps_its_commitments_own_timescale():
    offer = {"commitments": [{"id": "c1", "title": "Local hires", "quantity": 4,
                              "unit": "people", "timescale_months": 12}]}  # fmt: skip
    (draft,) = kpis_from_offer(offer)
    assert draft.due_months == 12
    (record,) = kpi_records([draft], [Scheduled(4, [])])
    assert record["due_months"] == 12
