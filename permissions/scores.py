"""Who may see whose scores, and when scores may be given or changed.

Evaluators score on their own first: an evaluator sees other people's scores (and the
consensus) only once their own are in. Moderators and admins see every score. Scoring opens when
the opportunity closes (so no offer can change after it is scored); once an offer has been
moderated, its scores are locked; and whoever moderates an offer does not also score it.
"""

from permissions.roles import MANAGERS

SCORES_LOCKED = "Scores are locked once the offer has been moderated"
NOT_YET = (
    "Scoring opens when the opportunity closes, at {closes}, so that no offer changes after it "
    "is scored"
)
MODERATOR_SCORING = "You moderated this offer, so its scores come from other evaluators"
SCORER_MODERATING = "You scored this offer, so another manager must moderate it"
REPLACED = "This version was replaced by a newer one, which is the one to {what}"
NOTHING_TO_MODERATE = "Moderation needs at least one evaluator's scores first"


def may_see_others_scores(role: str, has_scored: bool) -> bool:
    """Whether someone with `role`, who has (or has not) scored the offer, sees others' scores."""
    return role in MANAGERS or has_scored


def score_change_refusal(
    *,
    moderated: bool,
    closed: bool = True,
    closes: str = "",
    moderated_it: bool = False,
    replaced: bool = False,
) -> str | None:
    """Why this person's scores for an offer cannot be given or changed now, or None."""
    if replaced:
        return REPLACED.format(what="score")
    if moderated:
        return SCORES_LOCKED
    if not closed:
        return NOT_YET.format(closes=closes)
    if moderated_it:
        return MODERATOR_SCORING
    return None


def moderation_refusal(
    *, closed: bool, closes: str = "", scored_it: bool, evaluations: int, replaced: bool = False
) -> str | None:
    """Why this person cannot record the consensus for an offer now, or None."""
    if replaced:
        return REPLACED.format(what="moderate")
    if not closed:
        return NOT_YET.format(closes=closes)
    if scored_it:
        return SCORER_MODERATING
    if evaluations == 0:
        return NOTHING_TO_MODERATE
    return None
