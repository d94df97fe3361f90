"""Suggest a category for a signal's text, and say which words drove the suggestion.

TF-IDF over character n-grams within words (robust to Dutch compounds and inflection:
"wiet", "wietplantage", "gedeald") with a multinomial logistic regression, trained on the
example texts in ``seed/examples.yaml``. The explanation is exact for this linear model:
each n-gram contributes its TF-IDF weight times the model's coefficient for the suggested
category, and a word's contribution is the sum over the n-grams inside it. Below the
confidence threshold nothing is suggested; a handler always confirms.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml
from django.conf import settings
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

EXAMPLES = Path(__file__).resolve().parent.parent / "seed" / "examples.yaml"
DEFAULT_THRESHOLD = 0.30
#: Common Dutch words that say nothing about the category.
STOP_WORDS = sorted(
    set(
        [
            "de",
            "het",
            "een",
            "en",
            "van",
            "in",
            "op",
            "te",
            "is",
            "er",
            "dat",
            "die",
            "met",
            "voor",
            "aan",
            "bij",
            "ze",
            "zijn",
            "worden",
            "wordt",
            "werd",
            "naar",
            "om",
            "als",
            "maar",
            "ook",
            "nog",
            "wel",
            "niet",
            "geen",
            "of",
            "dan",
            "door",
            "uit",
            "over",
            "tot",
            "zich",
            "hij",
            "zij",
            "wij",
            "ik",
            "je",
            "jij",
            "mijn",
            "zijn",
            "haar",
            "hun",
            "ons",
            "onze",
            "dit",
            "deze",
            "daar",
            "hier",
            "waar",
            "wat",
            "wie",
            "hoe",
            "al",
            "nu",
            "toen",
            "heeft",
            "hebben",
            "had",
            "was",
            "waren",
            "zo",
            "elke",
            "steeds",
            "alle",
            "iemand",
            "iets",
            "mensen",
            "we",
            "hem",
        ]
    )
)


@dataclass(frozen=True)
class Suggestion:
    slug: str
    confidence: float
    terms: list[str]


def load_examples(path: Path = EXAMPLES) -> tuple[list[str], list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts, labels = [], []
    for slug, examples in data.items():
        for text in examples:
            texts.append(str(text))
            labels.append(str(slug))
    return texts, labels


def build_model() -> Pipeline:
    return Pipeline(
        [
            (
                "tfidf",
                TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True),
            ),
            ("model", LogisticRegression(C=20.0, max_iter=2000)),
        ]
    )


@lru_cache(maxsize=1)
def _trained() -> Pipeline:
    texts, labels = load_examples()
    return build_model().fit(texts, labels)


def threshold() -> float:
    return float(getattr(settings, "WEERBAAR_CATEGORY_THRESHOLD", DEFAULT_THRESHOLD))


WORD = re.compile(r"[^\W\d_]{2,}")


def explain(model: Pipeline, text: str, top: int = 5) -> Suggestion:
    vectoriser: TfidfVectorizer = model.named_steps["tfidf"]
    classifier: LogisticRegression = model.named_steps["model"]
    features = vectoriser.transform([text])
    probabilities = classifier.predict_proba(features)[0]
    best = int(np.argmax(probabilities))
    row = features.tocoo()
    gram_weight = {
        int(j): float(v * classifier.coef_[best, j]) for j, v in zip(row.col, row.data, strict=True)
    }
    # Share each n-gram's contribution over the words it occurs in.
    vocabulary = vectoriser.vocabulary_
    analyse = vectoriser.build_analyzer()
    words = Counter(w for w in WORD.findall(text.lower()) if w not in STOP_WORDS)
    per_word: dict[str, Counter[int]] = {
        word: Counter(vocabulary[g] for g in analyse(word) if g in vocabulary) for word in words
    }
    occurrences: Counter[int] = Counter()
    for word, grams in per_word.items():
        for gram, count in grams.items():
            occurrences[gram] += count * words[word]
    score: dict[str, float] = defaultdict(float)
    for word, grams in per_word.items():
        for gram, count in grams.items():
            if gram in gram_weight:
                score[word] += gram_weight[gram] * count * words[word] / occurrences[gram]
    terms = [w for w, v in sorted(score.items(), key=lambda item: -item[1]) if v > 0][:top]
    return Suggestion(str(classifier.classes_[best]), float(probabilities[best]), terms)


def suggest(text: str) -> Suggestion | None:
    """The suggestion, or None when the model is not sure enough or found no known words."""
    if not text.strip():
        return None
    suggestion = explain(_trained(), text)
    if suggestion.confidence < threshold() or not suggestion.terms:
        return None
    return suggestion


@dataclass(frozen=True)
class Evaluation:
    examples: int
    held_out: int
    splits: int
    accuracy: float
    coverage: float
    accuracy_when_suggested: float
    threshold: float


def evaluate(test_size: float = 0.3, splits: int = 10, limit: float | None = None) -> Evaluation:
    """Mean over ``splits`` stratified held-out parts of the examples (never trained on)."""
    texts, labels = load_examples()
    cut = threshold() if limit is None else limit
    held_out = correct = suggested = suggested_correct = 0
    for seed in range(splits):
        train_x, test_x, train_y, test_y = train_test_split(
            texts, labels, test_size=test_size, random_state=seed, stratify=labels
        )
        model = build_model().fit(train_x, train_y)
        for text, truth in zip(test_x, test_y, strict=True):
            suggestion = explain(model, text)
            held_out += 1
            correct += suggestion.slug == truth
            if suggestion.confidence >= cut and suggestion.terms:
                suggested += 1
                suggested_correct += suggestion.slug == truth
    return Evaluation(
        examples=len(texts),
        held_out=held_out // splits,
        splits=splits,
        accuracy=correct / held_out,
        coverage=suggested / held_out,
        accuracy_when_suggested=suggested_correct / suggested if suggested else 0.0,
        threshold=cut,
    )


def warm_up() -> None:
    """Train the model ahead of the first request (called when a server process starts)."""
    _trained()
