"""What the offer checks read as vague or unfinished, and which words name which kind of
evidence (knowledge/check_rules.yaml), validated when loaded."""

import re
from functools import cache
from pathlib import Path

from pydantic import Field, field_validator

from knowledge.content import Strict, read_yaml, validate

RULES_FILE = Path(__file__).parent / "check_rules.yaml"


class CheckRules(Strict):
    """Placeholder text, unfinished words, generic titles, start words and kinds of evidence."""

    placeholders: list[str] = Field(min_length=1)
    unfinished: list[str] = Field(min_length=1)
    generic_titles: list[str] = Field(min_length=1)
    start_words: list[str] = Field(min_length=1)
    evidence_kinds: dict[str, list[str]] = Field(min_length=1)

    @field_validator("generic_titles")
    @classmethod
    def _patterns_compile(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"{pattern!r} is not a pattern: {error}") from error
        return patterns


@cache
def load_check_rules(path: Path = RULES_FILE) -> CheckRules:
    """The check rules, loaded once."""
    return validate(CheckRules, read_yaml(path), path)
