"""Training and measuring the category model; the only place that imports scikit-learn.

Run as ``python -m weerbaar.signals.services.category_training PATH`` by
``category_model.trained`` so the server process never loads scikit-learn, scipy or
pandas; ``evaluate`` is for ``weerbaar categorise`` and the tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from weerbaar.signals.services.category_model import EXAMPLES, NGRAMS, CategoryModel


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
            ("tfidf", TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAMS, sublinear_tf=True)),
            ("model", LogisticRegression(C=20.0, max_iter=2000)),
        ]
    )


def as_arrays(pipeline: Pipeline) -> CategoryModel:
    vectoriser: TfidfVectorizer = pipeline.named_steps["tfidf"]
    classifier: LogisticRegression = pipeline.named_steps["model"]
    return CategoryModel(
        classes=tuple(str(c) for c in classifier.classes_),
        vocabulary={str(t): int(i) for t, i in vectoriser.vocabulary_.items()},
        idf=np.asarray(vectoriser.idf_, dtype=float),
        coef=np.asarray(classifier.coef_, dtype=float),
        intercept=np.asarray(classifier.intercept_, dtype=float),
    )


def train(texts: list[str], labels: list[str]) -> CategoryModel:
    return as_arrays(build_model().fit(texts, labels))


if __name__ == "__main__":
    # Settings are not needed to train: the examples file and the output path say it all.
    train(*load_examples()).save(Path(sys.argv[1]))
