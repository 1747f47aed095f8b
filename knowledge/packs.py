"""Council packs: identity, local area, procurement settings, themes, measures, rubric and
retention periods."""

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from knowledge.content import KEBAB, ContentError, Source, Strict, read_yaml, validate
from knowledge.pack_parts import (
    Identity,
    KpiRating,
    LocalArea,
    Procurement,
    ProportionalityBand,
    Retention,
    Thresholds,
)

COUNCILS_DIR = Path(__file__).parent / "councils"
DEFAULT_COUNCIL_ID = "tower-hamlets"
PackError = ContentError

Unit = Literal[
    "people",
    "weeks",
    "hours",
    "gbp",
    "tonnes-co2e",
    "tonnes",
    "percent",
    "sessions",
    "items",
    "organisations",
    "events",
]


class Proxy(Strict):
    """An optional proxy £ value per unit of a measure, with where it comes from, when that was
    checked and when it must be checked again (a rate changes every year)."""

    value_gbp: float = Field(gt=0)
    per: str = Field(min_length=3)
    source: str = Field(min_length=5)
    year: int = Field(ge=2015, le=2035)
    as_of: date
    review_by: date

    @model_validator(mode="after")
    def _review_after_check(self) -> "Proxy":
        if self.review_by <= self.as_of:
            raise ValueError("review_by must come after as_of")
        return self


class Measure(Strict):
    """One thing a supplier can commit to and the council can count."""

    id: str = Field(pattern=KEBAB)
    title: str = Field(min_length=5)
    description: str = Field(min_length=20)
    unit: Unit
    # Completes "We will …", with {amount} for the quantity and its unit ("three people").
    pledge: str = Field(pattern=r"^[a-z][^{}]*\{amount\}[^{}]*$")
    examples: list[str] = Field(min_length=3)
    evidence: list[str] = Field(min_length=1)
    proxy: Proxy | None = None
    # What the measure draws on, for the proportion checks: the unit decides when unset
    # (hours are staff time, weeks are placements, £ is spend); "hires" and "gifts" are set.
    capacity: Literal["hires", "placements", "staff-time", "gifts", "spend", "none"] | None = None
    # Set when the measure is already required (by law, or by this council of every
    # contractor): why, in a sentence a supplier reads.
    already_required: str | None = Field(default=None, min_length=20)
    # Where a dated statement in the measure comes from (required, and dated, for
    # `already_required`: a law or a council's policy can change).
    sources: list[Source] = Field(default_factory=list)
    # Whether a local organisation can ask for it on the needs exchange: false for what
    # only the supplier's own business can hold (its carbon, its staff's training, its
    # certificates and checks, events for firms).
    local_needs: bool = True

    @model_validator(mode="after")
    def _requirement_is_sourced(self) -> "Measure":
        if self.already_required and not any(source.dated for source in self.sources):
            raise ValueError(
                "sources: a measure that is already required needs a source for the "
                "requirement, with an as_of and a review_by date"
            )
        return self

    @property
    def draws_on(self) -> str:
        """What a quantity of this measure draws on (see `capacity`)."""
        by_unit = {"hours": "staff-time", "weeks": "placements", "gbp": "spend"}
        return self.capacity or by_unit.get(self.unit, "none")


class Outcome(Strict):
    """A result the council wants under a theme, and the measures that count towards it."""

    id: str = Field(pattern=KEBAB)
    title: str = Field(min_length=5)
    measures: list[Measure] = Field(min_length=1)


class Theme(Strict):
    """One of the council's social value priorities."""

    id: str = Field(pattern=KEBAB)
    title: str = Field(min_length=5)
    description: str = Field(min_length=20)
    outcomes: list[Outcome] = Field(min_length=1)

    @property
    def measures(self) -> list[Measure]:
        """Every measure under this theme, in order."""
        return [m for outcome in self.outcomes for m in outcome.measures]


class Criterion(Strict):
    """An evaluation criterion, with a descriptor for every point on the scale."""

    id: str = Field(pattern=KEBAB)
    title: str = Field(min_length=3)
    description: str = Field(min_length=10)
    descriptors: dict[int, str]


class Rubric(Strict):
    """How evaluators score a social value response, and how KPIs are rated."""

    scale_min: int = Field(ge=0)
    scale_max: int = Field(ge=1, le=10)
    criteria: list[Criterion] = Field(min_length=1)
    kpi_rating: KpiRating

    @model_validator(mode="after")
    def _every_score_described(self) -> "Rubric":
        expected = set(range(self.scale_min, self.scale_max + 1))
        for index, criterion in enumerate(self.criteria):
            if set(criterion.descriptors) != expected:
                raise ValueError(
                    f"criteria.{index}.descriptors: needs one descriptor for each score "
                    f"{self.scale_min} to {self.scale_max}"
                )
        return self


class Plan(Strict):
    """The 'plan on a page': the council's social value vision and its asks of suppliers."""

    vision: str = Field(min_length=20)
    asks: list[str] = Field(min_length=2)


class CouncilPack(Strict):
    """One council's content, validated as a whole."""

    id: str = Field(pattern=KEBAB)
    identity: Identity
    local_area: LocalArea
    procurement: Procurement
    proportionality: list[ProportionalityBand] = Field(min_length=1)
    themes: list[Theme] = Field(min_length=1)
    rubric: Rubric
    plan: Plan
    retention: Retention = Retention()
    checks: Thresholds = Thresholds()

    @field_validator("proportionality")
    @classmethod
    def _bands_are_contiguous(cls, bands: list[ProportionalityBand]) -> list[ProportionalityBand]:
        if bands[0].min_value != 0:
            raise ValueError("the first band must start at 0")
        for before, after in zip(bands, bands[1:], strict=False):
            if before.max_value != after.min_value:
                raise ValueError(f"band '{after.label}' must start where '{before.label}' ends")
        if bands[-1].max_value is not None:
            raise ValueError("the last band must have no max_value")
        return bands

    @model_validator(mode="after")
    def _ids_are_unique(self) -> "CouncilPack":
        for kind, ids in (
            ("theme", [t.id for t in self.themes]),
            ("measure", [m.id for t in self.themes for m in t.measures]),
        ):
            duplicates = sorted({i for i in ids if ids.count(i) > 1})
            if duplicates:
                raise ValueError(f"themes: duplicate {kind} id(s): {', '.join(duplicates)}")
        return self

    @property
    def measures(self) -> list[tuple[Theme, Measure]]:
        """Every (theme, measure) pair in the pack."""
        return [(theme, measure) for theme in self.themes for measure in theme.measures]

    def measure(self, measure_id: str | None) -> Measure | None:
        """The measure with this id, or None (a commitment in the supplier's own words)."""
        return next((m for _, m in self.measures if m.id == measure_id), None)

    def theme(self, theme_id: str) -> Theme | None:
        """The theme with this id, or None."""
        return next((t for t in self.themes if t.id == theme_id), None)

    def band_for(self, contract_value: float) -> ProportionalityBand:
        """The proportionality band a contract value falls in."""
        return next(b for b in reversed(self.proportionality) if contract_value >= b.min_value)


def load_pack(path: Path) -> CouncilPack:
    """Load and validate one council.yaml; raise ContentError naming file and field."""
    pack = validate(CouncilPack, read_yaml(path), path)
    if pack.id != path.parent.name:
        raise ContentError(f"{path}: id: '{pack.id}' must match its folder '{path.parent.name}'")
    return pack


def load_packs(directory: Path = COUNCILS_DIR) -> dict[str, CouncilPack]:
    """Load every council pack under the directory, keyed by council id."""
    packs = {}
    for path in sorted(directory.glob("*/council.yaml")):
        pack = load_pack(path)
        packs[pack.id] = pack
    if not packs:
        raise ContentError(f"{directory}: no council packs found (expected */council.yaml)")
    return packs
