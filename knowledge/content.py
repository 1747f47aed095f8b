"""Shared machinery for content files: strict models, YAML reading, one-line errors."""

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

Model = TypeVar("Model", bound=BaseModel)
KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class ContentError(Exception):
    """A content file is missing or invalid; the message names file, field and problem."""


class Strict(BaseModel):
    """Base model: unknown fields are errors, so typos in content files are caught."""

    model_config = ConfigDict(extra="forbid", frozen=True)


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
    field = ".".join(str(part) for part in first["loc"]) or "(top level)"
    message = first["msg"].removeprefix("Value error, ")
    return f"{field}: {message}"


def validate(model: type[Model], data: object, path: Path) -> Model:
    """Validate parsed YAML against a model; raise a one-line ContentError on failure."""
    if not isinstance(data, dict):
        raise ContentError(f"{path}: (top level): expected a mapping of fields")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ContentError(f"{path}: {describe(error)}".replace("\n", " ")) from error
