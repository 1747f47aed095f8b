"""How far a local need has got: pledged in submitted offers, promised in awarded contracts,
delivered in accepted returns, and confirmed as received by the organisation itself."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class NeedProgress:
    """What has been offered and done towards one need, in the need's own unit."""

    wanted: float
    pledged: float = 0  # commitments linked to it in current submitted offers
    promised: float = 0  # targets of the KPIs of awarded contracts linked to it
    delivered: float = 0  # accepted delivery returns on those KPIs
    confirmed: float = 0  # what the organisation has confirmed it received

    @property
    def counted(self) -> float:
        """What counts towards the need: delivery reported by either side, the larger."""
        return max(self.delivered, self.confirmed)

    @property
    def met(self) -> bool:
        """Met once what was asked for has been delivered and the organisation has confirmed
        receiving it: its confirmation is the evidence."""
        return self.confirmed > 0 and self.counted >= self.wanted

    @property
    def stage(self) -> str:
        """One word for the board: Open, Pledged, Promised, Delivered or Met."""
        if self.met:
            return "Met"
        if self.counted > 0:
            return "Delivered"
        if self.promised > 0:
            return "Promised"
        return "Pledged" if self.pledged > 0 else "Open"

    @property
    def share_delivered(self) -> float:
        """Of what was asked for, the share counted so far (0 to 1)."""
        return min(1.0, self.counted / self.wanted) if self.wanted > 0 else 0.0


@dataclass(frozen=True)
class ThemeTotal:
    """What the needs of one theme, counted in one unit, have asked for and received."""

    theme: str
    unit: str
    needs: int
    wanted: float
    pledged: float
    delivered: float
    met: int


def support_totals(
    needs: Iterable[tuple[str, str, str, NeedProgress]],
) -> tuple[list[ThemeTotal], list[str]]:
    """From (theme title, unit, organisation, progress) of each published need: totals by theme
    and unit (hours and pounds are never added together), and the organisations helped (some
    support delivered), by name."""
    groups: dict[tuple[str, str], list[NeedProgress]] = defaultdict(list)
    helped = set()
    for theme, unit, organisation, progress in needs:
        groups[theme, unit].append(progress)
        if progress.counted > 0:
            helped.add(organisation)
    totals = [
        ThemeTotal(
            theme,
            unit,
            len(items),
            sum(p.wanted for p in items),
            sum(p.pledged for p in items),
            sum(p.counted for p in items),
            sum(p.met for p in items),
        )  # fmt: skip
        for (theme, unit), items in sorted(groups.items())
    ]
    return totals, sorted(helped)
