"""Commitments whose own words do not fit what they claim: the contract's own service marked
as extra ("every care call includes a chat", "as shown on landscape drawing L-201"), what the
supplier does anyway ("part of our standard induction"), jobs that transfer under TUPE counted
as new, and a pack posted counted as sessions run."""

import re

from knowledge.check_rules import CheckRules
from knowledge.packs import Measure
from offer.model import Check, Commitment

IN_PERSON_UNITS = ("sessions", "events")


def _first(patterns: list[str], said: str) -> str | None:
    """The words the first pattern that matches finds, if any does."""
    return next((m.group(0) for p in patterns if (m := re.search(p, said))), None)


def _said(commitment: Commitment) -> str:
    """What the supplier wrote about the commitment, in lower case."""
    parts = (commitment.title, commitment.description, commitment.delivery)
    return " ".join(p for p in parts if p).lower()


def _not_extra(
    commitment: Commitment, patterns: list[str], check_id: str, message: str
) -> Check | None:
    """Advice that the commitment's own words say it is not extra: `message` with the words
    found as {found}."""
    found = _first(patterns, _said(commitment))
    if found is None:
        return None
    return Check(
        id=check_id,
        kind="additionality",
        level="advice",
        commitment_id=commitment.id,
        message=message.format(found=found),
    )


def service_itself_check(commitment: Commitment, rules: CheckRules) -> Check | None:
    """Marked extra, but its words say it is done through the contracted service itself."""
    if commitment.classification != "additional":
        return None
    return _not_extra(
        commitment,
        rules.service_itself,
        "sounds-like-the-service",
        '"{found}" sounds like the service this contract already pays for. If it is, say it is '
        "part of the service itself; if it is extra, say what you will do beyond the contract.",
    )


def done_anyway_check(commitment: Commitment, rules: CheckRules) -> Check | None:
    """Marked extra, but its words say it is what the supplier does anyway."""
    if commitment.classification != "additional":
        return None
    return _not_extra(
        commitment,
        rules.done_anyway,
        "done-anyway",
        '"{found}" says this is something you do anyway, so councils will not count it as '
        "extra. Say what you will add for this contract, or mark it as something you do anyway.",
    )


def transferred_jobs_check(
    commitment: Commitment, measure: Measure | None, rules: CheckRules
) -> Check | None:
    """New jobs that are the current contractor's staff moving over (TUPE): not new."""
    if measure is None or measure.draws_on != "hires":
        return None
    return _not_extra(
        commitment,
        rules.transferred_jobs,
        "transferred-jobs",
        '"{found}": staff who move over from the current contractor already have these jobs, '
        "so they are not new jobs. Count only the people you will recruit.",
    )


def sent_not_run_check(commitment: Commitment, rules: CheckRules) -> Check | None:
    """Counts sessions or events, but only says something will be sent out."""
    if commitment.unit not in IN_PERSON_UNITS:
        return None
    said = _said(commitment)
    sent = _first(rules.materials_sent, said)
    if sent is None or re.search(rf"\b({'|'.join(map(re.escape, rules.in_person))})\b", said):
        return None
    counted = commitment.unit_label or commitment.unit
    return Check(
        id="sent-not-run",
        kind="vague",
        level="advice",
        commitment_id=commitment.id,
        message=f'This counts {counted} as sessions run, but what it describes ("{sent}") '
        "is something sent out, not a session. Say what you will run, and when, or count what "
        "you send.",
    )


def fit_checks(commitment: Commitment, measure: Measure | None, rules: CheckRules) -> list[Check]:
    """The checks that a commitment's words fit what it claims."""
    found = (
        service_itself_check(commitment, rules) or done_anyway_check(commitment, rules),
        transferred_jobs_check(commitment, measure, rules),
        sent_not_run_check(commitment, rules),
    )
    return [check for check in found if check is not None]
