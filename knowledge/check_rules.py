"""What the offer checks read as vague or unfinished, and which words name which kind of
evidence (knowledge/check_rules.yaml), validated when loaded."""

import re
from functools import cache, cached_property
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from knowledge.content import Strict, read_yaml, validate

RULES_FILE = Path(__file__).parent / "check_rules.yaml"


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as error:
        raise ValueError(f"{pattern!r} is not a pattern: {error}") from error
    return pattern


Pattern = Annotated[str, AfterValidator(_compiles)]  # a regular expression that compiles


class LegalMinimum(Strict):
    """Words that promise only what the law already requires, and why that is not extra."""

    pattern: Pattern = Field(min_length=5)
    why: str = Field(min_length=20)
    sizes: list[str] | None = None  # only organisations of these sizes are bound; None: all
    unless: Pattern | None = None  # words that say the promise goes beyond the law


class Frequency(Strict):
    """Words that say how often something happens, and how many times a week that is."""

    pattern: Pattern = Field(min_length=5)
    per_week: float = Field(gt=0, le=7)


class CheckRules(Strict):
    """Placeholder text, unfinished words, generic titles, start words, kinds of evidence, the
    words of the contracted service itself and of material only sent out."""

    placeholders: list[str] = Field(min_length=1)
    unfinished: list[str] = Field(min_length=1)
    generic_titles: list[Pattern] = Field(min_length=1)
    filler: list[str] = Field(min_length=1)
    everyone: list[str] = Field(min_length=1)
    people_nouns: list[str] = Field(min_length=1)
    promises_only: list[str] = Field(min_length=1)
    start_words: list[str] = Field(min_length=1)
    contract_start: list[str] = Field(min_length=1)
    deadline_words: list[str] = Field(min_length=1)
    evidence_kinds: dict[str, list[str]] = Field(min_length=1)
    accepted: dict[str, list[str]] = Field(min_length=1)
    cannot_count: dict[str, list[str]] = Field(default_factory=dict)
    not_evidence: list[str] = Field(default_factory=list)
    personal_details: Pattern = Field(min_length=5)
    legal_minimums: list[LegalMinimum] = Field(min_length=1)
    service_itself: list[Pattern] = Field(min_length=1)
    done_anyway: list[Pattern] = Field(min_length=1)
    transferred_jobs: list[Pattern] = Field(min_length=1)
    whole_organisation: list[Pattern] = Field(min_length=1)
    apportioned: Pattern = Field(min_length=5)
    adds_to_it: list[Pattern] = Field(min_length=1)
    contract_reach: list[Pattern] = Field(min_length=1)
    whole_service: list[Pattern] = Field(min_length=1)
    title_filler: list[str] = Field(min_length=1)
    how_often: list[Frequency] = Field(min_length=1)
    several_places: Pattern = Field(min_length=5)
    apprenticeship_min_months: float = Field(gt=0, le=24)
    completes_apprenticeship: Pattern = Field(min_length=5)
    not_counted: list[Pattern] = Field(min_length=1)
    materials_sent: list[Pattern] = Field(min_length=1)
    in_person: list[str] = Field(min_length=1)

    @cached_property
    def evidence_words(self) -> tuple[str, ...]:
        """Every word that names a kind of evidence, in lower case."""
        names = " ".join(n for names in self.evidence_kinds.values() for n in names).lower()
        return tuple(sorted(set(re.findall(r"[a-z0-9]+", names))))

    @model_validator(mode="after")
    def _accepted_kinds_exist(self) -> "CheckRules":
        named = {k for kinds in self.accepted.values() for k in kinds} | set(self.promises_only)
        named |= {k for kinds in self.cannot_count.values() for k in kinds}
        unknown = named - set(self.evidence_kinds)
        if unknown:
            raise ValueError(f"accepted: unknown kinds of evidence: {', '.join(sorted(unknown))}")
        return self


@cache
def load_check_rules(path: Path = RULES_FILE) -> CheckRules:
    """The check rules, loaded once."""
    return validate(CheckRules, read_yaml(path), path)
