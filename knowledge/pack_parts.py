"""The smaller parts of a council pack: identity, local area, procurement, bands, ratings and
how long records are kept."""

import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from knowledge.content import Strict

MIN_CONTRAST_WITH_WHITE = 4.5
RATINGS = ("Good", "Approaching target", "Requires improvement", "Inadequate")


def contrast_with_white(hex_colour: str) -> float:
    """WCAG contrast ratio between a #rrggbb colour and white."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


class Identity(Strict):
    """The council's name, contact and branding."""

    name: str = Field(min_length=3)
    short_name: str = Field(min_length=2)
    contact_email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    colour: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")

    @field_validator("colour")
    @classmethod
    def _colour_readable_under_white_text(cls, colour: str) -> str:
        ratio = contrast_with_white(colour)
        if ratio < MIN_CONTRAST_WITH_WHITE:
            raise ValueError(
                f"{colour} has contrast {ratio:.2f}:1 with white text; "
                f"it needs at least {MIN_CONTRAST_WITH_WHITE}:1"
            )
        return colour


class LocalArea(Strict):
    """Which postcodes count as local, and how the council words it."""

    description: str = Field(min_length=3)
    postcode_districts: list[str] = Field(min_length=1)
    places: list[str] = Field(default_factory=list)  # towns and areas, as they are written

    @field_validator("postcode_districts")
    @classmethod
    def _districts_look_like_postcodes(cls, districts: list[str]) -> list[str]:
        pattern = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?$")
        bad = [d for d in districts if not pattern.match(d)]
        if bad:
            raise ValueError(f"not postcode districts (like E1 or IP14): {', '.join(bad)}")
        return districts

    def is_local(self, postcode: str) -> bool:
        """True if the postcode (full, like "E1W 1AA", or just a district) is local."""
        compact = "".join(postcode.split()).upper()
        # A full postcode ends in a three-character inward code; a district alone does not.
        district = compact[:-3] if len(compact) >= 5 else compact
        return district in self.postcode_districts


class Procurement(Strict):
    """When social value applies, and how much it usually weighs."""

    threshold_gbp: int = Field(ge=0)
    default_weighting_percent: float = Field(gt=0, le=100)
    weighting_range_percent: tuple[float, float]
    uses_proxy_values: bool
    # A sentence saying which published weighting comes from which council policy, with its
    # date ("The 5% minimum is from …"); without one, pages say the weightings are this
    # service's demonstration settings. The threshold and commitment bands always are.
    weighting_source: str | None = Field(default=None, min_length=10)
    # The council's registered OCDS prefix (Open Contracting Partnership); the default is the
    # one the standard's own examples use, for a council that has not registered yet.
    ocid_prefix: str = Field(default="ocds-213czf", pattern=r"^ocds-[a-z0-9]{6}$")

    @model_validator(mode="after")
    def _default_within_range(self) -> "Procurement":
        low, high = self.weighting_range_percent
        if not low <= self.default_weighting_percent <= high:
            raise ValueError("default_weighting_percent must lie within weighting_range_percent")
        return self


class ProportionalityBand(Strict):
    """What a council expects for contracts of a given value."""

    label: str = Field(min_length=3)
    min_value: int = Field(ge=0)
    max_value: int | None = None
    min_commitments: int = Field(ge=0)
    max_commitments: int = Field(ge=1)
    guidance: str = Field(min_length=20)


class KpiBand(Strict):
    """The lowest percentage of target that still earns a rating."""

    rating: Literal["Good", "Approaching target", "Requires improvement", "Inadequate"]
    min_percent: float = Field(ge=0)


class KpiRating(Strict):
    """How delivery against a KPI is rated: by target met, or by value delivered."""

    method: Literal["target", "value"]
    bands: list[KpiBand]

    @field_validator("bands")
    @classmethod
    def _four_ratings_best_first(cls, bands: list[KpiBand]) -> list[KpiBand]:
        if tuple(b.rating for b in bands) != RATINGS:
            raise ValueError(f"bands must be, in order: {', '.join(RATINGS)}")
        percents = [b.min_percent for b in bands]
        if percents != sorted(percents, reverse=True) or percents[-1] != 0:
            raise ValueError("min_percent must fall from band to band and end at 0")
        return bands


class Retention(Strict):
    """How long the council keeps suppliers' records before `flask purge-expired` deletes them.

    The default for submitted offers is six years, the usual UK public-sector period for
    procurement records: the Limitation Act 1980 allows six years to bring a claim on a contract.
    """

    # From the opportunity's closing date; for the winning offer, from the end of its contract.
    submitted_offers_months: int = Field(default=72, ge=12, le=240)
    # From the last change to a conversation never submitted to a real opportunity.
    draft_conversations_months: int = Field(default=12, ge=1, le=120)
    # From when a question the knowledge base could not answer was first asked.
    unanswered_questions_months: int = Field(default=12, ge=1, le=120)


class Thresholds(Strict):
    """Where the checks start to flag an offer as out of proportion (docs/offer.md, "Checks").
    A council can set any of them in its pack's `checks:`; these defaults apply otherwise."""

    # Staff in a typical organisation of each size: about the middle of its band (none for
    # "large": no ceiling). A small firm of 12 is more common than one of 49.
    staff_by_size: dict[str, int] = {"micro": 5, "small": 25, "medium": 125}
    # New jobs: advice beyond the larger of the organisation's staff and the jobs the contract
    # could pay for (its value over this cost of a job for a year); a problem beyond twice that.
    job_year_cost_gbp: float = Field(default=25000, gt=0)
    # Placements (apprentice or work experience weeks): people an organisation of each size
    # can host at once.
    hosts_by_size: dict[str, int] = {"micro": 3, "small": 8, "medium": 25, "large": 100}
    hosts_unknown_size: int = Field(default=10, ge=1)
    # Staff time: hours a member of staff can give a year; advice beyond, a problem beyond
    # `problem_factor` times as many.
    hours_per_staff_a_year: float = Field(default=37.5, gt=0)
    # People seen or called regularly ("a weekly call for each"): contacts a week each member of
    # staff can make on top of the contract's work; advice beyond, a problem beyond
    # `problem_factor` times as many.
    contacts_per_staff_a_week: float = Field(default=20, gt=0)
    problem_factor: float = Field(default=3, ge=1)
    # Money given away (donations, community funds), as a share of the contract value.
    gifts_advice_share: float = Field(default=0.10, gt=0)
    gifts_problem_share: float = Field(default=0.25, gt=0)
    # Money spent in the supply chain, as a share of the contract value.
    spend_advice_share: float = Field(default=0.80, gt=0)
    spend_problem_share: float = Field(default=1.0, gt=0)
    # The offer's indicative (proxy) value, as a share of the contract value.
    proxy_advice_share: float = Field(default=0.30, gt=0)
    proxy_problem_share: float = Field(default=1.0, gt=0)
    # More commitments than the pack's band allows by this share (at least one more) is
    # advice: "far more than usual".
    extra_commitments_share: float = Field(default=0.5, gt=0)
    # Commitments that are part of the service or done anyway: advice above this share.
    business_as_usual_share: float = Field(default=0.5, gt=0, le=1)

    @model_validator(mode="after")
    def _problems_beyond_advice(self) -> "Thresholds":
        for kind in ("gifts", "spend", "proxy"):
            if getattr(self, f"{kind}_problem_share") < getattr(self, f"{kind}_advice_share"):
                raise ValueError(f"{kind}_problem_share must not be below {kind}_advice_share")
        return self
