"""The council's social value budget for a period: what live contracts promised and what they
delivered, by theme, by contract and by supplier type, with the shares councils report."""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from knowledge.pack_parts import KpiRating
from knowledge.vocabulary import SME_SIZES, VCSE_TYPES
from monitoring.periods import Period, is_due
from monitoring.ratings import Kpi, Progress, achieved, contract_rating, kpi_progress

NO_KPIS = "No commitments"
NOTHING_DUE = "Nothing due yet"


@dataclass(frozen=True)
class KpiFacts:
    """A KPI, its theme, and the accepted quantity delivered in each period (by number)."""

    kpi: Kpi
    theme: str
    delivered: dict[int, float]


@dataclass(frozen=True)
class ContractFacts:
    """What the budget needs to know about one awarded contract."""

    id: int
    title: str
    supplier_name: str
    supplier_type: str | None
    supplier_size: str | None
    local: bool
    value_gbp: float
    periods: Sequence[Period]
    kpis: list[KpiFacts]


@dataclass(frozen=True)
class Row:
    """One line of a budget table: promised over the whole contract, due and delivered in the
    period (£ where the council knows a £ value per unit), and the rating on the pack's method."""

    label: str
    contracts: int
    contract_value_gbp: float
    kpis: int
    promised_gbp: float
    due_gbp: float
    delivered_gbp: float
    percent: float
    rating: str
    valued_kpis: int = 0  # KPIs with a £ value per unit: the £ columns count only these
    supplier: str | None = None  # on a contract's row: who holds it

    @property
    def valued(self) -> bool:
        """Whether any of its KPIs has a £ value (else its £ columns mean nothing)."""
        return self.valued_kpis > 0


@dataclass(frozen=True)
class KpiLine:
    """One KPI of a live contract in the budget: whose it is, its theme and its progress."""

    contract: str
    supplier: str
    theme: str
    progress: Progress


@dataclass(frozen=True)
class Budget:
    """The whole budget for `starts_on` to `ends_on`."""

    starts_on: date
    ends_on: date
    total: Row
    by_theme: list[Row]
    by_contract: list[Row]
    by_supplier_type: list[Row]
    contract_value_gbp: float
    local_sme_vcse_gbp: float
    local_sme_vcse_percent: float
    with_commitments: int
    with_commitments_percent: float
    kpi_lines: list[KpiLine] = field(default_factory=list)


def supplier_group(supplier_type: str | None, size: str | None) -> str:
    """VCSE by legal form first; otherwise by size: SME, large, or not known."""
    if supplier_type in VCSE_TYPES:
        return "VCSE"
    if supplier_type == "sme" or size in SME_SIZES:
        return "SME"
    if supplier_type == "large" or size == "large":
        return "Large business"
    return "Not known"


def _is_live(contract: ContractFacts, starts_on: date, ends_on: date) -> bool:
    return bool(contract.periods) and (
        contract.periods[0].starts_on <= ends_on and contract.periods[-1].ends_on >= starts_on
    )


def _progress(contract: ContractFacts, facts: KpiFacts, numbers: set[int], rating: KpiRating):
    share = len(numbers) / len(contract.periods)
    quantities = [q for n, q in facts.delivered.items() if n in numbers]
    return kpi_progress(facts.kpi, achieved(facts.kpi, quantities), share, rating)


def _gbp(progress: Iterable[Progress], amount: Callable[[Progress], float]) -> float:
    return round(sum(amount(p) * p.kpi.value_per_unit for p in progress if p.kpi.value_per_unit), 2)


def in_period(contract: ContractFacts, starts_on: date, ends_on: date) -> float:
    """The part of a contract's value that falls in the period, by days: a two-year contract of
    £300,000 running six months of the year counts about £75,000 there, not all of it."""
    first, last = contract.periods[0].starts_on, contract.periods[-1].ends_on
    overlap = (min(last, ends_on) - max(first, starts_on)).days + 1
    return round(contract.value_gbp * max(overlap, 0) / ((last - first).days + 1), 2)


def _row(
    label: str,
    contracts: list[ContractFacts],
    items: list[Progress],
    rating: KpiRating,
    value: Callable[[ContractFacts], float],
    supplier: str | None = None,
) -> Row:
    percent, overall = contract_rating(items, rating) if items else (0.0, NO_KPIS)
    if items and not any(p.due for p in items):
        percent, overall = 0.0, NOTHING_DUE  # not "100% Good" for what nobody owed yet
    return Row(
        label,
        len(contracts),
        round(sum(value(c) for c in contracts), 2),
        len(items),
        _gbp(items, lambda p: p.kpi.target),
        _gbp(items, lambda p: p.due),
        _gbp(items, lambda p: min(p.achieved, p.due)),
        percent,
        overall,
        sum(1 for p in items if p.kpi.value_per_unit),
        supplier,
    )


def _grouped(
    pairs: list[tuple[str, Progress]],
    contracts: dict[str, dict[int, ContractFacts]],
    rating: KpiRating,
    value: Callable[[ContractFacts], float],
) -> list[Row]:
    return [
        _row(label, list(found.values()), [p for lb, p in pairs if lb == label], rating, value)
        for label, found in sorted(contracts.items())
    ]


def _percent(part: float, whole: float) -> float:
    return 0.0 if whole == 0 else round(part / whole * 100, 1)


def social_value_budget(
    contracts: list[ContractFacts], starts_on: date, ends_on: date, today: date, rating: KpiRating
) -> Budget:
    """Contracts live at any time in the period, each counted at the part of its value that
    falls in the period; what each KPI was due in its reporting periods
    that ended within the period and whose return is due by today (its target pro rata), and
    what was delivered and accepted for those periods."""
    live = [c for c in contracts if _is_live(c, starts_on, ends_on)]

    def in_year(contract: ContractFacts) -> float:
        return in_period(contract, starts_on, ends_on)

    by_theme: list[tuple[str, Progress]] = []
    by_type: list[tuple[str, Progress]] = []
    themes: dict[str, dict[int, ContractFacts]] = defaultdict(dict)
    groups: dict[str, dict[int, ContractFacts]] = defaultdict(dict)
    by_contract, everything, lines = [], [], []
    for contract in live:
        numbers = {
            p.number
            for p in contract.periods
            if starts_on <= p.ends_on <= ends_on and is_due(p, today)
        }
        items = [(f.theme, _progress(contract, f, numbers, rating)) for f in contract.kpis]
        group = supplier_group(contract.supplier_type, contract.supplier_size)
        groups[group][contract.id] = contract
        for theme, progress in items:
            lines.append(KpiLine(contract.title, contract.supplier_name, theme, progress))
            themes[theme][contract.id] = contract
            by_theme.append((theme, progress))
            by_type.append((group, progress))
        by_contract.append(
            _row(
                contract.title,
                [contract],
                [p for _, p in items],
                rating,
                in_year,
                contract.supplier_name,
            )
        )
        everything += [p for _, p in items]
    value = round(sum(in_year(c) for c in live), 2)
    local = round(
        sum(
            in_year(c)
            for c in live
            if c.local and supplier_group(c.supplier_type, c.supplier_size) in {"VCSE", "SME"}
        ),
        2,
    )
    committed = sum(1 for c in live if c.kpis)
    return Budget(
        starts_on,
        ends_on,
        _row("All contracts", live, everything, rating, in_year),
        _grouped(by_theme, themes, rating, in_year),
        by_contract,
        _grouped(by_type, groups, rating, in_year),
        value,
        local,
        _percent(local, value),
        committed,
        _percent(committed, len(live)),
        lines,
    )
