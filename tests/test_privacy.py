"""A supplier deletes their conversation and offer, from its pages or the API: every row of it
goes and nothing else changes; a submitted offer the council keeps stays; a won one cannot go."""

import re

import pytest

from store import privacy
from store.contracts import award
from store.conversations import TurnConflict, conversation_by_id, new_return_code, save_turn
from store.evaluations import save_evaluation
from store.opportunities import create_opportunity
from store.sessions import attendees, create_session
from store.staff import create_staff
from tests.helpers.offers import api_submit, finish
from tests.helpers.pages import csrf_token, heading, parse
from tests.helpers.privacy import mentions, snapshot


def open_opportunity(db, practice=False) -> str:
    return create_opportunity(
        db, council_id="tower-hamlets", title="Lunch club", closes_at="2099-01-01T12:00:00+00:00",
        value_gbp=40000, practice=practice,
    )  # fmt: skip


@pytest.fixture
def evaluator(db):
    return create_staff(
        db, email="ev@tower-hamlets.example", name="Eva", council_id="tower-hamlets",
        role="evaluator", password="a long enough password",
    )  # fmt: skip


def submitted(client, db, evaluator, practice=False):
    """A finished conversation submitted to an opportunity and scored by an evaluator."""
    done = finish(client)
    made = api_submit(client, done, open_opportunity(db, practice)).json
    row = next(db.query("SELECT id FROM submissions WHERE reference = ?", [made["reference"]]))
    save_evaluation(
        db, submission_id=row["id"], staff_id=evaluator.id, scores={"quality": 3},
        council_id="tower-hamlets", subject=made["reference"],
    )  # fmt: skip
    return done, made["reference"], row["id"]


def delete_through_the_page(client, done, status=303):
    url = f"/assistant/c/{done['token']}/delete"
    page = parse(client.get(url))
    response = client.post(url, data={"csrf_token": csrf_token(page)})
    assert response.status_code == status
    return response


def supplier_routes(app, done, reference="SV-2026-000001") -> list[tuple[str, str]]:
    """Every supplier page of this conversation, with each of its methods."""
    values = {"commitment_id": "c1", "reference": reference, "contract_id": "1", "kind": "txt"}
    values["file_id"] = "1"
    routes = []
    for rule in app.url_map.iter_rules():
        if "token" in rule.arguments:
            url = re.sub(
                r"<(?:[^:<>]+:)?([^<>]+)>",
                lambda m: done["token"] if m[1] == "token" else values[m[1]],
                rule.rule,
            )
            routes += [(method, url) for method in sorted(rule.methods & {"GET", "POST"})]
    return routes


def assert_token_opens_nothing(app, client, done):
    form = {"csrf_token": csrf_token(parse(client.get("/staff/sign-in")))}
    for method, url in supplier_routes(app, done):
        response = client.open(url, method=method, data=form if method == "POST" else None)
        assert response.status_code == 404, (method, url)
    api = f"/api/v1/conversations/{done['id']}"
    auth = {"Authorization": f"Bearer {done['token']}"}
    for method, path, body in [
        ("GET", "", None),
        ("GET", "/offer", None),
        ("POST", "/messages", {"text": "hello"}),
        ("POST", "/submissions", {"opportunity": "X"}),
        ("DELETE", "", None),
    ]:
        response = client.open(api + path, method=method, json=body, headers=auth)
        assert response.status_code == 404, (method, path)


def test_deleting_a_draft_removes_every_row_of_it_and_nothing_else(app, client, db, evaluator):
    other, _, _ = submitted(app.test_client(), db, evaluator)
    done = finish(client)
    before = snapshot(db)
    assert "conversation_messages" in mentions(db, done["id"])

    response = delete_through_the_page(client, done)
    assert response.headers["Location"] == "/assistant/deleted"
    assert heading(parse(client.get("/assistant/deleted"))) == "Conversation and offer deleted"
    after = snapshot(db)

    assert mentions(db, done["id"]) == []
    gone = {name: before[name] - after[name] for name in before}
    assert {name for name, rows in gone.items() if rows} == {
        "conversations",
        "conversation_tokens",
        "conversation_messages",
    }
    assert all(after[name] <= before[name] for name in before)  # nothing added or changed
    assert client.get(f"/assistant/c/{other['token']}").status_code == 200
    assert_token_opens_nothing(app, client, done)


def test_the_confirmation_page_warns_and_has_a_red_delete_button_and_cancel(client):
    done = finish(client)
    page = parse(client.get(f"/assistant/c/{done['token']}/delete?back=offer"))
    assert heading(page) == "Delete this conversation and offer"
    assert "You cannot undo this" in page.select_one(".govuk-warning-text").text
    form = page.select_one("main form[method=post]")
    assert form.select_one("input[name=csrf_token]")
    assert form.select_one("button.govuk-button--warning").get_text(strip=True) == "Delete"
    cancel = form.find("a", string="Cancel")
    assert cancel["href"] == f"/assistant/c/{done['token']}/offer"
    assert "What the council keeps" not in page.text


@pytest.mark.parametrize("where", ["", "/offer"])
def test_the_chat_and_the_offer_page_link_to_deleting(client, where):
    done = finish(client)
    page = parse(client.get(f"/assistant/c/{done['token']}{where}"))
    link = page.find("a", string="Delete this conversation and offer")
    assert link["href"].startswith(f"/assistant/c/{done['token']}/delete")


def test_the_deleted_page_says_it_is_gone(client):
    delete_through_the_page(client, finish(client))
    page = parse(client.get("/assistant/deleted"))
    assert "Conversation and offer deleted" in page.select_one(".govuk-panel").text
    assert "no longer work" in page.select_one("main").text


def test_a_submitted_offer_stays_with_the_council_and_the_rest_goes(app, client, db, evaluator):
    done, reference, submission_id = submitted(client, db, evaluator)
    page = parse(client.get(f"/assistant/c/{done['token']}/delete"))
    kept = page.select_one("main ul").text
    assert reference in kept and "kept until 1 January 2105" in kept  # closes 2099 + 6 years
    assert "does not withdraw" in page.text
    before = snapshot(db)

    delete_through_the_page(client, done)
    shown = parse(client.get("/assistant/deleted")).select_one("main").text
    assert reference in shown and "1 January 2105" in shown
    after = snapshot(db)
    gone = {name for name in before if before[name] - after[name]}
    assert gone == {"conversations", "conversation_tokens", "conversation_messages"}
    emptied = dict(next(db.query("SELECT * FROM conversations WHERE id = ?", [done["id"]])))
    assert emptied["state"] == "{}" and emptied["stage"] == "deleted"
    assert emptied["return_code_hash"] is None and emptied["attendee"] is None
    assert emptied["deleted_at"] is not None
    row = next(db.query("SELECT status FROM submissions WHERE id = ?", [submission_id]))
    assert row["status"] == "submitted"  # deleting does not withdraw
    assert next(db.query("SELECT COUNT(*) AS n FROM evaluations"))["n"] == 1
    assert_token_opens_nothing(app, client, done)
    token = csrf_token(parse(client.get("/assistant/return")))
    page = parse(
        client.post("/assistant/return", data={"code": done["return_code"], "csrf_token": token}),
        status=400,
    )
    summary = page.select_one(".govuk-error-summary").text
    assert "We could not find an offer with that code" in summary


def test_a_practice_submission_goes_with_the_conversation(client, db, evaluator):
    done, reference, _ = submitted(client, db, evaluator, practice=True)
    assert "What the council keeps" not in client.get(f"/assistant/c/{done['token']}/delete").text
    delete_through_the_page(client, done)
    for value in (done["id"], reference):
        assert mentions(db, value) == []
    assert next(db.query("SELECT COUNT(*) AS n FROM evaluations"))["n"] == 0


def won(client, db, evaluator):
    done, reference, submission_id = submitted(client, db, evaluator)
    code = next(db.query("SELECT opportunity_code FROM submissions WHERE id = ?", [submission_id]))
    award(
        db,
        contract={
            "council_id": "tower-hamlets", "opportunity_code": code["opportunity_code"],
            "submission_id": submission_id, "conversation_id": done["id"], "title": "Lunch club",
            "supplier_name": "Riverside", "value_gbp": 40000, "starts_on": "2030-01-01",
            "duration_months": 24, "period_months": 3,
        },
        kpis=[{"title": "Apprentices", "target": 2}],
        staff_id=evaluator.id,
    )  # fmt: skip
    return done


def test_an_offer_that_won_a_contract_cannot_be_deleted(client, db, evaluator):
    done = won(client, db, evaluator)
    page = parse(client.get(f"/assistant/c/{done['token']}/delete"))
    assert "You cannot delete this conversation" in page.text
    assert page.select_one("button.govuk-button--warning") is None
    before = snapshot(db)
    token = csrf_token(parse(client.get("/staff/sign-in")))  # the page itself has no form
    response = client.post(f"/assistant/c/{done['token']}/delete", data={"csrf_token": token})
    assert response.status_code == 409
    assert snapshot(db) == before
    auth = {"Authorization": f"Bearer {done['token']}"}
    refused = client.delete(f"/api/v1/conversations/{done['id']}", headers=auth)
    assert refused.status_code == 409
    assert refused.json["error"]["code"] == "contract_awarded"
    assert snapshot(db) == before


def test_the_api_deletes_and_lists_what_the_council_keeps(app, client, db, evaluator):
    done, reference, _ = submitted(client, db, evaluator)
    other = finish(app.test_client())
    url = f"/api/v1/conversations/{done['id']}"
    assert client.delete(url).status_code == 401
    wrong = {"Authorization": f"Bearer {other['token']}"}
    assert client.delete(url, headers=wrong).status_code == 404
    response = client.delete(url, headers={"Authorization": f"Bearer {done['token']}"})
    assert response.status_code == 200
    assert response.json == {
        "id": done["id"],
        "deleted": True,
        "kept_submissions": [
            {"reference": reference, "status": "submitted", "kept_until": "2105-01-01"}
        ],
    }
    assert_token_opens_nothing(app, client, done)
    assert client.get(f"/assistant/c/{other['token']}").status_code == 200


def test_deleting_an_attendees_conversation_takes_it_off_the_trainers_view(client, db, evaluator):
    session = create_session(
        db, council_id="tower-hamlets", title="Room", opportunity_code=open_opportunity(db, True),
        themes=[], staff_id=evaluator.id,
    )  # fmt: skip
    joined = client.post(
        "/api/v1/conversations", json={"session": session.code, "attendee": "Sam"}
    ).json
    assert [a.conversation_id for a in attendees(db, session.id)] == [joined["id"]]
    delete_through_the_page(client, joined)
    assert attendees(db, session.id) == []
    assert mentions(db, "Sam") == []


def test_a_turn_read_before_deleting_cannot_write_the_answers_back(client, db, evaluator):
    done, _, _ = submitted(client, db, evaluator)
    stale = conversation_by_id(db, done["id"])
    privacy.delete_conversation(db, done["id"])
    with pytest.raises(TurnConflict):
        save_turn(
            db, stale, state=stale.state, stage="done", done=True,
            messages=[{"role": "user", "text": "Riverside Kitchen"}],
        )  # fmt: skip
    new_return_code(db, done["id"])
    row = next(db.query("SELECT * FROM conversations WHERE id = ?", [done["id"]]))
    assert (row["state"], row["return_code_hash"]) == ("{}", None)
    assert mentions(db, "Riverside Kitchen") == []
