"""Sentences from a supplier's words: capitals and full stops, counts that agree with their
nouns, lists joined as people write them, and whether words make a sentence or a fragment."""

import re
from functools import cache

from knowledge.wording import Wording, load_wording
from offer.wording import everyday


def _words(text: str) -> list[str]:
    return text.split()


NUMBER_WORDS = _words("zero one two three four five six seven eight nine ten")
ONE_OF = {
    "people": "person", "weeks": "week", "hours": "hour", "tonnes-co2e": "tonne of CO2e",
    "tonnes": "tonne", "sessions": "session", "items": "item", "organisations": "organisation",
    "events": "event",
}  # fmt: skip
MANY_OF = {**{unit: unit for unit in ONE_OF}, "tonnes-co2e": "tonnes of CO2e"}
AUXILIARIES = frozenset(
    _words(
        "am is are was were be been being has have had do does did will would can could shall "
        "should may might must get gets got need needs"
    )
)
SUBJECTS = frozenset(_words("i we they you he she it who"))
# Words after which a verb that is also a noun ("run", "work") is read as a verb.
FOLLOWERS = frozenset(
    _words(
        "a an the our their your its this these those all every each any some more extra free "
        "new local on in out up off from with to for at into about round around over by two "
        "three four five six seven eight nine ten"
    )
)
DETERMINERS = frozenset(
    _words("the a an our their these those some any his her its my your all both many few")
)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=\S)")


def count(quantity: float, unit: str | None) -> str:
    """A quantity with its unit as a sentence says it: "one person", "three people",
    "156 weeks", "£15,000", "100%", "2.5 tonnes of CO2e"."""
    whole = quantity == int(quantity)
    figure = f"{quantity:,.0f}" if whole else f"{quantity:,.2f}".rstrip("0").rstrip(".")
    if unit == "gbp":
        return f"£{quantity:,.0f}" if whole else f"£{quantity:,.2f}"
    if unit == "percent":
        return f"{figure}%"
    if whole and 0 < quantity <= 10:
        figure = NUMBER_WORDS[int(quantity)]
    label = (ONE_OF if quantity == 1 else MANY_OF).get(unit or "", unit or "")
    return f"{figure} {label}".strip()


def join(items: list[str]) -> str:
    """A list as people write it: "a, b and c"."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def sentences(text: str | None) -> list[str]:
    """The supplier's text as sentences: spaces tidied, each starting with a capital and
    ending with a full stop (a question or exclamation mark is kept)."""
    cleaned = re.sub(r"\.\s*,", ",", " ".join((text or "").split())).strip(" ,;:-")
    cleaned = re.sub(r"\s*(?:\.{2,}|…)\s*(?=[a-z])", ", ", cleaned)  # "by autumn... if ok"
    cleaned = re.sub(r"\s*(?:\.{2,}|…)\s*", ". ", cleaned).strip()
    found = []
    for part in _SENTENCES.split(cleaned):
        part = part.strip(" ,;:-")
        if not part or not re.search(r"[A-Za-z0-9]", part):
            continue
        part = part[0].upper() + part[1:]
        found.append(part if part.endswith((".", "!", "?")) else part.rstrip(".") + ".")
    return found


def clause(text: str | None, keep: frozenset[str] = frozenset()) -> str:
    """The supplier's words to go inside a sentence: no closing full stop, and a first word
    in lower case unless it is a name, a place or an acronym (`keep`, lower-cased)."""
    said = " ".join((text or "").split()).rstrip(" .;:,!")
    first = said.split(" ", 1)[0]
    acronym = len(first) > 1 and first.isupper()
    if not first or acronym or first.lower() in keep or _is_name(first):
        return said
    return said[0].lower() + said[1:]


def _is_name(word: str) -> bool:
    """A capitalised word that is not an everyday word is a name ("Ipswich", "Sandwell")."""
    return word[:1].isupper() and not everyday(word)


@cache
def _verb_forms(verbs: tuple[str, ...]) -> frozenset[str]:
    forms = set()
    for verb in verbs:
        stem = verb[:-1] if verb.endswith("e") else verb
        ending = "es" if verb.endswith(("s", "sh", "ch", "x", "o")) else "s"
        plural = verb[:-1] + "ies" if re.search(r"[^aeiou]y$", verb) else verb + ending
        forms |= {plural, stem + "ed", verb + "d" if verb.endswith("e") else verb + "ed"}
    return frozenset(forms | AUXILIARIES | {"supervise", "supervises", "supervised"})


def starts_with_verb(text: str, wording: Wording | None = None) -> bool:
    """Whether the words start with a plain verb ("take on an apprentice", "run a club"), so
    they follow "We will"."""
    wording = wording or load_wording()
    words = [w.lower() for w in _WORDS.findall(text)[:2]]
    if not words or words[0] not in wording.verbs:
        return False
    if words[0] not in wording.noun_too:
        return True
    follower = words[1] if len(words) > 1 else ""
    return follower in FOLLOWERS or bool(re.match(r"\s*\S+\s+[£\d]", text))


def has_verb(text: str, wording: Wording | None = None) -> bool:
    """Whether the words make a sentence, not a list of things: a verb form, an auxiliary
    ("is", "will"), a plain verb, or one that is also a noun ("run", "work") after "we",
    "they", "to" or a plural ("volunteers run"), or one word after them ("we already run")."""
    wording = wording or load_wording()
    words = [w.lower().replace("’", "'") for w in _WORDS.findall(text)]
    forms = _verb_forms(tuple(wording.verbs))
    for i, word in enumerate(words):
        after_determiner = i > 0 and (words[i - 1] in DETERMINERS or words[i - 1].isdigit())
        if word in forms and not (after_determiner and word not in AUXILIARIES):
            return True  # "supervises", not "the cooks"
        if "'" in word and word.split("'")[1] in {"s", "re", "ve", "ll", "m", "d"}:
            return True
        if i and words[i - 1] in {"we", "i", "they"} and word.isalpha():
            return True  # "we sign with…": after "we", a word is what they do
        before = words[max(0, i - 2) : i]
        after_subject = any(w in SUBJECTS or w == "to" or w in AUXILIARIES for w in before)
        after_plural = bool(before) and before[-1].endswith("s")
        if word in wording.verbs and (
            word not in wording.noun_too or after_subject or after_plural
        ):
            return True
    return False


def starts_organisation(text: str, wording: Wording | None = None) -> bool:
    """Whether the words describe a kind of organisation ("small brewery near Framlingham"),
    so they follow "… is a"."""
    wording = wording or load_wording()
    first = [w.lower() for w in _WORDS.findall(text)[:4]]
    nouns = set(wording.organisation_nouns)
    return any(word in nouns for word in first) and not has_verb(" ".join(first), wording)


def article(phrase: str) -> str:
    """ "a" or "an" before the phrase, unless it already has one."""
    first = phrase.split(" ", 1)[0].lower()
    if first in {"a", "an", "the", "our"}:
        return phrase
    return f"{'an' if first[:1] in 'aeiou' else 'a'} {phrase}"


TIME_UNITS = frozenset(_words("hour hours week weeks month months year years"))


def timescale(text: str) -> str:
    """A timescale as typed, its units written out ("within 6 mths" reads "within 6 months");
    the figures and dates stay as they are."""
    units = {k: v for k, v in load_wording().shorthand.items() if v in TIME_UNITS}
    return re.sub(r"\b[a-z]+\b", lambda m: units.get(m.group(), m.group()), text, flags=re.I)
