"""Scoring an offer on the council's rubric: the weighted social value score."""

from knowledge.packs import Rubric


def weighted_score(consensus: dict[str, int], rubric: Rubric, weighting_percent: float) -> float:
    """Consensus score over the maximum possible, times the social value weighting (points)."""
    maximum = rubric.scale_max * len(rubric.criteria)
    total = sum(consensus.get(c.id, 0) for c in rubric.criteria)
    return round(total / maximum * weighting_percent, 2) if maximum else 0.0


def scores_only(scores: dict[str, dict]) -> dict[str, int]:
    """{criterion: score} from stored scores with comments or reasons."""
    return {criterion: int(item["score"]) for criterion, item in scores.items()}
