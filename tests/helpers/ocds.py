"""Validate a download as OCDS: the vendored 1.1.5 release package schema, with the release
schema and the sustainability extension merged in (tests/data/ocds/README.md)."""

import json
from functools import cache
from pathlib import Path

import json_merge_patch
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

SCHEMAS = Path(__file__).parent.parent / "data" / "ocds"


def _read(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


@cache
def validator() -> Draft4Validator:
    """A validator for a release package whose releases may use the sustainability extension."""
    release = json_merge_patch.merge(
        _read("release-schema.json"), _read("ocds_sustainability_extension/release-schema.json")
    )
    package = _read("release-package-schema.json")
    registry = Registry().with_resource(release["id"], Resource(release, specification=DRAFT4))
    return Draft4Validator(
        package, registry=registry, format_checker=Draft4Validator.FORMAT_CHECKER
    )


def errors(document: dict) -> list[str]:
    """Every schema error, as "path: message"."""
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator().iter_errors(document)
    ]
