"""Who may see whose scores, and when scores can no longer change.

Evaluators score on their own first: an evaluator sees other people's scores (and the
consensus) only once their own are in. Moderators and admins see every score. Once an offer has
been moderated, the evaluators' scores are locked.
"""

from permissions.roles import MANAGERS

SCORES_LOCKED = "Scores are locked once the offer has been moderated"


def may_see_others_scores(role: str, has_scored: bool) -> bool:
    """Whether someone with `role`, who has (or has not) scored the offer, sees others' scores."""
    return role in MANAGERS or has_scored


def score_change_refusal(moderated: bool) -> str | None:
    """Why an evaluator's scores cannot be saved now, or None if they can."""
    return SCORES_LOCKED if moderated else None
