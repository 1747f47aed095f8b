"""Fitting a written response to a word limit, and reading one back as headed paragraphs.

Every sentence has an importance. To fit the limit, the least important sentences go first
(the last of them first), then whole sections' headings once they are empty. Sentences are
never cut in the middle, so the text never ends mid-sentence.
"""

from dataclasses import dataclass

# Importance: 1 must stay as long as possible; 3 goes first.
ESSENTIAL, USEFUL, DETAIL = 1, 2, 3


@dataclass(frozen=True)
class Sentence:
    """A sentence, its section and how important it is."""

    section: str
    text: str
    importance: int


def words(text: str) -> int:
    """Words as a word counter counts them (GOV.UK character count in words mode)."""
    return len(text.split())


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
