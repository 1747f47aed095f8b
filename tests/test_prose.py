"""Sentences from a supplier's words: capitals, full stops, counts that agree, and whether
words make a sentence."""

import pytest

from offer import prose


@pytest.mark.parametrize(
    ("quantity", "unit", "said"),
    [
        (1, "people", "one person"),
        (3, "people", "three people"),
        (25, "people", "25 people"),
        (1, "weeks", "one week"),
        (156, "weeks", "156 weeks"),
        (15000, "gbp", "£15,000"),
        (1250.5, "gbp", "£1,250.50"),
        (100, "percent", "100%"),
        (2.5, "tonnes-co2e", "2.5 tonnes of CO2e"),
        (1, "tonnes-co2e", "one tonne of CO2e"),
        (1, "organisations", "one organisation"),
        (12, "sessions", "12 sessions"),
    ],
)
def test_a_count_agrees_with_its_noun(quantity, unit, said):
    assert prose.count(quantity, unit) == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("we count the meals. people tell us", ["We count the meals.", "People tell us."]),
        ("  certificates ", ["Certificates."]),
        ("sends people to us., with the surgery", ["Sends people to us, with the surgery."]),
        ("is that ok? yes!", ["Is that ok?", "Yes!"]),
        (" - ", []),
        (None, []),
    ],
)
def test_the_suppliers_words_become_whole_sentences(text, said):
    assert prose.sentences(text) == said


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Young people aged 16 to 24.", "young people aged 16 to 24"),
        ("Timesheets and payslips", "timesheets and payslips"),
        ("Ipswich Town Football Club", "Ipswich Town Football Club"),
        ("NHS referrals", "NHS referrals"),
        ("A thriving local economy", "a thriving local economy"),
        ("Recognised qualifications gained", "recognised qualifications gained"),
    ],
)
def test_words_inside_a_sentence_keep_capitals_only_for_names(text, inside):
    assert prose.clause(text, keep=frozenset({"ipswich"})) == inside


@pytest.mark.parametrize(
    "text",
    [
        "take on an apprentice",
        "Run a lunch club for older people",
        "use Suffolk grown barley",
        "work with the jobcentre",
        "spend £5,000 with local firms",
        "bring in new members",
    ],
)
def test_a_commitment_that_starts_with_a_verb_follows_we_will(text):
    assert prose.starts_with_verb(text)


@pytest.mark.parametrize(
    "text",
    ["work trial placements in the shop", "care homes and cafes", "fewer road miles",
     "returnable casks, no plastic", "fundraising nights at the brewery"],
)  # fmt: skip
def test_a_noun_phrase_is_not_read_as_a_verb(text):
    assert not prose.starts_with_verb(text)


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("Our 2 coordinators and volunteer walk leaders", False),
        ("window cleaning, offices shops and flats", False),
        ("shop takings and weights of donations", False),
        ("sales data per farm and feedback from the cooks", False),
        ("the visits and the reports", False),
        ("the volunteers run the Saturday sessions", True),
        ("our manager supervises each placement", True),
        ("we count the meals", True),
        ("the church lets us have the hall", True),
        ("they've got loads of cards", True),
    ],
)
def test_a_sentence_is_told_from_a_list_of_things(text, sentence):
    assert prose.has_verb(text) is sentence


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Small brewery near Framlingham making cask beer", True),
        ("community cafe in Bow", True),
        ("Peer support for men", False),
        ("We run four charity shops", False),
    ],
)
def test_a_description_of_an_organisation_is_recognised(text, organisation):
    assert prose.starts_organisation(text) is organisation


def test_lists_are_joined_as_people_write_them():
    assert prose.join(["a", "b", "c"]) == "a, b and c"
    assert prose.join(["a"]) == "a"
    assert prose.article("apprentice") == "an apprentice"
    assert prose.article("the group") == "the group"
