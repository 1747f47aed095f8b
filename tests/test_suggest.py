"""Suggesting measures from a supplier's own description of what they could do."""

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from knowledge.service import KnowledgeService

ACTIVITIES = yaml.safe_load((Path(__file__).parent / "data" / "activities.yaml").read_text())


@pytest.fixture(scope="module")
def knowledge():
    return KnowledgeService.load()


def test_there_are_at_least_80_labelled_activities():
    assert sum(a["council"] == "tower-hamlets" for a in ACTIVITIES) >= 80


def test_top_three_suggestions_contain_the_right_theme_nine_times_in_ten(knowledge):
    hits, totals, misses = defaultdict(int), defaultdict(int), []
    for activity in ACTIVITIES:
        themes = [s.theme_id for s in knowledge.suggest(activity["text"], activity["council"])[:3]]
        totals[activity["council"]] += 1
        if activity["theme"] in themes:
            hits[activity["council"]] += 1
        else:
            misses.append((activity["text"], activity["theme"], themes))
    recall = sum(hits.values()) / sum(totals.values())
    assert recall >= 0.90, f"top-3 theme recall {recall:.1%}; misses: {misses[:10]}"
    for council, total in totals.items():
        assert hits[council] / total >= 0.80, council


def test_the_design_example_suggests_jobs_and_skills(knowledge):
    text = "we could take on a couple of young people from the estate"
    suggestions = knowledge.suggest(text, "tower-hamlets")
    assert suggestions[0].theme_id == "jobs-skills"
    assert [s.score for s in suggestions] == sorted((s.score for s in suggestions), reverse=True)


def test_unrelated_text_suggests_nothing(knowledge):
    assert knowledge.suggest("the weather is lovely today", "tower-hamlets") == []
