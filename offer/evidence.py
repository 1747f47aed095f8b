"""Checks on a commitment's evidence: none, or evidence that would not prove the measure,
judged against the measure's own evidence list and what it counts, never by length ("Payslips"
proves pay). Kinds of evidence: knowledge/check_rules.yaml."""

import re

from rapidfuzz import fuzz, process

from knowledge.check_rules import CheckRules
from knowledge.packs import Measure
from offer.model import Check, Commitment
from offer.vagueness import WORD, is_placeholder, plain

# A word this close to an evidence word is read as it (typed in a hurry: "invoces", "certifcate").
TYPO_SCORE = 85
MIN_FUZZY = 6
STOP = {"the", "and", "with", "from", "each", "their", "your", "our", "for", "of", "a", "an"}


def _spelled(text: str, rules: CheckRules) -> str:
    """The text with each misspelt evidence word as it is spelt ("invoces" is "invoices")."""
    known = rules.evidence_words
    words = []
    for word in plain(text).split():
        if len(word) >= MIN_FUZZY and word not in known:
            found = process.extractOne(word, known, scorer=fuzz.ratio, score_cutoff=TYPO_SCORE)
            word = found[0] if found else word
        words.append(word)
    return " ".join(words)


def _kinds(text: str, rules: CheckRules) -> set[str]:
    """The kinds of evidence a text names, the longest names first ("vehicle logs" is a
    vehicle record, not a log of hours; a "food bank" is not a bank)."""
    words, found = f" {_spelled(text, rules)} ", set()
    for name in sorted(map(plain, rules.not_evidence), key=len, reverse=True):
        words = words.replace(f" {name} ", " | ")
    for name, kinds in _evidence_names(rules):
        if f" {name} " in words:
            found |= kinds
            words = words.replace(f" {name} ", " | ")
    return found


def _evidence_names(rules: CheckRules) -> list[tuple[str, set[str]]]:
    """Each name of evidence, and its plural, with every kind it names, longest first."""
    kinds: dict[str, set[str]] = {}
    for kind, names in rules.evidence_kinds.items():
        for name in map(plain, names):
            kinds.setdefault(name, set()).add(kind)
            if not name.endswith("s"):  # "signed receipts" as well as "signed receipt"
                kinds.setdefault(f"{name}s", set()).add(kind)
    return sorted(kinds.items(), key=lambda pair: -len(pair[0]))


LIST_BREAK = re.compile(r",|;|\+|&|/| and | plus ")
# What a piece of evidence is comes before what it is of or for: "photos of our apprentice" are
# photos, "DBS certificates for each new starter" are certificates.
HEAD_BREAK = re.compile(r" (?:of|from|showing|posted|for|about) ", re.I)


def _named(part: str, rules: CheckRules) -> set[str]:
    """The kinds one piece of evidence is: those its head names ("photos" in "photos of the
    apprentice"), or, when the head names none ("copies of certificates"), those it names."""
    head = HEAD_BREAK.split(f" {part.strip()} ", maxsplit=1)[0]
    return _kinds(head, rules) or _kinds(part, rules)


def _stems(text: str) -> set[str]:
    return {w.rstrip("s")[:6] for w in WORD.findall(text.lower()) if len(w) > 3 and w not in STOP}


def proves(evidence: str, measure: Measure, rules: CheckRules) -> bool:
    """Whether this evidence is the kind the measure asks for: a kind of evidence its own list
    names or that proves what it counts, or a word of its list. "Payslips" proves pay as well
    as "payroll records" does; "fuel receipts" prove no apprenticeship."""
    listed = " / ".join(measure.evidence)
    wanted = _kinds(listed, rules) | set(
        rules.accepted.get(measure.draws_on) or rules.accepted.get(measure.unit) or ()
    )
    wanted -= set(rules.cannot_count.get(measure.unit, ()))
    promises = set(rules.promises_only) - wanted
    named: set[str] = set()
    for part in LIST_BREAK.split(evidence):
        kinds = _named(part, rules)
        # Terms, a policy or a brochure say what should happen, or could, not that it did,
        # whatever they are about ("the HVO brochure showing lower CO2").
        named |= set() if kinds & promises else kinds
        named |= kinds & promises
    if named and named <= promises:
        return False
    if named:  # it names what it is: that decides, not a word it shares with the list
        return bool(named & wanted)
    return bool(_stems(evidence) & _stems(listed))


def evidence_checks(c: Commitment, measure: Measure | None, rules: CheckRules) -> list[Check]:
    """No evidence, evidence that would hand over people's personal details, or evidence that
    would not prove this measure."""
    if not c.evidence or not c.evidence.strip():
        return [
            Check(
                id="missing-evidence",
                kind="evidence",
                level="problem",
                commitment_id=c.id,
                message="Say how you will show the council that it happened.",
            )
        ]
    personal = re.search(rules.personal_details, c.evidence.lower())
    if personal:
        return [
            Check(
                id="personal-details",
                kind="evidence",
                level="advice",
                commitment_id=c.id,
                message=f"Do not send the council people's {personal.group(0)}: keep them "
                "yourself, and show counts, dates and records with names hidden instead.",
            )
        ]
    if measure is None or is_placeholder(c.evidence, rules) or proves(c.evidence, measure, rules):
        return []
    usual = "; ".join(e[0].lower() + e[1:] for e in measure.evidence)
    return [
        Check(
            id="evidence-mismatch",
            kind="evidence",
            level="advice",
            commitment_id=c.id,
            message=f'"{c.evidence.strip()}" would not show the council that this happened. '
            f'For "{measure.title}", councils usually ask for: {usual}.',
        )
    ]
