"""Signing in, for staff and local organisations alike: the lock after repeated wrong passwords,
and only following same-site addresses afterwards."""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar
from urllib.parse import urlsplit

from sqlite_utils import Database

import clock
from store.sign_in_failures import begin_attempt, clear_failures, locked_until
from web.common.db import get_db

# Ten wrong passwords in a row for one email address lock signing in for a while.
MAX_FAILED_SIGN_INS = 10
SIGN_IN_LOCK = timedelta(minutes=15)
WRONG_PASSWORD = "Enter a correct email address and password"
T = TypeVar("T")


def safe_next(target: str | None, fallback: str) -> str:
    """Only follow same-site paths after sign-in, never another host; else `fallback`."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return fallback


def _locked_message(until: datetime, now: datetime, advice: str) -> str:
    minutes = max(1, round((until - now).total_seconds() / 60))
    return (
        "There have been too many wrong passwords for this email address, so signing in is "
        f"locked for {minutes} minute{'s' if minutes != 1 else ''}. Try again after that, or "
        f"{advice}"
    )


def attempt_sign_in(
    email: str, password: str, authenticate: Callable[[Database, str, str], T | None], advice: str
) -> tuple[T | None, str | None]:
    """Check a password, counting the attempt first (locked after repeated failures, per email
    address): the account, or None and the message to show. Staff and organisations share it."""
    now = clock.now()
    until = begin_attempt(get_db(), email, now, MAX_FAILED_SIGN_INS, SIGN_IN_LOCK)
    account = None if until else authenticate(get_db(), email, password)
    if account:
        clear_failures(get_db(), email)
        return account, None
    until = until or locked_until(get_db(), email, now)
    return None, (_locked_message(until, now, advice) if until else WRONG_PASSWORD)
