"""Signing in, for staff and local organisations alike: the lock after repeated wrong passwords,
and only following same-site addresses afterwards."""

import hmac
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar
from urllib.parse import urlsplit

from flask import current_app, request
from sqlite_utils import Database

import clock
from store.sign_in_failures import begin_attempt, clear_failures, locked_until
from web.common.db import get_db

# Ten wrong passwords in a row for one account from one address lock that address out of it
# for a while; a hundred from anywhere lock the account (guessing spread over addresses).
# Staff and organisation accounts are counted apart, so signing in as one kind never clears
# the other's count, and nobody can keep a person out of their account from another address
# with ten guesses every quarter of an hour.
MAX_FAILED_SIGN_INS = 10
MAX_FAILED_FROM_ANYWHERE = 100
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


def _counts(kind: str, email: str) -> list[tuple[str, int]]:
    """The counts an attempt adds to: this kind of account from this address, and from
    anywhere (the address only as a keyed hash: no address is stored)."""
    account = f"{kind}:{email.strip().lower()}"
    secret = current_app.config["SECRET_KEY"].encode()
    address = hmac.new(secret, (request.remote_addr or "").encode(), "sha256").hexdigest()[:20]
    return [(f"{account}|{address}", MAX_FAILED_SIGN_INS), (account, MAX_FAILED_FROM_ANYWHERE)]


def attempt_sign_in(
    kind: str,
    email: str,
    password: str,
    authenticate: Callable[[Database, str, str], T | None],
    advice: str,
) -> tuple[T | None, str | None]:
    """Check a password of a `kind` of account ("staff", "organisation"), counting the
    attempt first (locked after repeated failures): the account, or None and the message to
    show."""
    now = clock.now()
    counts = _counts(kind, email)
    until = begin_attempt(get_db(), counts, now, SIGN_IN_LOCK)
    account = None if until else authenticate(get_db(), email, password)
    if account:
        clear_failures(get_db(), [key for key, _ in counts])
        return account, None
    until = until or locked_until(get_db(), [key for key, _ in counts], now)
    return None, (_locked_message(until, now, advice) if until else WRONG_PASSWORD)
