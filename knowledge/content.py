"""Shared machinery for content files: strict models, YAML reading, one-line errors."""

from datetime import date
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

Model = TypeVar("Model", bound=BaseModel)
KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class ContentError(Exception):
    """A content file is missing or invalid; the message names file, field and problem."""


class Strict(BaseModel):
    """Base model: unknown fields are errors, so typos in content files are caught."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """Where a fact comes from. A figure or legal statement that can change also carries the
    day it was checked (`as_of`) and the day by which it must be checked again (`review_by`):
    `python -m knowledge check` fails once that day has passed."""

    title: str = Field(min_length=5)
    url: str | None = Field(default=None, pattern=r"^https://")
    as_of: date | None = None
    review_by: date | None = None

    @model_validator(mode="after")
    def _dated_in_pairs(self) -> "Source":
        if (self.as_of is None) != (self.review_by is None):
            raise ValueError("give both as_of and review_by, or neither")
        if self.as_of and self.review_by and self.review_by <= self.as_of:
            raise ValueError("review_by must come after as_of")
        return self

    @property
    def dated(self) -> bool:
        """True when the source dates a figure that can change."""
        return self.as_of is not None


def month_year(day: date) -> str:
    """'November 2026', as an "as of" reads on a page."""
    return day.strftime("%B %Y")


# libyaml's C parser when PyYAML was built with it (about ten times faster), else Python's.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> object:
    """Parse a YAML file (safely: plain data only), or raise ContentError naming it."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as error:
        raise ContentError(f"{path}: cannot read YAML: {error}".replace("\n", " ")) from error


def describe(error: ValidationError) -> str:
    """The first problem in a validation error, as 'field.path: message'."""
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    # A check across fields names the field in its message ("sources: ...").
    return f"{field or '(top level)'}: {message}" if field or ":" not in message else message


def validate(model: type[Model], data: object, path: Path) -> Model:
    """Validate parsed YAML against a model; raise a one-line ContentError on failure."""
    if not isinstance(data, dict):
        raise ContentError(f"{path}: (top level): expected a mapping of fields")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ContentError(f"{path}: {describe(error)}".replace("\n", " ")) from error
