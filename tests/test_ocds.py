"""The "Open contracting JSON" download: a valid OCDS 1.1 release package with the
sustainability extension (vendored schemas, tests/data/ocds), and OCDS Kit agrees."""

import copy
import json
import re
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from knowledge.packs import load_packs
from offer.build import build_offer
from offer.ocds import SUSTAINABILITY_EXTENSION, Publication, to_ocds
from tests.helpers import ocds
from tests.helpers.conversation_driver import COUNCILS, run
from tests.helpers.offers import finish

PACKS = load_packs()
GOAL = re.compile(r"^(economic|environmental|innovation|social)(\.[a-zA-Z]+)?$")
WHEN = datetime(2026, 12, 6, 9, 30, tzinfo=UTC)


def publication(council: str) -> Publication:
    pack = PACKS[council]
    return Publication(
        host="svoa.example",
        published=WHEN,
        council=pack.identity.name,
        ocid_prefix=pack.procurement.ocid_prefix,
        themes=tuple((t.id, t.title) for t in pack.themes),
    )


def package(council: str, supplier: str = "social-enterprise") -> tuple[dict, object]:
    state = run(supplier, council)[-1].state
    offer = build_offer(state.answers, state.commitments, PACKS[council], {"word_limit": 500})
    return to_ocds(offer, publication(council)), offer


@pytest.mark.parametrize("council", COUNCILS)
def test_the_offer_is_a_valid_release_package_with_the_sustainability_extension(council):
    document, offer = package(council)
    assert ocds.errors(document) == []
    assert document["extensions"] == [SUSTAINABILITY_EXTENSION]
    (release,) = document["releases"]
    assert release["ocid"].startswith("ocds-213czf-")
    assert release["tag"] == ["tender"] and release["initiationType"] == "tender"
    assert release["date"] == document["publishedDate"] == "2026-12-06T09:30:00Z"
    # Every organisation reference points at a party.
    party_ids = {p["id"] for p in release["parties"]}
    assert release["buyer"]["id"] in party_ids
    assert {t["id"] for t in release["tender"]["tenderers"]} <= party_ids
    # The council's side: one sustainability entry per theme, scored in the award.
    sustainability = release["tender"]["sustainability"]
    assert len(sustainability) == len(PACKS[council].themes)
    assert all(s["strategies"] == ["awardCriteria"] for s in sustainability)
    # The supplier's side: every commitment, with a goal code from the extension's codelist
    # (an open codelist: sub-codes follow "[existing-code].[sub-code]").
    commitments = release["x_socialValueOffer"]["commitments"]
    assert [c["title"] for c in commitments] == [c.title for c in offer.commitments]
    assert all(GOAL.match(c["goal"]) for c in commitments + sustainability)
    assert "environmental.carbonEmissionsReduction" in {c["goal"] for c in commitments}


def test_the_validator_catches_what_the_old_fragment_got_wrong():
    document, _ = package("sandwell")
    broken = copy.deepcopy(document)
    del broken["releases"][0]["ocid"]
    broken["releases"][0]["tag"] = ["bid"]
    broken["releases"][0]["tender"]["sustainability"] = []
    del broken["publisher"]
    found = ocds.errors(broken)
    assert any("ocid" in e for e in found)
    assert any(e.startswith("releases/0/tag/0") for e in found)
    assert any(e.startswith("releases/0/tender/sustainability") for e in found)
    assert any("publisher" in e for e in found)
    fragment = {"tender": document["releases"][0]["tender"], "extensions": []}
    assert len(ocds.errors(fragment)) >= 4  # not a package: no uri, date, releases…


def test_a_council_with_its_own_prefix_uses_it():
    state = run("sme", "suffolk")[-1].state
    pack = PACKS["suffolk"]
    offer = build_offer(state.answers, state.commitments, pack, {"word_limit": 500})
    own = Publication(**{**publication("suffolk").__dict__, "ocid_prefix": "ocds-abc123"})
    assert to_ocds(offer, own)["releases"][0]["ocid"].startswith("ocds-abc123-")


def test_the_download_validates_and_ocds_kit_reads_it_as_a_release_package(client, tmp_path):
    done = finish(client)
    response = client.get(f"/assistant/c/{done['token']}/offer/download/ocds.json")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].endswith('-offer.ocds.json"')
    document = json.loads(response.data)
    assert ocds.errors(document) == []
    # The private link never goes into the file.
    assert done["token"] not in response.get_data(as_text=True)
    assert document["uri"].startswith("tag:localhost,")
    path = tmp_path / "offer.ocds.json"
    path.write_bytes(response.data)
    result = subprocess.run(
        [sys.executable, "-m", "ocdskit", "detect-format", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().endswith(": release package")
