"""A second opinion on which document a question is about, from a different kind of model.

The fuzzy index (knowledge/index.py) scores whole words: it is precise, but a question in
words none of the phrasings use scores low even when the right entry is on top. This model
reads letters, not words: TF-IDF over 3 to 5 character pieces of every phrasing, and a linear
support vector classifier (scikit-learn) trained on them, one class per document. The matcher
answers a question the index is not sure of only when this model, trained differently, picks
the same topic: two independent readings that agree.
"""

from dataclasses import dataclass

import numpy
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC


@dataclass(frozen=True)
class Opinion:
    """The document the model picks, and how far above the line it is (0 is the line)."""

    doc_id: str
    decision: float


class SecondOpinion:
    """Trained once, at start-up, on each document's phrasings (under a second per council)."""

    def __init__(self, phrasings: dict[str, list[str]]):
        texts = [text for texts in phrasings.values() for text in texts]
        labels = [doc_id for doc_id, texts in phrasings.items() for _ in texts]
        self._vectoriser = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, dtype=numpy.float32
        )
        features = self._vectoriser.fit_transform(texts)
        self._model = LinearSVC(C=0.5, random_state=0).fit(features, labels)

    def best(self, question: str) -> Opinion:
        """The document this model would pick for the question."""
        scores = self._model.decision_function(self._vectoriser.transform([question]))[0]
        best = int(scores.argmax())
        return Opinion(str(self._model.classes_[best]), float(scores[best]))
