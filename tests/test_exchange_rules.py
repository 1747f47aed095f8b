"""The needs exchange's rules (pure): which measures a need can ask for, how a need's status
changes when it is edited, how a quantity reads, and the board's filters."""

from types import SimpleNamespace

import pytest

from exchange.needs import categories, category, filter_needs, quantity_text, status_after_edit
from knowledge.packs import load_packs

PACKS = load_packs()
TOWER_HAMLETS = PACKS["tower-hamlets"]


@pytest.mark.parametrize("pack", PACKS.values(), ids=PACKS)
def test_every_measure_but_a_percentage_is_a_category(pack):
    wanted = [measure.id for _, measure in pack.measures if measure.unit != "percent"]
    assert [c.measure_id for c in categories(pack)] == wanted
    assert category(pack, wanted[0]).theme_id == pack.themes[0].id


def test_a_percentage_is_not_something_a_charity_can_be_given():
    assert category(TOWER_HAMLETS, "london-living-wage") is None
    assert category(TOWER_HAMLETS, "no-such-measure") is None


@pytest.mark.parametrize(
    ("quantity", "unit", "text"),
    [(2500, "gbp", "£2,500"), (5, "people", "5 people"), (40.0, "hours", "40 hours"),
     (1.5, "tonnes-co2e", "1.50 tonnes CO2e"), (1200, "items", "1,200 items")],
)  # fmt: skip
def test_a_quantity_reads_with_its_unit(quantity, unit, text):
    assert quantity_text(quantity, unit) == text


@pytest.mark.parametrize("status", ["pending", "approved", "rejected"])
def test_an_edited_need_goes_back_for_approval(status):
    assert status_after_edit(status) == "pending"


def test_a_closed_need_cannot_be_edited():
    with pytest.raises(ValueError, match="closed"):
        status_after_edit("closed")


def test_the_filters_keep_needs_in_any_chosen_theme_and_the_chosen_category():
    needs = [SimpleNamespace(measure_id=m) for m in ("local-hires", "equipment-donated", "gone")]
    ids = lambda found: [n.measure_id for n in found]  # noqa: E731
    assert ids(filter_needs(needs, TOWER_HAMLETS, [], None)) == [
        "local-hires",
        "equipment-donated",
        "gone",
    ]
    assert ids(filter_needs(needs, TOWER_HAMLETS, ["jobs-skills", "communities"], None)) == [
        "local-hires",
        "equipment-donated",
    ]
    assert ids(filter_needs(needs, TOWER_HAMLETS, [], "equipment-donated")) == ["equipment-donated"]
    assert ids(filter_needs(needs, TOWER_HAMLETS, ["nonsense"], "<script>")) == ids(needs)
