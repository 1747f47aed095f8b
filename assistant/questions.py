"""Telling a question from an answer: a "?", a question word (perhaps after a lead-in word), a
question at the very end without its "?", a whole sentence that asks, or a check on what is
asked followed by the answer."""

import re

from assistant.flow import Step
from assistant.parsed import Parsed
from assistant.parsing import parse_answer
from assistant.state import State
from assistant.turns import Context
from assistant.yes_no import asks

# In free text, "can", "do", "will"... often start a statement ("Can offer 2 placements").
OPEN_QUESTION_WORDS = frozenset(
    ["what", "whats", "how", "why", "where", "who", "which", "explain", "define", "meaning"]
    + ["waht", "wat", "wats", "wot", "whta", "whats", "hw", "howw", "wht", "whay", "ow"]
)
# "Can we...", "does it...", "do receipts count...", "can social value be...": a question even
# without its "?".
_ASKING = re.compile(
    r"^(?:(?:do )?(?:you|yow|u) (?:want|need|mean|prefer)\b)"
    r"|^(?:(?:just |i was |i am |im |i'm )?wondering|(?:i'?d|i would|i want to) (?:like to )?know"
    r"|quick question|(?:just )?checking|can (?:you|u) tell me|(?:please |pls )?tell me"
    r"|(?:im |i'm |i am )?(?:not sure|unsure) (?:whether|if))\b"
    r"|^(?:can|could|do|does|did|is|are|should|would|will|may|must|have|has|am|shall|cant|"
    r"cannot|isnt|arent|dont|doesnt)\s+(?:(?:i|we|you|it|they|this|that|these|those|there|"
    r"he|she|anyone|someone|everyone|the|our|my|your|their)\b|\w+(?:\s+\w+){0,7}\s+(?:count|"
    r"need|matter|qualify|apply|mean|work|have|be)\b)"
    # "Can a volunteer lead it" asks; "do a weekly litter pick" says what they will do.
    r"|^(?:can|could|is|are|should|would|will|may|must|cant|isnt|arent)\s+(?:a|an)\b"
)
# "Is london living wage different...", "should volunteers be paid..." (but not "is delivered
# by our manager" or "is in our price": a participle or a preposition after "is" makes a
# statement). "Do" and "does" ask only with a subject and a verb ("does buying from our
# members count", above): "do a weekly litter pick" and "do up old bikes" are what they will do.
_ASKS_LONG = re.compile(
    r"^(?:is|are|should|must)\s+(?!\w+ed\b|(?:in|on|at|for|with|by|from|to|into|"
    r"part|included|covered|built|paid|done|already|always|just|all|what|how|our|my)\b)"
    r"\w+(?:\s+\w+){2,}"
)
# "How many come each time..." in free text describes a count; "how many can we..." asks.
_DESCRIBES = re.compile(
    r"^how (?:many|much)\b(?!.*\b(?:can|could|do|does|did|should|would|will|is|are|must|"
    r"have|has|i|we|you)\b)"
    # "what we buy, the invoices before and after": what they will show, not a question
    r"|^(?:what|who|where|how) (?:we|they|our|their) (?!(?:need|have|should|must|can|could)\b)"
    r"\w+(?!.*\b(?:should|must|need|do we|can we|have to|if|advise|advice)\b)"
)
# Checking what the assistant is asking: "do you mean day to day?", "is it the title you want?"
_CHECKING = re.compile(r"\b(?:you|u)(?:'re| are)? (?:mean|want|need|asking|after|looking for)\b")
# A "?" that only hedges: "maybe?", "i think?", "i suppose we provide a service?".
_HEDGED = re.compile(
    r"^(?:maybe|perhaps|probably|possibly|i think|i guess|i suppose|i reckon)\b"
    r"|\b(?:maybe|perhaps|probably|i think|i guess|or so|ish)$"
)
# "Invoice is enough or need something more": a question that ends in its alternative.
_EITHER = re.compile(r"\bor (?:not|do|does|is|are|need|needs|should|must|would|can|per)\b")
QUESTION_WORDS = frozenset(
    [
        "what",
        "whats",
        "how",
        "why",
        "when",
        "where",
        "who",
        "which",
        "can",
        "could",
        "do",
        "does",
        "did",
        "is",
        "are",
        "should",
        "would",
        "will",
        "may",
        "explain",
        "define",
        "meaning",
    ]
)


def plain_letters(text: str) -> str:
    """Lower-case letters and apostrophes, one space between words."""
    return " ".join(re.sub(r"[^a-z' ]", " ", text.lower()).split())


def _asks_in_free_text(text: str) -> bool:
    """A "?" in free text asks ("we have to show every receipt?"), unless it only hedges an
    answer ("a feedback card... maybe?", "i suppose we provide a service?")."""
    for sentence in re.findall(r"[^.!?]*\?", text.lower()):
        plain = plain_letters(sentence).replace("'", "")
        if plain and not _HEDGED.search(plain):
            return True
    return False


_CLOSED_QUESTION = re.compile(
    r"^(?:so |and |but |ok |sorry )?(?:(?:is|are|does|did|can|could|should|would|will|must|shall)"
    r" (?:it|this|that|we|i|you|they|there|these|those)|do (?:we|i|you|they|these|those))"
    r"(?: \w+){3,}"  # a question, not "do it anyway"
)


def asks_closed(text: str) -> bool:
    """A yes-or-no question, even where its words name an option: "is it services if we also
    supply the food", "does that make it works"."""
    return bool(_CLOSED_QUESTION.match(plain_letters(text).replace("'", "")))


def asks_outright(text: str) -> bool:
    """A question of its own in the middle or at the end of an answer, not a check on it:
    "We buy the panels but our partner fits them - does that change things?" asks, "goods, is
    that right?" only checks."""
    for asked in re.findall(r"([^?.!]*)\?", text):
        last = plain_letters(re.split(r"[,;:]| [-–—] ", asked)[-1])
        words = last.split()
        if words and words[0] in QUESTION_WORDS and not _ONLY_CHECKS.match(last):
            return True
    return False


_ONLY_CHECKS = re.compile(r"^(?:is|does) (?:that|this|it) (?:right|ok|okay|correct|alright|fine)\b")
# "we arent a charity yet does that matter": a question at the very end, even without its "?".
_ASKS_AT_END = re.compile(
    r"\b(?:does|do|will|would|can|could|is|should|might) (?:that|this|it) (?:matter|count|"
    r"make (?:a|any) difference|affect (?:it|us|anything|things)|change (?:it|anything|things)|"
    r"(?:be )?(?:a problem|an issue|ok|okay|allowed))\s*$"
)
# Words a person may put before a question word: "roughly how much...", "so what...".
# Not "and" or "so": "and what they go on to do" describes.
_LEAD_IN = frozenset(
    ["roughly", "ok", "okay", "also", "just", "sorry", "hi", "hey", "um", "erm", "oh", "right"]
    + ["anyway", "btw", "quickly"]
)


def asks_at_length(text: str) -> bool:
    """A whole sentence that ends in "?" ("after i send, somebody from council will phone
    me?"): a question, though one word of it names an option; not a short or hedged answer
    ("services?", "goods i think?") or a check ("goods, is that right?")."""
    if not text.rstrip().endswith("?"):
        return False
    sentence = re.split(r"[.!;]", text.rstrip().rstrip("?"))[-1]
    last = plain_letters(sentence).replace("'", "")
    tail = plain_letters(sentence.split(",")[-1]).replace("'", "")
    if _HEDGED.search(last) or _HEDGE_INSIDE.search(last) or _ONLY_CHECKS.match(tail):
        return False
    if "," in sentence and _CONCLUDES.match(tail):
        return False  # "it's sessions we run, so a service?": an answer they are unsure of
    return len(last.split()) >= LONG_QUESTION_WORDS


LONG_QUESTION_WORDS = 7
# A short conclusion after a comma: "so a service", "so goods then".
_CONCLUDES = re.compile(r"^so (?:its |it's |it is |a |an )?\w+(?: then| i guess)?$")
# "It's catering, so we cook and deliver, I suppose that's a service?": an answer, hedged.
_HEDGE_INSIDE = re.compile(
    r"\b(?:i think|i suppose|i guess|i reckon|i believe|maybe|probably|perhaps|presumably)\b"
)


def asks_at_end(text: str) -> bool:
    """A question at the end of an answer that does not need its "?": "we arent a charity
    yet does that matter"."""
    return bool(_ASKS_AT_END.search(plain_letters(text.rstrip(" ?!.")).replace("'", "")))


def _question_start(words: list[str]) -> list[str]:
    """The words from the question word on, past up to two lead-in words ("roughly how much
    evidence" -> "how much evidence")."""
    for skip in range(min(3, len(words))):
        if skip and words[skip - 1] not in _LEAD_IN:
            break
        if words[skip] in OPEN_QUESTION_WORDS:
            return words[skip:]
    return words


# "we don't keep names for safety reasons, is that a problem": a question at the end.
_TRAILING_QUESTION = re.compile(
    r"^(?:is|does|do|can|will|would|should|could|must) (?:that|this|it|we|i)\b"
)


def answer_after_question(text: str) -> str | None:
    """The answer a person gives straight after checking what is asked: "Do you mean day to
    day? We run the community room..." (a question after a statement is a question)."""
    found = re.match(r"^\s*(?P<asked>[^?]*)\?\s*(?P<rest>[^?]+)$", text, re.S)
    asked = plain_letters(found.group("asked")) if found else ""
    # Checking starts "do you...", "is it...", "so you...": "How would you want us to show
    # this without naming anyone? Our rules are strict." asks, and says why.
    if not found or not _CHECKING.search(asked) or not _CHECK_START.match(asked):
        return None
    rest = found.group("rest").strip()
    if len(rest.split()) < 3 or looks_like_question(rest, free_text=True):
        return None
    return rest


_CHECK_START = re.compile(r"^(?:sorry |ok |so )?(?:do|does|did|is|are|you|u|by|or|just|to check)\b")


def opens_question(text: str) -> bool:
    """Whether it starts with an open question word ("what", "wats", "how"): a question even
    where its words also read as an answer ("wats the diff between extra n part of the service")."""
    words = _question_start(plain_letters(text).replace("'", "").split())  # "sorry what..."
    if not words or words[0] not in OPEN_QUESTION_WORDS:
        return False
    asked = text.rstrip().endswith("?") or bool(set(words[1:4]) & _ASKED_ABOUT)
    return asked and not answer_after_question(text)


# Words that make an open question word ask: "what is...", "wats the diff...", "how do...".
_ASKED_ABOUT = {"is", "are", "does", "do", "diff", "difference", "mean", "means", "should", "can"}


def looks_like_question(text: str, free_text: bool) -> bool:
    """A question mark; a sentence that starts with a question word (at a free-text step, an
    open one, "can we", "does it"..., or "is", "does", "should" before a longer sentence,
    since "Can offer 2 placements" is an answer there); or a question that ends in its
    alternative ("... or need something more")."""
    if asks(text) or (_asks_in_free_text(text) if free_text else "?" in text):
        return True  # at a choice or number step, a "?" answer that reads is still an answer
    if asks_at_end(text):
        return True
    tail = plain_letters(re.split(r",", text)[-1]) if "," in text else ""
    if free_text and _TRAILING_QUESTION.match(tail) and not _ONLY_CHECKS.match(tail):
        return True
    # At a choice or number step a question may follow a comma: "the money, is it paid after?"
    breaks = r"[.!;\n]+" if free_text else r"[.!;,\n]+"
    for sentence in re.split(breaks, text):
        plain = plain_letters(sentence).replace("'", "")
        words = _question_start(plain.split())
        plain = " ".join(words)
        if not words:
            continue
        if not free_text and words[0] in QUESTION_WORDS:
            return True
        if free_text and _DESCRIBES.match(plain):
            continue  # "how many come each time, and a feedback card": what they will count
        if words[0] in OPEN_QUESTION_WORDS or _ASKING.match(plain) or _ASKS_LONG.match(plain):
            return True
    plain = plain_letters(text).replace("'", "")
    return len(plain.split()) <= 15 and bool(_EITHER.search(plain))


def is_question(ctx: Context, step: Step, state: State, text: str, parsed: Parsed) -> bool:
    """Whether what was typed at this step is a question to answer, not the answer (`parsed`
    is how it reads as one)."""
    free_text = step.answer.type == "text"
    return looks_like_question(text, free_text) and (
        free_text
        or not parsed.ok
        or opens_question(text)
        or asks_at_end(text)
        or asks_at_length(text)
        or (
            (asks_outright(text) or asks_closed(text))
            and not _answered_after(ctx, step, state, text)
        )
        or _asks_before_saying_more(ctx, text)
    )


def _asks_before_saying_more(ctx: Context, text: str) -> bool:
    """A question the knowledge base answers, then words that say more about it, not the
    answer taken up from it: "council pay invoice in 30 day? other council we wait 3 month
    last time" (not "Per year or total? Total is £54,000")."""
    asked, rest = text.rsplit("?", 1) if "?" in text else ("", "")
    last = plain_letters(re.split(r"[?.!]", asked)[-1])
    if len(last.split()) < ASKS_FIRST_WORDS or not rest.strip() or _HEDGED.search(last):
        return False
    if _HEDGE_INSIDE.search(last) or _WORKED_OUT.search(last) or _ABOUT_THE_ANSWER.match(last):
        return False  # "...I make that about 3,000 hours? maybe I've got that wrong": a check
    if _ONLY_CHECKS.match(last) or (_content_words(last) & _content_words(rest)) - _GENERIC:
        return False
    return ctx.search(last).answered


# ("Have students from the college out on the farm" says what they will do: "have" asks only
# with a subject after it, in _ASKING.)
# Words that say nothing of what was asked ("other council we wait 3 month").
_GENERIC = frozenset(["counc", "contr", "socia", "value", "other", "their", "there", "they"])
_WORKED_OUT = re.compile(r"\b(?:i make (?:that|it)|that'?s|thats|which is|comes to)\b")
# "Is that what I said? Yes, that's right.": a question about their own answer.
_ABOUT_THE_ANSWER = re.compile(r"^(?:is|was) (?:that|this|it) what\b|^(?:did|have) i\b|^do you\b")
ASKS_FIRST_WORDS = 4  # "How many? Let's say 6 a year": a check on the step, not a question


def _answered_after(ctx: Context, step: Step, state: State, text: str) -> bool:
    """Whether what follows the last question reads as the answer: "What counts as a community
    group? We're a TRA, so community group I'd say." (not "...? Sorry, I mean for this form")."""
    asked, rest = text.rsplit("?", 1) if "?" in text else ("", "")
    # A short check ("How many? Let's say 6 a year"), or an answer that takes up what was asked
    # ("What counts as a community group? ...community group I'd say"); "is there a minimum
    # number of hours to count as a job? our riders do about 20 a week" says something else,
    # and is still a question.
    last = re.split(r"[?.!]", asked)[-1]
    checks = len(last.split()) <= SHORT_CHECK_WORDS
    takes_up = checks or bool(_content_words(last) & _content_words(rest))
    return bool(rest.strip()) and takes_up and parse_answer(ctx, step, state, rest).ok


def _content_words(text: str) -> set[str]:
    """Words of four letters or more, by their first five letters ("groups", "group")."""
    return {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _NOT_CONTENT}


_NOT_CONTENT = frozenset(["that", "this", "with", "what", "have", "does", "would", "could"])
SHORT_CHECK_WORDS = 6  # "would we do it otherwise?", "is that everything?": checks on the step
