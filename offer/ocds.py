"""The offer as Open Contracting data: an OCDS 1.1 release package with the sustainability
extension (docs/offer.md, "Open contracting JSON").

The council's side fits OCDS: `tender.sustainability` says the contract is awarded partly on
social value, one entry per council theme. The supplier's commitments do not: that block
describes how the buyer designed the procurement, not what one bidder promises, so they go in
a documented `x_socialValueOffer` object on the release, next to the tenderer they belong to.
"""

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from knowledge.content import read_yaml
from offer.exports import commitment_line
from offer.files import slug
from offer.model import Commitment, Offer

GOALS_FILE = Path(__file__).with_name("ocds_goals.yaml")
SUSTAINABILITY_EXTENSION = (
    "https://raw.githubusercontent.com/open-contracting-extensions/"
    "ocds_sustainability_extension/master/extension.json"
)
BUYER_ID = "buyer"
TENDERER_ID = "tenderer"
DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class Publication:
    """What the package needs that the offer does not hold: the service's host name (the
    package's `uri` is a tag URI under it, never a page address, which holds the private
    link), when, by which council (and its OCDS prefix), and the council's themes."""

    host: str
    published: datetime
    council: str
    ocid_prefix: str
    themes: tuple[tuple[str, str], ...]  # (id, title)


@cache
def _goal_rules() -> list[dict]:
    return read_yaml(GOALS_FILE)


def goal(*texts: str | None) -> str:
    """The sustainability extension's goal code for the first text a rule matches (a measure
    id, then a theme id), or the last rule's general goal."""
    for text in texts:
        for rule in _goal_rules():
            if text and any(word in text for word in rule["words"]):
                return rule["goal"]
    return _goal_rules()[-1]["goal"]


def goal_for(c: Commitment) -> str:
    """The goal code of a commitment: by its measure, then its theme."""
    return goal(c.measure_id, c.theme_id)


def _timestamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def ocid(offer: Offer, prefix: str) -> str:
    """The contracting process's id: the council's prefix and the opportunity's share code
    (or, for a contract typed in by hand, its title)."""
    local = offer.opportunity.code or slug(offer.opportunity.title) or "contract"
    return f"{prefix}-{local}"


def _tender(offer: Offer, publication: Publication) -> dict:
    opportunity = offer.opportunity
    tender: dict = {
        "id": opportunity.code or slug(opportunity.title) or "contract",
        "hasSustainability": True,
        "sustainability": [
            {
                "goal": goal(theme_id),
                "strategies": ["awardCriteria"],
                "description": f"Social value is scored in the award: {title}.",
            }
            for theme_id, title in publication.themes
        ],
        "tenderers": [{"id": TENDERER_ID, "name": offer.supplier.name}],
    }
    if opportunity.title:
        tender["title"] = opportunity.title
    if opportunity.value_gbp:
        tender["value"] = {"amount": opportunity.value_gbp, "currency": "GBP"}
    if opportunity.duration_months:
        days = round(opportunity.duration_months * DAYS_PER_MONTH)
        tender["contractPeriod"] = {"durationInDays": days}
    return tender


def _commitment(c: Commitment) -> dict:
    """One commitment as the `x_socialValueOffer` extension field holds it."""
    entry = {
        "id": c.id,
        "goal": goal_for(c),
        "theme": c.theme_title,
        "measure": c.measure_id,
        "title": c.title,
        "summary": commitment_line(c),
        "quantity": c.quantity,
        "unit": c.unit_label or c.unit,
        "timescale": c.timescale,
        "yearlyTargets": c.milestones,
        "delivery": c.delivery,
        "beneficiaries": c.beneficiaries,
        "partners": c.partners,
        "evidence": c.evidence,
        "classification": c.classification,
    }
    if c.proxy:
        entry["indicativeValue"] = {
            "amount": {"amount": c.proxy.value_gbp, "currency": "GBP"},
            "source": c.proxy.source,
            "year": c.proxy.year,
        }
    return {key: value for key, value in entry.items() if value not in (None, "", [])}


def to_ocds(offer: Offer, publication: Publication) -> dict:
    """The offer as an OCDS 1.1 release package: one `tender` release naming the council as
    buyer and the supplier as tenderer, with the commitments in `x_socialValueOffer`."""
    process = ocid(offer, publication.ocid_prefix)
    when = _timestamp(publication.published)
    buyer = {"id": BUYER_ID, "name": publication.council}
    supplier = offer.supplier
    tenderer: dict = {"id": TENDERER_ID, "name": supplier.name, "roles": ["tenderer"]}
    if supplier.postcode:
        tenderer["address"] = {"postalCode": supplier.postcode, "countryName": "United Kingdom"}
    release = {
        "ocid": process,
        "id": f"{process}-offer-{slug(supplier.name, words=4) or 'supplier'}-{when}",
        "date": when,
        "tag": ["tender"],
        "initiationType": "tender",
        "language": "en",
        "parties": [{**buyer, "roles": ["buyer", "procuringEntity"]}, tenderer],
        "buyer": buyer,
        "tender": _tender(offer, publication),
        "x_socialValueOffer": {
            "schemaVersion": offer.schema_version,
            "tenderer": {"id": TENDERER_ID, "name": supplier.name},
            "commitments": [_commitment(c) for c in offer.commitments],
        },
    }
    uri = f"tag:{publication.host},{publication.published:%Y-%m-%d}:{release['id']}"
    return {
        "uri": uri,
        "version": "1.1",
        "publishedDate": when,
        "publisher": {"name": publication.council},
        "extensions": [SUSTAINABILITY_EXTENSION],
        "releases": [release],
    }
