"""`python -m knowledge search|suggest`: the documented JSON, one line per query on stdin."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args, stdin=None):
    completed = subprocess.run(
        [sys.executable, "-m", "knowledge", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    return completed


def test_search_prints_the_documented_json():
    completed = run("search", "how is social value scored", "--json")
    assert completed.returncode == 0, completed.stderr
    body = json.loads(completed.stdout)
    assert body["query"] == "how is social value scored"
    assert body["answered"] is True
    assert body["matches"][0]["topic"] == "scoring"
    assert set(body["matches"][0]) == {"id", "topic", "title", "score", "answer"}


def test_suggest_prints_the_documented_json_for_another_council():
    completed = run(
        "suggest", "we could run a litter pick in the park", "--council", "sandwell", "--json"
    )
    body = json.loads(completed.stdout)
    assert body["query"] == "we could run a litter pick in the park"
    assert set(body["suggestions"][0]) == {"measure_id", "theme_id", "title", "score"}


def test_dash_reads_one_query_per_line_and_prints_one_object_per_line():
    questions = ["what is social value", "asdfgh", "what counts as local"]
    completed = run("search", "-", "--json", stdin="\n".join(questions) + "\n")
    lines = [json.loads(line) for line in completed.stdout.splitlines()]
    assert [line["query"] for line in lines] == questions
    assert lines[1]["answered"] is False


def test_unknown_council_is_a_clear_error():
    completed = run("search", "anything", "--council", "atlantis", "--json")
    assert completed.returncode == 2
    assert "no council pack 'atlantis'" in completed.stderr
