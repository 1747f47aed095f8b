"""Commitments whose own words do not fit what they claim: the contract's own service marked
as extra ("every care call includes a chat", "as shown on landscape drawing L-201"), what the
supplier does anyway ("part of our standard induction"), jobs that transfer under TUPE counted
as new, and a pack posted counted as sessions run."""

import re
from collections.abc import Iterator

from knowledge.check_rules import CheckRules
from knowledge.packs import Measure
from offer.model import Check, Commitment, Opportunity

IN_PERSON_UNITS = ("sessions", "events")
STEM = 4  # words sharing their first four letters share a stem ("schools", "school")
NEAR = 40  # characters before "every child" where the contract's own words are looked for
# Measures that count the contract's own work done well (its jobs, placements and supply chain
# spend): counted, not mistaken for the service itself.
CONTRACT_OWN_WORK = ("hires", "placements", "spend")


def _first(patterns: list[str], said: str) -> str | None:
    """The words the first pattern that matches finds, if any does."""
    return next((m.group(0) for p in patterns if (m := re.search(p, said))), None)


def said_in(commitment: Commitment) -> str:
    """What the supplier wrote about the commitment, in lower case."""
    parts = (commitment.title, commitment.description, commitment.delivery)
    return " ".join(p for p in parts if p).lower()


def _not_extra(
    commitment: Commitment, patterns: list[str], check_id: str, message: str
) -> Check | None:
    """Advice that the commitment's own words say it is not extra: `message` with the words
    found as {found}."""
    found = _first(patterns, said_in(commitment))
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


def _subject(opportunity: Opportunity, places: list[str], rules: CheckRules) -> set[str]:
    """The stems of what the contract buys, from its title ("cleaning of council offices and
    Idea Stores": clea, offi, idea, stor), without its places or words that say nothing."""
    title = (opportunity.title or "").lower()
    for place in sorted(places, key=len, reverse=True):
        title = title.replace(place.lower(), " ")
    skip = set(rules.title_filler)
    return {w[:STEM] for w in re.findall(r"[a-z]{4,}", title) if w not in skip}


def _stems(text: str) -> set[str]:
    return {w[:STEM] for w in re.findall(r"[a-z]{4,}", text)}


def _reaches(said: str, rules: CheckRules) -> Iterator[tuple[re.Match[str], int]]:
    """Each place the words say everyone or everywhere the contract serves, with how many of
    the contract's own words they need: one for "covered by this contract", two for "every
    child"."""
    for patterns, needed in ((rules.contract_reach, 1), (rules.whole_service, 2)):
        for pattern in patterns:
            for found in re.finditer(pattern, said):
                yield found, needed


def _about(reach: re.Match[str], needed: int, said: str, subject: set[str]) -> bool:
    """Whether the contract's own words are in `reach` or just before it, as many as it needs
    in all, and not denied ("these are not groups covered by this contract")."""
    before = said[max(0, reach.start() - NEAR) : reach.start()]
    if re.search(r"\b(not|never|outside|beyond)\b", before[-NEAR // 2 :]):
        return False
    close = _stems(before + reach.group(0)) & subject
    return bool(close) and len(_stems(said) & subject) >= needed


def contract_itself_check(
    commitment: Commitment,
    measure: Measure | None,
    opportunity: Opportunity,
    places: list[str],
    rules: CheckRules,
) -> Check | None:
    """Marked extra, but it is what the contract buys, for everyone or everywhere the contract
    serves ("a hot lunch for the pupils in all 28 schools" on a school meals contract)."""
    subject = _subject(opportunity, places, rules)
    said = said_in(commitment)
    if commitment.classification != "additional" or not subject:
        return None
    if measure is not None and measure.draws_on in CONTRACT_OWN_WORK:
        return None
    if _first(rules.adds_to_it, said):
        return None
    reach = next(
        (m for m, needed in _reaches(said, rules) if _about(m, needed, said, subject)), None
    )
    if reach is None:
        return None
    return Check(
        id="the-contract-itself",
        kind="additionality",
        level="advice",
        commitment_id=commitment.id,
        message=f'"{reach.group(0)}" sounds like the work this contract buys '
        f'("{opportunity.title}"), which the council already pays for. If it is, say it is part '
        "of the service itself; if it is extra, say what you will do beyond the contract.",
    )


def done_anyway_check(commitment: Commitment, rules: CheckRules) -> Check | None:
    """Marked extra, but its words say it is what the supplier does anyway, and nothing that
    it adds to it."""
    if commitment.classification != "additional" or _first(rules.adds_to_it, said_in(commitment)):
        return None
    return _not_extra(
        commitment,
        rules.done_anyway,
        "done-anyway",
        '"{found}" says this is something you do anyway, so councils will not count it as '
        "extra. Say what you will add for this contract, or mark it as something you do anyway.",
    )


def whole_organisation_check(commitment: Commitment, rules: CheckRules) -> Check | None:
    """Its words say it is open to the whole organisation, wherever it works, not tied to this
    contract or the council's area, and not how much of it is for this contract."""
    if commitment.classification == "core" or re.search(rules.apportioned, said_in(commitment)):
        return None
    return _not_extra(
        commitment,
        rules.whole_organisation,
        "whole-organisation",
        '"{found}" says this is open to your whole organisation, not tied to this contract or '
        "this area, so councils will not count all of it. Say how much of it will be done here, "
        "by the people working on this contract.",
    )


def transferred_jobs_check(
    commitment: Commitment, measure: Measure | None, rules: CheckRules
) -> Check | None:
    """New jobs that are the current contractor's staff moving over (TUPE): not new."""
    if measure is None or measure.draws_on != "hires":
        return None
    if _first(rules.not_counted, said_in(commitment)):  # "TUPE staff are not counted"
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
    said = said_in(commitment)
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


def fit_checks(
    commitment: Commitment,
    measure: Measure | None,
    rules: CheckRules,
    opportunity: Opportunity,
    places: list[str],
) -> list[Check]:
    """The checks that a commitment's words fit what it claims."""
    found = (
        service_itself_check(commitment, rules)
        or contract_itself_check(commitment, measure, opportunity, places, rules)
        or done_anyway_check(commitment, rules)
        or whole_organisation_check(commitment, rules),
        transferred_jobs_check(commitment, measure, rules),
        sent_not_run_check(commitment, rules),
    )
    return [check for check in found if check is not None]
