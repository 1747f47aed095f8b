"""Tidy wording: suggested changes to a supplier's own typing, each to accept or reject.

Suggestions cover chat ("lol"), hedges ("prob", "try to"), proper nouns and places in the
wrong case, a first name where a role will do, shorthand ("ppl", "w/", "+") and spelling
(a dictionary that ships with pyspellchecker, plus the council's and knowledge base's own
words). Nothing is ever changed without the supplier's say, and a figure, a date or a claim is
never touched: no suggestion covers a digit.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from spellchecker import SpellChecker

from knowledge.wording import Wording

Kind = Literal["chat", "hedge", "capitals", "name", "shorthand", "spelling", "grammar"]
MAX_SPELLING_LOOKUPS = 80  # unknown words looked up per text: about 1 ms each
_WORD = re.compile(r"(?<![\w/'’])(?:w/o|w/|b4|[A-Za-z][A-Za-z'’]*)(?![\w'’])|(?<=\s)[&+](?=\s)")
_SENTENCE_END = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
_SHOUTING = re.compile(r"\b[A-Z][A-Z'’]+(?:[ ,]+[A-Z][A-Z'’]*){2,}\b")
_ARTICLE = re.compile(r"\b(an?)\s+([A-Za-z][a-z]+)\b", re.I)
_WILL_BEFORE = re.compile(r"\b(?:will|shall|['’]ll)\s+$", re.I)
_SAINT = re.compile(r"\b(?:st|saint)\.?\s+$", re.I)

REASONS = {
    "chat": "This reads as a chat message or voice typing, not a bid.",
    "hedge": "This makes the commitment sound unsure. Say what you will do.",
    "capitals": "Names and places start with a capital letter; other words do not.",
    "name": "A written bid names the role, not the person, unless you want to keep the name.",
    "shorthand": "Shorthand reads better written out in full.",
    "spelling": "This may be misspelt.",
    "grammar": "This may be the wrong word here: “an” before a vowel sound (an electric van), "
    "“their” for what belongs to them (their own homes).",
}


@dataclass(frozen=True)
class Suggestion:
    """One change to suggest: which characters, what instead, and why."""

    kind: Kind
    start: int
    end: int
    original: str
    replacement: str

    @property
    def reason(self) -> str:
        """Why it is suggested, in plain English."""
        return REASONS[self.kind]

    @property
    def key(self) -> str:
        """Which suggestion this is, within its text."""
        return f"{self.start}-{self.end}"


@cache
def _dictionary() -> SpellChecker:
    return SpellChecker(language="en", distance=1)


def everyday(word: str) -> bool:
    """Whether a word is an everyday one, not a name: the dictionary knows it, its American
    spelling, its singular, or the two words it runs together ("timesheets")."""
    lower = re.sub(r"['’]s?$", "", word.lower())
    american = re.sub(r"is(e|ed|es|ing|ation|ations)$", r"iz\1", lower).replace("our", "or")
    forms = {lower, american, lower[:-1] if lower.endswith("s") else lower}
    return bool(_dictionary().known(forms)) or _compound(lower)


def _phrases(words: Iterable[str]) -> re.Pattern[str] | None:
    """Any of the words or phrases, as whole words; marks like "!!" wherever they are."""
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    if not ordered:
        return None
    wordy = "|".join(re.escape(w) for w in ordered if re.search(r"\w", w))
    marks = "|".join(re.escape(w) for w in ordered if not re.search(r"\w", w))
    either = [
        f"(?<![\\w'’])(?:{wordy})(?![\\w'’])" if wordy else "",
        f"(?:{marks})" if marks else "",
    ]
    return re.compile("|".join(p for p in either if p), re.I)


def _at_sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[:start]))


def _like(original: str, replacement: str) -> str:
    """The replacement with the original's first capital."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class Tidier:
    """Suggests changes to free text, from the wording lists and a council's places."""

    def __init__(self, wording: Wording, places: Iterable[str] = (), known: Iterable[str] = ()):
        self.wording = wording
        self.shorthand = {k.lower(): v for k, v in wording.shorthand.items()}
        self.hedges = {k.lower(): v for k, v in wording.hedges.items()}
        self.nouns = {n.lower(): n for n in [*wording.proper_nouns, *places]}
        self.acronyms = {n for n in self.nouns.values() if n.isupper()}
        self.roles = {r.lower() for r in wording.roles}
        self.names = {n.lower() for n in wording.first_names}
        self.known = {w.lower() for w in known} | set(self.nouns) | set(self.shorthand)
        self._chat = _phrases(wording.informal)
        self._hedge = _phrases(self.hedges)
        self._noun = _phrases(self.nouns)
        self.american = {k.lower(): v for k, v in wording.american.items()}
        self.dictation = {k.lower(): v for k, v in wording.dictation.items()}
        self._dictated = _phrases(self.dictation)
        self._their = re.compile(
            rf"\b(there)\s+(?:{'|'.join(map(re.escape, wording.their_before))})\b", re.I
        )
        _dictionary()  # loaded now (about 0.1 s), not during someone's request

    def suggest(self, text: str) -> list[Suggestion]:
        """Every suggestion for the text, in order, none overlapping another."""
        found = _Found(text)
        for match in _SHOUTING.finditer(text):
            self._shouting(found, match)
        self._grammar(found)
        for kind, pattern in (("chat", self._chat), ("hedge", self._hedge)):
            for match in pattern.finditer(text) if pattern else ():
                instead = "" if kind == "chat" else self.hedges[match.group().lower()]
                if _WILL_BEFORE.search(text[: match.start()]):
                    instead = ""  # "we will try to" is "we will"
                found.add(kind, *_replace_span(text, match.start(), match.end(), instead))
        for match in self._noun.finditer(text) if self._noun else ():
            self._capitals(found, match)
        for match in _WORD.finditer(text):
            self._word(found, match)
        return sorted(found.suggestions, key=lambda s: s.start)

    def _grammar(self, found: "_Found") -> None:
        """Said-aloud punctuation, "there" for "their", "!", and "a" or "an"."""
        text = found.text
        for match in self._dictated.finditer(text) if self._dictated else ():
            said = self.dictation[match.group().lower()]
            start = match.start() - len(re.search(r"\s*$", text[: match.start()]).group())
            found.add("chat", start, match.end(), said)  # "home full stop we" is "home. we"
        for match in self._their.finditer(text):
            found.add("grammar", match.start(1), match.end(1), _like(match.group(1), "their"))
        for match in re.finditer(r"(?<=\w)!+(?=\s|$)", text):
            found.add("chat", match.start(), match.end(), ".")
        for match in _ARTICLE.finditer(text):
            article, word = match.group(1), match.group(2)
            wanted = "an" if _vowel_sound(word) else "a"
            if article.lower() != wanted and not word.isupper():
                found.add("grammar", match.start(1), match.end(1), _like(article, wanted))

    def _shouting(self, found: "_Found", match: re.Match[str]) -> None:
        """Three or more words in capitals read as shouting: in lower case, with the capitals
        a name, a place or a sentence's first word needs."""
        words = match.group().split()
        if sum(w.strip(",") not in self.acronyms for w in words) < 3:
            return
        calm = match.group().lower()
        if self._noun:
            calm = self._noun.sub(lambda m: self.nouns[m.group().lower()], calm)
        calm = re.sub(r"\b(i)\b", "I", calm)
        if _at_sentence_start(found.text, match.start()):
            calm = calm[0].upper() + calm[1:]
        found.add("capitals", match.start(), match.end(), calm)

    def _capitals(self, found: "_Found", match: re.Match[str]) -> None:
        original = match.group()
        wanted = self.nouns[original.lower()]
        if original.isupper() and not wanted.isupper():
            return  # capitals throughout are the writer's choice
        if _at_sentence_start(found.text, match.start()):
            wanted = wanted[:1].upper() + wanted[1:]
        found.add("capitals", match.start(), match.end(), wanted)

    def _word(self, found: "_Found", match: re.Match[str]) -> None:
        text, word, start, end = found.text, match.group(), match.start(), match.end()
        lower = word.lower()
        if lower in self.names and not _SAINT.search(text[:start]):
            previous = re.search(r"([A-Za-z-]+)\s+$", text[:start])
            if previous and previous.group(1).lower() in self.roles:
                found.add("name", previous.end(1), end, "")
            else:
                team = "One of our team" if _at_sentence_start(text, start) else "one of our team"
                found.add("name", start, end, team)
        elif lower in self.shorthand:
            found.add("shorthand", start, end, _like(word, self.shorthand[lower]))
        elif lower in self.american:
            found.add("spelling", start, end, _like(word, self.american[lower]))
        elif word == "i" or re.fullmatch(r"i['’](?:m|ll|ve|d)", word):
            found.add("capitals", start, end, "I" + word[1:])
        elif self._may_be_misspelt(found, word, start):
            found.lookups += 1
            if better := _likely_spelling(word.lower()):
                better = self.nouns.get(better, better)  # "saterday" is "Saturday"
                found.add("spelling", start, end, _like(word, better))

    def _may_be_misspelt(self, found: "_Found", word: str, start: int) -> bool:
        lower = word.lower()
        if len(word) < 4 or "'" in word or "’" in word or word.isupper() or lower in self.known:
            return False
        if word[0].isupper() and not _at_sentence_start(found.text, start):
            return False  # a name or a place the lists do not know
        return found.lookups < MAX_SPELLING_LOOKUPS


class _Found:
    """The suggestions made so far for one text, and the spelling look-ups spent on it."""

    def __init__(self, text: str):
        self.text = text
        self.suggestions: list[Suggestion] = []
        self.lookups = 0

    def add(self, kind: Kind, start: int, end: int, replacement: str) -> None:
        """Keep a suggestion unless it changes nothing, touches a figure or overlaps another."""
        original = self.text[start:end]
        if replacement == original or re.search(r"\d", original):
            return
        if any(start < s.end and s.start < end for s in self.suggestions):
            return
        self.suggestions.append(Suggestion(kind, start, end, original, replacement))


def _vowel_sound(word: str) -> bool:
    """Whether a word starts with a vowel sound: "an electric van", "an hour", "a union"."""
    lower = word.lower()
    if lower.startswith(("one", "once", "eu", "ewe", "uni", "use", "usu", "uti", "ure", "ufo")):
        return False
    return lower[0] in "aeiou" or lower.startswith(("hour", "honest", "honour", "heir"))


def _replace_span(text: str, start: int, end: int, instead: str) -> tuple[int, int, str]:
    """The characters to replace, and with what: a word left out takes its space (and a comma
    after it) with it, and the sentence's next word gets its capital."""
    if instead:
        return start, end, _like(text[start:end], instead)
    after = re.match(r",?\s+", text[end:])
    if _at_sentence_start(text, start) and after:
        following = re.match(r"\S+", text[end + after.end() :])
        if following:
            word = following.group()
            return start, end + after.end() + following.end(), word[:1].upper() + word[1:]
    before = re.search(r"\s+$", text[:start])
    if before:
        return before.start(), end, ""
    return start, end + (after.end() if after else 0), ""


def _likely_spelling(word: str) -> str | None:
    """The one likely word this unknown word was meant to be, or None."""
    dictionary = _dictionary()
    if dictionary.known([word]) or _compound(word):
        return None
    candidates = sorted(
        (c for c in dictionary.candidates(word) or () if c != word),
        key=dictionary.word_usage_frequency,
        reverse=True,
    )
    if not candidates:
        return None
    best = dictionary.word_usage_frequency(candidates[0])
    if len(candidates) > 1 and dictionary.word_usage_frequency(candidates[1]) * 3 > best:
        return None  # two likely words: better to say nothing
    return candidates[0]


def _compound(word: str) -> bool:
    """Two known words run together ("foodbank", "packhouse") are not a misspelling."""
    dictionary = _dictionary()
    return any(
        dictionary.known([word[:i]]) and dictionary.known([word[i:]])
        for i in range(3, len(word) - 2)
    )


def apply(text: str, accepted: Iterable[Suggestion]) -> str:
    """The text with the accepted suggestions made, the last first so places stay right."""
    for suggestion in sorted(accepted, key=lambda s: s.start, reverse=True):
        if text[suggestion.start : suggestion.end] != suggestion.original:
            continue  # the text has changed since: leave it as it is
        text = text[: suggestion.start] + suggestion.replacement + text[suggestion.end :]
    return text
