"""Benchmark the social value budget page with 200 contracts and 5,000 delivery returns.

Run: .venv/bin/python -m bench.budget_benchmark [--write docs/budget-benchmark.md]

The app runs exactly as `make run` serves it (gunicorn, gunicorn.conf.py, a SQLite file). A
signed-in member of staff asks for the budget page, and its CSV and XLSX downloads, again and
again; the script prints p50/p95/max per request, and the time the pure budget core takes.
The target: the page renders in under 300 ms.
"""

import argparse
import datetime
import platform
import random
import statistics
import tempfile
import time
from pathlib import Path

import store
from bench.http_client import percentile, publish, signed_in_opener
from knowledge.packs import load_packs
from monitoring.budget import social_value_budget
from monitoring.contracts import budget_facts, delivered_by_kpi
from monitoring.periods import add_months, reporting_periods
from store.contract_seeds import ContractSeed, KpiSeed, seed_contract
from store.contracts import contracts_for_council
from store.returns import accepted_deliveries
from store.staff import create_staff
from tests.helpers.server import Gunicorn

CONTRACTS = 200
RETURNS = 5_000
COUNCIL = "tower-hamlets"
EMAIL, PASSWORD = "bench.admin@tower-hamlets.example", "benchmark password 123"
THEMES = ["Local jobs and skills", "Strong communities", "A greener borough", "Local economy"]
TYPES = [
    ("charity", "small"),
    ("social-enterprise", "micro"),
    ("sme", "medium"),
    ("large", "large"),
]
TARGET_MS = 300


def seed(db, today: datetime.date) -> tuple[int, int]:
    """200 contracts over the last three years, and exactly 5,000 returns for ended periods."""
    rng = random.Random(2026)
    staff = create_staff(
        db, email=EMAIL, name="Bench Admin", council_id=COUNCIL, role="admin", password=PASSWORD
    )
    plans = []
    for number in range(CONTRACTS):
        start = add_months(today.replace(day=1), -rng.randint(6, 48))
        months = rng.choice([24, 36, 48])
        periods = reporting_periods(start, months, 3)
        ended = [p.number for p in periods if p.ends_on < today]
        kpis = [
            (rng.choice(THEMES), rng.choice([5, 20, 100, 5000])) for _ in range(rng.randint(2, 6))
        ]
        plans.append((number, start, months, kpis, ended))
    slots = [(n, k, p) for n, _, _, kpis, ended in plans for k in range(len(kpis)) for p in ended]
    chosen = set(rng.sample(slots, RETURNS))
    for number, start, months, kpis, ended in plans:
        supplier_type, size = rng.choice(TYPES)
        seeds = [
            KpiSeed(
                f"KPI {k + 1}",
                theme,
                target,
                rng.choice([None, 1.0, 226.5]),
                "people",
                {
                    p: round(target / len(ended or [1]) * rng.uniform(0.3, 1.3), 1)
                    for p in ended
                    if (number, k, p) in chosen
                },
            )
            for k, (theme, target) in enumerate(kpis)
        ]
        seed_contract(
            db,
            COUNCIL,
            ContractSeed(
                f"Contract {number + 1}", f"Supplier {number + 1}", supplier_type, size,
                rng.random() < 0.5, rng.randint(20, 2_000) * 1000, start.isoformat(), months, 3,
                seeds,
            ),
            staff.id,
        )  # fmt: skip
    return db["contracts"].count, db["delivery_returns"].count


def timings(opener, url: str, runs: int) -> tuple[list[float], int]:
    """Milliseconds per request (after two warm-up requests), and the response size."""
    for _ in range(2):
        opener.open(url).read()
    times, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        with opener.open(url) as response:
            assert response.status == 200
            size = len(response.read())
        times.append((time.perf_counter() - started) * 1000)
    return times, size


def core_ms(db, today: datetime.date, year: int) -> float:
    """Reading the accepted returns and building the budget (no page), median of 20 runs."""
    contracts = contracts_for_council(db, COUNCIL)
    rating = load_packs()[COUNCIL].rubric.kpi_rating
    runs = []
    for _ in range(20):
        started = time.perf_counter()
        delivered = delivered_by_kpi(accepted_deliveries(db, COUNCIL))
        facts = [budget_facts(c, delivered) for c in contracts]
        social_value_budget(
            facts, datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31), today, rating
        )
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--write", type=Path, help="write the results as Markdown here")
    args = parser.parse_args()
    today = datetime.date.today()
    year = today.year if today.month >= 4 else today.year - 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = folder / "bench.sqlite3"
        db = store.connect(database)
        store.migrate(db)
        started = time.perf_counter()
        contracts, returns = seed(db, today)
        seeded = time.perf_counter() - started
        kpis = db["kpis"].count
        core = core_ms(db, today, year)
        db.close()
        server = Gunicorn(folder, database).start()
        try:
            opener = signed_in_opener(server.url, EMAIL, PASSWORD)
            rows = []
            for label, path in (
                ("Budget page (HTML)", f"/staff/budget/?year={year}"),
                ("Budget CSV", f"/staff/budget/export.csv?year={year}"),
                ("Budget XLSX", f"/staff/budget/export.xlsx?year={year}"),
                ("Contracts list (HTML)", "/staff/contracts/"),
            ):
                times, size = timings(opener, f"{server.url}{path}", args.runs)
                rows.append(
                    (label, statistics.median(times), percentile(times, 0.95), max(times), size)
                )
        finally:
            server.stop()
    verdict = "met" if rows[0][2] < TARGET_MS else "NOT met"
    lines = [
        "# Social value budget benchmark",
        "",
        f"Run on {datetime.date.today()} ({platform.python_version()}, {platform.machine()}, "
        "the app under gunicorn as `make run` serves it, one client, requests in sequence).",
        f"Data: {contracts} contracts, {kpis} KPIs, {returns:,} delivery returns "
        f"(seeded in {seeded:.1f} s); financial year {year} to {year + 1}; {args.runs} timed "
        "requests each after 2 warm-up requests.",
        "",
        "| Request | p50 ms | p95 ms | max ms | bytes |",
        "|---|---|---|---|---|",
        *(f"| {r[0]} | {r[1]:.1f} | {r[2]:.1f} | {r[3]:.1f} | {r[4]:,} |" for r in rows),
        "",
        f"Reading the returns and building the budget, without the page: {core:.1f} ms (median).",
        f"Target: the budget page under {TARGET_MS} ms at p95: **{verdict}**.",
        "",
    ]
    publish(lines, args.write)


if __name__ == "__main__":
    main()
