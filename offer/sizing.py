"""Checks on how big a commitment is: out of proportion to the organisation or the contract,
or unable to fit its timescale or the contract's length. Thresholds: the pack's `checks`
(knowledge/pack_parts.py, Thresholds; docs/offer.md, "Checks")."""

import re

from knowledge.check_rules import CheckRules
from knowledge.pack_parts import Thresholds
from knowledge.packs import Measure
from knowledge.vocabulary import amount
from offer.model import Check, Commitment, Opportunity, Supplier
from offer.vagueness import plain

WEEKS_PER_MONTH = 52 / 12
# A deadline this far past the contract's end is still read as "by the end" (a month's slack:
# "by Christmas 2027" on a contract ending in December).
AFTER_END_SLACK_MONTHS = 1.0
# How the timescale reader writes a commitment that runs from the start, or recurs ("every
# year"): delivered across the contract, not by a month's deadline (assistant/timescales.py).
FROM_START = "from the start of the contract"
RECURRING = "every "


HOURS_PER_MONTH = 365.25 * 24 / 12
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "a single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
# "One young person", "two Suffolk residents", "one Lowestoft school leaver": how many people
# weeks are for.
PEOPLE_COUNT = re.compile(
    r"(?<!level )(?<!year )(?<!stage )(?<!nvq )"
    r"\b(a single|an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+"
    r"(?:[A-Za-z-]+\s+){0,2}?(young (?:person|people)|people|persons?|apprentices?|trainees?|"
    r"care leavers?|school leavers?|graduates?|residents?|adults?|veterans?|students?|pupils?|"
    r"learners?|volunteers?|children|child)\b",
    re.I,
)


def people_in(c: Commitment) -> int | None:
    """How many people the commitment's words say its weeks are for, if they say."""
    for text in (c.description, c.title):
        found = PEOPLE_COUNT.search(text or "")
        if found:
            said = found.group(1).lower()
            return int(said) if said.isdigit() else NUMBER_WORDS[said]
    return None


def span_months(c: Commitment, opportunity: Opportunity) -> float | None:
    """The months a commitment is delivered over: to its deadline, or across the contract
    when it runs from the start or recurs."""
    text = (c.timescale or "").lower()
    if text == FROM_START or text.startswith(RECURRING):
        return opportunity.duration_months
    return c.timescale_months


SIZE_WORDS = {"micro": "fewer than 10", "small": "10 to 49", "medium": "50 to 249"}


def _money(value: float) -> str:
    return f"£{value:,.0f}"


def _share(value: float) -> str:
    return f"{value:.0%}"


def _level(value: float, advice_at: float, problem_at: float) -> str | None:
    if value > problem_at:
        return "problem"
    if value > advice_at:
        return "advice"
    return None


def _years(c: Commitment, opportunity: Opportunity) -> float:
    """The years a commitment is delivered over (at least one)."""
    return max((span_months(c, opportunity) or opportunity.duration_months or 12) / 12, 1)


def _team(supplier: Supplier) -> str:
    staff = SIZE_WORDS.get(supplier.size or "")
    return f"a team of {staff} staff" if staff else "an organisation of your size"


def _count(quantity: float, noun: str) -> str:
    return f"{quantity:,.0f} {noun}" if quantity == 1 else f"{quantity:,.0f} {noun}s"


def proportion_checks(
    c: Commitment,
    measure: Measure | None,
    opportunity: Opportunity,
    supplier: Supplier,
    limits: Thresholds,
) -> list[Check]:
    """A quantity beyond what the organisation could deliver, or the contract could bear."""
    if not c.quantity or measure is None:
        return []
    draws_on = measure.draws_on
    staff = limits.staff_by_size.get(supplier.size or "")
    value = opportunity.value_gbp or 0
    how_much = amount(c.quantity, c.unit)
    found: list[Check] = []

    def flag(level: str | None, message: str) -> None:
        if level:
            found.append(
                Check(
                    id=f"proportion-{draws_on}",
                    kind="proportion",
                    level=level,
                    commitment_id=c.id,
                    message=message,
                )
            )

    if draws_on == "hires":
        # The jobs the contract could pay for, and half as many again as the organisation
        # has staff (or, for a large one, as many again as the contract's).
        contract_jobs = value / limits.job_year_cost_gbp
        growth = staff / 2 if staff is not None else contract_jobs
        ceiling = contract_jobs + growth if value else staff
        if ceiling:
            on = f", even with a {_money(value)} contract" if value else ""
            flag(
                _level(c.quantity, ceiling, ceiling * 2),
                f"{_count(c.quantity, 'new job')} is more than {_team(supplier)} usually "
                f"takes on{on}. Offer the number you are sure you can fill, and say how you "
                "will recruit them.",
            )
    elif draws_on == "placements":
        hosts = limits.hosts_by_size.get(supplier.size or "", limits.hosts_unknown_size)
        weeks = (opportunity.duration_months or 12) * WEEKS_PER_MONTH
        flag(
            _level(c.quantity, hosts * weeks, hosts * weeks * limits.problem_factor),
            f"{how_much} of placements would mean about {c.quantity / weeks:,.0f} people with "
            f"you at once for the whole contract; {_team(supplier)} can usually supervise "
            f"{hosts}. Offer fewer weeks, or say how you will host them.",
        )
    elif draws_on == "staff-time" and staff:
        years = _years(c, opportunity)
        hours = staff * limits.hours_per_staff_a_year * years
        flag(
            _level(c.quantity, hours, hours * limits.problem_factor),
            f"{how_much} is more time than {_team(supplier)} can usually give: "
            f"{limits.hours_per_staff_a_year:g} hours a year from each of {staff} staff over "
            f"{years:g} {'year' if years == 1 else 'years'} comes to {hours:,.0f}. Offer the "
            "hours your team can really give.",
        )
    elif draws_on in ("gifts", "spend") and value and c.unit == "gbp":
        advice, problem = (
            (limits.gifts_advice_share, limits.gifts_problem_share)
            if draws_on == "gifts"
            else (limits.spend_advice_share, limits.spend_problem_share)
        )
        share = c.quantity / value
        what = "to give away" if draws_on == "gifts" else "to spend this way"
        flag(
            _level(share, advice, problem),
            f"{how_much} is {_share(share)} of the {_money(value)} contract value: a lot "
            f"{what} from what the contract pays. Check the figure, or explain where the "
            "money comes from.",
        )
    return found


def offer_size_checks(
    commitments: list[Commitment], opportunity: Opportunity, limits: Thresholds
) -> list[Check]:
    """The offer's indicative value as a share of the contract value."""
    value = opportunity.value_gbp
    proxies = [c.proxy.value_gbp for c in commitments if c.proxy]
    if not value or not proxies:
        return []
    share = sum(proxies) / value
    level = _level(share, limits.proxy_advice_share, limits.proxy_problem_share)
    if not level:
        return []
    return [
        Check(
            id="proportion-indicative-value",
            kind="proportion",
            level=level,
            message=f"The indicative value of your commitments is {_money(sum(proxies))}, "
            f"{_share(share)} of the {_money(value)} contract value. Evaluators will doubt "
            "an offer this large for the contract: check the biggest commitments.",
        )
    ]


def feasibility_checks(
    c: Commitment,
    opportunity: Opportunity,
    supplier: Supplier,
    limits: Thresholds,
    rules: CheckRules,
) -> list[Check]:
    """A quantity that cannot fit its timescale or the contract: over 100%, after the contract
    ends, more weeks than can be worked in the time, or a start given as the deadline."""
    found: list[Check] = []
    start_words, contract_start = rules.start_words, rules.contract_start

    def flag(check_id: str, level: str, message: str) -> None:
        found.append(
            Check(id=check_id, kind="feasibility", level=level, commitment_id=c.id, message=message)
        )

    if c.unit == "percent" and (c.quantity or 0) > 100:
        flag(
            "over-100-percent",
            "problem",
            f"{c.quantity:g}% is more than all of it: a share cannot be over 100%. Check it.",
        )
    months, length = c.timescale_months, opportunity.duration_months
    if months and length and months > length + AFTER_END_SLACK_MONTHS:
        flag(
            "after-contract-ends",
            "problem",
            f'"{c.timescale}" is after the contract ends '
            f"({opportunity.duration or f'{length:g} months'}). Give a date within the contract.",
        )
    span = span_months(c, opportunity)
    # Over the whole contract, the proportion check has said it (placements).
    if c.unit == "weeks" and c.quantity and span and not (length and span >= length):
        hosts = limits.hosts_by_size.get(supplier.size or "", limits.hosts_unknown_size)
        at_once = c.quantity / (span * WEEKS_PER_MONTH)
        if at_once > hosts:
            flag(
                "weeks-in-time",
                "problem",
                f"{amount(c.quantity, c.unit)} within {span:g} months would need about "
                f"{at_once:.0f} people with you at once. Give the date by which all of it "
                "will be done, or offer fewer weeks.",
            )
    people = people_in(c) if c.unit == "weeks" and c.quantity else None
    if people and span and c.quantity / people > span * WEEKS_PER_MONTH + 1:
        each = c.quantity / people
        flag(
            "weeks-per-person",
            "problem",
            f"{each:,.0f} weeks for "
            f"{'one person' if people == 1 else f'each of {people} people'} cannot fit "
            f"within {span:g} months. "
            "Give the date by which it will be done, or offer fewer weeks.",
        )
    if c.unit == "hours" and c.quantity and span and c.quantity > span * HOURS_PER_MONTH:
        flag(
            "more-hours-than-time",
            "problem",
            f"{amount(c.quantity, c.unit)} is more hours than there are in {span:g} months "
            f"({span * HOURS_PER_MONTH:,.0f}). Check the figure, or say it is across several "
            "rooms or people.",
        )
    words = f" {plain(c.timescale)} "
    for phrase in contract_start:
        words = words.replace(f" {phrase} ", " ")
    gives_deadline = any(f" {word} " in words for word in rules.deadline_words)
    if not gives_deadline and any(f" {word} " in words for word in start_words):
        flag(
            "start-not-deadline",
            "advice",
            f'"{c.timescale}" says when it starts, not when it will be done. Say by when '
            f"all {amount(c.quantity, c.unit)} will be delivered.",
        )
    return found
