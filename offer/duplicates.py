"""Two commitments counting the same thing: the same measure or title, or, by what they say,
the same amount of the same thing under two measures, or apprentices counted again as jobs."""

import re

from rapidfuzz import fuzz

from knowledge.packs import CouncilPack
from knowledge.vocabulary import amount
from offer.model import Check, Commitment

# Two commitments of the same amount whose words are this alike (rapidfuzz token set ratio)
# count the same thing ("£30,000 of orders from Rowley Growers", twice).
SAME_WORDING = 70
# A name: two or more capitalised words, perhaps joined by "of", "and" or "the"; or one word
# with a capital inside it ("WorkPath").
NAME = re.compile(
    r"\b[A-Z][\w'’-]+(?:[ ]+(?:(?:of|and|the|&)[ ]+)?[A-Z][\w'’-]+)+|\b[A-Z][a-z]+[A-Z][a-z]\w*"
)


def duplicate_checks(commitments: list[Commitment], pack: CouncilPack) -> list[Check]:
    """Two commitments counting the same thing: the same measure or title (a problem); or, by
    what they say, the same amount of the same thing, or apprentices counted again as jobs
    (advice: the supplier knows whether they are the same)."""
    found: list[Check] = []
    seen: dict[str, str] = {}
    for commitment in commitments:
        key = commitment.measure_id or " ".join(commitment.title.lower().split())
        if key in seen:
            found.append(
                Check(
                    id="duplicate",
                    kind="duplicate",
                    level="problem",
                    commitment_id=commitment.id,
                    message=f'This counts the same thing as "{seen[key]}". Combine them, or '
                    "remove one, so nothing is counted twice.",
                )
            )
            continue
        seen[key] = commitment.title
        earlier = next(
            (e for e in commitments[: commitments.index(commitment)] if _same(e, commitment, pack)),
            None,
        )
        if earlier:
            found.append(
                Check(
                    id="counted-twice",
                    kind="duplicate",
                    level="advice",
                    commitment_id=commitment.id,
                    message=f'This looks like the same {_what(commitment)} as "{earlier.title}". '
                    "If it is, count it once: evaluators take off marks for counting twice.",
                )
            )
    return found


def _said(c: Commitment) -> str:
    return " ".join(filter(None, (c.title, c.description, c.delivery, c.beneficiaries, c.partners)))


def _same(a: Commitment, b: Commitment, pack: CouncilPack) -> bool:
    """By what they say, two commitments count the same thing."""
    if a.unit == b.unit and a.unit != "percent" and a.quantity and a.quantity == b.quantity > 1:
        alike = fuzz.token_set_ratio(_said(a), _said(b)) >= SAME_WORDING
        # The same number of new jobs under two job measures is the same jobs, counted twice.
        jobs = _draws_on(a, pack) == _draws_on(b, pack) == "hires"
        return alike or jobs or bool(_names(a, pack) & _names(b, pack))
    if _hours_in_sessions(a, b) or _hours_in_sessions(b, a):
        return bool(_names(a, pack) & _names(b, pack))
    draws = {c.id: _draws_on(c, pack) for c in (a, b)}
    placements = next((c for c in (a, b) if draws[c.id] == "placements"), None)
    people = next((c for c in (a, b) if c is not placements and c.unit == "people"), None)
    # Apprentices counted again: as new jobs, or as the qualifications their apprenticeship
    # gives them ("6 NVQs through our apprenticeship programme").
    return (
        placements is not None
        and people is not None
        and "apprentice" in _said(placements).lower()
        and "apprentice" in _said(people).lower()
    )


def _hours_in_sessions(hours: Commitment, sessions: Commitment) -> bool:
    """The hours are the sessions times the hours each lasts ("50 sessions, about 3 hours
    each" and 150 hours)."""
    if hours.unit != "hours" or sessions.unit != "sessions":
        return False
    if not hours.quantity or not sessions.quantity:
        return False
    lasting = SESSION_HOURS.search(_said(sessions).lower())
    return (
        bool(lasting)
        and abs(sessions.quantity * float(lasting.group(1)) - hours.quantity)
        <= 0.05 * hours.quantity
    )


SESSION_HOURS = re.compile(r"(\d+(?:\.\d+)?) hours? (?:each|a session|per session|long)\b")


def _draws_on(c: Commitment, pack: CouncilPack) -> str:
    measure = pack.measure(c.measure_id)
    return measure.draws_on if measure else "none"


def _names(c: Commitment, pack: CouncilPack) -> set[str]:
    """The names a commitment gives (two or more capitalised words: "Suffolk Wildlife Trust"),
    other than the council's own places."""
    places = {p.lower() for p in pack.local_area.places} | {
        pack.identity.name.lower(),
        pack.identity.short_name.lower(),
    }
    fields = (c.title, c.description, c.delivery, c.beneficiaries, c.partners)
    # Each field on its own, its first letter small ("Small Suffolk farms" names nothing).
    said = " | ".join(f[:1].lower() + f[1:] for f in fields if f)
    found = {m.group(0).lower() for m in NAME.finditer(said)}
    return {n for n in found if n not in places and not n.startswith(("our ", "we "))}


def _what(c: Commitment) -> str:
    if c.unit == "people":
        return "people"
    return amount(c.quantity, c.unit) if c.quantity else "thing"
