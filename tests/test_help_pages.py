"""The help pages, the knowledge API and the plan on a page."""

import pytest

from store.questions import list_unanswered
from tests.helpers.pages import error_summary_links, heading, parse, title


def test_help_page_lists_every_topic(client):
    soup = parse(client.get("/help/"))
    assert heading(soup) == "Get help with social value"
    assert len(soup.select(".app-topic-list li")) == 38


def test_a_clear_question_gets_its_answer_and_is_not_logged(client, app, db):
    expected = app.extensions["knowledge"].search("how is social value scored", "tower-hamlets")
    assert expected.answered
    soup = parse(client.get("/help/?q=how+is+social+value+scored"))
    result = soup.select_one(".app-help-result")
    assert result.h2.get_text(strip=True) == expected.matches[0].entry.title
    assert title(soup).startswith("how is social value scored")
    assert list_unanswered(db, "tower-hamlets") == []


def test_a_repeated_unanswered_question_is_counted_once_per_address(app, client, db):
    for question in [
        "is our garden thing any good for this",
        "Is our garden  thing any good for this",  # the same address again: not counted
    ]:
        client.get(f"/help/?q={question}")
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "198.51.100.7"
    elsewhere.get("/help/?q=is our garden thing any good for this")
    logged = list_unanswered(db, "tower-hamlets")
    assert [(q.question, q.times_asked) for q in logged] == [
        ("is our garden thing any good for this", 2)
    ]


def test_one_address_cannot_flood_the_councils_list_of_questions(client, db):
    for n in range(130):
        client.get(f"/help/?q=is zorblax number {n} any good for this")
    assert len(list_unanswered(db, "tower-hamlets")) == 100  # a day's share from one address


def test_a_blank_question_is_an_error_and_is_not_logged(client, db):
    soup = parse(client.get("/help/?q=%20%20%20"))
    assert error_summary_links(soup) == [("Enter your question", "#q")]
    assert list_unanswered(db, "tower-hamlets") == []


def test_an_unclear_question_offers_choices_or_says_so_and_is_logged(client, db):
    soup = parse(client.get("/help/?q=is+our+garden+thing+any+good+for+this"))
    assert soup.select_one(".app-help-result h2").get_text(strip=True) in {
        "Did you mean…",
        "We do not have an answer to that yet",
    }
    logged = list_unanswered(db, "tower-hamlets")
    assert [q.question for q in logged] == ["is our garden thing any good for this"]
    assert logged[0].source == "help"


def test_a_question_about_something_else_says_so_and_is_not_logged(client, db):
    soup = parse(client.get("/help/?q=what+time+do+the+bins+go+out"))
    result = soup.select_one(".app-help-result")
    assert result.h2.get_text(strip=True) == "That is not something we can help with here"
    assert "cannot answer questions about other council services" in result.get_text(" ")
    assert list_unanswered(db, "tower-hamlets") == []


def test_an_empty_question_shows_the_error_summary(client):
    soup = parse(client.get("/help/?q="))
    assert title(soup).startswith("Error: ")
    assert error_summary_links(soup) == [("Enter your question", "#q")]


def test_a_hostile_question_is_shown_escaped(client):
    response = client.get("/help/?q=<script>alert('x')</script>")
    soup = parse(response)
    assert soup.find("script", string="alert('x')") is None
    assert "&lt;script&gt;" in response.get_data(as_text=True)


def test_topic_and_answer_pages(client):
    soup = parse(client.get("/help/topics/living-wage"))
    link = soup.select_one("main ul.govuk-list a")
    answer = parse(client.get(link["href"]))
    assert heading(answer) == link.get_text(strip=True)
    assert answer.select("main h2")[0].get_text(strip=True) == "Sources"


@pytest.mark.parametrize(
    "path",
    [
        "/help/topics/nope",
        "/help/answers/nope",
        "/help/?council=atlantis",
        "/councils/atlantis/plan",
    ],
)
def test_unknown_topics_answers_and_councils_are_not_found(client, path):
    parse(client.get(path), status=404)


def test_council_override_is_used_for_that_council(client):
    soup = parse(client.get("/help/?q=which+postcodes+are+local+in+suffolk&council=suffolk"))
    assert "IP" in soup.select_one(".app-help-result").text
    assert "Suffolk" in soup.select_one(".govuk-template__header").text


def test_api_search_returns_the_cli_json(client):
    response = client.get("/api/v1/knowledge/search?q=what+is+social+value&council=tower-hamlets")
    body = response.get_json()
    assert response.status_code == 200
    assert body["answered"] is True
    assert body["matches"][0]["topic"] == "what-is-social-value"


@pytest.mark.parametrize(
    ("query", "status", "field"),
    [("", 400, "q"), ("q=" + "a" * 501, 400, "q"), ("q=hello&council=atlantis", 404, "council")],
)
def test_api_search_errors_are_json(client, query, status, field):
    response = client.get(f"/api/v1/knowledge/search?{query}")
    assert response.status_code == status
    assert response.get_json()["error"]["field"] == field


@pytest.mark.parametrize("council_id", ["tower-hamlets", "suffolk", "sandwell"])
def test_plan_on_a_page_shows_every_theme(client, app, council_id):
    pack = app.extensions["councils"][council_id]
    soup = parse(client.get(f"/councils/{council_id}/plan"))
    assert heading(soup) == "Social value: our plan on a page"
    themes = [h.get_text(strip=True) for h in soup.select(".app-plan__theme h2")]
    assert themes == [f"{i}. {t.title}" for i, t in enumerate(pack.themes, 1)]
    assert pack.identity.name in soup.select_one(".govuk-template__header").text
    said = " ".join(soup.text.split())
    # A published weighting is cited; everything else is labelled as a demonstration setting.
    if pack.procurement.weighting_source:
        source = pack.procurement.weighting_source
        assert f"{source}. The other figures are demonstration settings" in said
    else:
        assert "These figures are this service's demonstration settings, not" in said


def test_get_help_link_keeps_the_council_of_the_page(client):
    default = parse(client.get("/help/"))
    assert default.select_one(".govuk-service-navigation a[href^='/help/']")["href"] == "/help/"
    suffolk = parse(client.get("/councils/suffolk/plan"))
    link = suffolk.select_one(".govuk-service-navigation a[href^='/help/']")
    assert link["href"] == "/help/?council=suffolk"
