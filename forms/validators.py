"""Small reusable validators whose messages are written for the user."""

import re
import unicodedata

from wtforms import Field, Form, ValidationError

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class EmailAddress:
    """Check that a field holds something shaped like an email address."""

    message = "Enter an email address in the correct format, like name@example.com"

    def __init__(self, message: str | None = None):
        self.message = message or self.message

    def __call__(self, form: Form, field: Field) -> None:
        if field.data and not EMAIL.match(field.data.strip()):
            raise ValidationError(self.message)


def strip_whitespace(value: object) -> object:
    """A filter: text without surrounding spaces or control characters (Word's soft line
    breaks, NULs), with Windows line endings made plain (other values unchanged)."""
    if not isinstance(value, str):
        return value
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc").strip()


class MaxWords:
    """Check that text is within a word limit, counted as the GOV.UK character count does."""

    def __init__(self, limit: int):
        self.limit = limit

    def __call__(self, form: Form, field: Field) -> None:
        count = len((field.data or "").split())
        if count > self.limit:
            raise ValidationError(
                f"Your response must be {self.limit:,} words or fewer; it has {count:,}"
            )
