"""Issue 18, point 1: for every persona of the conversation corpus, the written response after
tidy wording (every suggestion accepted, as the page's "Accept every suggestion" does) has no
txt-speak, no place or proper noun in the wrong case, no sentence in lower case or without a
verb, no count that disagrees with its noun and no sentence said twice.

The tuning personas must pass one by one; the held-out ones are counted, not shown, so that
nobody tunes on them."""

import pytest

from tests.helpers.pages import csrf_token, parse
from tests.helpers.personas import PACKS, PERSONAS, run
from tests.helpers.response import faults

TUNING = [p for p in PERSONAS if p["split"] == "tuning"]
HELD_OUT = [p for p in PERSONAS if p["split"] != "tuning"]


def tidied_response(client, data):
    """The persona's written response after accepting every tidy-wording suggestion."""
    _, conversation, _ = run(client, data)
    token = conversation["token"]
    url = f"/assistant/c/{token}/offer/wording"
    page = parse(client.get(url))
    if page.select_one("input[name=version]"):
        form = {
            "csrf_token": csrf_token(page),
            "version": page.select_one("input[name=version]")["value"],
            "accept_all": "Accept every suggestion",
        }
        assert client.post(url, data=form).status_code == 303
    headers = {"Authorization": f"Bearer {token}"}
    offer = client.get(f"/api/v1/conversations/{conversation['id']}/offer", headers=headers)
    return offer.json["narrative"]["text"]


@pytest.mark.parametrize("data", TUNING, ids=lambda p: p["id"])
def test_a_tuning_personas_response_reads_as_a_bid_writer_would_write_it(client, data):
    text = tidied_response(client, data)
    assert faults(text, PACKS[data["council"]]) == []


def test_the_held_out_personas_responses_read_as_a_bid_writer_would_write_them(client):
    counts = {
        data["id"][:3]: len(faults(tidied_response(client, data), PACKS[data["council"]]))
        for data in HELD_OUT
    }
    assert sum(counts.values()) == 0, f"faults per held-out persona: {counts}"
