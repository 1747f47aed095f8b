"""The written response, written by rules from the commitments in the council's words; each
sentence with an importance, so that offer/fitting.py can fit it to a word limit."""

import re
from dataclasses import dataclass, field

from offer import milestones, prose
from offer.fitting import DETAIL, ESSENTIAL, USEFUL, Sentence
from offer.model import Commitment, IntrinsicValue, Supplier

INTRO_HEADING = "About us"
EXTRA_HEADING = "What this contract adds"
REPORT_HEADING = "How we will report"
NONE_WORDS = {
    "none", "no", "n/a", "na", "nobody", "no one", "-", "nothing", "not yet", "none yet",
    "no partner", "no partners", "no partners yet", "just us", "only us", "no one else",
}  # fmt: skip
KINDS = {
    "charity": "a charity",
    "social-enterprise": "a social enterprise",
    "community-business": "a community business",
    "cooperative": "a co-operative",
    "sme": "a small business",
    "large": "a large business",
}
STAFF = {"micro": "fewer than 10", "small": "between 10 and 49", "medium": "between 50 and 249"}
# What is extra for the contract, said once for each kind: (one commitment, several).
CLASSES = {
    "additional": (
        "is additional to the services this contract pays for",
        "are additional to the services this contract pays for",
    ),
    "core": (
        "will be delivered as part of the contracted service",
        "will be delivered as part of the contracted service",
    ),
    "organisation-wide": (
        "continues what we already do across the organisation, for the life of the contract",
        "continue what we already do across the organisation, for the life of the contract",
    ),
}


@dataclass(frozen=True)
class Council:
    """What the response says of the council: its name, place, and its measures' pledges."""

    name: str
    place: str
    pledges: dict[str, str] = field(default_factory=dict)
    keep: frozenset[str] = frozenset()  # words that keep their capital (places, acronyms)


def _when(timescale: str | None) -> str:
    text = prose.timescale((timescale or "").strip().rstrip("."))
    if not text:
        return ""
    return f" within {text}" if text[0].isdigit() else f" {text[0].lower()}{text[1:]}"


def _the(council: str) -> str:
    """A council's name as it reads in a sentence: "the London Borough of Tower Hamlets"."""
    return f"the {council}" if council.startswith(("London Borough", "Royal Borough")) else council


def _names_its_kind(name: str, kind: str) -> bool:
    """Whether an organisation's name already says its kind ("Apna Cafe Co-operative")."""
    words = {"a co-operative": ("co-op", "cooperative", "co-operative"), "a charity": ("charity",)}
    return any(word in name.lower() for word in words.get(kind, ()))


def _given(text: str | None) -> bool:
    said = prose.sentences(text)
    return bool(said) and said[0].lower().rstrip(".") not in NONE_WORDS


class Writer:
    """Writes the response's sentences from an offer's parts, in the council's words."""

    def __init__(self, council: Council):
        self.council = council
        self.said: list[Sentence] = []

    def add(self, section: str, text: str, importance: int) -> None:
        """Add a sentence, or several from the supplier's own words; one that is only a list
        of things ("Photos too.") joins the sentence before it."""
        for part in prose.sentences(text):
            if any(part == said.text for said in self.said):
                continue  # said already, for another commitment
            before = self.said[-1] if self.said else None
            if before and before.section == section and not prose.has_verb(part):
                joined = f"{before.text.rstrip('.!?')}; {self.clause(part)}."
                self.said[-1] = Sentence(section, joined, before.importance)
            else:
                self.said.append(Sentence(section, part, importance))

    def clause(self, text: str | None) -> str:
        """The supplier's words, to go inside a sentence."""
        return prose.clause(text, self.council.keep)

    def about(self, supplier: Supplier, value: IntrinsicValue, themes: list[str]) -> None:
        """Who the supplier is, what it already does, and the priorities the offer answers."""
        kind = KINDS.get(supplier.type or "")
        if kind:
            if supplier.type == "sme" and supplier.size == "medium":
                kind = "a medium-sized business"
            staff = STAFF.get(supplier.size or "")
            staff = f" with {staff} staff" if staff else ""
            place = f" based in {self.council.place}" if supplier.local else ""
            if _names_its_kind(supplier.name, kind):  # "… Co-operative is a co-operative"
                text = f"{supplier.name} is based in {self.council.place}" if place else ""
                text = text + (f", {staff.strip()}" if text and staff else "")
            else:
                text = f"{supplier.name} is {kind}{place}{',' if place and staff else ''}{staff}"
            self.add(INTRO_HEADING, text, ESSENTIAL)
        self._activity(supplier.activity)
        if _given(value.beneficiaries):
            supported = self.clause(value.beneficiaries)
            self.add(INTRO_HEADING, f"We already support {supported}", USEFUL)
        if _given(value.outcomes):
            outcomes = value.outcomes or ""
            if prose.has_verb(prose.sentences(outcomes)[0]):
                self.add(INTRO_HEADING, outcomes, USEFUL)
            else:
                self.add(INTRO_HEADING, f"For them, our work means {self.clause(outcomes)}", USEFUL)
        if _given(value.evidence):
            how = "because" if prose.has_verb((value.evidence or "").split(",")[0]) else "from"
            self.add(INTRO_HEADING, f"We know this {how} {self.clause(value.evidence)}", DETAIL)
        if _given(value.areas):
            self.add(INTRO_HEADING, f"We work in {self.clause(value.areas)}", USEFUL)
        if themes:
            names = prose.join([self.clause(t) for t in themes])
            priorities = "priority" if len(themes) == 1 else "priorities"
            council = _the(self.council.name)
            council += "'" if council.endswith("s") else "'s"
            text = f"This offer supports {council} {priorities} for {names}"
            self.add(INTRO_HEADING, text, USEFUL)

    def _activity(self, activity: str | None) -> None:
        if not _given(activity):
            return
        text = activity or ""
        if prose.starts_organisation(text):
            self.add(INTRO_HEADING, f"We are {prose.article(self.clause(text))}", USEFUL)
        elif prose.has_verb(prose.sentences(text)[0]):
            self.add(INTRO_HEADING, text, USEFUL)
        else:
            self.add(INTRO_HEADING, f"Our work covers {self.clause(text)}", USEFUL)

    def commitment(self, section: str, c: Commitment) -> None:
        """What the response says about one commitment, in the order an evaluator reads it."""
        self._promise(section, c)
        if _given(c.beneficiaries):
            self.add(section, f"This will benefit {self.clause(c.beneficiaries)}", USEFUL)
        if _given(c.delivery):
            self._idea(section, prose.sentences(c.delivery), "", "We will deliver it through")
        if _given(c.partners):
            self.add(section, f"We will work with {self.clause(c.partners)}", DETAIL)
        if c.milestones:
            yearly = f"Year by year, our targets are {milestones.said(c.milestones)}"
            self.add(section, yearly, USEFUL)
        if _given(c.evidence):
            evidence = c.evidence or ""
            if prose.has_verb(evidence.split(",")[0]):  # "we'll weigh each load": their words
                self.add(section, evidence, USEFUL)
            else:
                self.add(section, f"We will evidence this with {self.clause(evidence)}", USEFUL)

    def _promise(self, section: str, c: Commitment) -> None:
        """What will be done, how much and by when: in the council's words for its measure,
        or in the supplier's own with the target after."""
        pledge = self.council.pledges.get(c.measure_id or "")
        idea = prose.sentences(c.description or c.title)
        when = _when(c.timescale)
        if c.milestones and re.match(r"\s*(?:every|each)\b", c.timescale or "", re.I):
            when = " over the contract"  # the total; the yearly targets follow
        if pledge and c.quantity is not None:
            promise = pledge.format(amount=prose.count(c.quantity, c.unit))
            if "this contract" in promise and re.fullmatch(
                r" over the (?:whole |life of the )?contract", when
            ):
                when = ""  # "over the whole contract, we will spend … on this contract"
            if when and len(promise.split()) > 10:  # a long promise reads better date first
                text = f"{when.strip()[0].upper()}{when.strip()[1:]}, we will {promise}"
            else:
                text = f"We will {promise}{when}"
            self.add(section, text, ESSENTIAL)
            if idea and (c.description or "").strip().lower() != c.title.strip().lower():
                self._idea(section, idea, "To do this, we will", "")
            return
        first = self.clause(idea[0] if idea else "") or "this commitment"
        lead = "We will" if prose.starts_with_verb(first) else "We commit to"
        target = "" if c.quantity is None else prose.count(c.quantity, c.unit)
        target = f", with a target of {target}" if target else ""
        self.add(section, f"{lead} {first}{target}{when}", ESSENTIAL)
        self.add(section, " ".join(idea[1:]), USEFUL)

    def _idea(self, section: str, parts: list[str], verb_lead: str, other_lead: str) -> None:
        """The supplier's own sentences; the first led in so that it reads as a sentence."""
        first = parts[0]
        if verb_lead and prose.starts_with_verb(first):
            first = f"{verb_lead} {self.clause(first)}"
        elif other_lead and not prose.has_verb(first):
            first = f"{other_lead} {self.clause(first)}"
        self.add(section, first, USEFUL)
        self.add(section, " ".join(parts[1:]), USEFUL)

    def extra(self, commitments: list[Commitment]) -> None:
        """Which commitments are extra for this contract and which the organisation already
        does, said once for each kind, by the headings they are under."""
        for kind, (one, several) in CLASSES.items():
            themes = [
                c.theme_title or "other commitments"
                for c in commitments
                if c.classification == kind
            ]
            themes = list(dict.fromkeys(self.clause(t) for t in themes))
            if themes:
                count = sum(c.classification == kind for c in commitments)
                noun, verb = ("commitment", one) if count == 1 else ("commitments", several)
                self.add(EXTRA_HEADING, f"Our {noun} on {prose.join(themes)} {verb}", DETAIL)

    def report(self) -> None:
        """The reporting plan: what is reported, to whom, and what happens if a target slips."""
        text = (
            f"We will report progress on every commitment to {_the(self.council.name)}, with the "
            "evidence set out above, at the intervals the contract sets"
        )
        self.add(REPORT_HEADING, text, DETAIL)
        slips = "If we are at risk of missing a target, we will tell the council promptly, "
        self.add(REPORT_HEADING, slips + "explain why and agree a recovery plan", DETAIL)


def all_sentences(
    supplier: Supplier,
    sections: list[tuple[str, list[Commitment]]],
    value: IntrinsicValue,
    council: Council,
) -> list[Sentence]:
    """Every sentence the response could hold, in order."""
    writer = Writer(council)
    writer.about(supplier, value, [title for title, items in sections if items])
    for title, commitments in sections:
        for commitment in commitments:
            writer.commitment(title, commitment)
    writer.extra([c for _, items in sections for c in items])
    writer.report()
    return writer.said
