"""What the contract pages show, for staff and suppliers alike: the periods and their returns,
the promised-against-delivered table and the contract's rating with its reasons."""

from dataclasses import dataclass
from datetime import date, datetime

from flask import request
from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice

from forms.contracts import KpiLine, return_form
from knowledge.packs import CouncilPack
from monitoring.assessment import Report, ReturnCounts, contract_report
from monitoring.budget import ContractFacts, KpiFacts
from monitoring.periods import Period, is_late, is_overdue, long_date, reporting_periods
from monitoring.ratings import Kpi
from monitoring.schedule import schedule_warning
from offer.submission import UK
from store.contracts import Contract, ContractKpi
from store.returns import DeliveryReturn, Entry

EVIDENCE_TYPES = (
    ("payroll", "Payroll record"),
    ("attendance", "Attendance list or register"),
    ("invoice", "Invoice or receipt"),
    ("timesheet", "Timesheet or volunteering log"),
    ("certificate", "Certificate or training record"),
    ("letter", "Letter from a partner or beneficiary"),
    ("photo", "Photographs or other records"),
    ("other", "Other evidence"),
)
EVIDENCE_LABELS = dict(EVIDENCE_TYPES)
STATUS_LABELS = {"accepted": "Accepted", "submitted": "Waiting for check", "queried": "Queried"}


@dataclass(frozen=True)
class PeriodReturns:
    """A period, its returns KPI by KPI, and how it stands."""

    period: Period
    returns: list[tuple[ContractKpi, DeliveryReturn | None]]
    late: bool
    overdue: bool
    status: str


@dataclass(frozen=True)
class ContractView:
    """Everything a contract page shows."""

    contract: Contract
    periods: list[PeriodReturns]
    report: Report
    awaiting: dict[int, float]  # quantity waiting for staff, by KPI id
    warning: str | None


def today() -> date:
    """Today in the UK."""
    return datetime.now(UK).date()


def kpis(contract: Contract) -> list[Kpi]:
    """The contract's KPIs as the rating core knows them."""
    return [
        Kpi(str(k.id), k.title, k.target, k.value_per_unit, level=k.unit == "percent")
        for k in contract.kpis
    ]


def periods_of(contract: Contract) -> tuple[Period, ...]:
    """The contract's reporting periods."""
    start = date.fromisoformat(contract.starts_on)
    return reporting_periods(start, contract.duration_months, contract.period_months)


def _status(period: Period, returns: list[DeliveryReturn], day: date) -> tuple[bool, bool, str]:
    late = any(is_late(period, date.fromisoformat(r.recorded_at[:10])) for r in returns)
    overdue = is_overdue(period, day, bool(returns))
    if overdue:
        return late, overdue, "Overdue"
    if not returns:
        return late, overdue, "Not due yet" if period.ends_on >= day else "Due"
    kinds = {r.status for r in returns}
    status = next(STATUS_LABELS[s] for s in ("queried", "submitted", "accepted") if s in kinds)
    return late, overdue, f"{status} (late)" if late else status


def contract_view(
    contract: Contract, returns: list[DeliveryReturn], pack: CouncilPack, day: date | None = None
) -> ContractView:
    """The periods with their returns, the report on accepted returns, and any warning."""
    day = day or today()
    by_key = {(r.kpi_id, r.period): r for r in returns}
    periods, counts = [], {"late": 0, "overdue": 0, "awaiting": 0}
    for period in periods_of(contract):
        rows = [(k, by_key.get((k.id, period.number))) for k in contract.kpis]
        got = [r for _, r in rows if r]
        late, overdue, status = _status(period, got, day)
        counts["late"] += late
        counts["overdue"] += overdue
        counts["awaiting"] += any(r.status != "accepted" for r in got)
        periods.append(PeriodReturns(period, rows, late, overdue, status))
    accepted: dict[str, list[float]] = {}
    awaiting: dict[int, float] = {}
    for r in returns:
        if r.status == "accepted":
            accepted.setdefault(str(r.kpi_id), []).append(r.quantity)
        else:
            awaiting[r.kpi_id] = awaiting.get(r.kpi_id, 0.0) + r.quantity
    report = contract_report(
        kpis(contract),
        accepted,
        [p.period for p in periods],
        day,
        pack.rubric.kpi_rating,
        ReturnCounts(**counts),
    )
    warning = schedule_warning(contract.value_gbp, len(contract.kpis))
    return ContractView(contract, periods, report, awaiting, warning)


def delivered_by_kpi(
    deliveries: list[tuple[int, int, int, float]],
) -> dict[int, dict[int, float]]:
    """Accepted quantities by KPI id, then period: from `store.returns.accepted_deliveries`."""
    grouped: dict[int, dict[int, float]] = {}
    for _, kpi_id, period, quantity in deliveries:
        grouped.setdefault(kpi_id, {})[period] = quantity
    return grouped


def budget_facts(contract: Contract, delivered: dict[int, dict[int, float]]) -> ContractFacts:
    """A contract as the budget counts it, with accepted quantities by KPI and period."""
    return ContractFacts(
        contract.id,
        contract.title,
        contract.supplier_name,
        contract.supplier_type,
        contract.supplier_size,
        contract.supplier_local,
        contract.value_gbp,
        periods_of(contract),
        [
            KpiFacts(kpi, k.theme_title or "No theme", delivered.get(k.id, {}))
            for kpi, k in zip(kpis(contract), contract.kpis, strict=True)
        ],
    )


def kpi_lines(contract: Contract) -> list[KpiLine]:
    """The contract's KPIs as the forms name them."""
    return [KpiLine(k.position, k.title, k.unit_label) for k in contract.kpis]


def return_form_for(contract: Contract, day: date | None = None) -> FlaskForm:
    """The return form for the periods that have begun (a later or unknown one is refused)."""
    periods = periods_of(contract)
    started = [p for p in periods if p.starts_on <= (day or today())]
    if started:
        outside = (
            f"Choose a reporting period of this contract that has begun: period 1 to period "
            f"{len(started)} (from {long_date(periods[0].starts_on)})"
        )
    else:
        outside = f"Returns open when the contract starts on {long_date(periods[0].starts_on)}"
    choices = [SelectChoice(str(p.number), p.label) for p in started]
    return return_form(kpi_lines(contract), choices, outside, EVIDENCE_TYPES)()


def requested_period() -> int | None:
    """The period a GET asks to show (?period=N), to correct what was recorded for it."""
    period = request.args.get("period", "")
    return int(period) if request.method == "GET" and period.isdigit() else None


def fill_return(form: FlaskForm, contract: Contract, returns: list[DeliveryReturn], period: int):
    """Show what is already recorded for a period, so it can be corrected."""
    form.period.data = str(period)
    by_kpi = {r.kpi_id: r for r in returns if r.period == period}
    for kpi in contract.kpis:
        if kpi.id in by_kpi:
            found = by_kpi[kpi.id]
            getattr(form, f"quantity_{kpi.position}").data = found.quantity
            getattr(form, f"evidence_type_{kpi.position}").data = found.evidence_type
            getattr(form, f"evidence_note_{kpi.position}").data = found.evidence_note


def entries_from(form: FlaskForm, contract: Contract) -> list[Entry]:
    """The KPIs reported in a valid return form (blank ones are left as they were)."""
    return [
        Entry(
            kpi.id,
            float(getattr(form, f"quantity_{kpi.position}").data),
            getattr(form, f"evidence_type_{kpi.position}").data,
            getattr(form, f"evidence_note_{kpi.position}").data,
        )
        for kpi in contract.kpis
        if getattr(form, f"quantity_{kpi.position}").data is not None
    ]


def page_context() -> dict:
    """What the contract templates need besides the view: today, and readable labels."""
    return {
        "today_date": today(),
        "evidence_labels": EVIDENCE_LABELS,
        "status_labels": STATUS_LABELS,
    }
