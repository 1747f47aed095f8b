"""What a person reads on a page, and what must never be in it: markup shown as text, a code
of the service's vocabulary or a council's content, a number written as a float ("52.0"), or
another council's places."""

import re

from knowledge.packs import load_packs
from knowledge.vocabulary import CLASSIFICATIONS, ORGANISATION_TYPES, UNIT_LABELS

PACKS = load_packs()
FLOAT = re.compile(r"(?<![\d.])\d[\d,]*\.0(?![\d.])")
# Each council's own places, as its content names them; no other council's pages may show them.
PLACES = {
    "tower-hamlets": ["Tower Hamlets", "Bow", "Mile End", "WorkPath", "Whitechapel", "Poplar"],
    "suffolk": ["Suffolk", "Stowmarket", "Ipswich"],
    "sandwell": ["Sandwell", "Tipton", "Wednesbury", "Smethwick", "Oldbury", "West Bromwich"],
}


def codes(council: str) -> set[str]:
    """The hyphenated codes people must never read: the vocabulary's and the council pack's."""
    pack = PACKS[council]
    found = {code for code in [*ORGANISATION_TYPES, *CLASSIFICATIONS, *UNIT_LABELS] if "-" in code}
    for theme in pack.themes:
        found.add(theme.id)
        for outcome in theme.outcomes:
            found |= {outcome.id, *(measure.id for measure in outcome.measures)}
    return {code for code in found if "-" in code}


def faults(text: str, council_codes: set[str], council: str | None = None) -> list[str]:
    """What is wrong with the text a person reads."""
    found = ["<span"] if "<span" in text else []
    found += [
        code
        for code in sorted(council_codes)
        if re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text)
    ]
    found += FLOAT.findall(text)
    if council:
        others = [p for other, places in PLACES.items() if other != council for p in places]
        found += [p for p in others if re.search(rf"\b{re.escape(p)}\b", text)]
    return found
