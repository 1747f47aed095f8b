"""Small reusable validators whose messages are written for the user."""

import re

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
    """A filter: text without surrounding spaces (other values unchanged)."""
    return value.strip() if isinstance(value, str) else value


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
