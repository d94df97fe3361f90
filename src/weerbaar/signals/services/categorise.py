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

import numpy as np
from django.conf import settings

from weerbaar.signals.services.category_model import CategoryModel, trained

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


def threshold() -> float:
    return float(getattr(settings, "WEERBAAR_CATEGORY_THRESHOLD", DEFAULT_THRESHOLD))


WORD = re.compile(r"[^\W\d_]{2,}")


def explain(model: CategoryModel, text: str, top: int = 5) -> Suggestion:
    features = model.features(text)
    probabilities = model.probabilities(features)
    best = int(np.argmax(probabilities))
    gram_weight = {j: v * float(model.coef[best, j]) for j, v in features.items()}
    # Share each n-gram's contribution over the words it occurs in.
    vocabulary = model.vocabulary
    words = Counter(w for w in WORD.findall(text.lower()) if w not in STOP_WORDS)
    per_word: dict[str, Counter[int]] = {
        word: Counter(vocabulary[g] for g in model.analyse(word) if g in vocabulary)
        for word in words
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
    return Suggestion(model.classes[best], float(probabilities[best]), terms)


def suggest(text: str) -> Suggestion | None:
    """The suggestion, or None when the model is not sure enough or found no known words."""
    if not text.strip():
        return None
    suggestion = explain(trained(), text)
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
    """Mean over ``splits`` stratified held-out parts of the examples (never trained on).
    Trains in this process: for ``weerbaar categorise`` and the tests, not for a server."""
    from sklearn.model_selection import train_test_split

    from weerbaar.signals.services.category_training import load_examples, train

    texts, labels = load_examples()
    cut = threshold() if limit is None else limit
    held_out = correct = suggested = suggested_correct = 0
    for seed in range(splits):
        train_x, test_x, train_y, test_y = train_test_split(
            texts, labels, test_size=test_size, random_state=seed, stratify=labels
        )
        model = train(train_x, train_y)
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
    """Read (or train, in a child process) the model ahead of the first request."""
    trained()
