"""Meet-the-buyer sessions: join codes, joining and closing, the trainer's live view, and a
room of 20 attendees joining at once against the real server."""

import json
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from bs4 import BeautifulSoup

import store
from knowledge.packs import load_packs
from knowledge.vocabulary import CODE_ALPHABET
from store.sessions import create_session, new_join_code, session_by_code
from store.staff import create_staff
from tests.helpers.app import STAFF_PASSWORD
from tests.helpers.conversation_driver import Supplier, drive
from tests.helpers.http_clients import Browser, api
from tests.helpers.pages import csrf_token, error_summary_links, parse
from tests.helpers.server import Gunicorn
from tests.helpers.staff import Person
from tests.helpers.training import practice
from training.live import Seat, live_view, summary

PACK = load_packs()["tower-hamlets"]


def test_join_codes_are_easy_to_read_aloud_and_never_collide(db):
    assert not set("0O1I") & set(CODE_ALPHABET)
    assert all(set(new_join_code()) <= set(CODE_ALPHABET) for _ in range(1000))
    code = practice(db)
    codes = set()
    for n in range(10_000):
        made = create_session(
            db, council_id="tower-hamlets", title=f"S{n}", opportunity_code=code, themes=[],
            staff_id=None,
        )  # fmt: skip
        codes.add(made.code)
    assert len(codes) == 10_000 == db["training_sessions"].count


def test_a_code_already_taken_is_drawn_again(db):
    code = practice(db)
    drawn = iter(["TAKEN2", "TAKEN2", "FRESH3"])
    first = create_session(
        db, council_id="tower-hamlets", title="A", opportunity_code=code, themes=[], staff_id=None,
        code_maker=lambda: next(drawn),
    )  # fmt: skip
    second = create_session(
        db, council_id="tower-hamlets", title="B", opportunity_code=code, themes=[], staff_id=None,
        code_maker=lambda: next(drawn),
    )  # fmt: skip
    assert (first.code, second.code) == ("TAKEN2", "FRESH3")
    assert session_by_code(db, " fresh3 ").title == "B"  # any case, spaces ignored


def test_joining_is_refused_plainly_for_a_wrong_code_or_a_closed_session(app, client, db):
    trainer = Person(app, db, "trainer")
    code = practice(db)
    response = trainer.post("/staff/sessions/new", {"title": "Meet the buyer", "opportunity": code})
    session_url = response.headers["Location"]
    join_code = parse(trainer.client.get(session_url)).select_one(".app-join-code span").text
    token = csrf_token(parse(client.get("/join/")))
    for sent, message in (
        ("", "Enter the session code, like K7PXQ2"),
        ("ZZZZZZ", "There is no session with that code. Check the code with your trainer."),
    ):
        page = parse(client.post("/join/", data={"csrf_token": token, "code": sent}), 400)
        assert [t for t, _ in error_summary_links(page)] == [message]
        assert page.select_one("#code").get("value", "") == sent
    joined = client.post(
        "/join/", data={"csrf_token": token, "code": join_code.lower(), "name": "Sam"}
    )
    assert joined.status_code == 303 and "/assistant/c/" in joined.headers["Location"]
    assert db["conversations"].count_where("attendee = 'Sam'") == 1
    asked = parse(trainer.client.get(f"{session_url}/close"))
    assert "Closing deletes 1 attendee's name and no questions asked in the room" in " ".join(
        asked.text.split()
    )
    assert db["conversations"].count_where("attendee = 'Sam'") == 1  # asking changes nothing
    trainer.post(f"{session_url}/close", {})
    page = parse(client.post("/join/", data={"csrf_token": token, "code": join_code}), 400)
    assert error_summary_links(page)[0][0].startswith("This session has closed")
    api = client.post("/api/v1/conversations", json={"session": join_code})
    assert api.status_code == 409 and api.json["error"]["code"] == "session_closed"
    assert db["conversations"].count_where("session_id IS NOT NULL") == 1
    assert db["conversations"].count_where("attendee IS NOT NULL") == 0  # names go on closing


def test_only_trainers_and_admins_run_sessions_and_only_their_council_sees_them(app, db):
    trainer = Person(app, db, "trainer")
    code = practice(db)
    session_url = trainer.post(
        "/staff/sessions/new", {"title": "Room", "opportunity": code}
    ).headers["Location"]
    assert Person(app, db, "evaluator").client.get(session_url).status_code == 403
    outsider = Person(app, db, "admin", council="sandwell")
    for path in ("", "/live", "/handout"):
        assert outsider.client.get(f"{session_url}{path}").status_code == 404
    bad = parse(trainer.post("/staff/sessions/new", {"title": "", "opportunity": "NOPE"}, 400), 400)
    assert [t for t, _ in error_summary_links(bad)] == [
        "Enter a title for the session",
        "Choose the opportunity attendees will work on",
    ]


def _seat(name, commitments, stage="themes", done=False):
    return Seat(stage, done, {"answers": {"organisation.name": name}, "commitments": commitments})


def test_the_live_view_counts_the_room_and_anonymises_its_examples():
    strong = {
        "id": "c1", "theme_id": PACK.themes[0].id, "title": "Work placements", "quantity": 4,
        "unit": "weeks", "timescale": "by March 2027", "beneficiaries": "Young people",
        "evidence_plan": "Signed attendance sheets",
        "delivery": "Riverside Kitchen staff mentor them",
    }  # fmt: skip
    weak = {"id": "c2", "theme_id": None, "title": "We will seek to help the community"}
    seats = [
        _seat("Riverside Kitchen", [strong, weak]),
        _seat("Other Org", [dict(strong, delivery="Our team mentors them")], done=True),
        _seat("", [], stage="about-you"),
    ]
    stages = [("about-you", "About you"), ("themes", "The council's priorities")]
    asked = [("what is social value", True, "what-is-social-value")] * 2
    asked += [("is it raining on mars", False, None)]
    view = live_view(seats, stages, PACK, asked)
    assert view.stages == [("About you", 1), ("The council's priorities", 1), ("Finished", 1)]
    assert view.themes[0] == (PACK.themes[0].title, 2)
    assert view.common[0] == ("Work placements", 2)
    assert [(a.question, a.times, a.answered) for a in view.questions] == [
        ("what is social value", 2, True),
        ("is it raining on mars", 1, False),
    ]
    assert [a.question for a in view.unanswered] == ["is it raining on mars"]
    assert view.strong[0].text.endswith("How: [the organisation] staff mentor them")
    assert "Riverside" not in " ".join(e.text for e in view.strong + view.weak)
    assert view.weak[0].text == "We will seek to help the community"
    kept = json.dumps(summary(view))
    assert "Riverside" not in kept and "raining" not in kept
    assert summary(view)["questions"] == 3 and summary(view)["unanswered"] == 1


@pytest.fixture
def server(tmp_path):
    database = tmp_path / "room.sqlite3"
    db = store.connect(database)
    store.migrate(db)
    create_staff(
        db, email="trainer@tower-hamlets.example", name="Trainer", council_id="tower-hamlets",
        role="trainer", password=STAFF_PASSWORD,
    )  # fmt: skip
    practice(db)
    db.close()
    running = Gunicorn(tmp_path, database).start()
    yield running
    running.stop()


@pytest.mark.slow  # a real gunicorn server
def test_a_room_of_20_joins_at_once_and_the_live_view_counts_them(server):
    trainer = Browser(server.url)
    token = trainer.form_token("/staff/sign-in")
    trainer.post(
        "/staff/sign-in",
        {"email": "trainer@tower-hamlets.example", "password": STAFF_PASSWORD, "csrf_token": token},
    )
    token = trainer.form_token("/staff/sessions/new")
    _, page = trainer.get("/staff/sessions/new")
    opportunity = BeautifulSoup(page, "html.parser").select_one("input[name=opportunity]")["value"]
    themes = [PACK.themes[0].id, PACK.themes[1].id]
    status, location, _ = trainer.post(
        "/staff/sessions/new",
        {
            "csrf_token": token,
            "title": "Meet the buyer",
            "opportunity": opportunity,
            "themes": themes,
        },
    )
    assert status == 303
    session_path = urllib.parse.urlparse(location).path
    _, page = trainer.get(session_path)
    code = BeautifulSoup(page, "html.parser").select_one(".app-join-code span").text

    results: dict[str, list] = {"web": [], "finished": [], "themes": [], "errors": []}

    def join_on_the_page(n):
        person = Browser(server.url)
        form_token = person.form_token(f"/join/?code={code}")
        status, location, _ = person.post(
            "/join/", {"csrf_token": form_token, "code": code, "name": f"Attendee {n}"}
        )
        results["web" if status == 303 and "/assistant/c/" in location else "errors"].append(n)

    def join_by_api_and_talk(n):
        status, created = api(f"{server.url}/api/v1/conversations", {"session": code})
        if status != 201:
            results["errors"].append((n, status, created))
            return
        url = f"{server.url}/api/v1/conversations/{created['id']}/messages"

        def send(text):
            return api(url, {"text": text}, created["token"])[1]["prompt"]

        if n == 0:  # one asks the assistant two questions on the way
            send("what is social value?")
            send("will it rain on mars next week?")
        if n % 2:
            drive(created["prompt"], send, Supplier("charity", "tower-hamlets"))
            results["finished"].append(n)
        else:
            supplier, prompt = Supplier("charity", "tower-hamlets"), created["prompt"]
            while prompt.get("theme") is None:  # until the theme loop begins
                prompt = send(supplier.reply_to(prompt))
            results["themes"].append(n)

    threads = [threading.Thread(target=join_on_the_page, args=(n,)) for n in range(10)]
    threads += [threading.Thread(target=join_by_api_and_talk, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert results["errors"] == []
    assert (len(results["web"]), len(results["finished"]), len(results["themes"])) == (10, 5, 5)

    _, page = trainer.get(session_path)
    live = BeautifulSoup(page, "html.parser")
    stages = {row.th.text: int(row.td.text) for row in live.select("#stages tbody tr")}
    assert stages == {
        "About you": 10,
        "The contract": 0,
        "The council's priorities": 5,
        "What you already do": 0,
        "Check your offer": 0,
        "Finished": 5,
    }
    assert "The room: 20 attendees" in live.text
    assert {li.text.split(":")[0] for li in live.select("#themes li")} <= {
        PACK.themes[0].title,
        PACK.themes[1].title,
    }  # the session's focus
    assert "will it rain on mars next week?" in live.select_one("#unanswered").text
    _, fragment = trainer.get(f"{session_path}/live")
    assert "The room: 20 attendees" in fragment

    token = trainer.form_token(f"{session_path}/close")  # the page that asks first
    assert trainer.post(f"{session_path}/close", {"csrf_token": token})[0] == 303
    late = Browser(server.url)
    form_token = late.form_token("/join/")
    status, _, page = late.post("/join/", {"csrf_token": form_token, "code": code})
    assert status == 400 and "This session has closed" in page
    assert api(f"{server.url}/api/v1/conversations", {"session": code})[0] == 409
    _, page = trainer.get(session_path)
    assert "No one can join now" in page
    closed = BeautifulSoup(page, "html.parser")
    assert "Summary: 20 attendees" in closed.text
    assert {r.th.text: int(r.td.text) for r in closed.select("#stages tbody tr")} == stages
    assert "Attendee " not in page and "mars" not in page  # counts only, once closed
