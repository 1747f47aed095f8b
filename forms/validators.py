"""Small reusable validators whose messages are written for the user."""

import re
import unicodedata

from wtforms import Field, Form, ValidationError
from wtforms.validators import StopValidation

MAX_EMAIL = 254  # characters (RFC 5321's limit on a path)
# The outward code, then the inward code (a digit and two letters), with or without a space.
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
# Charity numbers (1234567, 1234567-1, SC012345) and company numbers (01234567, SC123456).
ORGANISATION_NUMBER = re.compile(r"^[A-Z]{0,2}[0-9]{5,8}(-[0-9]{1,2})?$")


def looks_like_email(text: str) -> bool:
    """Something shaped like an email address: one "@" with text before it, and a domain
    with a dot inside it; no spaces. Read once, left to right (no pattern to backtrack)."""
    local, at, domain = text.partition("@")
    return (
        bool(at and local)
        and "@" not in domain
        and "." in domain[1:-1]
        and not any(c.isspace() for c in text)
    )


class EmailAddress:
    """Check that a field holds something shaped like an email address of at most 254
    characters (checked first: nothing longer is read further)."""

    message = "Enter an email address in the correct format, like name@example.com"
    too_long = f"Email address must be {MAX_EMAIL} characters or fewer"

    def __init__(self, message: str | None = None):
        self.message = message or self.message

    def __call__(self, form: Form, field: Field) -> None:
        if not field.data:
            return
        text = field.data.strip()
        if len(text) > MAX_EMAIL:
            raise StopValidation(self.too_long)
        if not looks_like_email(text):
            raise ValidationError(self.message)


class UkPostcode:
    """Check that a field holds a UK postcode, and write it the standard way ("E1 6AN")."""

    message = "Enter a real postcode, like E1 6AN"

    def __call__(self, form: Form, field: Field) -> None:
        found = POSTCODE.match((field.data or "").upper().replace(" ", ""))
        if field.data and not found:
            raise ValidationError(self.message)
        if found:
            field.data = f"{found.group(1)} {found.group(2)}"


class OrganisationNumber:
    """Check that a field holds a charity or company number, written without spaces."""

    message = "Enter a charity or company number, like 1234567 or SC012345"

    def __call__(self, form: Form, field: Field) -> None:
        number = (field.data or "").upper().replace(" ", "")
        if field.data and not ORGANISATION_NUMBER.match(number):
            raise ValidationError(self.message)
        if field.data:
            field.data = number


def strip_whitespace(value: object) -> object:
    """A filter: text without surrounding spaces or control characters (Word's soft line
    breaks, NULs), with Windows line endings made plain (other values unchanged)."""
    if not isinstance(value, str):
        return value
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc").strip()


CHARACTERS_PER_WORD = 12  # what a word limit allows in characters, spaces included
LONGEST_WORD = 100  # characters: longer is not a word (a web address this long is rare)


class MaxWords:
    """Check that text is within a word limit, counted as the GOV.UK character count does;
    first that its characters are within what the limit needs (CHARACTERS_PER_WORD a word)
    and no "word" is longer than LONGEST_WORD, so a response cannot be one huge word."""

    def __init__(self, limit: int):
        self.limit = limit

    def __call__(self, form: Form, field: Field) -> None:
        text = field.data or ""
        most = self.limit * CHARACTERS_PER_WORD
        if len(text) > most:
            raise StopValidation(
                f"Your response is too long: {self.limit:,} words need at most {most:,} "
                f"characters, and it has {len(text):,}"
            )
        longest = max((len(word) for word in text.split()), default=0)
        if longest > LONGEST_WORD:
            raise StopValidation(
                f"Your response has a word of {longest:,} characters: put spaces between words"
            )
        count = len(text.split())
        if count > self.limit:
            raise ValidationError(
                f"Your response must be {self.limit:,} words or fewer; it has {count:,}"
            )
