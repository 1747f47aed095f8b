"""What the contract pages show, for staff and suppliers alike: the periods and their returns,
the promised-against-delivered table and the contract's rating with its reasons."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from flask import Response, abort, current_app, request, send_file
from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice

import clock
from forms.contracts import KpiLine, return_form
from knowledge.packs import CouncilPack
from monitoring.assessment import Report, contract_report
from monitoring.contracts import kpis, periods_of
from monitoring.evidence_files import (
    MAX_AT_ONCE,
    MAX_CONTRACT_BYTES,
    MAX_CONTRACT_FILES,
    MAX_FILE_BYTES,
    size_words,
)
from monitoring.period_status import STATUS_LABELS, pending_words, period_status, return_counts
from monitoring.periods import Period, long_date
from monitoring.schedule import schedule_warning
from store.contracts import Contract, ContractKpi
from store.evidence import EvidenceFile, add_files, file_of, files_for, held_for, path_of
from store.returns import DeliveryReturn, Entry, save_return
from web.common.db import get_db

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
    pending: dict[int, list[str]]  # what returns not yet accepted say, by KPI id
    warning: str | None


def contract_view(
    contract: Contract, returns: list[DeliveryReturn], pack: CouncilPack, day: date | None = None
) -> ContractView:
    """The periods with their returns, the report on accepted returns, and any warning."""
    day = day or clock.today()
    by_key = {(r.kpi_id, r.period): r for r in returns}
    periods, statuses = [], []
    for period in periods_of(contract):
        rows = [(k, by_key.get((k.id, period.number))) for k in contract.kpis]
        status = period_status(period, [r for _, r in rows if r], day)
        periods.append(PeriodReturns(period, rows, status.late, status.overdue, status.label))
        statuses.append(status)
    accepted: dict[str, list[float]] = {}
    waiting: dict[int, list[tuple[str, float]]] = {}
    for r in returns:
        if r.status == "accepted":
            accepted.setdefault(str(r.kpi_id), []).append(r.quantity)
        else:
            waiting.setdefault(r.kpi_id, []).append((r.status, r.quantity))
    units = {k.id: k.unit for k in contract.kpis}
    pending = {kpi: pending_words(units.get(kpi), said) for kpi, said in waiting.items()}
    report = contract_report(
        kpis(contract),
        accepted,
        [p.period for p in periods],
        day,
        pack.rubric.kpi_rating,
        return_counts(statuses),
    )
    warning = schedule_warning(contract.value_gbp, len(contract.kpis))
    return ContractView(contract, periods, report, pending, warning)


def kpi_lines(contract: Contract) -> list[KpiLine]:
    """The contract's KPIs as the forms name them."""
    return [KpiLine(k.position, k.title, k.unit_label) for k in contract.kpis]


def return_form_for(contract: Contract, day: date | None = None) -> FlaskForm:
    """The return form for the periods that have begun (a later or unknown one is refused)."""
    periods = periods_of(contract)
    started = [p for p in periods if p.starts_on <= (day or clock.today())]
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
        "today_date": clock.today(),
        "evidence_labels": EVIDENCE_LABELS,
        "status_labels": STATUS_LABELS,
    }


# A return with its files: up to 3 files of 5 MB, and the form around them.
RETURN_REQUEST_BYTES = MAX_AT_ONCE * MAX_FILE_BYTES + 1024 * 1024


def save_submitted_return(form: FlaskForm, contract: Contract, staff_id: int | None) -> bool:
    """Save a valid return form's lines and keep its evidence files; False (with the problem
    on the files field) when the contract has no room left for the files."""
    db = get_db()
    count, size = held_for(db, contract.id)
    files = form.attached
    if files and (
        count + len(files) > MAX_CONTRACT_FILES
        or size + sum(len(data) for _, _, data in files) > MAX_CONTRACT_BYTES
    ):
        form.evidence_files.errors = [
            f"This contract already holds {count} evidence files ({size_words(size)}), as many "
            "as it can: describe the evidence in the note, and keep the files for the council "
            "to ask for"
        ]
        return False
    save_return(
        db,
        council_id=contract.council_id,
        contract_id=contract.id,
        period=int(form.period.data),
        entries=entries_from(form, contract),
        staff_id=staff_id,
    )
    if files:
        add_files(
            db,
            Path(current_app.config["EVIDENCE_DIR"]),
            contract_id=contract.id,
            period=int(form.period.data),
            files=files,
            staff_id=staff_id,
        )
    return True


def evidence_by_period(contract: Contract) -> dict[int, list[EvidenceFile]]:
    """The contract's evidence files, by period."""
    found: dict[int, list[EvidenceFile]] = {}
    for item in files_for(get_db(), contract.id):
        found.setdefault(item.period, []).append(item)
    return found


def send_evidence(contract: Contract, file_id: int) -> Response:
    """An evidence file of the contract as a download (never shown in the page), or 404."""
    item = file_of(get_db(), contract.id, file_id)
    if item is None:
        abort(404)
    path = path_of(Path(current_app.config["EVIDENCE_DIR"]), item.key)
    if not path.is_file():
        abort(404)
    response = send_file(
        path, mimetype=item.kind.media_type, as_attachment=True, download_name=item.name
    )
    response.headers["Cache-Control"] = "no-store"
    return response
