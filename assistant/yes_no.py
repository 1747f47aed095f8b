"""Yes or no, however it is typed ("yep", "sure, go on", "nah, skip that one"), and whether a
message asks a question ("is it ok?") rather than answering one."""

import re

from assistant.parsed import Parsed, clean

YES = {
    "yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "definitely", "of course", "i can",
    "we can", "we could", "go on", "go for it", "why not", "absolutely", "correct", "right",
    "thats right", "that's right", "spot on", "sounds good", "sounds right", "no problem",
    "no worries", "certainly", "please", "yes please", "can do", "i think so", "think so",
    "course", "defo", "deffo", "def", "aye", "yea", "yeh", "ye", "ya", "yah", "yh", "yeha",
    "yse", "yess", "yesss", "yas", "ja", "affirmative", "that's it", "thats it", "exactly",
    "that one", "bang on", "perfect", "good", "great", "fine", "happy to", "alright",
    "all right", "yarp", "indeed", "totally", "for sure", "you bet", "that's the one",
    "thats the one", "count us in", "that is right", "that is correct", "that's correct",
    "thats correct", "that is it", "that is the one",
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
    "agree", "affirmative", "yesh", "haan", "haanji", "ha", "bilkul", "han", "100%", "100", "ye",
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
    r"|\bnot (?:be )?(?:appropriate|applicable|relevant)\b|\bnot for us\b"
    r"|\b(?:does ?n'?t|does not) apply\b"
    r"|^(?:we|i)(?: will| would| do| can| could)? not\b|^(?:we|i) (?:won'?t|can'?t|don'?t)\b"
    r"|^(?:we |i )?(?:can'?t|cant|cannot|cor|won'?t|wont) (?:do|manage) (?:that|it|this)\b"
    r"|\b(?:rather|prefer) not to\b"
)
# "no problem", "no worries" are yes; "not sure", "maybe" are neither.
_YES_AFTER_NO = re.compile(r"^no (?:problem|worries|bother|doubt|objections?)\b")
UNSURE = re.compile(
    r"\b(?:not (?:really |too |that )?sure|unsure|maybe|depends|dunno|don'?t know|perhaps|might|"
    r"no idea)\b"
)


def _meant(said: str) -> str | None:
    """What is left to read: after a correction ("no, yes I mean yes"), or None when yes and
    no are both said ("yes and no")."""
    if found := re.search(r"\b(?:i mean|sorry|actually)\b\W*(.+)$", said):
        return found.group(1)
    plain = re.sub(r"\bno (?:problem|worries|bother|doubt|objections?)\b", "", said)
    if re.search(r"\byes\b", plain) and re.search(r"\bno\b", plain):
        return None
    return said


def _settled_first(text: str) -> bool | None:
    """A whole yes or no said first, before a comma and a caveat."""
    said = clean(text).lower().replace("’", "'")
    if "?" in said:
        return None
    for phrase in _SETTLED:
        words = r",?\s+".join(re.escape(word) for word in phrase.split())
        if re.match(rf"^{words}\s*[,.;—–-]+\s*\S", said):
            return not phrase.startswith("no")
    return None


# Whole confirmations that a caveat after them does not undo (a bare "yes, maybe" is unsure).
_SETTLED = {
    "yes that's right", "yes thats right", "yes that is right", "yes it is", "yes correct",
    "yes that's correct", "that's right", "thats right", "that's correct", "no it isn't",
    "no it's not", "no that's wrong", "no thats wrong",
}  # fmt: skip


def parse_yes_no(text: str) -> Parsed:
    """Yes or no, however it is typed ("yep", "sure, go on", "nah, skip that one")."""
    cleaned = " ".join(re.sub(r"[^a-z0-9%' /]", " ", clean(text).lower()).split())
    if not cleaned:
        return Parsed(problem="required")
    if (settled := _settled_first(text)) is not None:
        return Parsed(settled)  # "Yes, that's right, although it depends on funding"
    if "?" in text or UNSURE.search(cleaned):
        return Parsed(problem="invalid")
    cleaned = _meant(_FILLER_FIRST.sub("", cleaned).strip() or cleaned)
    if cleaned is None:
        return Parsed(problem="invalid")  # "yes and no", "no but yes": ask again
    return _read(cleaned)


def _read(cleaned: str) -> Parsed:
    """Yes or no from the words left to read."""
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
