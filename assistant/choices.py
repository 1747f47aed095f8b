"""A choice read from what people type: the option's value, number or label, the words people
use for it (the flow's `also:` lists, with a slip allowed), or, where the options are head
counts ("Fewer than 10"), a count that falls in one."""

import re

from rapidfuzz import distance, fuzz, process

from assistant.amounts import RATE_SAID, TIME_WORDS
from assistant.numbers import numbers_in, tidy
from assistant.parsed import Parsed, clean
from assistant.yes_no import UNSURE, asks

# Each (value, label), and perhaps the words people use for it and patterns that mean it.
Options = (
    list[tuple[str, str]]
    | list[tuple[str, str, tuple[str, ...]]]
    | list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]
)


def parse_choice(text: str, options: Options) -> Parsed:
    """One of the options, each (value, label) or (value, label, other words for it): by value,
    number, label, the words people use for it ("co-op", "part of the job"), a close spelling,
    or for options that are bands ("Fewer than 10") a count that falls in one."""
    cleaned = clean(text).lower()
    if not cleaned:
        return Parsed(problem="required")
    for value, label, *_ in options:
        if cleaned in (value.lower(), label.lower()):
            return Parsed(value)
    bands = all(_is_band(option[1]) for option in options)
    if not bands and (placed := _by_place(cleaned, len(options))) is not None:
        return Parsed(options[placed][0])  # "2", "first one", "the last option"
    if asks(cleaned) or UNSURE.search(cleaned):
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


_PLACES = {"first": 0, "1st": 0, "top": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2}
_PLACE = re.compile(
    r"^(?:the )?(first|1st|top|second|2nd|third|3rd|middle|last|bottom)"
    r"(?: one| option| answer| choice)?(?: please)?[.!]?$"
)


def _by_place(cleaned: str, count: int) -> int | None:
    """The option named by its number or where it is in the list: "2", "first one", "the last
    option", "middle one" (of three)."""
    if re.fullmatch(r"[0-9]{1,3}", cleaned):  # where options are head counts, "3" is people
        return int(cleaned) - 1 if 1 <= int(cleaned) <= count else None
    found = _PLACE.match(cleaned)
    if not found:
        return None
    said = found.group(1)
    if said in ("last", "bottom"):
        return count - 1
    if said == "middle":
        return 1 if count == 3 else None
    place = _PLACES[said]
    return place if place < count else None


def _meant(cleaned: str, options: Options) -> tuple[str, int] | None:
    """The option whose patterns match what was typed, not where it is denied ("it's not in
    the specification"); of several, the one said first ("over and above what youre paying
    us for" is extra), with the number of words before it."""
    plain = " ".join(cleaned.replace("’", "'").split())
    denied = [(m.start(), m.end()) for m in _NOT_SAID.finditer(plain)]
    starts = {}
    for option in options:
        patterns = option[3] if len(option) > 3 else ()  # type: ignore[misc]
        found = [
            m.start()
            for p in patterns
            if (m := re.search(p, plain)) and not any(s < m.start() < e for s, e in denied)
        ]
        if found:
            starts[option[0]] = min(found)
    if not starts:
        return None
    value = min(starts, key=starts.__getitem__)
    return value, len(plain[: starts[value]].split())


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
    meant = _meant(cleaned, options)
    if len(values) == 1:
        # Its words, unless another option's pattern is said first ("its in the spec already"
        # is the service, though "already" is said of what is done anyway).
        first = len(plain[: min(start for _, start, _ in kept)].split())
        return Parsed(meant[0] if meant and meant[1] <= first else values.pop())
    settled = _settled(kept, cleaned, plain) if values else None
    if settled is None or not settled.ok:
        # Said in other words ("wouldnt happen without the contract tbh"), or words that pull
        # two ways: the options' patterns decide, if they can.
        return Parsed(meant[0]) if meant else settled
    return settled


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
    r"\b(?<!or )(?:not|no|don'?t|won'?t|wouldn'?t|never|isn'?t|doesn'?t|didn'?t|can'?t|ain'?t"
    r"|used to be)\b[^,.;:!?()]*"
)


def _plain_words(text: str) -> str:
    """Letters and digits: "co-op" is "coop", "organisation-wide" is "organisation wide"."""
    joined = re.sub(r"\bco-", "co", text.lower()).replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", joined).split())


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


_NOT_STAFF = {
    "volunteer",
    "volunteers",
    "vols",
    "trustees",
    "subcontractors",
    "subbies",
    "freelancers",
    "contractors",
}
_NOT_HEADS = {"teams", "team", "sites", "site", "branches", "offices", "locations", "shifts"}


def head_count(text: str) -> list[float]:
    """The people counted in an answer to "how many work for you": "9 staff", "just me and 2
    part-timers" (3), "2 full time and 3 part time" (5), "under 10" (9). Volunteers do not
    count. A range ("50-60") gives both ends; no count gives nothing."""
    # "4 + freelancers": four staff, and others besides.
    text = re.sub(r"(\d+)\s*\+\s*(?=[a-z])", r"\1 staff and ", text.lower())
    # Neither a registration number nor a year ("since 1998") is a count.
    cleaned = re.sub(r"\([^)]*\)", " ", tidy(text)) if re.search(r"\d[^(]*\(", text) else text
    cleaned = re.sub(
        r"\b\d{6,}\b|\b(?:since|in|from|est|established|founded|registered|started|set up|"
        r"formed|incorporated|opened|began)\s+(?:in\s+)?(?:19|20)\d\d\b",
        "",
        tidy(cleaned),
    )
    # "one paid cook for ten hours a week": how long they work, not how many they are
    cleaned = _HOURS_WORKED.sub(" ", cleaned)
    if not re.search(r"[a-z0-9]", cleaned) or RATE_SAID.search(cleaned):
        return []
    if found := re.search(r"(\d+)\s*(?:-|–|to|or|and)\s*(\d+)", cleaned):
        return [float(found.group(1)), float(found.group(2))]
    if below := re.match(r"(?:less than|fewer than|under|below) (\d+)\W*$", cleaned):
        return [0.0, float(below.group(1)) - 1]  # "less than 50" may be fewer than 10
    counted = [
        number
        for number, after in numbers_in(cleaned)
        if not (set(after[:2] if after[:1] != ["staff"] else after[:1]) & _NOT_STAFF)
        and not (set(after[:2]) & TIME_WORDS)
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
        if _NO_PAID_STAFF.search(cleaned):
            return [0.0]  # "no paid staff, all volunteers"
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


_HOURS_WORKED = re.compile(
    r"\b(?:for|who \w+ for|working|works|doing|does) (?:about |around |just )?\w+"
    r" (?:hours?|hrs?|days?) (?:a|per|each) (?:week|wk|month|day|fortnight)\b"
)
_NO_PAID_STAFF = re.compile(
    r"\bno (?:paid )?(?:staff|employees|workers)\b|\b(?:all|only|just) volunteers\b"
    r"|\bvolunteer[ -](?:run|led)\b|\brun by volunteers\b|\bnobody is paid\b"
)


def _band(cleaned: str, options: Options) -> Parsed:
    """A count ("9 staff", "around 30 people", "twelve of us") picks the one band it falls in."""
    counts = head_count(cleaned)
    bands = [{option[0] for option in options if _in_band(count, option[1])} for count in counts]
    fits = set.intersection(*bands) if bands else set()
    return Parsed(fits.pop()) if len(fits) == 1 else Parsed(problem="invalid")
