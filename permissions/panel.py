"""Who may see an opportunity's offers: the people on its evaluation panel who have declared
that they have no conflict of interest with any of its bidders.

Moderators and admins add evaluators to the panel (and may put themselves on it); everyone on
it declares their interests before they see an offer, and again when a new bidder arrives; a
declared conflict keeps them out of the evaluation.
"""

from dataclasses import dataclass

from permissions.roles import MANAGERS

NOT_ON_PANEL = (
    "You are not on this opportunity's evaluation panel. A moderator or admin can add you"
)
JOIN_FIRST = "Join the evaluation panel and declare your interests before you see the offers"
DECLARE_FIRST = "Declare your interests in the bidders before you see the offers"
NEW_BIDDERS = (
    "{count} since you declared your interests: declare them again before you see the offers"
)
CONFLICTED = (
    "You declared a conflict of interest, so you take no part in this evaluation and do not "
    "see its offers"
)


@dataclass(frozen=True)
class Declaration:
    """Where someone stands on a panel: on it or not, declared or not, with a conflict or not,
    and how many of the current bidders their declaration does not cover."""

    on_panel: bool
    declared: bool = False
    conflict: bool = False
    bidders_not_covered: int = 0


def offer_access_refusal(role: str, declaration: Declaration) -> str | None:
    """Why this person may not see the opportunity's offers now, or None."""
    if not declaration.on_panel:
        return JOIN_FIRST if role in MANAGERS else NOT_ON_PANEL
    if not declaration.declared:
        return DECLARE_FIRST
    if declaration.conflict:
        return CONFLICTED
    if declaration.bidders_not_covered:
        count = declaration.bidders_not_covered
        return NEW_BIDDERS.format(
            count="A new bidder has offered" if count == 1 else f"{count} new bidders have offered"
        )
    return None


def may_join(role: str) -> bool:
    """Whether someone may put themselves on a panel (evaluators are added by a manager)."""
    return role in MANAGERS
