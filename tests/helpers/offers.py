"""Suppliers' offers in tests: a finished conversation, an open opportunity, a submission."""

from datetime import UTC, datetime, timedelta

from store.opportunities import create_opportunity
from tests.helpers.conversation_driver import Supplier, drive


def finish(client, council="tower-hamlets", supplier="charity"):
    created = client.post("/api/v1/conversations", json={"council": council}).json
    headers = {"Authorization": f"Bearer {created['token']}"}

    def send(text):
        url = f"/api/v1/conversations/{created['id']}/messages"
        return client.post(url, json={"text": text}, headers=headers).json["prompt"]

    drive(created["prompt"], send, Supplier(supplier, council))
    return created


def opportunity(db, days=30, council="tower-hamlets", word_limit=250):
    closes = datetime.now(UTC) + timedelta(days=days)
    return create_opportunity(
        db,
        council_id=council,
        title="Lunch club service",
        closes_at=closes.isoformat(timespec="seconds"),
        value_gbp=40000,
        word_limit=word_limit,
    )


def api_submit(client, done, code):
    return client.post(
        f"/api/v1/conversations/{done['id']}/submissions",
        json={"opportunity": code},
        headers={"Authorization": f"Bearer {done['token']}"},
    )
