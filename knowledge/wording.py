"""The words the tidy-wording step knows: shorthand, hedges, chat, proper nouns, job titles and
first names, and the verbs and nouns the written response
reads sentences by (knowledge/wording.yaml), validated when loaded."""

from functools import cache
from pathlib import Path

from pydantic import Field

from knowledge.content import Strict, read_yaml, validate

WORDING_FILE = Path(__file__).parent / "wording.yaml"


class Wording(Strict):
    """What tidy wording suggests changing, and the words it must leave alone."""

    shorthand: dict[str, str] = Field(min_length=1)
    hedges: dict[str, str] = Field(min_length=1)
    informal: list[str] = Field(min_length=1)
    proper_nouns: list[str] = Field(min_length=1)
    roles: list[str] = Field(min_length=1)
    first_names: list[str] = Field(min_length=1)
    verbs: list[str] = Field(min_length=1)
    noun_too: list[str] = Field(min_length=1)
    organisation_nouns: list[str] = Field(min_length=1)
    american: dict[str, str] = Field(min_length=1)
    dictation: dict[str, str] = Field(min_length=1)
    their_before: list[str] = Field(min_length=1)


@cache
def load_wording(path: Path = WORDING_FILE) -> Wording:
    """The tidy-wording lists, loaded once."""
    return validate(Wording, read_yaml(path), path)
