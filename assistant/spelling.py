"""Words put right before an answer is read: one slip (a letter missed, added, changed or two
swapped) in a longer word the readers know ("monhts", "apprentcie", "contarct"), the first
letter kept, as the knowledge base puts right its own words."""

import re
from collections.abc import Sequence

from rapidfuzz import distance

# Shorter words are left alone: one slip from a three-letter word is too often another word.
SHORTEST = 4
# Real words one slip from a word the readers know, never "put right".
REAL_WORDS = frozenset(["weeds", "mouth", "ever", "even", "oven", "hoursly", "overs"])


def spelt_right(text: str, vocabulary: Sequence[str], swaps_only_below: int = 0) -> str:
    """The text, lower case, with each word one slip from a word of `vocabulary` put right
    (the first in its order that is). Words shorter than `swaps_only_below` letters are put
    right only for two letters swapped ("ovre"), since one letter more or less is often
    another word ("week", "weeks")."""
    known = frozenset(vocabulary)

    def right(found: re.Match) -> str:
        word = found.group(0)
        if len(word) < SHORTEST or word in known or word in REAL_WORDS:
            return word
        swaps_only = len(word) < swaps_only_below
        for candidate in vocabulary:
            if candidate[0] != word[0] or abs(len(candidate) - len(word)) > 1:
                continue
            if swaps_only and sorted(candidate) != sorted(word):
                continue
            if distance.OSA.distance(word, candidate) == 1:
                return candidate
        return word

    return re.sub(r"[a-z]+", right, text.lower())
