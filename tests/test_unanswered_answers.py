"""The unanswered-questions loop: grouping that keeps the same question together and different
ones apart (judged on question groups written blind), a page of groups at a time, and staff
answering a group from the page: drafted, approved, then given by the assistant."""

import importlib
import itertools
import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from sqlite_utils import Database

from knowledge.entries import load_entry, load_topics
from knowledge.grouping import group_questions
from store.questions import record_unanswered
from tests.helpers.pages import error_summary_links, parse
from tests.helpers.staff import Person

dated_answer_sources = importlib.import_module("store.migrations.0020_dated_answer_sources")

DATA = Path(__file__).parent / "data"
COUNCIL = "tower-hamlets"
# Asked of the assistant, it has no good answer (checked in the first test that uses it).
ASKED = "can we print the tenants association newsletter for free"
ASKED_AGAIN = "can we print the tenants newsletter for free?"


def _labelled(split: str) -> tuple[list[tuple[int, str, int]], dict[int, str]]:
    data = yaml.safe_load((DATA / f"question_groups_{split}.yaml").read_text())
    questions, labels = [], {}
    for group in data["groups"]:
        for text in group["questions"]:
            labels[len(questions)] = group["label"]
            questions.append((len(questions), text, 1))
    return questions, labels


def _pairs(split: str) -> tuple[float, float]:
    """Pair precision and recall of the grouping against the writer's groups."""
    questions, labels = _labelled(split)
    found = {qid: n for n, group in enumerate(group_questions(questions)) for qid in group.ids}
    together = apart_wrongly = split_wrongly = 0
    for a, b in itertools.combinations(labels, 2):
        same, grouped = labels[a] == labels[b], found[a] == found[b]
        together += same and grouped
        apart_wrongly += grouped and not same
        split_wrongly += same and not grouped
    return together / (together + apart_wrongly), together / (together + split_wrongly)


@pytest.mark.parametrize("split", ["tuning", "heldout"])
def test_grouping_rarely_puts_different_questions_together(split):
    # Measured 2026-12-06 at SAME 0.4: tuning 0.90 precision, 0.29 recall; held-out 0.88, 0.26.
    # Putting different questions together hides one under another's title, so precision
    # is what matters; these sets are deep paraphrases, which words alone rarely join.
    precision, recall = _pairs(split)
    assert precision >= 0.85
    assert recall >= 0.2


def test_near_duplicates_are_grouped_and_the_issues_different_questions_are_not():
    questions, _ = _labelled("tuning")
    slips = {
        "what is the hourly rate for home care": [
            "whats the hourly rate for homecare?",
            "What is the hourly rate for home care",
            "hourly rate for home care what is it",
        ],
        "how many apprentices do we need": ["how many apprentiships do we need??"],
        "do volunteers count as local jobs": ["do volunters count as local jobs"],
    }
    extra = [(1000 + i, text, 1) for i, text in enumerate(t for ts in slips.values() for t in ts)]
    groups = group_questions(questions + extra)
    home = {text: n for n, group in enumerate(groups) for text in group.questions}
    for original, typed in slips.items():
        assert {home[t] for t in typed} == {home[original]}, original
    for first, second in [
        ("what is the hourly rate for home care",
         "how do i get on the approved provider list for home care"),
        ("how many apprentices do we need", "how much does an apprentice cost us"),
        ("do volunteers count as local jobs", "do volunteering hours count toward social value"),
        ("is london living wage required", "what is the london living wage rate"),
        ("when is the deadline for the tender", "when is the deadline for monitoring returns"),
    ]:  # fmt: skip
        assert home[first] != home[second], (first, second)


def test_grouping_names_groups_by_their_most_asked_question_and_orders_by_count():
    groups = group_questions(
        [(1, "can u book a taxi", 1), (2, "can you book a taxi?", 4), (3, "what is tupe", 2)]
    )
    assert [(g.title, g.times_asked, sorted(g.ids)) for g in groups] == [
        ("can you book a taxi?", 5, [1, 2]),
        ("what is tupe", 2, [3]),
    ]


def test_the_questions_page_shows_twenty_groups_a_page(app, db):
    for n in range(45):
        record_unanswered(
            db, council_id=COUNCIL, question=f"question number {n} about x{n}yz", source="help"
        )
    lead = Person(app, db, "admin")
    first = parse(lead.client.get("/staff/questions"))
    assert len(first.select(".app-question-group")) == 20
    assert "Showing groups 1 to 20 of 45." in first.text
    last = parse(lead.client.get("/staff/questions?page=3"))
    assert len(last.select(".app-question-group")) == 5
    assert last.select_one(".govuk-pagination")
    assert "(page 3 of 3)" in last.title.text
    assert lead.client.get("/staff/questions?page=4").status_code == 404


def _asked_on_help(client, text: str) -> str | None:
    """The entry the help page answered the question with (a confident answer, not 'did you
    mean'), or None."""
    page = parse(client.get("/help/", query_string={"q": text}))
    answered = page.select_one("[data-answered]")
    return answered["data-answered"] if answered else None


def test_a_group_answered_as_ways_of_asking_an_answer_is_given_once_approved(app, client, db):
    assert not _asked_on_help(client, ASKED)
    assert not _asked_on_help(client, ASKED_AGAIN)
    lead, second = Person(app, db, "admin"), Person(app, db, "moderator")
    page = parse(lead.client.get("/staff/questions"))
    group = page.select(".app-question-group")[0]
    answer_link = group.select_one("a.govuk-button")["href"]
    form = parse(lead.client.get(answer_link))
    assert form.select_one("h1").text == "Answer these questions"
    boxes = form.select("input[name='questions']")
    assert len(boxes) == 2 and all(b.has_attr("checked") for b in boxes)
    # Choosing nothing says what is wrong and keeps the questions.
    response = lead.post(answer_link, {"action": "existing", "entry_id": ""}, status=400)
    errors = dict(error_summary_links(parse(response, 400)))
    assert errors["Choose the answer these questions ask for"] == "#entry_id"
    lead.post(
        answer_link,
        {
            "action": "existing",
            "entry_id": "donations-and-in-kind-support",
            "questions": [b["value"] for b in boxes],
        },
    )
    assert not _asked_on_help(client, ASKED)  # drafted, not yet approved
    drafts = parse(second.client.get("/staff/questions/answers"))
    assert "Waiting for approval (1)" in drafts.text
    approve = drafts.select_one("form[action$='/approve']")["action"]
    second.post(approve, {}, page="/staff/questions/answers")
    assert _asked_on_help(client, ASKED) == "donations-and-in-kind-support"
    assert _asked_on_help(client, ASKED_AGAIN) == "donations-and-in-kind-support"
    listed = parse(lead.client.get("/staff/questions")).text
    assert ASKED not in listed  # answered: no longer waiting
    trail = db.execute("SELECT action FROM audit_log WHERE subject LIKE 'knowledge:%'").fetchall()
    assert [row[0] for row in trail] == ["drafted an answer", "approved an answer"]


def test_a_new_answer_is_checked_like_a_content_file_and_given_once_approved(app, client, db):
    question = "can we pay our home carers for travel time between visits"
    assert not _asked_on_help(client, question)
    lead = Person(app, db, "admin")
    link = parse(lead.client.get("/staff/questions")).select_one(".app-question-group a")["href"]
    good = {
        "action": "new",
        "title": "Paying care workers for travel time",
        "topic": "living-wage",
        "answer": (
            "Yes. Time travelling between visits is working time, so it counts towards the "
            "hours you pay at least the minimum wage for. Price your bid so that carers are "
            "paid for it, and say so in your offer."
        ),
        "ways": "\n".join(
            [question, "do carers get paid travel time", "is travel between visits paid"]
        ),
        "keywords": "travel time, care workers, pay",
        "source_title": "GOV.UK, Calculating the minimum wage",
        "source_url": "https://www.gov.uk/government/publications/calculating-the-minimum-wage",
    }
    for change, message in [
        ({"ways": question},
         "Give at least 3 ways of asking the question, one on each line"),
        ({"answer": "word " * 170}, "Keep the answer under about 150 words (it has 170)"),
        ({"keywords": "travel"}, "Give at least 2 keywords, separated by commas"),
        ({"source_url": "http://example.org"}, "Enter a web address starting https://"),
        ({"topic": ""}, "Choose the topic the answer belongs to"),
    ]:  # fmt: skip
        page = parse(lead.post(link, good | change, status=400), 400)
        assert message in dict(error_summary_links(page)), change
        assert page.select_one("textarea[name='answer']").text.strip()  # nothing lost
    lead.post(link, good)
    drafts = parse(lead.client.get("/staff/questions/answers"))
    assert "New answer: Paying care workers for travel time" in drafts.text
    lead.post(
        drafts.select_one("form[action$='/approve']")["action"], {}, page="/staff/questions/answers"
    )
    assert _asked_on_help(client, question) == "paying-care-workers-for-travel-time"
    answer = parse(client.get("/help/answers/paying-care-workers-for-travel-time"))
    assert "Time travelling between visits is working time" in answer.text
    # Checked by the staff who wrote and approved it: dated today, due for review in a year.
    assert f"(As of {date.today():%B %Y}.)" in answer.text


def test_answers_drafted_before_sources_had_dates_are_dated_from_when_they_were_drafted():
    db = Database(memory=True)
    entry = {"id": "an-answer", "sources": [{"title": "GOV.UK, somewhere", "url": None}]}
    db["knowledge_additions"].insert(
        {"id": 1, "entry": json.dumps(entry), "drafted_at": "2026-03-04T10:00:00+00:00"}
    )
    dated_answer_sources.migrate(db)
    source = json.loads(db["knowledge_additions"].get(1)["entry"])["sources"][0]
    assert (source["as_of"], source["review_by"]) == ("2026-03-04", "2027-03-04")


def _answer_first_group_as_ways_of_asking(lead, entry_id: str) -> None:
    """Through the pages: the first group's questions drafted as ways of asking an entry, and
    the draft approved."""
    link = parse(lead.client.get("/staff/questions")).select_one(".app-question-group a")["href"]
    boxes = parse(lead.client.get(link)).select("input[name='questions']")
    lead.post(link, {"action": "existing", "entry_id": entry_id,
                     "questions": [b["value"] for b in boxes]})  # fmt: skip
    approve = parse(lead.client.get("/staff/questions/answers")).select_one(
        "form[action$='/approve']"
    )
    lead.post(approve["action"], {}, page="/staff/questions/answers")


def test_the_assistant_gives_an_approved_answer_in_the_conversation(app, client, db):
    created = client.post("/api/v1/conversations", json={}).json
    url = f"/api/v1/conversations/{created['id']}/messages"
    headers = {"Authorization": f"Bearer {created['token']}"}
    before = client.post(url, json={"text": ASKED + "?"}, headers=headers).json
    lead = Person(app, db, "admin")
    _answer_first_group_as_ways_of_asking(lead, "donations-and-in-kind-support")
    # (Not the same words again: sent twice, a question is taken as the answer.)
    after = client.post(url, json={"text": ASKED_AGAIN}, headers=headers).json
    assert "In-kind support means" not in str(before["messages"])
    assert "In-kind support means" in str(after["messages"])


def test_export_writes_approved_answers_as_pack_files(app, runner, db, tmp_path):
    lead = Person(app, db, "admin")
    record_unanswered(db, council_id=COUNCIL, question=ASKED, source="help")
    _answer_first_group_as_ways_of_asking(lead, "donations-and-in-kind-support")
    result = runner.invoke(args=["export-answers", "--council", COUNCIL, "--to", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = tmp_path / COUNCIL / "knowledge" / "donations-and-in-kind-support.yaml"
    entry = load_entry(written, load_topics())
    assert ASKED in entry.questions
    again = runner.invoke(args=["export-answers", "--council", COUNCIL, "--to", str(tmp_path)])
    assert "No approved answers waiting to be exported." in again.output
    assert "Added to the pack's files" in lead.client.get("/staff/questions/answers").get_data(
        as_text=True
    )
