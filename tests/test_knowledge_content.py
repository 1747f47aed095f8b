"""The knowledge base and council packs: complete, valid, plain and within the rules."""

import re
import shutil

import pytest
import yaml

from knowledge.cli import main as knowledge_cli
from knowledge.content import ContentError
from knowledge.entries import BASE_DIR, load_entries, load_topics, word_count
from knowledge.library import load_library

TOWER_HAMLETS_THEMES = ["jobs-skills", "local-economy", "communities", "environment", "fair-work"]
NEED_TWO_ENTRIES = [
    "what-is-social-value",
    "scoring",
    "good-commitment",
    "intrinsic-value",
    "proportionality",
    "evidence-monitoring",
    "writing-the-response",
]


@pytest.fixture(scope="module")
def library():
    return load_library()


def test_check_command_passes(capsys):
    assert knowledge_cli(["check"]) == 0
    assert capsys.readouterr().out.startswith("ok: ")


def test_knowledge_base_has_100_entries_covering_every_topic(library):
    entries = library.base_entries.values()
    assert len(library.base_entries) >= 100
    assert {e.topic for e in entries} == set(library.topics)
    for topic in NEED_TWO_ENTRIES:
        assert sum(e.topic == topic for e in entries) >= 2, topic


def test_the_default_pack_has_the_fixed_themes_and_30_measures(library):
    pack = library.packs["tower-hamlets"]
    assert [t.id for t in pack.themes] == TOWER_HAMLETS_THEMES
    assert len(pack.measures) >= 30


def test_there_are_three_packs_with_different_priority_models(library):
    assert len(library.packs) >= 3
    theme_sets = {tuple(t.id for t in pack.themes) for pack in library.packs.values()}
    assert len(theme_sets) == len(library.packs)


@pytest.mark.parametrize("entry_id", sorted(load_entries(BASE_DIR, load_topics())))
def test_answers_are_short_and_plain(library, entry_id):
    entry = library.base_entries[entry_id]
    assert word_count(entry.answer) <= 160
    sentences = [s for s in re.split(r"[.!?][\"”’]?\s+", entry.answer) if s.strip()]
    longest = max(word_count(s) for s in sentences)
    assert longest <= 40, f"a {longest}-word sentence; split it"
    assert sum(word_count(s) for s in sentences) / len(sentences) <= 22


def test_a_council_overrides_what_counts_as_local(library):
    for council_id, pack in library.packs.items():
        first_district = pack.local_area.postcode_districts[0]
        local = [
            e
            for e in library.entries_by_council[council_id].values()
            if e.topic == "what-counts-as-local" and first_district in e.answer
        ]
        assert local, f"{council_id} has no local entry naming its postcodes"


def test_facts_are_current(library):
    text = " ".join(e.answer + (e.read_more or "") for e in library.base_entries.values())
    assert "PPN 06/20" not in text or "PPN 002" in text
    assert "Public Contracts Regulations 2015 apply" not in text


def test_a_broken_entry_names_the_file_and_field(tmp_path):
    topics = load_topics()
    source = next(BASE_DIR.rglob("*.yaml"))
    broken = tmp_path / source.name
    data = yaml.safe_load(source.read_text())
    data["topic"] = "not-a-topic"
    broken.write_text(yaml.safe_dump(data))
    with pytest.raises(ContentError, match=rf"^{broken}: topic: 'not-a-topic' is not one"):
        load_entries(tmp_path, topics)


def test_check_command_reports_a_broken_pack_in_one_line(tmp_path, capsys, monkeypatch):
    councils = tmp_path / "councils"
    shutil.copytree(BASE_DIR.parent / "councils", councils)
    path = councils / "suffolk" / "council.yaml"
    data = yaml.safe_load(path.read_text())
    data["themes"][0]["outcomes"][0]["measures"][0]["unit"] = "bananas"
    path.write_text(yaml.safe_dump(data))
    monkeypatch.setattr("knowledge.library.COUNCILS_DIR", councils)
    monkeypatch.setattr("knowledge.cli.load_library", lambda: load_library(councils))
    assert knowledge_cli(["check"]) == 1
    error = capsys.readouterr().err.strip()
    assert "\n" not in error
    assert error.startswith(f"error: {path}: themes.0.outcomes.0.measures.0.unit: ")
