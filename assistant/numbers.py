"""Reading the number a person typed, in figures or words: "12", "1,500", "£8.5k", "twelve",
"twenty-five", "two and a half grand", "a couple of hundred", "half a million", "20ish"."""

import re

from assistant.spelling import spelt_right

ONES = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "thre": 3, "fiev": 5, "tweleve": 12, "twelev": 12, "once": 1, "twice": 2,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "ninty": 90, "twenty's": 20,
}  # fmt: skip
# Words that multiply what came before: "two hundred", "40k", "75 grand", "1.2m".
SCALES = {"hundred": 100, "k": 1e3, "thousand": 1e3, "grand": 1e3, "m": 1e6, "mil": 1e6}
SCALES |= {"million": 1e6, "billion": 1e9, "bn": 1e9}
_NEEDS_NUMBER_AFTER_A = {"hundred", "thousand", "million", "dozen", "couple", "half", "grand"}
_NEEDS_NUMBER_AFTER_A |= {"quarter"}
# Words people put before a number they are not sure of, or a limit: "about 40", "up to 12".
HEDGES = re.compile(
    r"^(?:(?:the|perhaps|let'?s say|lets say|we'?ll commit to|we'?ll do|we'?ll|only about|"
    r"just|only|bout|abt|approx|roughly|about|around|roughly|approximately|approx|circa|nearly|almost|maybe|probably|prob|"
    r"likely|possibly|say|something like|somewhere around|in the region of|ish|est|estimated|"
    r"just under|just over|a bit over|a bit under|a little over|over|under|fewer than|"
    r"less than|more than|below|above|up to|at least|at most|max|min|approx|we think|"
    r"i think|guess|id say|i'd say|we'd say|its|it's|it is|thats|that's|we|will|would|could|"
    r"do|commit to|aim for|plan|about|total|a total of|in total|roughly|like)\b[\s,:]*)+"
)
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z]+|%|£")


# Misspelt words of amounts and times, put right before reading: "£6000 a yeer", "18 munths".
SPELT = {
    "evry": "every", "eech": "each", "yeer": "year", "yeers": "years", "munths": "months",
    "munth": "month", "mounths": "months", "monthes": "months", "anual": "annual",
    "anually": "annually", "finish": "end", "finishes": "ends", "wk": "week", "wks": "weeks",
    "yr": "year", "yrs": "years", "mnth": "month", "mnths": "months", "mths": "months",
    "mth": "month", "hrs": "hours", "hr": "hour", "sumer": "summer", "aprentice": "apprentice",
    "tone": "tonne", "tones": "tonnes",
}  # fmt: skip
# What a number dictated as "for" or "too" comes before (not "years": "for years" is a while).
_HEARD = (
    r"(?:hours?|weeks?|days?|months?|sessions?|people|apprentices?|volunteers?|staff|events?"
    r"|talks?)\b"
)
# The words amounts are read by, put right when one slip out (assistant/spelling.py).
AMOUNT_VOCABULARY = (
    "over", "about", "around", "roughly", "apprentice", "apprentices", "month", "months",
    "year", "years", "week", "weeks", "hour", "hours", "session", "sessions", "people",
    "volunteer", "volunteers", "million", "thousand", "hundred", "dozen", "twelve", "total",
    "altogether", "each", "every",
)  # fmt: skip


def tidy(text: str) -> str:
    """Lower case, one space, no thousands commas ("1,500"), "20ish" as "20", hyphens between
    words as spaces ("twenty-five"), "£" apart from the number."""
    text = text.strip().lower().replace("\u00a3", " £ ").replace("’", "'")
    text = re.sub(r"(?<=\d)[, ](?=\d{3}\b)", "", text)
    text = re.sub(r"(?<=\d)\s*-?ish\b", "", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)
    text = re.sub(r"[~≈]", " about ", text)
    text = re.sub(r"[a-z]+", lambda m: SPELT.get(m.group(0), m.group(0)), text)
    text = spelt_right(text, AMOUNT_VOCABULARY, swaps_only_below=5)  # "12 monhts", "ovre"
    text = re.sub(r"\bhalf[ -]terms?\b", "halfterm", text)  # "every half term": six a year
    text = re.sub(r"\b(?:a )?full year\b", "1 year", text)  # "1 lad, full year"
    text = re.sub(r"\bfull time for the year\b", "for 1 year", text)  # an apprentice
    # Dictated numbers heard as words: "give for hours a week", "in for months", "too sessions".
    text = re.sub(
        rf"\b(in|within|give|do|offer|about|around|roughly|maybe) for (?={_HEARD})", r"\1 4 ", text
    )
    text = re.sub(
        rf"^for (?={_HEARD})|\btoo (?={_HEARD})",
        lambda m: "4 " if m.group(0).startswith("f") else "2 ",
        text,
    )
    text = re.sub(r"\bgbp\s*(?=\d)", "£", text)  # "GBP 45,000"
    text = re.sub(r"\b(?:level|lvl|l|nvq)\s?[1-8]\b", " ", text)  # "Level 2 course", "L3"
    text = re.sub(
        r"\bp/?(m|w|yr|a)\b",
        lambda m: " a " + {"m": "month", "w": "week"}.get(m.group(1), "year"),
        text,
    )  # "3 hrs p/m"
    # "4.5t/yr", "£5k pa": a rate written short.
    text = re.sub(r"\s*(?:/|per\s+)\s*(yr|year|annum|month|mth|week|wk)\b", r" a \1", text)
    text = re.sub(r"\b(?:pa|p\.a\.?|p/a|per annum)(?=\W|$)", " a year", text)
    text = re.sub(r"(?<=\d)(t|k|m)(?=\s|$|\W)", r" \1", text)
    return " ".join(text.split())


def leading_number(words: list[str]) -> tuple[float, int] | None:  # noqa: C901 (one grammar)
    """The number the words start with and how many words it took, or None."""
    total, group, used, seen = 0.0, 0.0, 0, False
    i = 0
    while i < len(words):
        word, after = words[i], words[i + 1] if i + 1 < len(words) else ""
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            if seen:
                break
            group, seen = float(word), True
        elif word in ONES and (not seen or _takes_ones(group)):
            group, seen = group + ONES[word], True
        elif word in TENS and (not seen or group % 100 == 0 and group >= 100):
            group, seen = group + TENS[word], True
        elif word == "point" and seen and after in ONES and ONES[after] < 10:
            digits = ""
            while i + 1 < len(words) and words[i + 1] in ONES and ONES[words[i + 1]] < 10:
                i += 1
                digits += str(ONES[words[i]])
            group = float(f"{int(group)}.{digits}")  # "one point two million"
        elif word in ("a", "an") and after in _NEEDS_NUMBER_AFTER_A and not seen:
            group, seen = 1.0, True
        elif word in ("a", "an") and seen and (after in SCALES or after == "dozen"):
            pass  # "half a million", "half a dozen"
        elif word in ("half", "quarter") and not seen:
            group, seen = (0.5 if word == "half" else 0.25), True
            if after == "of":
                i += 1  # "quarter of a million"
        elif word in ("quarter", "quarters") and seen and group < 4:
            group *= 0.25  # "three quarters of a million"
            if after == "of":
                i += 1
        elif word == "and" and seen and after in ("a", "half") and "half" in words[i : i + 3]:
            group += 0.5  # "two and a half"
            i += 3 if after == "a" else 2
            used = i
            continue
        elif word == "and" and seen and (after in ONES or after in TENS):
            pass  # "one hundred and twenty"
        elif word == "couple" and (not seen or group == 1):
            group, seen = 2.0, True
            if after == "of":
                i += 1
        elif word == "dozen":
            group, seen = (group or 1) * 12, True
            if after == "of":
                i += 1
        elif word in SCALES and seen:
            if word == "hundred":
                group *= 100
            else:
                total, group = total + group * SCALES[word], 0.0
        else:
            break
        i += 1
        used = i
    if not seen:
        return None
    return total + group, used


def _takes_ones(group: float) -> bool:
    """Whether a number so far can take a one after it: "twenty" (one), "four hundred" (ten)."""
    return (group % 100 >= 20 and group % 10 == 0) or (group % 100 == 0 and group >= 100)


def words_of(text: str) -> list[str]:
    """The words and figures of tidied text ("£" and "%" are words of their own)."""
    return _TOKEN.findall(text)


def strip_hedges(text: str) -> str:
    """Text without the hedging words in front of a number ("about", "roughly", "up to")."""
    return HEDGES.sub("", text).strip()


def read_number(text: str) -> tuple[float, list[str]] | None:
    """The number at the start of text (after hedges and a "£"), and the words after it."""
    cleaned = strip_hedges(tidy(text))
    sign = -1 if re.match(r"^(?:£\s*)?-\s*\d", cleaned) else 1
    words = words_of(cleaned)
    pound = bool(words) and words[0] == "£"
    if pound:
        words = words[1:]
    found = leading_number(words)
    if found is None:
        return None
    value, used = found
    rest = words[used:]
    return sign * value, (["£"] if pound else []) + rest


def numbers_in(text: str) -> list[tuple[float, list[str]]]:
    """Every number in the text with the words that follow it up to the next number."""
    words = words_of(tidy(text))
    found: list[tuple[float, list[str]]] = []
    i = 0
    while i < len(words):
        number = leading_number(words[i:])
        if number is None or words[i] in ("a", "an", "half") and number[1] == 1:
            if found:
                found[-1][1].append(words[i])
            i += 1
            continue
        found.append((number[0], []))
        i += number[1]
    return found
