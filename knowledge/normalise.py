"""Text normalisation for matching: case, punctuation, abbreviations, synonyms and word endings."""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Abbreviations suppliers type, expanded to the words the knowledge base uses.
ABBREVIATIONS = {
    "llw": "london living wage",
    "rlw": "real living wage",
    "nlw": "national living wage",
    "nmw": "national minimum wage",
    "vcse": "voluntary community social enterprise",
    "vcses": "voluntary community social enterprise",
    "vcs": "voluntary community sector",
    "sme": "small medium enterprise",
    "smes": "small medium enterprise",
    "cic": "community interest company",
    "cio": "charitable incorporated organisation",
    "cvs": "council for voluntary service",
    "sroi": "social return on investment",
    "toms": "national toms themes outcomes measures",
    "tom": "national toms themes outcomes measures",
    "neet": "not in education employment training",
    "neets": "not in education employment training",
    "kpi": "key performance indicator",
    "kpis": "key performance indicator",
    "ppn": "procurement policy note",
    "npps": "national procurement policy statement",
    "sv": "social value",
    "co2": "carbon",
    "co2e": "carbon",
    "ghg": "carbon",
    "ev": "electric vehicle",
    "evs": "electric vehicle",
    "edi": "equality diversity inclusion",
    "dei": "equality diversity inclusion",
    "csr": "corporate social responsibility",
    "itt": "invitation to tender",
    "mtb": "meet the buyer",
    "pa23": "procurement act",
    "gdpr": "data protection privacy",
    "u": "you",
    "ur": "your",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "vs": "or",
    "versus": "or",
}

# Common misspellings that the general typo correction would not catch reliably.
MISSPELLINGS = {
    "waht": "what",
    "wat": "what",
    "wot": "what",
    "whta": "what",
    "traning": "training",
    "trainning": "training",
    "socail": "social",
    "scoial": "social",
    "vaule": "value",
    "valeu": "value",
    "apprentiship": "apprenticeship",
    "apprentiships": "apprenticeships",
    "apprenticships": "apprenticeships",
    "aprenticeships": "apprenticeships",
    "enviroment": "environment",
    "enviromental": "environmental",
    "enviornment": "environment",
    "voluntering": "volunteering",
    "volenteering": "volunteering",
    "charites": "charities",
    "comitment": "commitment",
    "commitmment": "commitment",
    "comittments": "commitments",
    "proportionalty": "proportionality",
    "procurment": "procurement",
    "tendor": "tender",
    "wieghting": "weighting",
    "weigthing": "weighting",
    "gonna": "going to",
    "wanna": "want to",
}

# Words that mean the same thing here, mapped to one spelling.
SYNONYMS = {
    "firm": "business",
    "firms": "business",
    "company": "business",
    "companies": "business",
    "businesses": "business",
    "organisation": "organisation",
    "organization": "organisation",
    "organisations": "organisation",
    "organizations": "organisation",
    "org": "organisation",
    "kids": "young",
    "youngsters": "young",
    "youth": "young",
    "teenagers": "young",
    "teens": "young",
    "graduates": "young",
    "hire": "recruit",
    "hiring": "recruit",
    "hired": "recruit",
    "employ": "recruit",
    "employing": "recruit",
    "recruiting": "recruit",
    "recruitment": "recruit",
    "paperwork": "evidence",
    "records": "evidence",
    "receipts": "evidence",
    "subbies": "subcontractor",
    "subcontractors": "subcontractor",
    "climate": "carbon",
    "co2": "carbon",
    "nearby": "local",
    "locally": "local",
    "neighbourhood": "local",
    "tiny": "small",
    "little": "small",
    "smaller": "small",
    "apprenticeship": "apprentice",
    "apprenticeships": "apprentice",
    "wellbeing": "wellbeing",
    "charitys": "charity",
    "charities": "charity",
    "authority": "council",
    "authorities": "council",
    "buyer": "council",
    "buyers": "council",
    "bid": "tender",
    "bids": "tender",
    "bidding": "tender",
    "tenders": "tender",
    "tendering": "tender",
    "quote": "tender",
    "pounds": "money",
    "cash": "money",
    "staff": "employee",
    "employees": "employee",
    "workers": "employee",
    "worker": "employee",
    "colleagues": "employee",
    "team": "employee",
    "pay": "wage",
    "salary": "wage",
    "salaries": "wage",
    "wages": "wage",
    "greener": "environment",
    "green": "environment",
    "environmental": "environment",
    "eco": "environment",
    "emissions": "carbon",
    "emission": "carbon",
    "prove": "evidence",
    "proof": "evidence",
    "evidencing": "evidence",
    "marked": "score",
    "marking": "score",
    "scored": "score",
    "scoring": "score",
    "points": "score",
    "marks": "score",
    "evaluate": "score",
    "evaluated": "score",
}

_STOPWORD_TEXT = """
actually apparently basically certainly completely definitely especially exactly literally
obviously probably quite recently seriously simply totally truly
afraid confused cos coz gutted honestly nervous scared sorry stuck worried worry worrying
aren couldn didn doesn don hadn hasn haven isn shouldn wasn weren won wouldn
a about above after again all also am an and any are as at be because been before being
below between both but by can cant could did didnt do does doesnt doing dont down during
each even ever few for from further get gets getting got had has have having he her here
hers him his how hi hello i id if im in into is isnt it its itself ive just let lets
like me might more most must my myself need needs no nor not now of off ok okay on
once only or other our ours out over own please really same say she should shouldnt so
some still such sure tell than thanks that thats the their them then there these they
thing things this those through to too under until up us very want was we well were weve
what whats where which while who whom will with would wouldnt yeah yes yet you
youre your yours
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_WORD = re.compile(r"[a-z0-9]+")
# Two-word spellings that mean one thing, joined before splitting into words.
_JOINED = [
    (re.compile(r"\bwell[\s-]+being\b"), "wellbeing"),
    (re.compile(r"\bnet[\s-]+zero\b"), "netzero"),
    (re.compile(r"\bco[\s-]?op(erative)?s?\b"), "cooperative"),
]


def _ascii_lower(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii").lower().replace("’", "'")


_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter2) stem, applied alike to questions and phrasings."""
    return word if word.isdigit() else _STEMMER.stemWord(word)


def words(text: str) -> list[str]:
    """Lower-cased words with misspellings, abbreviations and synonyms resolved (stopwords kept)."""
    result: list[str] = []
    lowered = _ascii_lower(text).replace("'", " ")
    for pattern, joined in _JOINED:
        lowered = pattern.sub(joined, lowered)
    for raw in _WORD.findall(lowered):
        if len(raw) <= 2 and raw not in ABBREVIATIONS and not raw.isdigit():
            continue
        expanded = ABBREVIATIONS.get(raw) or MISSPELLINGS.get(raw) or raw
        for word in expanded.split():
            result.append(SYNONYMS.get(word, word))
    return result


def content_words(text: str) -> list[str]:
    """The content words of a text, not yet stemmed (typo correction compares these)."""
    return [word for word in words(text) if word not in STOPWORDS]


def content_tokens(text: str) -> list[str]:
    """The stemmed content words of a text: what matching compares."""
    return [stem(word) for word in content_words(text)]
