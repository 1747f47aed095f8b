"""What a council evaluator would mark down in a written response: txt-speak, names and places
in the wrong case, sentences in lower case or without a verb, counts that disagree with their
noun, and sentences said twice."""

import re

from knowledge.packs import CouncilPack
from knowledge.wording import load_wording
from offer.prose import has_verb

TXT_SPEAK = {
    "ppl", "esp", "yr", "yrs", "mth", "mths", "qtrly", "approx", "mgr", "thru", "b4", "pls",
    "lol", "u", "ur", "govt", "w/", "w/o", "tho", "coz", "cos", "asap", "yo", "wk", "wks",
}  # fmt: skip
NUMBERS = r"(?:[2-9]|\d{2,}|two|three|four|five|six|seven|eight|nine|ten)"
SINGULAR = r"(?:person|session|organisation|event|item)"
PLURAL = r"(?:people|sessions|organisations|events|items|weeks|hours|tonnes|apprentices)"
DISAGREE = re.compile(rf"\b(?:{NUMBERS} {SINGULAR}\b(?![-\w])|(?:1|one) {PLURAL}\b)", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    """The response's sentences, headings left out (a heading has no full stop)."""
    found = []
    for block in text.split("\n\n"):
        lines = block.strip().split("\n")
        body = " ".join(lines[1:] if len(lines) > 1 else lines)
        found += [s for s in _SENTENCE.split(body) if s]
    return found


def _sentence_faults(said: str, nouns: list[str]) -> list[str]:
    found = []
    if said[:1].islower():
        found.append(f"starts in lower case: {said}")
    if not has_verb(said):
        found.append(f"no verb: {said}")
    words = re.findall(r"(?<![\w/])[\w/]+", said.lower())
    found += [f"txt-speak {word!r}: {said}" for word in words if word in TXT_SPEAK]
    if match := DISAGREE.search(said):
        found.append(f"count and noun disagree {match.group()!r}: {said}")
    for noun in nouns:
        for match in re.finditer(rf"(?<![\w'’]){re.escape(noun)}(?![\w'’])", said, re.I):
            written = match.group()
            first = match.start() == 0 and written == noun[0].upper() + noun[1:]
            if written != noun and not written.isupper() and not first:
                found.append(f"{noun!r} written {written!r}: {said}")
    return found


def faults(text: str, pack: CouncilPack) -> list[str]:
    """Everything in the response an evaluator would mark down, each said in a line."""
    nouns = [*load_wording().proper_nouns, *pack.local_area.places]
    said = sentences(text)
    found = [fault for sentence in said for fault in _sentence_faults(sentence, nouns)]
    counted = {s: said.count(s) for s in said}
    return found + [f"said {n} times: {s}" for s, n in counted.items() if n > 1]
