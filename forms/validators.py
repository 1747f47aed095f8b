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
