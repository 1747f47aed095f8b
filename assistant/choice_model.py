"""A second reading of a choice typed in the person's own words: "we could not afford it
without this contract" names no option, but reads like the ones that mean "extra".

Where a choice step's options carry `examples:` (answers people have typed, in the flow), a
model that reads letters rather than words (TF-IDF over 3 to 5 character pieces, and a linear
support vector classifier, as the knowledge base's second opinion) is trained on each option's
label, its `also:` words and its examples. When the rules read no option, its pick is offered
for the person to confirm, never saved unasked."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

# Below this decision value the model is not sure enough to offer its pick.
SURE = 0.0


@dataclass(frozen=True)
class Pick:
    """The option the model reads, and how far above its line (0) it is."""

    value: str
    decision: float


# Each option: (value, the texts that say it).
Said = tuple[tuple[str, tuple[str, ...]], ...]


class ChoiceModel:
    """Trained once per choice step, on what each option is called and how people say it."""

    def __init__(self, said: Said):
        texts = [text.lower() for _, texts in said for text in texts]
        labels = [value for value, texts in said for _ in texts]
        self._vectoriser = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, dtype=numpy.float32
        )
        self._model = LinearSVC(C=0.5, random_state=0).fit(
            self._vectoriser.fit_transform(texts), labels
        )

    def best(self, text: str) -> Pick:
        """The option this model reads in the text."""
        scores = self._model.decision_function(self._vectoriser.transform([text.lower()]))[0]
        best = int(scores.argmax())
        return Pick(str(self._model.classes_[best]), float(scores[best]))


@cache
def model_for(said: Said) -> ChoiceModel:
    """The model for one set of options, trained the first time it is needed."""
    return ChoiceModel(said)


# Not choosing: "whichever scores best", "bit of both".
UNDECIDED = re.compile(
    r"\b(?:whichever|either|both|any of (?:them|those)|all of (?:them|those)"
    r"|let me (?:ask|check)|(?:ask|check with) (?:my|our|the) \w+)\b"
)


def _words(text: str) -> set[str]:
    """Words of four letters or more, by their first four letters, without those that say
    nothing of an option ("it's on the council website somewhere")."""
    return {word[:4] for word in re.findall(r"[a-z]{4,}", text.lower())} - _SAY_NOTHING


_SAY_NOTHING = frozenset(["coun", "some", "port", "webs", "know"])


def pick(text: str, options: Sequence[tuple[str, str, Sequence[str], Sequence[str]]]) -> str | None:
    """The option a person probably means, or None when it is not sure, when they do not
    choose, or when they say nothing the options' words share ("we are a CIC by the way");
    only for options that carry examples. Each option: (value, label, also words, examples)."""
    if not any(examples for *_, examples in options) or UNDECIDED.search(text.lower()):
        return None
    said = tuple((value, (label, *also, *examples)) for value, label, also, examples in options)
    if not _words(text) & _words(" ".join(t for _, texts in said for t in texts)):
        return None
    found = model_for(said).best(text)
    return found.value if found.decision >= SURE else None
