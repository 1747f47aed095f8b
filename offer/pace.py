"""Checks on how often and how long: more sessions than "every week" gives in the time, and an
apprenticeship completed sooner than the law allows (feasibility); more people seen every week
than the team could see (proportion). Their words are in knowledge/check_rules.yaml
(`how_often`, `several_places`, `completes_apprenticeship`)."""

import re

from knowledge.check_rules import CheckRules
from knowledge.pack_parts import Thresholds
from offer.fit import IN_PERSON_UNITS
from offer.model import Check, Commitment, Opportunity, Supplier
from offer.sizing import SIZE_WORDS, WEEKS_PER_MONTH, span_months

# A little over the exact count is still read as it ("every week for two years: 105 sessions").
SLACK = 1.1
# At most this many things named together are read as happening at the same frequency.
MOST_THINGS = 3
# Beyond this many times what the frequency gives, it is a problem, not advice.
PROBLEM_AT = 1.5


def _per_week(said: str, rules: CheckRules) -> tuple[float, str] | None:
    """How many times a week the words say something happens, with the words that say it."""
    for often in rules.how_often:
        found = re.search(often.pattern, said)
        if found:
            return often.per_week, found.group(0)
    return None


def _several_places(said: str, places: list[str], rules: CheckRules) -> bool:
    """Whether the words say it happens in more than one place or group ("in community
    venues", "at two schools", "in Haverhill, Newmarket and Sudbury")."""
    named = sum(bool(re.search(rf"\b{re.escape(p.lower())}\b", said)) for p in places)
    return named > 1 or bool(re.search(rules.several_places, said))


def frequency_check(
    c: Commitment, opportunity: Opportunity, places: list[str], rules: CheckRules
) -> Check | None:
    """More sessions than happening "every week" (or fortnightly, monthly) can give over the
    whole contract, unless the words say it happens in several places or groups at once. The
    whole contract, because a timescale with a frequency often says when it starts ("first one
    by April")."""
    if c.unit not in IN_PERSON_UNITS or not c.quantity:
        return None
    said = " ".join(filter(None, (c.title, c.description))).lower()
    often = _per_week(said, rules)
    months = opportunity.duration_months or span_months(c, opportunity)
    if often is None or not months or _several_places(said, places, rules):
        return None
    per_week, words = often
    # "Walking group and chair yoga every week": each thing named before it, every week.
    things = min(1 + len(re.findall(r" and |&|\+", said[: said.index(words)])), MOST_THINGS)
    most = things * per_week * months * WEEKS_PER_MONTH
    if c.quantity <= most * SLACK + 1:
        return None
    return Check(
        id="more-than-frequency",
        kind="feasibility",
        level="problem" if c.quantity > most * PROBLEM_AT else "advice",
        commitment_id=c.id,
        message=f'"{words}" over {months:g} months comes to about {most:,.0f} {c.unit}, not '
        f"{c.quantity:,.0f}. Check the number, or say where the others will happen.",
    )


def apprenticeship_length_check(
    c: Commitment, opportunity: Opportunity, rules: CheckRules
) -> Check | None:
    """An apprenticeship completed (or a qualification gained through one) sooner than the
    shortest apprenticeship the law allows."""
    said = " ".join(filter(None, (c.title, c.description, c.timescale))).lower()
    months = span_months(c, opportunity)
    shortest = rules.apprenticeship_min_months
    if not months or months >= shortest or not re.search(rules.completes_apprenticeship, said):
        return None
    return Check(
        id="apprenticeship-too-short",
        kind="feasibility",
        level="problem",
        commitment_id=c.id,
        message=f"An apprenticeship takes at least {shortest:g} months, so it cannot be "
        f'completed "{c.timescale}". Give the date it will be completed by, or count the '
        "apprentices who start.",
    )


def regular_contact_check(
    c: Commitment, supplier: Supplier, limits: Thresholds, rules: CheckRules
) -> Check | None:
    """More people seen or called every week (or fortnight, month) than the organisation's
    staff could see on top of the contract's work."""
    staff = limits.staff_by_size.get(supplier.size or "")
    if c.unit != "people" or not c.quantity or not staff:
        return None
    said = " ".join(filter(None, (c.title, c.description))).lower()
    often = _per_week(said, rules)
    if often is None:
        return None
    per_week, words = often
    contacts = c.quantity * per_week
    most = staff * limits.contacts_per_staff_a_week
    if contacts <= most:
        return None
    return Check(
        id="regular-contact",
        kind="proportion",
        level="problem" if contacts > most * limits.problem_factor else "advice",
        commitment_id=c.id,
        message=f'{c.quantity:,.0f} people "{words}" is about {contacts:,.0f} calls or visits a '
        f"week: more than a team of {SIZE_WORDS[supplier.size or '']} staff can usually make "
        "on top of the contract. Offer the number your team can really keep up.",
    )


def pace_checks(
    c: Commitment,
    opportunity: Opportunity,
    supplier: Supplier,
    limits: Thresholds,
    places: list[str],
    rules: CheckRules,
) -> list[Check]:
    """The checks on how often and how long."""
    found = (
        frequency_check(c, opportunity, places, rules),
        apprenticeship_length_check(c, opportunity, rules),
        regular_contact_check(c, supplier, limits, rules),
    )
    return [check for check in found if check is not None]
