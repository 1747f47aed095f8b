"""Staff: the council's social value budget for a financial year (April to March): promised
and delivered by theme, contract and supplier type, with charts and CSV/XLSX downloads."""

from datetime import date

from flask import Blueprint, Response, abort, g, render_template, request
from werkzeug.datastructures import MultiDict
from wtforms.fields.choices import SelectChoice

from forms.contracts import BudgetYearForm
from monitoring.budget import Budget, social_value_budget
from monitoring.periods import long_date
from store.contracts import contracts_for_council
from store.returns import accepted_deliveries
from web import auth, delivery, spreadsheets
from web.charts import bar_chart
from web.councils import current_council
from web.db import get_db

bp = Blueprint("staff_budget", __name__, url_prefix="/staff/budget")
STAFF = ("evaluator", "moderator", "admin")


def _financial_year(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def _budget() -> tuple[BudgetYearForm, Budget | None, int]:
    """The year form, and the budget for the chosen year (this year by default), or None and
    a 400 if the choice is not one offered."""
    db = get_db()
    contracts = contracts_for_council(db, g.staff.council_id)
    delivered = delivery.delivered_by_kpi(accepted_deliveries(db, g.staff.council_id))
    this_year = _financial_year(delivery.today())
    first = min([_financial_year(date.fromisoformat(c.starts_on)) for c in contracts] + [this_year])
    years = range(max(this_year + 1, first), first - 1, -1)
    chosen = request.args if request.args.get("year") else MultiDict({"year": str(this_year)})
    form = BudgetYearForm(chosen)
    form.year.choices = [SelectChoice(str(y), f"April {y} to March {y + 1}") for y in years]
    if not form.validate():
        return form, None, 400
    year = int(form.year.data)
    facts = [delivery.budget_facts(c, delivered) for c in contracts]
    pack = current_council()
    start, end = date(year, 4, 1), date(year + 1, 3, 31)
    budget = social_value_budget(facts, start, end, delivery.today(), pack.rubric.kpi_rating)
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
            "title": "Contract value by supplier type",
            "chart": bar_chart(
                [(r.label, r.contract_value_gbp, _gbp(r.contract_value_gbp)) for r in types]
            ),
            "note": None,
            "headers": ["Supplier type", "Contract value", "Contracts"],
            "rows": [(r.label, _gbp(r.contract_value_gbp), r.contracts) for r in types],
        },
    ]


@bp.get("/")
@auth.staff_required(*STAFF)
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
                "Contracts": r.contracts,
                "Contract value (£)": r.contract_value_gbp,
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
@auth.staff_required(*STAFF)
def export(kind: str):
    """The budget as CSV (one table) or XLSX (a sheet per table)."""
    if kind not in ("csv", "xlsx"):
        abort(404)
    _, budget, _ = _budget()
    if budget is None:
        abort(400)
    if kind == "csv":
        body, mime = spreadsheets.csv_text(_rows(budget)), "text/csv"
    else:
        rows = _rows(budget)
        sheets = {"Summary": _summary(budget)} | {
            table: [r for r in rows if r["Table"] == table]
            for table in ("By theme", "By contract", "By supplier type")
        }
        body, mime = spreadsheets.xlsx_bytes(sheets), spreadsheets.XLSX
    name = f"social-value-budget-{budget.starts_on.year}.{kind}"
    return Response(
        body, mimetype=mime, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
