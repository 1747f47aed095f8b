"""Passwords people can guess: NCSC guidance is to block common passwords rather than impose
rules of composition. The list is zxcvbn's 30,000 most common passwords (from breaches)."""

from functools import cache

from wtforms import Field, Form, ValidationError
from zxcvbn.frequency_lists import FREQUENCY_LISTS

SEQUENCES = ("0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm")


@cache
def _common() -> frozenset[str]:
    return frozenset(FREQUENCY_LISTS["passwords"])


def is_guessable(password: str) -> bool:
    """A common password, one with digits or a mark after it ("password1234"), a character
    or two over and over ("aaaaaaaaaaaa"), digits alone, or a run along the keyboard or
    alphabet."""
    lowered = password.lower()
    stem = lowered.rstrip("0123456789!?.*#@$")
    return (
        lowered in _common()
        or (len(stem) >= 4 and stem in _common())
        or len(set(lowered)) <= 2
        or lowered.isdigit()
        or any(lowered in run or lowered in run[::-1] for run in SEQUENCES)
    )


class NotGuessable:
    """Refuse a password on the list of common ones, or made from one."""

    message = (
        "This password is too easy to guess: it is, or is built on, a common password. "
        "Try three random words"
    )

    def __call__(self, form: Form, field: Field) -> None:
        if field.data and is_guessable(field.data):
            raise ValidationError(self.message)
