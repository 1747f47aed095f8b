"""The structured offer: what a supplier sends and a council evaluates. Its JSON Schema is
generated from these models, versioned, and served at /api/v1/schema/offer.json."""

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

SCHEMA_VERSION = "1.0"
SCHEMA_ID = "https://social-value-offer-assistant.example/schema/offer-1.0.json"
Classification = Literal["core", "additional", "organisation-wide"]


class Part(BaseModel):
    """Base: unknown fields are refused, so an offer either fits the schema or fails loudly."""

    model_config = ConfigDict(extra="forbid")


class Supplier(Part):
    """The organisation making the offer."""

    name: str = Field(min_length=1, max_length=120)
    type: str | None = None
    size: str | None = None
    postcode: str | None = None
    local: bool | None = None
    activity: str | None = None


class Opportunity(Part):
    """The contract the offer is for."""

    code: str | None = None
    title: str | None = None
    contract_type: str | None = None
    value_gbp: float | None = Field(default=None, ge=0)
    duration: str | None = None
    duration_months: float | None = None
    word_limit: int = Field(ge=50, le=5000)


class Proxy(Part):
    """An indicative £ value of a commitment, with where the rate comes from."""

    value_gbp: float = Field(ge=0)
    rate_gbp: float = Field(gt=0)
    per: str
    source: str
    year: int


class NeedLink(Part):
    """The local organisation's need a commitment is pledged to (the community needs exchange)."""

    id: int
    organisation: str
    title: str


class Commitment(Part):
    """One specific promise, tied to a council theme and (usually) one of its measures."""

    id: str
    theme_id: str | None
    theme_title: str | None = None
    measure_id: str | None = None
    title: str = Field(min_length=1)
    description: str | None = None
    quantity: float | None = Field(default=None, ge=0)
    unit: str | None = None
    unit_label: str | None = None
    timescale: str | None = None
    timescale_months: float | None = None
    milestones: list[str] = Field(default_factory=list)
    delivery: str | None = None
    beneficiaries: str | None = None
    partners: str | None = None
    evidence: str | None = None
    classification: Classification | None = None
    proxy: Proxy | None = None
    need: NeedLink | None = None


class IntrinsicValue(Part):
    """The value of what the organisation already does."""

    beneficiaries: str | None = None
    outcomes: str | None = None
    evidence: str | None = None
    areas: str | None = None  # where it works, where the council asks (Sandwell's towns)


CheckKind = Literal[
    "proportion",
    "feasibility",
    "vague",
    "evidence",
    "additionality",
    "duplicate",
    "coverage",
    "response",
]
# Offers saved before checks had kinds: the kind of each check they can hold.
LEGACY_KINDS: dict[str, str] = {
    "missing-quantity": "vague",
    "missing-unit": "vague",
    "missing-date": "vague",
    "missing-beneficiaries": "vague",
    "vague-wording": "vague",
    "smart": "vague",
    "missing-evidence": "evidence",
    "core-delivery": "additionality",
    "all-core": "additionality",
    "duplicate": "duplicate",
    "proportionality": "proportion",
    "coverage": "coverage",
    "no-commitments": "coverage",
    "narrative-too-long": "response",
    "narrative-out-of-date": "response",
}


class Check(Part):
    """One finding of the checks, in plain English, about the offer or one commitment: of one
    kind (what sort of fault), at one level (`problem`, `advice`, or `ok` when it passed)."""

    id: str
    kind: CheckKind
    level: Literal["problem", "advice", "ok"]
    commitment_id: str | None = None
    message: str

    @model_validator(mode="before")
    @classmethod
    def _kind_of_a_saved_check(cls, data: Any) -> Any:
        if isinstance(data, dict) and "kind" not in data:
            return {**data, "kind": LEGACY_KINDS.get(data.get("id", ""), "vague")}
        return data


class Narrative(Part):
    """The written response: generated from the commitments, or edited by the supplier."""

    text: str
    words: int = Field(ge=0)
    word_limit: int
    edited: bool = False
    # Edited, and the commitments or answers it was written from have changed since.
    stale: bool = False
    _basis: str = PrivateAttr(default="")

    @property
    def basis(self) -> str:
        """A fingerprint of the text written from the commitments as they are now: kept with
        an edit, it tells later whether the edited text has fallen behind them."""
        return self._basis

    def based_on(self, generated: str) -> "Narrative":
        """This narrative, fingerprinted with the text written from the commitments."""
        self._basis = fingerprint(generated)
        return self


def fingerprint(text: str) -> str:
    """A short fingerprint of a text."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class Totals(Part):
    """Counts, and the optional proxy total (never the headline)."""

    commitments: int = Field(ge=0)
    themes_covered: int = Field(ge=0)
    themes_total: int = Field(ge=0)
    proxy_total_gbp: float | None = None
    proxy_share_of_contract: float | None = None


class Offer(Part):
    """A whole structured offer."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    council: str
    supplier: Supplier
    opportunity: Opportunity
    commitments: list[Commitment]
    intrinsic_value: IntrinsicValue
    narrative: Narrative
    checks: list[Check]
    totals: Totals


def offer_schema() -> dict:
    """The published JSON Schema of the offer."""
    schema = Offer.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Social value offer",
        "version": SCHEMA_VERSION,
        **schema,
    }
