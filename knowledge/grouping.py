"""Grouping similar questions, so staff see what people keep asking and how often.

Two questions ask the same thing when their content words (stemmed, misspellings, synonyms
and abbreviations resolved) mostly agree, counting each word by how rare it is among the
questions: "home care" in two questions says little when half of them mention home care,
while "hourly rate" against "approved list" says they differ. Each question joins the group
whose members it is most like, if that is like enough; otherwise it starts a group. Only
questions sharing one of its rarer words are compared, so the work grows with the number of
questions, not its square.
"""

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from knowledge.normalise import content_words, stem

SAME = 0.4  # how alike two questions must be to ask the same thing (0 to 1), see likeness()
SAME_TEXT = 92  # or this close letter by letter (questions of stopwords only, "what now?")
TYPO_LENGTH = 6  # words this long that differ by one edit are one word misspelt
MIN_PART = 3  # "homecare" is "home care"; shorter pieces are not read as words
# The kinds of answer a question may want, found in its words (stopwords included).
ASKING = [
    ("?number", re.compile(r"\bhow many\b|\bnumber of\b")),
    ("?amount", re.compile(r"\bhow much\b|\bcosts?\b|\bprice\b")),
    ("?when", re.compile(r"\bwhen\b|\bdeadline\b|\bdate\b|\bhow long\b|\bhow soon\b")),
    ("?if", re.compile(r"\bwhat if\b|\bwhat happens\b|\bif we (dont|don t|do not|cant|miss)")),
    ("?how", re.compile(r"\bhow (do|can|should|would|to|does)\b|\bprocess\b|\bwhere\b")),
    (
        "?what",
        re.compile(r"^(hi |hello |quick question )*(what is|whats|what s|what are|what does)\b"),
    ),
    (
        "?yes",
        re.compile(
            r"^(hi |hello |quick question )*(is|are|do|does|can|will|must|should|could|would)\b"
        ),
    ),
]
TRUST = 2  # words seen together this often are trusted half as a phrase
COMPARED_MEMBERS = 12  # a group's most asked members stand for it


@dataclass
class QuestionGroup:
    """Questions that ask much the same thing; the most asked one names the group."""

    title: str
    ids: list[int] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    times_asked: int = 0


@dataclass(frozen=True)
class _Question:
    id: int
    text: str
    times: int
    weights: dict[str, float]  # each word's weight in this question
    weight: float
    plain: str


def group_questions(questions: list[tuple[int, str, int]]) -> list[QuestionGroup]:
    """Group (id, text, times asked): most asked questions first name their groups; groups
    come largest first (by times asked), then by their first question's id."""
    groups: list[QuestionGroup] = []
    compared: list[list[_Question]] = []  # each group's members it is compared by
    by_word: dict[str, list[int]] = defaultdict(list)  # word: groups with it
    for item in sorted(_weighed(questions), key=lambda q: (-q.times, q.id)):
        home = _best_group(item, compared, by_word)
        if home is None:
            home = len(groups)
            groups.append(QuestionGroup(title=item.text))
            compared.append([])
        group = groups[home]
        if len(compared[home]) < COMPARED_MEMBERS:
            compared[home].append(item)
            for word in item.weights or {"": 0}:  # "": questions of stopwords only
                if not by_word[word] or by_word[word][-1] != home:
                    by_word[word].append(home)
        group.ids.append(item.id)
        group.questions.append(item.text)
        group.times_asked += item.times
    order = sorted(range(len(groups)), key=lambda i: (-groups[i].times_asked, i))
    return [groups[i] for i in order]


def likeness(a: "_Question", b: "_Question") -> float:
    """How much alike two questions are: the weight they share as a share of the heavier
    one's (what either asks beyond the other keeps them apart)."""
    most = max(a.weight, b.weight)
    if not most:
        return 0.0
    other = b.weights
    return sum(min(w, other[word]) for word, w in a.weights.items() if word in other) / most


def _weighed(questions: list[tuple[int, str, int]]) -> list[_Question]:
    """Each question's words, each weighed by how rare it is among the questions and how
    little the question's rarer words already say it (in "london living wage", "living" and
    "wage" add little once "london" is counted)."""
    words = _words(questions)
    seen = Counter(word for bag in words.values() for word in bag)
    together: Counter[tuple[str, str]] = Counter()
    for bag in words.values():
        together.update(combinations(sorted(bag), 2))
    count = len(questions)
    rarity = {word: math.log((count + 1) / (n + 0.5)) + 1 for word, n in seen.items()}
    result = []
    for qid, text, times in questions:
        weights: dict[str, float] = {}
        for word in sorted(words[qid], key=lambda w: (-rarity[w], w)):
            overlap = max((_overlap(word, v, seen, together) for v in weights), default=0.0)
            weights[word] = rarity[word] * (1 - overlap)
        result.append(
            _Question(qid, text, max(1, times), weights, sum(weights.values()), _plain(text))
        )
    return result


def _overlap(a: str, b: str, seen: Counter, together: Counter) -> float:
    """How far two words come together (the Jaccard index of the questions with them),
    trusted only as far as it has been seen: twice together is weak evidence."""
    both = together[min(a, b), max(a, b)]
    return both / (seen[a] + seen[b] - both) * both / (both + TRUST)


def _plain(text: str) -> str:
    return " ".join(text.lower().split())


def _words(questions: list[tuple[int, str, int]]) -> dict[int, frozenset[str]]:
    """Each question's content words, stemmed, with one-letter slips of long words read as
    the word most questions spell that way ("apprentiships" as "apprenticeships"), words run
    together read apart ("homecare" as "home care"), and what kind of answer it wants."""
    written = {qid: content_words(text) for qid, text, _ in questions}
    vocabulary = {word for words in written.values() for word in words}
    tokens = {
        qid: [stem(part) for word in words for part in _apart(word, vocabulary)]
        for qid, words in written.items()
    }
    spelt = Counter(word for words in tokens.values() for word in set(words))
    canonical = _spellings(spelt)
    return {
        qid: frozenset([*(canonical.get(w, w) for w in tokens[qid]), *_asking(text)])
        for qid, text, _ in questions
    }


def _asking(text: str) -> list[str]:
    """What kind of answer a question wants (a number, a date, a yes or no, a way to do
    something), as marks beside its words: "is the living wage required" and "what is the
    living wage rate" share their subject, not their question."""
    lowered = " ".join(re.findall(r"[a-z]+", text.lower()))
    return [mark for mark, pattern in ASKING if pattern.search(lowered)]


def _apart(word: str, vocabulary: set[str]) -> tuple[str, ...]:
    """A word run together from two that other questions use ("homecare"), read apart."""
    if len(word) >= 2 * MIN_PART:
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            if word[:cut] in vocabulary and word[cut:] in vocabulary:
                return word[:cut], word[cut:]
    return (word,)


def _spellings(spelt: Counter[str]) -> dict[str, str]:
    """Map rarer spellings to a commoner word one edit away, comparing only words of similar
    length that start with the same two letters."""
    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for word, _ in spelt.most_common():
        if len(word) >= TYPO_LENGTH:
            buckets[(word[:2], len(word))].append(word)
    canonical: dict[str, str] = {}
    for word, _ in spelt.most_common():
        if len(word) < TYPO_LENGTH or word in canonical:
            continue
        for length in (len(word) - 1, len(word), len(word) + 1):
            for other in buckets.get((word[:2], length), ()):
                if other == word or spelt[other] < spelt[word] or other in canonical:
                    continue
                if DamerauLevenshtein.distance(word, other, score_cutoff=1) <= 1:
                    canonical[word] = other
                    break
            if word in canonical:
                break
    return canonical


def _best_group(
    item: _Question, compared: list[list[_Question]], by_word: dict[str, list[int]]
) -> int | None:
    """The group whose every compared member is most like this question, if like enough (a
    chain of small steps does not join).

    A question at least SAME like this one shares at least SAME of its weight, so it shares
    one of its heaviest words, those the rest cannot make up for (prefix filtering): only
    groups with one of those are compared.
    """
    if not item.weights:
        for group in by_word.get("", ()):
            if all(fuzz.ratio(item.plain, o.plain) >= SAME_TEXT for o in compared[group]):
                return group
        return None
    best, best_score = None, SAME
    for group in sorted({g for word in _probes(item) for g in by_word.get(word, ())}):
        score = _least_like(item, compared[group], best_score)
        if score >= best_score and (best is None or score > best_score):
            best, best_score = group, score
    return best


def _probes(item: _Question) -> list[str]:
    """The question's heaviest words, until the rest weigh less than SAME of it."""
    rest, probes = item.weight, []
    for word, weight in sorted(item.weights.items(), key=lambda w: -w[1]):
        if rest < SAME * item.weight:
            break
        probes.append(word)
        rest -= weight
    return probes


def _least_like(item: _Question, members: list[_Question], floor: float) -> float:
    """How like the question is to the least like of the members (0 once below `floor`)."""
    score = 1.0
    for other in members:
        if min(item.weight, other.weight) < floor * max(item.weight, other.weight):
            return 0.0  # too different in size to be as alike as that
        score = min(score, likeness(item, other))
        if score < floor:
            return 0.0
    return score
