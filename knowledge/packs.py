"""Loading and validating council packs from `knowledge/councils/<id>/council.yaml`."""

import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

COUNCILS_DIR = Path(__file__).parent / "councils"
MIN_CONTRAST_WITH_WHITE = 4.5


class PackError(Exception):
    """A council pack file is missing or invalid; the message names file, field and problem."""


def contrast_with_white(hex_colour: str) -> float:
    """WCAG contrast ratio between a #rrggbb colour and white."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


class Strict(BaseModel):
    """Base model: unknown fields are errors, so typos in pack files are caught."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalArea(Strict):
    """Which postcodes count as local, and how the council words it."""

    description: str = Field(min_length=3)
    postcode_districts: list[str] = Field(min_length=1)

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


class CouncilPack(Strict):
    """One council's content: identity and local area (themes and rubric come later)."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    identity: Identity
    local_area: LocalArea


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "(top level)"
    return f"{field}: {first['msg']}"


def load_pack(path: Path) -> CouncilPack:
    """Load and validate one council.yaml; raise PackError naming file and field."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PackError(f"{path}: cannot read YAML: {error}".replace("\n", " ")) from error
    if not isinstance(data, dict):
        raise PackError(f"{path}: (top level): expected a mapping of fields")
    try:
        pack = CouncilPack.model_validate(data)
    except ValidationError as error:
        raise PackError(f"{path}: {_describe(error)}") from error
    if pack.id != path.parent.name:
        raise PackError(f"{path}: id: '{pack.id}' must match its folder '{path.parent.name}'")
    return pack


def load_packs(directory: Path = COUNCILS_DIR) -> dict[str, CouncilPack]:
    """Load every council pack under the directory, keyed by council id."""
    packs = {}
    for path in sorted(directory.glob("*/council.yaml")):
        pack = load_pack(path)
        packs[pack.id] = pack
    if not packs:
        raise PackError(f"{directory}: no council packs found (expected */council.yaml)")
    return packs
