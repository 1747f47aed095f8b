"""Needs on the exchange: posting, staff approval, the public board and need pages, and the
rules (issue 10, Done 2): unverified organisations and unapproved needs are invisible publicly,
and one organisation cannot reach or change another's needs."""

from pathlib import Path

import pytest
import yaml

from store.exchange import Need, get_need, open_needs
from tests.helpers.exchange_actions import NEED, OrganisationActions, review, verify
from tests.helpers.pages import error_summary_links, heading, parse, title
from tests.helpers.staff import Person

CASES = yaml.safe_load((Path(__file__).parent / "data" / "exchange_forms.yaml").read_text())
BOARD = "/exchange/tower-hamlets/needs"


@pytest.fixture
def moderator(app, db):
    return Person(app, db, "moderator")


@pytest.fixture
def farm(app, db, moderator):
    """A verified organisation."""
    organisation = OrganisationActions(app)
    verify(moderator, db, organisation)
    return organisation


def public_titles(client) -> list[str]:
    return [a.get_text(strip=True) for a in parse(client.get(BOARD)).select(".app-need h3 a")]


@pytest.mark.parametrize("case", CASES["needs"])
def test_a_need_with_mistakes_is_explained_and_nothing_is_saved(farm, db, case):
    page = parse(farm.post("/exchange/your-needs/new", NEED | case["changes"]), 400)
    assert title(page).startswith("Error: ")
    assert error_summary_links(page) == [tuple(error) for error in case["errors"]]
    assert db["exchange_needs"].count == 0


def test_a_need_is_public_once_approved_and_its_page_shows_no_contact_details(
    app, client, db, farm, moderator
):
    need_id = farm.post_need()
    assert "Waiting for approval" in parse(farm.client.get("/exchange/your-needs/")).text
    assert public_titles(client) == []
    assert client.get(f"{BOARD}/{need_id}").status_code == 404
    review(moderator, need_id, "approved", "Thank you")
    assert public_titles(client) == [NEED["title"]]
    page = parse(client.get(f"{BOARD}/{need_id}"))
    assert heading(page) == NEED["title"]
    facts, progress = (
        {row.dt.get_text(strip=True): row.dd.get_text(strip=True) for row in dl.select("div")}
        for dl in page.select(".govuk-summary-list")
    )
    assert facts == {
        "Organisation": "Riverside City Farm",
        "Category": "Staff volunteering",
        "Theme": "Strong communities and a thriving voluntary and community sector",
        "Quantity wanted": "40 hours",
        "Timescale": "by May 2027",
        "Area": "Bow",
    }
    assert set(progress.values()) == {"0 hours"}  # nothing pledged or delivered yet
    assert "Support so far Open" in " ".join(page.select_one("h2").text.split())
    for html in (page.text, parse(client.get(BOARD)).text):
        for private in ("farm@charity.example", "Pat Grower", "1 Farm Lane", "E3 2AA", "1234567"):
            assert private not in html
    assert open_needs(db, "tower-hamlets") == [
        Need(id=need_id, council_id="tower-hamlets", organisation_id=1,
             organisation_name="Riverside City Farm", title=NEED["title"],
             description=NEED["description"], measure_id="employee-volunteering-hours",
             quantity=40.0, unit="hours", timescale="by May 2027", area="Bow", status="approved")
    ]  # fmt: skip
    assert "On the public board" in parse(farm.client.get("/exchange/your-needs/")).text


def test_an_unverified_organisations_needs_are_invisible_even_when_approved(app, client, db):
    unverified = OrganisationActions(app, name="Unverified Group")
    need_id = unverified.post_need()
    review(Person(app, db, "moderator"), need_id, "approved")
    assert public_titles(client) == []
    assert client.get(f"{BOARD}/{need_id}").status_code == 404
    assert open_needs(db, "tower-hamlets") == [] and get_need(db, need_id) is None
    assert (
        "has not verified your organisation"
        in parse(unverified.client.get("/exchange/your-needs/")).text
    )


@pytest.mark.parametrize("status", ["pending", "rejected", "closed"])
def test_needs_that_are_not_approved_are_invisible(client, db, farm, moderator, status):
    need_id = farm.post_need()
    if status == "rejected":
        review(moderator, need_id, "rejected", "Say how many volunteers")
    if status == "closed":
        review(moderator, need_id, "approved")
        farm.post(f"/exchange/your-needs/{need_id}/close", {})
    assert db["exchange_needs"].get(need_id)["status"] == status
    assert public_titles(client) == []
    assert client.get(f"{BOARD}/{need_id}").status_code == 404
    assert get_need(db, need_id) is None


def test_a_rejected_need_shows_the_councils_note_and_a_rejection_needs_one(farm, moderator):
    need_id = farm.post_need()
    page = parse(
        moderator.post(f"/staff/exchange/needs/{need_id}", {"decision": "rejected"}, 400), 400
    )
    assert error_summary_links(page) == [
        ("Say why the need is rejected, so the organisation can fix it", "#note")
    ]
    review(moderator, need_id, "rejected", "Say how many volunteers")
    text = parse(farm.client.get("/exchange/your-needs/")).text
    assert "Not approved" in text and "Say how many volunteers" in text


def test_changing_an_approved_need_sends_it_back_for_approval(client, db, farm, moderator):
    need_id = farm.post_need()
    review(moderator, need_id, "approved")
    page = parse(farm.client.get(f"/exchange/your-needs/{need_id}"))
    assert "it goes back to the council for approval" in page.select_one(".govuk-warning-text").text
    farm.post(f"/exchange/your-needs/{need_id}", NEED | {"quantity": "60", "area": "Poplar"})
    saved = db["exchange_needs"].get(need_id)
    assert (saved["status"], saved["quantity"], saved["area"]) == ("pending", 60, "Poplar")
    assert public_titles(client) == []
    review(moderator, need_id, "approved")
    assert "60 hours" in parse(client.get(f"{BOARD}/{need_id}")).select_one("main").text


def test_one_organisation_cannot_reach_or_change_anothers_needs(app, db, farm):
    need_id = farm.post_need()
    other = OrganisationActions(app, name="Bromley Settlement")
    for path in (f"/exchange/your-needs/{need_id}", f"/exchange/your-needs/{need_id}/close"):
        assert other.client.get(path).status_code == 404
        token_page = "/exchange/your-needs/new"
        assert other.post(path, NEED | {"title": "Taken over"}, page=token_page).status_code == 404
    saved = db["exchange_needs"].get(need_id)
    assert (saved["title"], saved["status"]) == (NEED["title"], "pending")
    assert NEED["title"] not in parse(other.client.get("/exchange/your-needs/")).text


def test_closing_a_need_is_for_good(client, db, farm, moderator):
    need_id = farm.post_need()
    review(moderator, need_id, "approved")
    page = parse(farm.client.get(f"/exchange/your-needs/{need_id}/close"))
    assert heading(page) == f'Close "{NEED["title"]}"?'
    assert farm.post(f"/exchange/your-needs/{need_id}/close", {}).status_code == 303
    assert farm.client.get(f"/exchange/your-needs/{need_id}").status_code == 404
    assert "Closed" in parse(farm.client.get("/exchange/your-needs/")).text
    staff_page = parse(moderator.client.get(f"/staff/exchange/needs/{need_id}"))
    assert staff_page.select_one("form[method=post]") is None


def test_the_board_filters_by_theme_and_category_without_javascript(client, farm, moderator):
    posted = {
        "Volunteers": {"measure_id": "employee-volunteering-hours"},
        "Laptops": {"measure_id": "equipment-donated", "quantity": "3"},
        "Work placements": {"measure_id": "work-placement-weeks", "quantity": "6"},
    }
    for name, changes in posted.items():
        review(moderator, farm.post_need(title=name, **changes))
    assert sorted(public_titles(client)) == ["Laptops", "Volunteers", "Work placements"]
    page = parse(client.get(f"{BOARD}?theme=communities"))
    assert sorted(a.get_text(strip=True) for a in page.select(".app-need h3 a")) == [
        "Laptops",
        "Volunteers",
    ]
    assert page.select_one("input[name=theme][value=communities]").has_attr("checked")
    assert public_titles_of(client, "?theme=jobs-skills&theme=environment") == ["Work placements"]
    assert public_titles_of(client, "?category=equipment-donated") == ["Laptops"]
    assert public_titles_of(client, "?theme=jobs-skills&category=equipment-donated") == []
    unknown = "?theme=nonsense&category=%3Cscript%3E"
    assert sorted(public_titles_of(client, unknown)) == ["Laptops", "Volunteers", "Work placements"]
    form = parse(client.get(BOARD)).select_one("main form")
    assert (
        form["method"] == "get"
        and form.select_one("button").get_text(strip=True) == "Apply filters"
    )


def public_titles_of(client, query: str) -> list[str]:
    return [
        a.get_text(strip=True) for a in parse(client.get(BOARD + query)).select(".app-need h3 a")
    ]


def test_a_need_belongs_to_its_councils_board_only(app, client, farm, moderator):
    need_id = farm.post_need()
    review(moderator, need_id, "approved")
    assert client.get(f"/exchange/suffolk/needs/{need_id}").status_code == 404
    assert client.get("/exchange/no-such-council/needs").status_code == 404
    assert "There are no open needs" in parse(client.get("/exchange/suffolk/needs")).text


def test_the_board_is_linked_from_the_start_page_and_every_footer(client):
    links = [a["href"] for a in parse(client.get("/")).select("main a")]
    assert "/exchange/tower-hamlets/needs" in links
    assert "/exchange/tower-hamlets/register" in links
    footer = parse(client.get("/assistant/?council=suffolk")).select_one("footer")
    assert footer.select_one("a[href='/exchange/suffolk/needs']").get_text() == "Local needs board"
