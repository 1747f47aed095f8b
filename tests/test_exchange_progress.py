"""A need's progress: pledged, promised, delivered, confirmed, met (pure)."""

import pytest

from exchange.progress import NeedProgress, ThemeTotal, support_totals


@pytest.mark.parametrize(
    ("progress", "stage", "share"),
    [
        (NeedProgress(40), "Open", 0),
        (NeedProgress(40, pledged=30), "Pledged", 0),
        (NeedProgress(40, pledged=30, promised=30), "Promised", 0),
        (NeedProgress(40, pledged=30, promised=30, delivered=10), "Delivered", 0.25),
        # Delivered in full, but the organisation has not confirmed: not yet met.
        (NeedProgress(40, pledged=40, promised=40, delivered=40), "Delivered", 1),
        (NeedProgress(40, pledged=40, promised=40, delivered=40, confirmed=40), "Met", 1),
        # The organisation's confirmation counts even where returns lag behind.
        (NeedProgress(40, pledged=40, promised=40, delivered=20, confirmed=40), "Met", 1),
        (NeedProgress(40, delivered=50, confirmed=5), "Met", 1),
        (NeedProgress(40, delivered=10, confirmed=10), "Delivered", 0.25),
    ],
)
def test_a_need_moves_from_open_to_met(progress, stage, share):
    assert progress.stage == stage
    assert progress.share_delivered == pytest.approx(share)
    assert progress.met == (stage == "Met")


def test_totals_by_theme_keep_units_apart_and_name_the_organisations_helped():
    totals, helped = support_totals(
        [
            ("Communities", "hours", "Riverside City Farm", NeedProgress(40, 40, 40, 40, 40)),
            ("Communities", "hours", "Toynbee Hall", NeedProgress(20, 10)),
            ("Communities", "gbp", "Toynbee Hall", NeedProgress(500, 500, 500, 200)),
            ("Jobs", "weeks", "Providence Row", NeedProgress(8)),
        ]
    )
    assert totals == [
        ThemeTotal("Communities", "gbp", 1, 500, 500, 200, 0),
        ThemeTotal("Communities", "hours", 2, 60, 50, 40, 1),
        ThemeTotal("Jobs", "weeks", 1, 8, 0, 0, 0),
    ]
    assert helped == ["Riverside City Farm", "Toynbee Hall"]
