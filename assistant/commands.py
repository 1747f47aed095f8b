"""Recognising a command in what the supplier typed: help, back, skip, start again, change a
section or a commitment, use that (questions: assistant/questions.py)."""

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from assistant.flow import Flow
from assistant.questions import plain_letters

_SIMPLE = {
    "help": "help",
    "back": "back",
    "go back": "back",
    "undo": "back",
    "previous": "back",
    "skip": "skip",
    "skip this": "skip",
    "skip this one": "skip",
    "start again": "start-again",
    "start over": "start-again",
    "restart": "start-again",
    "reset": "start-again",
    "add another": "add-another",
    "add another one": "add-another",
    "another one": "add-another",
    "one more": "add-another",
    "add one more": "add-another",
    "use that": "use-that",
    "use what i typed": "use-that",
    "that was my answer": "use-that",
    "thats my answer": "use-that",
    "that's my answer": "use-that",
    "it was my answer": "use-that",
    "that was an answer": "use-that",
    "keep that": "use-that",
}
_CHANGE = re.compile(r"^(?:change|edit|go to)\s+(?:the\s+|my\s+)?(.+)$")
# Asking for help with the question itself, not about social value: "not sure what you mean",
# "example please", "what do I put here" (answered like "help": why it is asked, an example).
_THIS = r"(?: (?:this|that|it|the question|this question|this one|this bit|here))?"
_HELP_REQUEST = re.compile(
    r"^(?:sorry |hi |ok |hmm |um |erm )*(?:"
    r"(?:i )?(?:dont|do not) (?:understand|get|follow|know what to (?:put|write|say))"
    rf"(?: what you mean| what (?:this|that|it) means| what youre asking)?{_THIS}"
    r"|(?:im |i am )?(?:not sure|unsure|confused|lost|stuck)"
    r"(?: (?:what|how) (?:you mean(?: by(?: \w+){1,3})?|(?:this|that|it) means"
    r"|to (?:answer|put|write|say))"
    rf"| what youre asking| what to (?:put|write|say)| (?:about|with|by|on)){{0,1}}{_THIS}"
    r"|(?:no idea|no clue|dunno|idk)"
    rf"(?: what (?:to (?:put|write|say)|you mean|(?:this|it) means))?{_THIS}"
    r"|(?:can you |could you |can u |could u |please |pls |plz )?"
    r"(?:explain|explain (?:it|this|that|again)|say (?:that|it) again|rephrase|"
    r"give (?:me )?(?:an )?examples?|show (?:me )?(?:an )?examples?|(?:an )?examples?|"
    r"(?:any |some )?(?:tips|ideas|suggestions)|help me|more help)(?: please| pls| plz)?"
    r"|(?:i )?(?:need|want) (?:some |a bit of )?help(?: with)?" + _THIS + r"(?: please| pls)?"
    r"|what (?:do you|does (?:this|that|it)) mean(?: by (?:that|this))?"
    r"|what (?:is|are) you (?:asking|after|looking for)(?: here)?"
    r"|what (?:do|should|shall) (?:i|we) (?:put|write|say|answer)(?: here| for (?:this|that))?"
    r"|(?:im |i am )?not sure(?: yet| who| what| which)?(?: \w+){0,5},?"
    r" (?:any|got any) (?:ideas|suggestions|tips)"
    r"|(?:no idea|dunno|not sure),? (?:you tell me|what do others do|what do other people put)"
    r"|(?:im |i am )?not sure what (?:they|the council|you)(?:d| would| will)?"
    r" (?:accept|want|need|like|expect)"
    r"|i was hoping (?:you ?d|you would) tell me|whoever you think"
    r"|whatever (?:you|they) (?:think|need|want)"
    r"|i (?:dont|do not) know what you want(?: here)?"
    r"|what (?:sort|kind|type) of (?:thing|answer|things)(?: do you| are you)?"
    r" (?:want|need|mean|after)(?: here)?"
    r")\W*$"
)
# "change commitment c3", "remove commitment 2": one commitment, by id or by its number.
_ONE_COMMITMENT = re.compile(
    r"^(change|edit|remove|delete)\s+(?:the\s+)?commitment\s+(?:number\s+)?(c?\d{1,3})$"
)
# Other names suppliers use for the stages.
STAGE_ALIASES = {
    "about-you": ["about you", "about me", "organisation", "my organisation", "details"],
    "opportunity": ["contract", "the contract", "opportunity", "tender"],
    "themes": ["priorities", "commitments", "themes", "council's priorities", "offer"],
    "value": ["what you already do", "what we already do", "value", "intrinsic value"],
    "check": ["check", "check your offer", "summary"],
}


@dataclass(frozen=True)
class Command:
    """A command: 'help', 'back', 'skip', 'start-again', 'change' (with a stage id),
    'add-another', 'use-that', or 'change-commitment' / 'remove-commitment' (with the
    commitment's id, "c3", or its number in the offer, "3")."""

    name: str
    stage: str | None = None
    commitment: str | None = None


def parse_command(text: str, flow: Flow) -> Command | None:
    """The command the text is, if it is one (whole-message commands only)."""
    one = _ONE_COMMITMENT.match(" ".join(text.lower().split()))
    if one:
        verb = "remove" if one.group(1) in ("remove", "delete") else "change"
        return Command(f"{verb}-commitment", commitment=one.group(2))
    plain = plain_letters(text)
    if plain in _SIMPLE:
        return Command(_SIMPLE[plain])
    if _HELP_REQUEST.match(plain.replace("'", "")):
        return Command("help")
    if plain == "change":
        return Command("change", None)
    match = _CHANGE.match(plain)
    stage = _stage_named(match.group(1), flow) if match else None
    # "Go to local schools..." is an answer, not a command: only a known section is a change.
    return Command("change", stage) if stage else None


def _stage_named(name: str, flow: Flow) -> str | None:
    names = {stage.title.lower(): stage.id for stage in flow.stages}
    names |= {alias: sid for sid, aliases in STAGE_ALIASES.items() for alias in aliases}
    names |= {stage.id.replace("-", " "): stage.id for stage in flow.stages}
    match = process.extractOne(name, list(names), scorer=fuzz.ratio, score_cutoff=80)
    stage = names[match[0]] if match else None
    return stage if stage in flow.stage_ids() else None
