"""A fuzzy index over short phrasings: typo-tolerant, IDF-weighted, scored with rapidfuzz.

Both the question matcher and the measure suggester use it. Each document (an entry or a
measure) has several phrasings and some context text (an answer, a description). A query is
scored against every phrasing that shares a word with it: how much of the query the phrasing
covers, how much of the phrasing the query covers, and rapidfuzz's token_sort_ratio. The
document's score blends its best phrasing with how much of the query its whole text covers.
"""

import math
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from knowledge.normalise import content_tokens, content_words, stem

TYPO_MIN_LENGTH = 4
# One edit or one swap of neighbouring letters in a five-letter word is still a match.
TYPO_MIN_SIMILARITY = 0.79  # 0.8 exactly is missed by rapidfuzz's cut-off rounding


def _real_word_swap(word: str, known: str) -> bool:
    """True for one changed letter in a short word ("lovely"/"lonely"): likely both real words.

    Swapped, missing or extra letters ("lcoal", "socal") are still corrected.
    """
    return len(word) <= 6 and len(known) == len(word) and sorted(known) != sorted(word)


@dataclass(frozen=True)
class Document:
    """What a document is matched on: phrasings, and context text that only adds coverage."""

    phrasings: list[str]
    context: str = ""


@dataclass(frozen=True)
class Weights:
    """How the parts of a score combine: the first three sum to 1; `document` blends in."""

    query_coverage: float = 0.5
    phrasing_coverage: float = 0.2
    fuzzy: float = 0.3
    document: float = 0.3


@dataclass(frozen=True)
class Hit:
    """A document's score for a query, with the phrasing that scored best."""

    doc_id: str
    score: float
    phrasing: str


@dataclass(frozen=True)
class _Phrasing:
    doc_id: str
    text: str
    tokens: frozenset[str]
    joined: str
    weight: float


class FuzzyIndex:
    """Pre-processes every phrasing once; answers queries with ranked documents."""

    def __init__(self, documents: dict[str, Document], weights: Weights | None = None):
        self.weights = weights or Weights()
        phrasing_tokens = {
            (doc_id, text): frozenset(content_tokens(text))
            for doc_id, document in documents.items()
            for text in document.phrasings
        }
        self._bags = {
            doc_id: frozenset(content_tokens(document.context)).union(
                *(phrasing_tokens[(doc_id, text)] for text in document.phrasings)
            )
            for doc_id, document in documents.items()
        }
        doc_frequency: dict[str, int] = defaultdict(int)
        for tokens in phrasing_tokens.values():
            for token in tokens:
                doc_frequency[token] += 1
        for bag in self._bags.values():
            for token in bag:
                doc_frequency.setdefault(token, 1)
        total = max(len(phrasing_tokens), 1)
        self._idf = {t: math.log(1 + total / n) for t, n in doc_frequency.items()}
        self._unknown_idf = math.log(1 + total)
        # Typos are corrected against whole words, before stemming cuts their endings off.
        self._surface = {
            word: stem(word)
            for document in documents.values()
            for text in [*document.phrasings, document.context]
            for word in content_words(text)
        }
        self._vocabulary = sorted(self._surface)
        self._phrasings: list[_Phrasing] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        for (doc_id, text), tokens in phrasing_tokens.items():
            if tokens:
                self._add_phrasing(
                    _Phrasing(doc_id, text, tokens, " ".join(sorted(tokens)), self._weigh(tokens))
                )

    def _add_phrasing(self, phrasing: _Phrasing) -> None:
        position = len(self._phrasings)
        self._phrasings.append(phrasing)
        for token in phrasing.tokens:
            self._postings[token].append(position)

    def _weigh(self, tokens: frozenset[str]) -> float:
        return sum(self._idf.get(t, self._unknown_idf) for t in tokens)

    def correct(self, word: str) -> str:
        """The stemmed token of the known word a (possibly misspelt) word most likely means."""
        token = stem(word)
        if token in self._idf or len(word) < TYPO_MIN_LENGTH or word.isdigit():
            return token
        match = process.extractOne(
            word,
            self._vocabulary,
            scorer=DamerauLevenshtein.normalized_similarity,
            score_cutoff=TYPO_MIN_SIMILARITY,
        )
        if not match or _real_word_swap(word, match[0]):
            return token
        return self._surface[match[0]]

    def query_tokens(self, text: str) -> frozenset[str]:
        """The query's content tokens after typo correction."""
        return frozenset(self.correct(word) for word in content_words(text))

    def search(self, text: str, limit: int = 5) -> list[Hit]:
        """The best-scoring documents for a query, best first (scores 0 to 100)."""
        tokens = self.query_tokens(text)
        candidates = {p for t in tokens for p in self._postings.get(t, ())}
        if not candidates:
            return []
        query_weight = self._weigh(tokens)
        joined = " ".join(sorted(tokens))
        w = self.weights
        best: dict[str, tuple[float, str]] = {}
        for position in sorted(candidates):
            phrasing = self._phrasings[position]
            shared = self._weigh(tokens & phrasing.tokens)
            score = 100 * (
                w.query_coverage * shared / query_weight
                + w.phrasing_coverage * shared / phrasing.weight
            ) + w.fuzzy * fuzz.token_sort_ratio(joined, phrasing.joined)
            if score > best.get(phrasing.doc_id, (-1.0, ""))[0]:
                best[phrasing.doc_id] = (score, phrasing.text)
        hits = []
        for doc_id, (phrasing_score, phrasing_text) in best.items():
            coverage = self._weigh(tokens & self._bags[doc_id]) / query_weight
            score = (1 - w.document) * phrasing_score + w.document * 100 * coverage
            hits.append(Hit(doc_id, round(score, 2), phrasing_text))
        # Equal scores (the same content words): the phrasing closest to the words as typed,
        # the small ones included ("now", "how much"), comes first.
        typed = text.lower()
        return sorted(hits, key=lambda h: (-h.score, -fuzz.ratio(typed, h.phrasing.lower())))[
            :limit
        ]
