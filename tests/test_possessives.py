"""Names' possessives as pages write them: "Sandwell's", "Tower Hamlets'" (never "Hamlets's")."""

import pytest

from knowledge.vocabulary import possessive
from tests.helpers.pages import parse


@pytest.mark.parametrize(
    ("name", "said"),
    [("Sandwell", "Sandwell's"), ("Suffolk", "Suffolk's"), ("Tower Hamlets", "Tower Hamlets'")],
)
def test_a_possessive_is_written_as_people_write_it(name, said):
    assert possessive(name) == said


@pytest.mark.parametrize(
    "path", ["/", "/exchange/tower-hamlets/needs", "/help/?council=tower-hamlets"]
)
def test_no_page_writes_hamlets_s(client, path):
    text = " ".join(parse(client.get(path)).text.split())
    assert "Hamlets's" not in text
