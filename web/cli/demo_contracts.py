"""The demo's awarded contracts, made the way real ones are: a supplier's conversation typed
through the engine, its offer submitted, the contract awarded with its commitments as KPIs,
and staff-accepted delivery returns for the periods ended so far. So every staff page of the
demo shows a whole offer, as it would in a real tender."""

from dataclasses import dataclass
from datetime import date, timedelta

import clock
from knowledge.packs import CouncilPack, Measure
from monitoring.periods import add_months, reporting_periods
from monitoring.schedule import kpis_from_offer
from offer.award import Scheduled, contract_record, kpi_records
from store import contracts as store_contracts
from store import panels
from store.conversations import conversation_by_id
from store.opportunities import Opportunity, create_opportunity, get_opportunity
from store.returns import Entry, save_return
from store.staff import get_staff
from web.common.db import get_db
from web.supplier import chat

MAX_TURNS = 120
PERIOD_MONTHS = 3
# What a demo supplier promises, by what the measure counts: modest, as the checks expect.
QUANTITIES = {
    "people": "3", "weeks": "52", "hours": "120", "gbp": "£5,000", "percent": "100%",
    "sessions": "24", "events": "4", "items": "20", "organisations": "5", "tonnes": "10",
    "tonnes-co2e": "10",
}  # fmt: skip


@dataclass(frozen=True)
class DemoSupplier:
    """A demo supplier and its contract: what it types, the contract's value and dates, and
    how much of each target it delivers each period (a share of the even pace)."""

    name: str
    kind: str  # as typed: "a charity"
    staff: str  # as typed: "8 staff"
    postcode: str | None  # None: the council's first district, so local
    activity: str
    value_gbp: int
    started_months_ago: int
    months: int
    themes: tuple[int, ...]  # which of the council's themes it makes a commitment under
    pace: float


SUPPLIERS = (
    DemoSupplier(
        "Riverside Community Kitchen", "a charity", "8 staff", None,
        "We run a community café that trains young people with learning disabilities.",
        120_000, 15, 24, (0, 2), 0.9,
    ),
    DemoSupplier(
        "Bright Start Cleaning", "a small business", "30 staff", None,
        "We clean offices, schools and community buildings.",
        450_000, 11, 36, (0, 1, 3), 1.1,
    ),
    DemoSupplier(
        "National Facilities plc", "a large business", "1200 staff", "M1 1AE",
        "We run facilities management for public bodies across England.",
        2_400_000, 20, 48, (0, 1, 2), 0.6,
    ),
)  # fmt: skip


def demo_contracts(council: CouncilPack, staff_id: int) -> int:
    """The demo suppliers' contracts (only if the council has none yet); how many."""
    db = get_db()
    if store_contracts.contracts_for_council(db, council.id):
        return 0
    for number, supplier in enumerate(SUPPLIERS, start=1):
        _contract(council, supplier, number, staff_id)
    return len(SUPPLIERS)


def _contract(council: CouncilPack, supplier: DemoSupplier, number: int, staff_id: int) -> int:
    db = get_db()
    today = clock.today()
    starts_on = add_months(today.replace(day=1), -supplier.started_months_ago)
    code = create_opportunity(
        db,
        council_id=council.id,
        title=f"Demo contract {number}",
        reference=f"DEMO-{council.id.upper()}-C{number}",
        contract_type="services",
        value_gbp=supplier.value_gbp,
        duration_months=supplier.months,
        weighting_percent=10,
        word_limit=500,
        closes_at=(starts_on - timedelta(days=30)).isoformat() + "T12:00:00+00:00",
    )
    opportunity = get_opportunity(db, code)
    conversation = _converse(council, supplier, opportunity)
    submission = chat.submit(conversation, opportunity)
    staff = get_staff(db, staff_id)
    panels.seat(db, code=code, staff_id=staff_id, name=staff.name, council_id=council.id)
    drafts = kpis_from_offer(submission.offer)
    contract_id = store_contracts.award(
        db,
        contract=contract_record(council.id, opportunity, submission, starts_on, PERIOD_MONTHS),
        kpis=kpi_records(drafts, [Scheduled(d.target or 1, d.milestones) for d in drafts]),
        staff_id=staff_id,
    )
    _returns(council.id, contract_id, supplier, starts_on, today, staff_id)
    return contract_id


def _converse(council: CouncilPack, supplier: DemoSupplier, opportunity: Opportunity):
    """The supplier's whole conversation, typed through the engine as a person would."""
    created, turn = chat.begin(council.id, opportunity)
    prompt = turn.prompt.to_dict()
    answers = _Answers(council, supplier)
    for _ in range(MAX_TURNS):
        if prompt.get("type") == "end":
            return conversation_by_id(get_db(), created.id)
        conversation = conversation_by_id(get_db(), created.id)
        prompt = chat.take_turn(conversation, answers.reply(prompt)).prompt.to_dict()
    raise RuntimeError(f"The demo conversation for {supplier.name} did not end: {prompt}")


class _Answers:
    """What a demo supplier types at each question."""

    def __init__(self, council: CouncilPack, supplier: DemoSupplier):
        self.supplier = supplier
        self.council = council
        self.wanted = {council.themes[i].id for i in supplier.themes if i < len(council.themes)}
        self.measure: Measure | None = None

    def reply(self, prompt: dict) -> str:
        step = prompt.get("step") or ""
        answer = {
            "theme-interest": self._interest,
            "commitment-idea": self._idea,
            "commitment-measure": self._measure,
            "commitment-quantity": self._quantity,
            "commitment-evidence": self._evidence,
        }.get(step)
        return answer(prompt) if answer else self._fixed().get(step, "skip")

    def _fixed(self) -> dict[str, str]:
        s = self.supplier
        return {
            "org-name": s.name,
            "org-type": s.kind,
            "org-size": s.staff,
            "org-postcode": s.postcode or f"{self.council.local_area.postcode_districts[0]} 1AA",
            "org-activity": s.activity,
            "value-beneficiaries": "People in the area we serve, most of them on low incomes",
            "value-outcomes": "People gain skills, confidence and work",
            "value-evidence": "Our annual report and feedback from the people we work with",
            "value-towns": "West Bromwich",
            "commitment-need": "no",
            "commitment-unit": "people",
            "commitment-timescale": "over the whole contract",
            "commitment-delivery": "Our operations manager leads it and reports every quarter",
            "commitment-beneficiaries": "Residents who are out of work, most of them under 25",
            "commitment-classification": "extra, for this contract",
            "check-offer": "My offer is ready",
        }

    def _interest(self, prompt: dict) -> str:
        if prompt.get("theme") not in self.wanted:
            return "no"
        self.wanted.discard(prompt.get("theme"))  # one commitment a theme
        return "yes"

    def _idea(self, prompt: dict) -> str:
        themes = {t.id: t for t in self.council.themes}
        theme = themes.get(prompt.get("theme") or "")
        self.measure = theme.measures[0] if theme else None
        return self.measure.examples[0] if self.measure else "We will help local people"

    def _measure(self, prompt: dict) -> str:
        chosen = [
            o for o in prompt.get("options", []) if self.measure and o["value"] == self.measure.id
        ]
        return chosen[0]["label"] if chosen else "None of these: keep my own words"

    def _quantity(self, _prompt: dict) -> str:
        return QUANTITIES.get(self.measure.unit if self.measure else "people", "12")

    def _evidence(self, _prompt: dict) -> str:
        return self.measure.evidence[0] if self.measure else "Attendance registers"


def _returns(
    council_id: str,
    contract_id: int,
    supplier: DemoSupplier,
    starts_on: date,
    today: date,
    staff_id: int,
) -> None:
    """Accepted returns for every period ended so far, at the supplier's pace."""
    contract = store_contracts.get_contract(get_db(), contract_id)
    periods = reporting_periods(starts_on, supplier.months, PERIOD_MONTHS)
    per_period = PERIOD_MONTHS / supplier.months
    for period in (p for p in periods if p.ends_on < today):
        entries = [
            Entry(
                kpi.id,
                round(kpi.target * (1 if kpi.unit == "percent" else per_period) * supplier.pace),
                "other",
                "Demo return",
            )
            for kpi in contract.kpis
        ]
        save_return(
            get_db(), council_id=council_id, contract_id=contract_id, period=period.number,
            entries=entries, staff_id=staff_id,
        )  # fmt: skip
