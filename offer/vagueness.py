"""Checks on what a commitment says: missing parts, vague or placeholder wording, hedges, and
counts with the wrong noun. Words: knowledge/check_rules.yaml; evidence: offer/evidence.py."""

import re

from knowledge.check_rules import CheckRules
from knowledge.vocabulary import amount
from offer.model import Check, Commitment

# Wording that promises nothing a council can score.
HEDGES = re.compile(
    r"\b(seek(?:ing)? to|where(?:ever)? (?:possible|feasible|practicable)|where appropriate|"
    r"as appropriate|if possible|as soon as possible|as and when|subject to|intend(?:ing)? to|"
    r"aim(?:ing)? to|endeavour|try to|hope to|look(?:ing)? to|strive to|we could|we might)\b",
    re.I,
)
# "1 people", "one apprentices"; "3 apprentice", "two person" (not "3 apprentice posts").
_ONE = r"\b(?:1|one|a single)"
_MANY = r"\b(?:[2-9]|[1-9]\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)"
COUNT_SLIPS = (
    re.compile(
        _ONE + r" (people|persons|apprentices|residents|jobs|placements|volunteers)\b", re.I
    ),
    re.compile(
        # One word may come between ("2 careers talk"), but not a length ("a 2 day course");
        # a level or stage is not a count ("a level 2 electrical student").
        r"(?<!level )(?<!stage )(?<!grade )(?<!step )(?<!year )"
        + _MANY
        + r" (?:(?!(?:a|an|the|per|of|times|minute|hour|day|night|week|month|year|session)\b)"
        r"[a-z]+ )?(person|apprentice|resident|volunteer|young person|job|placement|talk|session"
        r"|visit|workshop|event|school|group|pupil|student|course|lesson|tonne|tree)"
        r"(?=\s*$|\s*[,.;:!?)]|\s+(?:and|or|in|at|on|about|for|from|by|with|who|to|each|per|over"
        r"|within|during|a|every)\b)",
        re.I,
    ),
)
# In the description, which keeps the supplier's first words from the chat ("we could take on
# a couple..."), only hedges that take a promise back.
STRONG_HEDGES = re.compile(
    r"\b(subject to|where(?:ever)? (?:possible|feasible|practicable)|if possible|try to|"
    r"endeavour|aim(?:ing)? to|seek(?:ing)? to|strive to|as and when)\b",
    re.I,
)
# Not the description: it keeps the supplier's first words from the chat ("we could...").
FIELDS = {
    "title": "the commitment",
    "delivery": "how you will deliver it",
    "beneficiaries": "who benefits",
    "evidence": "the evidence",
}
WORD = re.compile(r"[a-z0-9]+")


def plain(text: str | None) -> str:
    """Lower case, words only, single spaces: how the rules compare text."""
    return " ".join(WORD.findall((text or "").lower()))


def _without_we_will(text: str) -> str:
    return re.sub(r"^(we will|we ll|we shall|we would|we can|to) ", "", text)


def is_placeholder(text: str | None, rules: CheckRules) -> bool:
    """Whether a field says only a placeholder ("the community", "TBC", "we will report")."""
    words = plain(text)
    return bool(words) and (
        words in rules.placeholders or _without_we_will(words) in rules.placeholders
    )


def unfinished(text: str | None, rules: CheckRules) -> str | None:
    """A word that leaves the field unfinished ("TBC", "various"), if there is one."""
    words = f" {plain(text)} "
    return next((w for w in rules.unfinished if f" {w} " in words), None)


def is_generic_title(title: str | None, rules: CheckRules) -> bool:
    """A title that promises nothing measurable ("We will support the community")."""
    words = _without_we_will(plain(title))
    return any(re.fullmatch(pattern, words) for pattern in rules.generic_titles)


def count_slip(text: str | None) -> str | None:
    """A count whose noun disagrees with it ("1 people"), if there is one."""
    for pattern in COUNT_SLIPS:
        match = pattern.search(text or "")
        if match:
            return match.group(0)
    return None


def _missing(c: Commitment) -> list[tuple[str, str]]:
    parts = [
        (c.quantity, "missing-quantity", "Say how many or how much, as a number."),
        (c.unit, "missing-unit", "Say what you are counting: people, hours, weeks or pounds."),
        (c.timescale, "missing-date", "Say by when you will deliver it."),
        (c.beneficiaries, "missing-beneficiaries", "Say who will benefit."),
    ]
    return [(check_id, message) for value, check_id, message in parts if not value]


def _field_faults(name: str, text: str | None, rules: CheckRules) -> list[tuple[str, str, str]]:
    """(id, level, message) for each fault in one field."""
    part = FIELDS[name]
    if name != "title" and is_placeholder(text, rules):
        return [
            (
                f"placeholder-{name}",
                "problem",
                f'"{(text or "").strip()}" is too general for {part}. {_PLACEHOLDER_FIX[name]}',
            )
        ]
    faults = []
    word = unfinished(text, rules)
    if word:
        shown = word.upper() if len(word) <= 3 else word
        faults.append(
            (
                f"unfinished-{name}",
                "problem",
                f'"{shown}" in {part} leaves it unfinished. Say it in full before you submit.',
            )
        )
    said = f" {plain(text)} "
    padding = next((f for f in rules.filler if f" {f} " in said), None)
    if padding and name != "title":
        faults.append(
            (
                f"filler-{name}",
                "advice",
                f'"{padding}" in {part} says nothing the council can check. '
                + _PLACEHOLDER_FIX.get(name, ""),
            )
        )
    everyone = next((w for w in rules.everyone if f" {w} " in said), None)
    if everyone and name == "beneficiaries":
        faults.append(
            (
                "everyone-benefits",
                "advice",
                f'"{everyone}" makes it sound as if everyone benefits. Say who this is really '
                "for: councils score a clear group higher.",
            )
        )
    hedge = HEDGES.search(text or "")
    if hedge:
        faults.append(
            (
                "vague-wording",
                "problem",
                f'"{hedge.group(0)}" promises nothing the council can score. '
                "Say what you will do, how much and by when.",
            )
        )
    slip = count_slip(text)
    if slip:
        faults.append(
            (
                "count-noun",
                "advice",
                f'"{slip}" reads as a mistake: the number and the word after it do not agree. '
                "Check the number you mean.",
            )
        )
    return faults


def counted_as_people(c: Commitment, rules: CheckRules) -> str | None:
    """The words that count people with the commitment's number, when it counts something
    else ("30 pupils" for 30 sessions)."""
    if not c.quantity or c.unit in (None, "people"):
        return None
    number = f"{c.quantity:,.0f}".replace(",", ",?")
    nouns = "|".join(re.escape(n) for n in sorted(rules.people_nouns, key=len, reverse=True))
    text = " ".join(filter(None, (c.title, c.description)))
    found = re.search(rf"\b{number} ((?:[a-z-]+ )?(?:{nouns}))\b", text, re.I)
    return found.group(0) if found else None


def vague_checks(c: Commitment, rules: CheckRules) -> list[Check]:
    """Missing parts, placeholders, hedges and count slips: one check per fault found."""
    faults = [(check_id, "problem", message) for check_id, message in _missing(c)]
    if is_generic_title(c.title, rules):
        faults.append(
            (
                "generic-commitment",
                "problem",
                f'"{c.title}" does not say what you will do. Name the activity and who it is '
                'for, for example "Weekly lunch club for 20 older residents".',
            )
        )
    for name in FIELDS:
        faults += _field_faults(name, getattr(c, name), rules)
    hedge = STRONG_HEDGES.search(c.description or "")
    if hedge and not any(check_id == "vague-wording" for check_id, _, _ in faults):
        faults.append(
            (
                "vague-wording",
                "problem",
                f'"{hedge.group(0)}" takes the promise back. Say what you will do, how much and '
                "by when.",
            )
        )
    other = counted_as_people(c, rules)
    if other:
        faults.append(
            (
                "count-unit",
                "advice",
                f'You count {amount(c.quantity, c.unit)}, but the text says "{other}". Say '
                "which you are promising, and count that.",
            )
        )
    slip = count_slip(c.description)
    if slip and not any(check_id == "count-noun" for check_id, _, _ in faults):
        faults.append(
            (
                "count-noun",
                "advice",
                f'"{slip}" reads as a mistake: the number and the word after it do not agree. '
                "Check the number you mean.",
            )
        )
    return [
        Check(id=check_id, kind="vague", level=level, commitment_id=c.id, message=message)
        for check_id, level, message in faults
    ]


_PLACEHOLDER_FIX = {
    "delivery": "Say who will do it, how and how often.",
    "beneficiaries": 'Say which people, and where: for example "young people leaving care" '
    'or "older residents who live alone".',
    "evidence": "Name the records you will send the council, such as payroll records, "
    "invoices or attendance registers.",
}
