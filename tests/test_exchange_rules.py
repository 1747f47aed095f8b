"""The needs exchange's rules (pure): which measures a need can ask for, how a need's status
changes when it is edited, how a quantity reads, and the board's filters."""

from types import SimpleNamespace

import pytest

from exchange.needs import categories, category, filter_needs, quantity_text, status_after_edit
from knowledge.packs import load_packs

PACKS = load_packs()
TOWER_HAMLETS = PACKS["tower-hamlets"]


@pytest.mark.parametrize("pack", PACKS.values(), ids=PACKS)
def test_every_measure_a_charity_can_be_given_is_a_category(pack):
    wanted = [
        measure.id
        for _, measure in pack.measures
        if measure.unit != "percent" and measure.local_needs
    ]
    assert [c.measure_id for c in categories(pack)] == wanted
    assert category(pack, wanted[0]).theme_id == pack.themes[0].id


@pytest.mark.parametrize(
    "measure_id",
    [
        "london-living-wage",  # a share of the supplier's own workforce
        "carbon-reduction",  # the supplier's own emissions
        "carbon-reduction-plan",
        "disability-confident",  # the supplier's own certificate
        "modern-slavery-checks",  # checks on its own supply chain
        "equality-training",  # training for its own staff
        "no-such-measure",
    ],
)
def test_what_only_the_suppliers_own_business_can_hold_is_not_a_category(measure_id):
    assert category(TOWER_HAMLETS, measure_id) is None


def test_what_a_local_charity_can_receive_is_a_category():
    for measure_id in (
        "employee-volunteering-hours",
        "pro-bono-support",
        "donations-to-local-groups",
        "equipment-donated",
        "free-space-for-groups",
        "work-placement-weeks",
    ):
        assert category(TOWER_HAMLETS, measure_id) is not None, measure_id


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
