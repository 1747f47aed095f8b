"""Needs on the exchange: their categories (the council pack's measures), the rules of their
status, how a quantity reads, and the public board's filters. No Flask, no SQL."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from knowledge.packs import CouncilPack
from knowledge.vocabulary import UNIT_LABELS

# A share of the supplier's own workforce or spend cannot be given to a charity.
NOT_NEEDS = frozenset({"percent"})
STATUS_LABELS = {
    "pending": "Waiting for approval",
    "approved": "On the public board",
    "rejected": "Not approved",
    "closed": "Closed",
}


@dataclass(frozen=True)
class Category:
    """A measure of the council's pack that a need can ask for, with its theme."""

    measure_id: str
    title: str
    theme_id: str
    theme_title: str
    unit: str

    @property
    def label(self) -> str:
        """How the category reads in a list of every theme's measures."""
        return f"{self.theme_title}: {self.title}"


class Filterable(Protocol):
    """What the board's filters read of a need."""

    measure_id: str


N = TypeVar("N", bound=Filterable)


def categories(pack: CouncilPack) -> list[Category]:
    """Every measure of the pack a need can ask for, theme by theme: not a share of the
    supplier's own workforce or spend, nor what only its own business can hold (the pack
    marks those `local_needs: false`)."""
    return [
        Category(measure.id, measure.title, theme.id, theme.title, measure.unit)
        for theme, measure in pack.measures
        if measure.unit not in NOT_NEEDS and measure.local_needs
    ]


def category(pack: CouncilPack, measure_id: str) -> Category | None:
    """The category of this measure id, or None if a need cannot ask for it."""
    return next((c for c in categories(pack) if c.measure_id == measure_id), None)


def status_after_edit(status: str) -> str:
    """A changed need goes (back) to the council for approval; a closed one stays closed."""
    if status == "closed":
        raise ValueError("a closed need cannot be changed")
    return "pending"


def can_change(status: str) -> bool:
    """An organisation may change or close any need it has not closed."""
    return status != "closed"


def quantity_text(quantity: float, unit: str) -> str:
    """A quantity with its unit, as people read it: "£2,500", "5 people", "12 hours"."""
    number = f"{quantity:,.0f}" if float(quantity).is_integer() else f"{quantity:,.2f}"
    label = UNIT_LABELS.get(unit, unit)
    return f"£{number}" if unit == "gbp" else f"{number} {label}"


def filter_needs(
    needs: Iterable[N], pack: CouncilPack, theme_ids: Iterable[str], measure_id: str | None
) -> list[N]:
    """The needs in any of the themes chosen (all if none) and of the category chosen (any if
    none). Unknown themes or categories are ignored rather than emptying the board."""
    known = {c.measure_id: c for c in categories(pack)}
    themes = {t for t in theme_ids if pack.theme(t) is not None}
    chosen = measure_id if measure_id in known else None
    return [
        need
        for need in needs
        if (not themes or (need.measure_id in known and known[need.measure_id].theme_id in themes))
        and (chosen is None or need.measure_id == chosen)
    ]
