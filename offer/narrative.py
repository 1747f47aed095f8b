"""The written response, generated from the commitments by rules, and fitted to a word limit.

Every sentence has an importance. To fit the limit, the least important sentences go first
(the last of them first), then whole sections' headings once they are empty. Sentences are
never cut in the middle, so the text never ends mid-sentence.
"""

from dataclasses import dataclass

from offer.model import Commitment, IntrinsicValue, Supplier

# Importance: 1 must stay as long as possible; 3 goes first.
ESSENTIAL, USEFUL, DETAIL = 1, 2, 3
INTRO_HEADING = "Our social value offer"
VALUE_HEADING = "What we already do"
NONE_WORDS = {"none", "no", "n/a", "na", "nobody", "no one", "-"}


@dataclass(frozen=True)
class Sentence:
    """A sentence, its section and how important it is."""

    section: str
    text: str
    importance: int


def words(text: str) -> int:
    """Words as a word counter counts them (GOV.UK character count in words mode)."""
    return len(text.split())


def sentence(text: str | None) -> str:
    """Tidy text into one sentence: capital first, one full stop at the end."""
    cleaned = " ".join((text or "").split()).rstrip(".;:,!? ")
    if not cleaned:
        return ""
    return cleaned[0].upper() + cleaned[1:] + "."


# Words that start a sentence but read lower-case mid-sentence; anything else (a name, a
# place, an acronym) keeps its capital.
COMMON_STARTERS = frozenset(
    [
        "a",
        "an",
        "all",
        "any",
        "older",
        "our",
        "the",
        "their",
        "these",
        "this",
        "those",
        "local",
        "young",
        "people",
        "residents",
        "staff",
        "children",
        "families",
        "students",
        "adults",
        "every",
        "each",
        "up",
        "to",
        "over",
        "at",
        "least",
    ]
)


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first.lower() in COMMON_STARTERS else text


def _when(timescale: str | None) -> str:
    text = (timescale or "").strip()
    if not text:
        return ""
    return f"within {text}" if text[0].isdigit() else text


def commitment_sentences(section: str, c: Commitment, amount: str) -> list[Sentence]:
    """What the narrative says about one commitment."""
    said: list[Sentence] = []

    def add(text: str, importance: int) -> None:
        said.append(Sentence(section, sentence(text), importance))

    details = ", ".join(part for part in (amount, _when(c.timescale)) if part)
    add(f"{c.title}: we commit to {details}" if details else f"We commit to {c.title}", ESSENTIAL)
    if c.beneficiaries:
        add(f"It will benefit {_lower_first(c.beneficiaries)}", USEFUL)
    if c.delivery:
        add(c.delivery, USEFUL)
    if c.evidence:
        add(f"We will evidence this with {_lower_first(c.evidence)}", USEFUL)
    if c.partners and c.partners.strip().lower() not in NONE_WORDS:
        add(f"We will work with {c.partners}", DETAIL)
    if c.classification == "additional":
        add("This is in addition to the service the contract pays for", DETAIL)
    return [s for s in said if s.text]


def all_sentences(
    supplier: Supplier,
    sections: list[tuple[str, list[tuple[Commitment, str]]]],
    value: IntrinsicValue,
) -> list[Sentence]:
    """Every sentence the narrative could hold, in order."""
    said: list[Sentence] = []

    def add(section: str, text: str, importance: int) -> None:
        said.append(Sentence(section, sentence(text), importance))

    add(INTRO_HEADING, f"{supplier.name} sets out below what it will do", USEFUL)
    if supplier.activity:
        add(INTRO_HEADING, supplier.activity, DETAIL)
    for title, commitments in sections:
        for commitment, amount in commitments:
            said.extend(commitment_sentences(title, commitment, amount))
    if value.beneficiaries:
        add(VALUE_HEADING, f"Every day we support {_lower_first(value.beneficiaries)}", ESSENTIAL)
    if value.outcomes:
        add(VALUE_HEADING, value.outcomes, USEFUL)
    if value.evidence:
        add(VALUE_HEADING, f"How we know: {_lower_first(value.evidence)}", USEFUL)
    if value.areas:
        add(VALUE_HEADING, f"We work in {value.areas}", USEFUL)
    add(VALUE_HEADING, "We will report progress on every commitment to the council", DETAIL)
    return [s for s in said if s.text]


def render(kept: list[Sentence]) -> str:
    """Sections with their headings, each a paragraph."""
    blocks: list[str] = []
    current = None
    for item in kept:
        if item.section != current:
            blocks.append(item.section)
            blocks.append("")
            current = item.section
        blocks[-1] = f"{blocks[-1]} {item.text}".strip()
    return "\n\n".join(f"{blocks[i]}\n{blocks[i + 1]}" for i in range(0, len(blocks), 2))


def fit(sentences: list[Sentence], limit: int) -> str:
    """The longest text within `limit` words, dropping the least important sentences first."""
    kept = list(sentences)
    text = render(kept)
    while kept and words(text) > limit:
        lowest = max(s.importance for s in kept)
        drop = max(i for i, s in enumerate(kept) if s.importance == lowest)
        kept.pop(drop)
        text = render(kept)
    return text


def blocks(text: str) -> list[tuple[str | None, str]]:
    """The text as (heading, paragraph) pairs. A short first line without a full stop is a
    heading; the supplier's own edited text may have none."""
    result: list[tuple[str | None, str]] = []
    for block in text.split("\n\n"):
        first, _, rest = block.strip().partition("\n")
        short = len(first.split()) <= 12 and not first.rstrip().endswith((".", "?", "!"))
        is_heading = bool(rest) and short
        result.append((first, rest.strip()) if is_heading else (None, block.strip()))
    return [(h, p) for h, p in result if h or p]
