"""What the form fuzzer found (issue 9), each pinned by a plain test that no sampling can miss."""

import io

from store.questions import record_unanswered
from tests.helpers.offers import api_submit, finish, opportunity
from tests.helpers.pages import csrf_token, error_summary_links, heading, parse
from tests.helpers.staff import Person


def test_a_file_sent_where_a_form_expects_text_is_refused_plainly(client):
    token = csrf_token(parse(client.get("/staff/sign-in")))
    response = client.post(
        "/staff/sign-in",
        data={"csrf_token": token, "email": (io.BytesIO(b"<p>"), "a.html"), "password": "x"},
        content_type="multipart/form-data",
    )
    assert heading(parse(response, 400)) == "There is a problem with your request"


def test_a_weighting_out_of_range_gets_its_message_not_a_crash(app, db):
    moderator = Person(app, db, "moderator")
    token = csrf_token(parse(moderator.client.get("/staff/opportunities/new")))
    for weighting, message in (
        ("101", "Enter a weighting from 1% to 100%"),
        ("0", "Enter a weighting from 1% to 100%"),
        ("ten", "Enter the social value weighting as a number, like 10"),
    ):
        response = moderator.client.post(
            "/staff/opportunities/new",
            data={"csrf_token": token, "weighting_percent": weighting},
        )
        assert (message, "#weighting_percent") in error_summary_links(parse(response, 400))


def test_numbers_and_dates_typed_wrongly_get_one_plain_message_each(app, db):
    moderator = Person(app, db, "moderator")
    token = csrf_token(parse(moderator.client.get("/staff/opportunities/new")))
    typed = {"value_gbp": "lots", "duration_months": "2.5", "word_limit": "500 words"}
    response = moderator.client.post(
        "/staff/opportunities/new",
        data={"csrf_token": token, "closes_on": ["31", "2", "2027"], **typed},
    )
    links = error_summary_links(parse(response, 400))
    messages = [text for text, _ in links]
    assert "Enter the contract's value in pounds as a number, like 120000" in messages
    assert "Enter the contract's length as a whole number of months, like 24" in messages
    assert "Enter the word limit as a whole number, like 500" in messages
    assert "The closing date must be a real date, like 27 3 2027" in messages
    assert len({href for _, href in links}) == len(links)  # One message a field, not two.


def test_a_question_id_too_big_for_the_database_names_no_question(app, db):
    kept = record_unanswered(db, council_id="tower-hamlets", question="Bitcoin?", source="help")
    handled = record_unanswered(db, council_id="tower-hamlets", question="Barter?", source="help")
    admin = Person(app, db, "admin")
    ids = ["99999999999999999999", "9" * 5000, str(handled)]
    admin.post("/staff/questions/handled", {"id": ids}, page="/staff/questions")
    rows = db.execute("SELECT id FROM unanswered_questions WHERE handled_at IS NULL").fetchall()
    assert rows == [(kept,)]


def test_withdrawing_an_offer_twice_shows_its_receipt(client, db):
    done = finish(client)
    reference = api_submit(client, done, opportunity(db)).json["reference"]
    receipt = f"/assistant/c/{done['token']}/offer/submissions/{reference}"
    token = csrf_token(parse(client.get(receipt)))
    for confirm in ("yes", "yes", "not-a-choice"):
        response = client.post(
            f"{receipt}/withdraw", data={"csrf_token": token, "confirm": confirm}
        )
        assert response.status_code == 303 and response.headers["Location"] == receipt
    assert "This version was withdrawn" in parse(client.get(receipt)).get_text(" ")


def test_withdrawing_after_closing_says_so_without_pointing_at_a_missing_form(client, db):
    done = finish(client)
    code = opportunity(db)
    reference = api_submit(client, done, code).json["reference"]
    receipt = f"/assistant/c/{done['token']}/offer/submissions/{reference}"
    token = csrf_token(parse(client.get(receipt)))
    db["opportunities"].update(code, {"closes_at": "2020-01-01T12:00:00+00:00"})
    page = parse(client.post(f"{receipt}/withdraw", data={"csrf_token": token}), 400)
    assert "It is too late to withdraw" in page.get_text(" ")
    assert error_summary_links(page) == [] and page.select("form input[name=confirm]") == []
