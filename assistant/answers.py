"""Reading a typed answer as a value of the step's answer type, or saying what is wrong."""

import math
import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import distance, fuzz, process

from assistant import timescales
from assistant.numbers import ONES, TENS, numbers_in, read_number, strip_hedges, tidy

YES = {
    "yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "definitely", "of course", "i can",
    "we can", "we could", "go on", "go for it", "why not", "absolutely", "correct", "right",
    "thats right", "that's right", "spot on", "sounds good", "sounds right", "no problem",
    "no worries", "certainly", "please", "yes please", "can do", "i think so", "think so",
    "course", "defo", "deffo", "def", "aye", "yea", "yeh", "ye", "ya", "yah", "yh", "yeha",
    "yse", "yess", "yesss", "yas", "ja", "affirmative", "that's it", "thats it", "exactly",
    "that one", "bang on", "perfect", "good", "great", "fine", "happy to", "alright",
    "all right", "yarp", "indeed", "totally", "for sure", "you bet", "that's the one",
    "thats the one", "count us in",
}  # fmt: skip
NO = {
    "no", "n", "nope", "nah", "not really", "not now", "no thanks", "none", "not for this one",
    "not this time", "not for this", "not for this contract", "not at the moment", "pass",
    "skip", "skip it", "skip that", "skip that one", "move on", "next", "nothing", "no ta",
    "i dont think so", "dont think so", "i don't think so", "don't think so", "we cant",
    "we can't", "cant", "can't", "not really no", "no way", "noo", "nop", "nay", "negative",
    "not this one", "not us", "not applicable", "n/a", "na", "no chance", "nothing here",
    "not a fit", "doesnt apply", "doesn't apply", "nothing really", "not possible",
}  # fmt: skip
# An answer that starts with one of these is a yes or a no: "yeah we could", "nah, skip it".
_YES_FIRST = {
    "yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "definitely", "absolutely",
    "yea", "yeh", "yeha", "yse", "yess", "yesss", "ya", "yah", "aye", "defo", "deffo",
    "certainly", "correct", "yh", "yas", "ar", "arr", "arh", "confirmed", "confirm", "agreed",
    "agree", "affirmative", "yesh", "haan", "haanji", "ha", "bilkul", "han", "100%", "100",
}  # fmt: skip
_NO_FIRST = {"no", "n", "nope", "nah", "noo", "nop", "nay", "n/a", "na", "nahi", "nahin", "nai"}
# Sounds before the answer: "oh yes", "ooh yes!", "ji, yes", "well no".
_FILLER_FIRST = re.compile(r"^(?:oh|ooh|ah|aah|well|um|erm|er|hmm|ji|so|right|ok so|hi)\b\s*")
_NEGATION = re.compile(
    r"\b(?:no|not|nope|nah|never|don'?t|dont|can'?t|cant|won'?t|wont|couldn'?t)\b"
)
_NO_AT_END = re.compile(
    r"^(?!why)\w+ not\b|(?<!why )\bnot\W*$|\bno chance\b|\bno way\b|\bbut not\b|"
    r"(?:^|[\s,])(?:no|nope|nah)\W*$|\b(?:don'?t|do not) think (?:so|we could|we can)\b"
    r"|\b(?:think|afraid|sadly|rather|probably|guess|prefer) not\b|\bpass on\b"
    r"|\bnot (?:be )?appropriate\b|\bnot for us\b"
    r"|^(?:we|i)(?: will| would| do| can| could)? not\b|^(?:we|i) (?:won'?t|can'?t|don'?t)\b"
    r"|\b(?:rather|prefer) not to\b"
)
# "no problem", "no worries" are yes; "not sure", "maybe" are neither.
_YES_AFTER_NO = re.compile(r"^no (?:problem|worries|bother|doubt|objections?)\b")
_UNSURE = re.compile(
    r"\b(?:not (?:really |too |that )?sure|unsure|maybe|depends|dunno|don'?t know|perhaps|might|"
    r"no idea)\b"
)
_TIME_WORDS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "yr", "yrs"}
_TIME_WORDS |= {"wk", "wks", "mth", "mths", "mnth", "mnths", "fortnight", "fortnights"}
_MONEY_WORDS = {"pounds", "pound", "quid", "gbp", "£", "sterling", "total", "in", "all"}
# Units that are measured, not counted: the word after the number must be the unit's own.
_MEASURED_IN = {
    "weeks": {"week", "weeks", "wk", "wks"},
    "hours": {"hour", "hours", "hrs", "hr", "h"},
    "tonnes": {"tonne", "tonnes", "tons", "ton", "t"},
    "tonnes-co2e": {"tonne", "tonnes", "tons", "ton", "t", "co2e", "co2"},
}
_PERCENT_WORDS = {"%", "percent", "pc", "per", "cent", "percentage"}
_FILLERS = {
    "i", "think", "reckon", "believe", "guess", "tcv", "value", "contract", "hopefully", "ex",
    "vat", "inc", "incl", "including", "excluding", "exc", "excl", "plus", "net", "gross", "is",
    "its", "approximately", "term", "full", "overall", "budget",
    "in", "total", "or", "so", "ish", "max", "tops", "altogether", "all", "roughly",
    "approx", "about", "over", "the", "whole", "across", "a",
    "of", "them", "it", "at", "most", "least", "minimum", "maximum", "give", "take",
}  # fmt: skip
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})?$")
_TIME_RANGE = re.compile(
    r"\d\s*\+\s*\d|"
    r"\b(?:\d+|one|two|three|four|five|six|nine|twelve|eighteen)\s*(?:-|–|to|or)\s*"
    r"(?:\d+|two|three|four|five|six|nine|twelve|eighteen|twenty four)\s+[a-z]"
)
_OVER_THE_CONTRACT = re.compile(
    r"\s+(?:over|across|for|during|in)\s+(?:the\s+)?(?:whole\s+|full\s+|entire\s+)?"
    r"(?:(?!each\b|every\b|a\b|per\b)\w+\s+)?"
    r"(?:years?|yrs?|months?|term|contract|job|project|life of the contract)\b.*$"
    r"|\s+(?:for|over)\s+(?:the\s+)?(?:whole|full|entire|total|all)\b.*$"
)
_RANGE = re.compile(r"\d\s*(?:-|–|to|or)\s*\d")
_RATE = re.compile(
    r"\bper (?!cent\b)\w+|"
    r"\b(?:a|per|each|every|evry)\s+(?:other\s+)?(?:week|wk|month|mth|year|yr|quarter|"
    r"fortnight|term|halfterm|summer|sumer|annum|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|sat|weekend)\b"
)
# A share in words, for a percentage: "three quarters", "every one of them".
_SHARES = {
    "half": 50, "a half": 50, "quarter": 25, "a quarter": 25, "three quarters": 75,
    "third": 33, "a third": 33, "one third": 33, "two thirds": 67, "a tenth": 10,
    "one quarter": 25, "one half": 50, "three quarter": 75,
}  # fmt: skip
_ALL = re.compile(
    r"^(?:all of it|all of them|all|every|each|the lot|the whole lot)\b"
    r"|\b(?:everyone|everybody|all of (?:them|us|our|"
    r"the)|every (?:single )?one|every (?:single )?(?:member|worker|employee|person)"
    r"|all (?:of )?(?:our|the) (?:staff|team|workers|employees|people))\b"
)
_NONE = re.compile(r"^(?:none|no one|noone|nobody|zero|nil|not any)\b")


@dataclass(frozen=True)
class Parsed:
    """A value read from an answer, or the problem (a key of the step's messages)."""

    value: object = None
    problem: str | None = None
    confirm: str | None = None  # a total worked out from other terms, to check with them
    understood: str | None = None  # what was read, when it is not what was asked ("8 people")

    @property
    def ok(self) -> bool:
        """True when the answer could be read."""
        return self.problem is None


def _clean(text: str) -> str:
    return " ".join(text.strip().split())


# A person correcting themselves: "12 - no sorry, 18 months", "£18,000 - no wait, £36,000".
_CORRECTION = re.compile(
    r"(?:\b(?:no sorry|sorry|no wait|wait|actually|i mean|correction|scratch that|make that|"
    r"or rather|no no)\b|\s[-–]\s*no\b)[\s,:-]*",
)


def corrected(text: str) -> bool:
    """Whether the person corrects themselves: "11 - no, 8", "a CIC - sorry, a CIO"."""
    return bool(_CORRECTION.search(text.lower()))


_CLAUSE_BREAK = re.compile(r"(?:\.(?!\d)|[!;\n])+|\?|,(?!\d{3})|\(|\)| - | but | so |\bthen\b")


def answer_parts(text: str) -> list[str]:
    """The parts of an answer a person reads when the whole does not make sense: what follows
    a correction (and the answer with the correction made), what is left without questions,
    then each clause, the last first."""
    parts: list[str] = []
    statements = re.sub(r"[^.!?]*\?", " ", text).strip()
    if statements != text.strip():
        if not re.search(r"[a-z0-9£]", statements.lower()):
            return []  # only questions: nothing of it is an answer
        parts.append(statements)
        text = statements  # "Per year or total? Total is £54,000.": read what is not asked
    corrected = list(_CORRECTION.finditer(text))
    if corrected:
        after = text[corrected[-1].end() :]
        before = re.sub(r"[\d.,]+\s*[-–,]*\s*$", "", text[: corrected[0].start()].rstrip(" -,"))
        parts += [after, f"{before} {after}"]
    clauses = [c.strip() for c in _CLAUSE_BREAK.split(text) if c and c.strip()]
    if len(clauses) > 1:
        parts += clauses[::-1]
    return [part for part in dict.fromkeys(parts) if re.search(r"[a-z0-9£]", part.lower())][:12]


def parse_text(text: str, max_length: int, min_length: int = 1) -> Parsed:
    """Free text, trimmed, within its length limits."""
    cleaned = _clean(text)
    if len(cleaned) < min_length:
        return Parsed(problem="required" if not cleaned else "too_short")
    if len(cleaned) > max_length:
        return Parsed(problem="too_long")
    return Parsed(cleaned)


def _meant(said: str) -> str | None:
    """What is left to read: after a correction ("no, yes I mean yes"), or None when yes and
    no are both said ("yes and no")."""
    if found := re.search(r"\b(?:i mean|sorry|actually)\b\W*(.+)$", said):
        return found.group(1)
    plain = re.sub(r"\bno (?:problem|worries|bother|doubt|objections?)\b", "", said)
    if re.search(r"\byes\b", plain) and re.search(r"\bno\b", plain):
        return None
    return said


def parse_yes_no(text: str) -> Parsed:
    """Yes or no, however it is typed ("yep", "sure, go on", "nah, skip that one")."""
    cleaned = " ".join(re.sub(r"[^a-z0-9%' /]", " ", _clean(text).lower()).split())
    if not cleaned:
        return Parsed(problem="required")
    if "?" in text or _UNSURE.search(cleaned):
        return Parsed(problem="invalid")
    cleaned = _meant(_FILLER_FIRST.sub("", cleaned).strip() or cleaned)
    if cleaned is None:
        return Parsed(problem="invalid")  # "yes and no", "no but yes": ask again
    if _NO_AT_END.search(cleaned):
        return Parsed(False)  # "probably not, no", "i don't think we could"
    first = cleaned.split()[0]
    if cleaned in YES or _YES_AFTER_NO.match(cleaned):
        return Parsed(True)
    if cleaned in NO or first in _NO_FIRST or re.match(r"^(?:not|skip|pass)\b", cleaned):
        return Parsed(False)
    if first in _YES_FIRST or any(cleaned.startswith(f"{yes} ") for yes in YES if " " in yes):
        return Parsed(True)
    if re.search(r"\b(?:go on|go for it|why not|go ahead|lets do it|let's do it)\b", cleaned):
        return Parsed(True)
    if re.search(r"\b(?:yes|yeah|yep|yup)\b", cleaned) and not _NEGATION.search(cleaned):
        return Parsed(True)  # "we can, yes", "it is yes"
    return Parsed(problem="invalid")


Options = list[tuple[str, str]] | list[tuple[str, str, tuple[str, ...]]]


_ASKING_WORDS = {
    "what", "whats", "how", "why", "where", "who", "which", "when", "can", "could", "do", "does",
    "did", "is", "are", "should", "would", "will", "may", "must", "isnt", "arent", "dont", "if",
}  # fmt: skip


def asks(text: str) -> bool:
    """A question: a sentence ending in "?" that starts like one ("what is...?", "is it...?").
    "i suppose we provide a service?" is a hesitant answer, not a question."""
    for sentence in re.findall(r"[^.!?]*\?", text.lower()):
        for clause in re.split(r"[,;:()]| - | or ", sentence):  # "we do, is that ok?"
            words = re.sub(r"[^a-z' ]", " ", clause).replace("'", "").split()
            if words and words[0] in _ASKING_WORDS:
                return True
        if not re.sub(r"[^a-z]", "", sentence):
            return True  # "?" alone
    return False


def parse_choice(text: str, options: Options) -> Parsed:
    """One of the options, each (value, label) or (value, label, other words for it): by value,
    number, label, the words people use for it ("co-op", "part of the job"), a close spelling,
    or for options that are bands ("Fewer than 10") a count that falls in one."""
    cleaned = _clean(text).lower()
    if not cleaned:
        return Parsed(problem="required")
    for value, label, *_ in options:
        if cleaned in (value.lower(), label.lower()):
            return Parsed(value)
    bands = all(_is_band(option[1]) for option in options)
    numbered = re.fullmatch(r"[0-9]{1,3}", cleaned) and 1 <= int(cleaned) <= len(options)
    if numbered and not bands:  # where the options are head counts, "3" is three people
        return Parsed(options[int(cleaned) - 1][0])
    if asks(cleaned) or _UNSURE.search(cleaned):
        return Parsed(problem="invalid")
    banded = _band(cleaned, options)
    said = _said_in_words(cleaned, options)
    if said is not None and said.ok and said.value not in _BUSINESS:
        return said  # "a large charity with 300 staff" is a charity
    if banded.ok:
        return banded  # "national firm with 400 staff" is a large business
    if said is not None:
        return said
    labels = [option[1].lower() for option in options]
    affirmed = " ".join(_NOT_SAID.sub(" ", cleaned).split())  # not what is denied
    match = process.extractOne(affirmed, labels, scorer=fuzz.WRatio, score_cutoff=86)
    if match and len(affirmed) >= 5:
        return Parsed(options[match[2]][0])
    return banded


# Kinds of organisation that a head count can overrule ("national firm with 400 staff").
_BUSINESS = {"sme"}


def _is_band(label: str) -> bool:
    return bool(re.search(r"(?:fewer|less) than \d|\d+ to \d+|\d+ or more", label.lower()))


def _said_in_words(cleaned: str, options: Options) -> Parsed | None:
    """The one option whose words appear in the answer (a typo allowed in longer words); None
    when no option's words do, "invalid" when options' words disagree. Of overlapping words
    the earlier wins ("with or without the contract"), a phrase inside a longer phrase of
    another option gives way to it ("business" in "community business"), and of words far
    apart, the ones the answer starts with ("extra (we'd do it anyway but...)")."""
    plain = _plain_words(_NOT_SAID.sub(" ", cleaned))  # "not a registered charity"
    plain = " ".join(plain.split())
    typed = plain.split()
    found: list[tuple[str, int, int]] = []
    for value, _, *rest in options:
        for phrase in rest[0] if rest else ():
            words = _plain_words(phrase)
            if not words:
                continue
            at = f" {plain} ".find(f" {words} ")
            slips = len(typed) <= _MAX_TYPO_WORDS  # a long message is read, not spell-checked
            if at < 0 and slips and (slipped := _typo_of(words.split(), typed)) is not None:
                at = slipped
            if at >= 0:
                found.append((value, at, at + len(words)))
    kept = [
        (value, start, end)
        for value, start, end in found
        if not any(
            v != value
            and (s0 < start < e0 or (s0 <= start and end <= e0 and e0 - s0 > end - start))
            for v, s0, e0 in found
        )
    ]
    values = {value for value, _, _ in kept}
    if len(values) == 1:
        return Parsed(values.pop())
    return _settled(kept, cleaned, plain) if values else None


def _settled(kept: list[tuple[str, int, int]], cleaned: str, plain: str) -> Parsed:
    """Which of several options' words an answer means: a phrase of three words or more and
    twice as long as any other ("part o the job anyway"), or the words it starts with when a
    break follows ("this is additional - the contract doesn't fund it"); else none."""
    longest: dict[str, tuple[int, int]] = {}
    for value, start, end in kept:
        size = (end - start, len(plain[start:end].split()))
        longest[value] = max(longest.get(value, (0, 0)), size)
    (first, words), (second, _) = sorted(longest.values(), reverse=True)[:2]
    if words >= 4 and first >= 2 * second:
        return Parsed(max(longest, key=lambda value: longest[value]))
    if re.search(r"[(.!;:+&]| but | - ", cleaned):
        earliest = min(kept, key=lambda match: match[1])
        if earliest[1] <= len(" ".join(plain.split()[:3])):
            return Parsed(earliest[0])
    return Parsed(problem="invalid")


def _gives_way(mine: tuple[int, int], other: tuple[int, int]) -> bool:
    """A match gives way to another that starts earlier and overlaps it, or holds it."""
    (start, end), (o_start, o_end) = mine, other
    inside = o_start <= start and end <= o_end and o_end - o_start > end - start
    return o_start < start < o_end or inside


# Typo matching compares every word with every option phrase: for a long message, no typos.
_MAX_TYPO_WORDS = 60
# What is denied, to the end of its clause: "not something we do anyway", "we used to be a co-op".
_NOT_SAID = re.compile(
    r"\b(?:not|no|don'?t|won'?t|wouldn'?t|never|isn'?t|doesn'?t|didn'?t|can'?t|used to be)\b"
    r"[^,.;:!?()]*"
)


def _plain_words(text: str) -> str:
    return " ".join(
        re.sub(r"[^a-z0-9 ]", " ", text.lower().replace("-", "").replace("'", "")).split()
    )


def _typo_of(phrase: list[str], typed: list[str]) -> int | None:
    """Where (in characters) the phrase was typed with a slip in its longer words: "charitey",
    "socail enterprise", "wokrs" (short words must be exact: "good" is not "goods")."""
    size = len(phrase)
    for i in range(len(typed) - size + 1):
        if all(
            _same_word(want, got) for want, got in zip(phrase, typed[i : i + size], strict=True)
        ):
            return len(" ".join(typed[:i])) + (1 if i else 0)
    return None


def _same_word(want: str, got: str) -> bool:
    if want == got:
        return True
    if len(want) < 5 or len(got) < 5 or want[0] != got[0] or abs(len(want) - len(got)) > 1:
        return False
    return distance.OSA.distance(want, got) <= (1 if len(want) < 9 else 2)


def _in_band(number: float, label: str) -> bool:
    """Whether a number falls in a band worded like "Fewer than 10", "10 to 49", "250 or more"."""
    label = label.lower().replace(",", "")
    if found := re.search(r"(?:fewer|less) than (\d+)", label):
        return number < int(found.group(1))
    if found := re.search(r"(\d+) to (\d+)", label):
        return int(found.group(1)) <= number <= int(found.group(2))
    if found := re.search(r"(\d+)\+?(?: [a-z]+)? or more", label):
        return number >= int(found.group(1))
    return False


_NOT_STAFF = {"volunteer", "volunteers", "vols", "trustees"}
_NOT_HEADS = {"teams", "team", "sites", "site", "branches", "offices", "locations", "shifts"}


def head_count(text: str) -> list[float]:
    """The people counted in an answer to "how many work for you": "9 staff", "just me and 2
    part-timers" (3), "2 full time and 3 part time" (5), "under 10" (9). Volunteers do not
    count. A range ("50-60") gives both ends; no count gives nothing."""
    # Neither a registration number nor a year ("since 1998") is a count.
    cleaned = re.sub(r"\([^)]*\)", " ", tidy(text)) if re.search(r"\d[^(]*\(", text) else text
    cleaned = re.sub(
        r"\b\d{6,}\b|\b(?:since|in|from|est|established|founded|registered|started|set up|"
        r"formed|incorporated|opened|began)\s+(?:in\s+)?(?:19|20)\d\d\b",
        "",
        tidy(cleaned),
    )
    if not re.search(r"[a-z0-9]", cleaned) or _RATE.search(cleaned):
        return []
    if found := re.search(r"(\d+)\s*(?:-|–|to|or|and)\s*(\d+)", cleaned):
        return [float(found.group(1)), float(found.group(2))]
    counted = [
        number
        for number, after in numbers_in(cleaned)
        if not (set(after[:2] if after[:1] != ["staff"] else after[:1]) & _NOT_STAFF)
        and not (set(after[:2]) & _TIME_WORDS)
        and after[:2] not in (["of", "them"], ["of", "whom"], ["of", "those"])  # a part of them
        and not (set(after[:1]) & _NOT_HEADS)  # "8 staff in 2 teams"
        and not re.match(
            r"(?:in|at|over) (?:the )?(?:summer|winter|peak|christmas)", " ".join(after)
        )
    ]
    if len(counted) > 1:  # "9 staff, 2020": a year beside a count is not one
        counted = [n for n in counted if not 1900 <= n <= 2099] or counted
    me = re.search(r"\b(?:just me|only me|me and|me plus|myself and|me \+|just myself|sole trader"
                   r"|on my own|one man band|me myself)\b", cleaned)  # fmt: skip
    if not counted:
        return (
            [1.0] if me and re.search(r"\b(?:just|only|on my own|sole|one man)\b", cleaned) else []
        )
    total = sum(counted) + (1 if me else 0)
    if re.match(r"(?:just |a bit |a little )?(?:under|fewer than|less than|below|not quite|"
                r"nearly|almost|not even)\b", cleaned):  # fmt: skip
        total -= 1  # people are counted whole: "under 10" is at most 9
    elif re.match(r"(?:just |a bit |a little )?(?:over|more than|above)\b", cleaned):
        total += 1
    return [total]


def _band(cleaned: str, options: Options) -> Parsed:
    """A count ("9 staff", "around 30 people", "twelve of us") picks the one band it falls in."""
    counts = head_count(cleaned)
    bands = [{option[0] for option in options if _in_band(count, option[1])} for count in counts]
    fits = set.intersection(*bands) if bands else set()
    return Parsed(fits.pop()) if len(fits) == 1 else Parsed(problem="invalid")


def _fits_unit(rest: list[str], unit: str | None, unit_words: frozenset[str]) -> bool:
    """Whether the words after a number say what it counts in a way this answer allows: money
    only in pounds, a percentage only as one, a count never in time, pounds or per cent unless
    that is the unit asked for."""
    words = [word for word in rest if word not in _FILLERS]
    if unit == "gbp":
        if rest[:1] == ["£"] or "£" in rest[:1]:
            return not (set(words) & _TIME_WORDS)  # "£30k of it would go to local firms"
        return set(words) <= _MONEY_WORDS
    if unit == "percent":
        return not words or words[0] in _PERCENT_WORDS or words[0] in unit_words
    kinds = set(words)
    if kinds & {"£", "pounds", "pound", "quid"} or kinds & _PERCENT_WORDS - {"per"}:
        return False
    if unit in _MEASURED_IN:  # "3 firms" is not 3 weeks; "300 volunteer hours" is 300 hours
        return not words or bool(set(words[:2]) & (_MEASURED_IN[unit] | unit_words))
    if kinds & _TIME_WORDS:
        return bool(kinds & unit_words)
    return True


def _share(cleaned: str) -> float | None:
    """A percentage said as a share: "three quarters", "roughly half", "1 in 5", "everyone",
    "none yet"."""
    if re.search(r"\b(?:not|nearly|almost|except|but)\b", cleaned) and re.search(
        r"\b(?:all|every|everyone|everybody)\b", cleaned
    ):
        return None  # "nearly all", "not all of them", "all except 2": not 100%
    plain = strip_hedges(cleaned)
    share = re.sub(r"\s*\bof (?:them|our staff|the staff|staff|us|the team|our team)\b", "", plain)
    if share.strip() in _SHARES:
        return float(_SHARES[share.strip()])
    # "three quarters of what comes in", "cut bottles by a quarter": a share named in words.
    for said in sorted(_SHARES, key=len, reverse=True):
        if plain.startswith(f"{said} of ") or re.search(rf"\bby {said}\b", plain):
            return float(_SHARES[said])
    if found := re.fullmatch(r"(\w+)(?: \w+)? (?:in|out of) (?:every |each )?(\w+)(?: .*)?", plain):
        part, whole = read_number(found.group(1)), read_number(found.group(2))
        if part and whole and whole[0] and not part[1] and not whole[1]:
            return round(100 * part[0] / whole[0], 1)
    return _all_or_none(plain)


def _all_or_none(plain: str) -> float | None:
    """ "Everyone", "all 23 staff" (100); "none yet" (0); "not all", "nearly all" (neither)."""
    if re.search(r"\b(?:not|nearly|almost|except|but)\b", plain):
        return None
    if re.match(r"(?:all|all of|every one of|everyone|every single one of)\b", plain):
        return None if "%" in plain else 100.0
    if re.search(r"\d", plain):
        return None
    if _NONE.search(plain):
        return 0.0
    if _ALL.search(plain):
        return 100.0
    return None


def read_amount(text: str, unit: str | None, unit_words: frozenset[str] = frozenset()):
    """The amount in an answer, in the unit asked for, or None: figures or words, money with
    "k", "grand" or "m", a share in words for a percentage."""
    cleaned = tidy(text)
    if unit == "percent" and (share := _share(cleaned)) is not None:
        return share
    if unit == "gbp":
        cleaned = _OVER_THE_CONTRACT.sub("", cleaned)
    if _RANGE.search(cleaned) or _RATE.search(cleaned):
        return None
    found = read_number(cleaned)
    if found is None:
        return None
    value, rest = found
    another = any(re.fullmatch(r"[\d.]+", w) or w in ONES or w in TENS for w in rest)
    if unit != "gbp" and rest[:1] == ["£"] or another:
        return None  # "8 people, 26 weeks each" is a total to work out, not 8
    return value if _fits_unit(rest, unit, unit_words) else None


def _read_instead(text: str) -> str | None:
    """A number and what it counts, read from an answer that gives something other than what
    was asked ("2 years" for money, "3 firms" for a percentage), to say so."""
    found = read_number(tidy(text))
    if found is None or not found[1] or found[1][0] in ("£",):
        return f"£{found[0]:,.0f}" if found and found[1][:1] == ["£"] else None
    value, rest = found
    said = f"{value:g}" if value != int(value) else f"{int(value):,}"
    return f"{said} {' '.join(rest[:2])}".strip()


def parse_number(
    text: str,
    minimum: float,
    maximum: float,
    whole: bool = True,
    money: bool = False,
    unit_words: frozenset[str] = frozenset(),
    unit: str | None = None,
) -> Parsed:
    """A number (or an amount of money) within limits, as people type it: "12", "1,500",
    "£40k", "roughly 75 grand", "about 40", "9 staff", "twelve", "a dozen", "90%", "three
    quarters" (of a percentage). `unit` is the unit asked for ("gbp" for money); `unit_words`
    its words ("weeks"), allowed after the number even when they are time."""
    if not _clean(text):
        return Parsed(problem="required")
    unit = "gbp" if money else unit
    if asks(text):
        return Parsed(problem="invalid")
    text = text.replace("?", " ")  # "maybe one every fortnight?": unsure, not asking
    value = read_amount(text, unit, unit_words)
    if value is None:
        return Parsed(problem="invalid", understood=_read_instead(text))
    if not math.isfinite(value):
        return Parsed(problem="too_big" if value > 0 else "too_small")
    if unit == "percent":
        maximum, value = min(maximum, 100), round(value)
    if whole and unit != "gbp" and value != int(value):
        return Parsed(problem="whole_number")
    if value < minimum:
        return Parsed(problem="too_small")
    if value > maximum:
        return Parsed(problem="too_big")
    return Parsed(round(value, 2) if unit == "gbp" else (int(value) if whole else value))


def parse_postcode(text: str) -> Parsed:
    """A UK postcode or postcode district, normalised to capitals with one space."""
    cleaned = _clean(text).upper()
    if not cleaned:
        return Parsed(problem="required")
    match = _POSTCODE.match(cleaned.replace(" ", "")[:-3] + " " + cleaned.replace(" ", "")[-3:])
    match = match if match and match.group(2) else _POSTCODE.match(cleaned)
    if not match:
        return Parsed(problem="invalid")
    return Parsed(" ".join(part for part in match.groups() if part))


def parse_timescale(text: str, today: date, max_months: int = 240) -> Parsed:
    """A duration ("6 months", "two years"), a point in the contract ("end of year one", "in
    the first six months", "from day one", "each year") or a date ("by summer 2027",
    "31/03/2027"). The value is {"text": how it reads, "months": months from today, or None
    for the whole contract}, so both plain English and a comparable number are kept."""
    if not _clean(text):
        return Parsed(problem="required")
    if "?" in text:
        return Parsed(problem="invalid")
    cleaned = tidy(text)
    if _TIME_RANGE.search(cleaned):
        return Parsed(problem="invalid")
    found = timescales.read(cleaned, today)
    if found is None:
        return Parsed(problem="invalid")
    words, months = found
    if months is not None and months <= 0:
        return Parsed(problem="in_the_past")
    if months is not None and months > max_months:
        return Parsed(problem="too_far")
    return Parsed({"text": words or _as_said(text), "months": months})


def _as_said(text: str) -> str:
    """A timescale as typed, to sit inside a sentence: "By March 2027." reads "by March 2027"."""
    said = _clean(text).rstrip(".!,;: ")
    first, _, rest = said.partition(" ")
    if first.lower() in _LOWER_FIRST:
        said = f"{first.lower()} {rest}".strip()
    return said


_LOWER_FIRST = {
    "by", "within", "in", "over", "from", "every", "each", "end", "before", "after", "during",
    "around", "about", "roughly", "at", "for", "the", "until", "no", "not", "right", "starting",
    "six", "twelve", "three", "two", "one", "four", "five", "eighteen", "a", "an",
}  # fmt: skip


def parse_duration(text: str, max_months: int = 240) -> Parsed:
    """How long something lasts ("2 yrs", "eighteen months", "a year and a half"), as
    {"text", "months"}; not a date or a point in time."""
    if not _clean(text):
        return Parsed(problem="required")
    cleaned = re.sub(r"(?<=\d) ?m\b", " months", tidy(text))  # "24m" is 24 months here
    cleaned = re.sub(  # "+ optional 12-month extension" is not the contract's length
        r"\+?\s*(?:an?\s+|plus\s+)?(?:optional\s+|possible\s+)?\d+[\s-]*(?:months?|years?)\s+"
        r"(?:optional\s+)?extensions?\b",
        " ",
        cleaned,
    )
    cleaned = re.sub(
        r"\b(academic|calendar|financial|school|full|whole)\s+(?=years?\b)", "", cleaned
    )
    cleaned = " ".join(timescales.UNIT_SPELLINGS.get(w, w) for w in cleaned.split())
    months = None if "?" in text or _TIME_RANGE.search(cleaned) else timescales.duration(cleaned)
    if months is None or timescales.lengths_in(cleaned) > 1:
        return Parsed(problem="invalid")  # "funding runs 4 years but our contract is 3 years"
    if months <= 0:
        return Parsed(problem="too_small")
    if months > max_months:
        return Parsed(problem="too_far")
    years = months / 12
    said = f"{years:g} year{'s' * (years != 1)}" if years == int(years) else f"{months:g} months"
    return Parsed({"text": said, "months": months})
