"""Training sessions in tests: a practice opportunity to run one on."""

from store.opportunities import create_opportunity


def practice(db, council="tower-hamlets"):
    return create_opportunity(
        db, council_id=council, title="Lunch club (practice)", practice=True,
        closes_at="2099-01-01T12:00:00+00:00", value_gbp=40_000, duration_months=12,
    )  # fmt: skip
