"""Staff: the council's social value budget for a financial year (April to March): promised
and delivered by theme, contract and supplier type, with charts and CSV/XLSX downloads."""

from datetime import date

from flask import Blueprint, Response, abort, g, render_template, request
from werkzeug.datastructures import MultiDict
from wtforms.fields.choices import SelectChoice

import clock
from forms.contracts import BudgetYearForm
from monitoring.budget import Budget, social_value_budget
from monitoring.contracts import budget_facts, delivered_by_kpi
from monitoring.financial_year import financial_year, year_dates, year_label, years_to_choose
from monitoring.periods import long_date
from permissions.roles import EVALUATORS
from store.contracts import contracts_for_council
from store.returns import accepted_deliveries
from web.common import downloads
from web.common.councils import current_council
from web.common.db import get_db
from web.staff import auth
from web.staff.charts import bar_chart

bp = Blueprint("staff_budget", __name__, url_prefix="/staff/budget")


def _budget() -> tuple[BudgetYearForm, Budget | None, int]:
    """The year form, and the budget for the chosen year (this year by default), or None and
    a 400 if the choice is not one offered."""
    db = get_db()
    contracts = contracts_for_council(db, g.staff.council_id)
    delivered = delivered_by_kpi(accepted_deliveries(db, g.staff.council_id))
    today = clock.today()
    years = years_to_choose([date.fromisoformat(c.starts_on) for c in contracts], today)
    this_year = str(financial_year(today))
    chosen = request.args if request.args.get("year") else MultiDict({"year": this_year})
    form = BudgetYearForm(chosen)
    form.year.choices = [SelectChoice(str(y), year_label(y)) for y in years]
    if not form.validate():
        return form, None, 400
    year = int(form.year.data)
    facts = [budget_facts(c, delivered) for c in contracts]
    start, end = year_dates(year)
    budget = social_value_budget(facts, start, end, today, current_council().rubric.kpi_rating)
    return form, budget, 200


def _gbp(value: float) -> str:
    return f"£{value:,.0f}"


def _charts(budget: Budget) -> list[dict]:
    """Two charts, each with the rows of its table alternative."""
    themes, types = budget.by_theme, budget.by_supplier_type
    return [
        {
            "id": "chart-themes",
            "title": "Delivered against what was due, by theme",
            "chart": bar_chart(
                [(r.label, min(r.percent, 150), f"{r.percent:g}%") for r in themes],
                marker=100,
            ),
            "note": "The dashed line marks 100% of what was due.",
            "headers": ["Theme", "Delivered against due", "Rating"],
            "rows": [(r.label, f"{r.percent:g}%", r.rating) for r in themes],
        },
        {
            "id": "chart-types",
            "title": "Contract value in the year, by supplier type",
            "chart": bar_chart(
                [(r.label, r.contract_value_gbp, _gbp(r.contract_value_gbp)) for r in types]
            ),
            "note": None,
            "headers": ["Supplier type", "Contract value in the year", "Contracts"],
            "rows": [(r.label, _gbp(r.contract_value_gbp), r.contracts) for r in types],
        },
    ]


@bp.get("/")
@auth.staff_required(*EVALUATORS)
def show():
    """The budget page: headline shares, charts with tables behind them, and the tables."""
    form, budget, status = _budget()
    charts = _charts(budget) if budget else []
    return render_template(
        "staff/budget.html",
        form=form,
        budget=budget,
        charts=charts,
        period=f"{long_date(budget.starts_on)} to {long_date(budget.ends_on)}" if budget else "",
        method=current_council().rubric.kpi_rating.method,
    ), status


def _rows(budget: Budget) -> list[dict]:
    rows = []
    for table, items in (
        ("All contracts", [budget.total]),
        ("By theme", budget.by_theme),
        ("By contract", budget.by_contract),
        ("By supplier type", budget.by_supplier_type),
    ):
        rows += [
            {
                "Table": table,
                "Name": r.label,
                "Supplier": r.supplier or "",
                "Contracts": r.contracts,
                "Contract value in the year (£)": r.contract_value_gbp,
                "KPIs": r.kpis,
                "Promised, whole contracts (£)": r.promised_gbp,
                "Due in the year (£)": r.due_gbp,
                "Delivered in the year (£)": r.delivered_gbp,
                "Delivered against due (%)": r.percent,
                "Rating": r.rating,
            }
            for r in items
        ]
    return rows


def _kpi_rows(budget: Budget) -> list[dict]:
    """Every KPI of every live contract: whose, what, and how it stands in the year."""
    return [
        {
            "Contract": line.contract,
            "Supplier": line.supplier,
            "Theme": line.theme,
            "KPI": line.progress.kpi.title,
            "Target, whole contract": line.progress.kpi.target,
            "Due in the year": line.progress.due,
            "Delivered in the year": line.progress.achieved,
            "Delivered against due (%)": line.progress.percent_of_due,
            "Rating": line.progress.rating,
            "£ a unit": line.progress.kpi.value_per_unit,
        }
        for line in budget.kpi_lines
    ]


def _summary(budget: Budget) -> list[dict]:
    return [
        {"Figure": "Period", "Value": f"{budget.starts_on} to {budget.ends_on}"},
        {"Figure": "Contracts live in the period", "Value": budget.total.contracts},
        {"Figure": "Their value (£)", "Value": budget.contract_value_gbp},
        {"Figure": "Contracts with social value commitments", "Value": budget.with_commitments},
        {
            "Figure": "Share with social value commitments (%)",
            "Value": budget.with_commitments_percent,
        },
        {"Figure": "Value with local SMEs and VCSEs (£)", "Value": budget.local_sme_vcse_gbp},
        {"Figure": "Share with local SMEs and VCSEs (%)", "Value": budget.local_sme_vcse_percent},
    ]


@bp.get("/export.<kind>")
@auth.staff_required(*EVALUATORS)
def export(kind: str):
    """The budget as CSV (one table) or XLSX (a sheet per table)."""
    if kind not in ("csv", "xlsx"):
        abort(404)
    _, budget, _ = _budget()
    if budget is None:
        abort(400)
    if kind == "csv":
        body, mime = downloads.csv_text(_rows(budget)), "text/csv"
    else:
        rows = _rows(budget)
        sheets = {"Summary": _summary(budget)} | {
            table: [
                {k: v for k, v in r.items() if k != "Supplier" or table == "By contract"}
                for r in rows
                if r["Table"] == table
            ]
            for table in ("By theme", "By contract", "By supplier type")
        }
        sheets["KPIs"] = _kpi_rows(budget)
        body, mime = downloads.xlsx_bytes(sheets), downloads.XLSX
    name = f"social-value-budget-{budget.starts_on.year}.{kind}"
    return Response(
        body, mimetype=mime, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
