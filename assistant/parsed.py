"""What reading an answer gives: a value, or the problem with it."""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Parsed:
    """A value read from an answer, or the problem (a key of the step's messages)."""

    value: object = None
    problem: str | None = None
    confirm: str | None = None  # a total worked out from other terms, to check with them
    understood: str | None = None  # what was read, when it is not what was asked ("8 people")

    @property
    def ok(self) -> bool:
        """True when the answer could be read."""
        return self.problem is None


# Punctuation said aloud to a phone's dictation: "something we do anyway full stop".
_SPOKEN = re.compile(r"\s*\b(?:full stop|comma|new line|new paragraph|exclamation mark)\b", re.I)


def clean(text: str) -> str:
    """Trimmed, one space between words, punctuation said aloud taken out."""
    return " ".join(_SPOKEN.sub(" ", text).strip().split())
