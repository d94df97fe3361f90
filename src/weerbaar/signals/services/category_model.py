"""The trained category model as plain arrays, so a web process answers without scikit-learn.

scikit-learn pulls in scipy and pandas: about 150 MB in every server process for a model
of a few thousand numbers. Training runs in a child process (``category_training``) once
per version of the examples and of scikit-learn; the parameters are kept in the var
folder and read here. ``features`` and ``probabilities`` repeat exactly what the fitted
``TfidfVectorizer(analyzer="char_wb", sublinear_tf=True)`` and multinomial
``LogisticRegression`` compute; a test holds them to scikit-learn's own answers.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import numpy as np
from django.conf import settings

EXAMPLES = Path(__file__).resolve().parent.parent / "seed" / "examples.yaml"
NGRAMS = (3, 5)
_WHITE_SPACES = re.compile(r"\s\s+")


class TrainingFailed(RuntimeError):
    """The child process that trains the model did not finish."""


@dataclass(frozen=True)
class CategoryModel:
    classes: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray

    def analyse(self, text: str) -> list[str]:
        """Character n-grams inside words, padded with a space at each edge."""
        low, high = NGRAMS
        grams: list[str] = []
        for word in _WHITE_SPACES.sub(" ", text.lower()).split():
            padded = f" {word} "
            length = len(padded)
            for n in range(low, high + 1):
                offset = 0
                grams.append(padded[offset : offset + n])
                while offset + n < length:
                    offset += 1
                    grams.append(padded[offset : offset + n])
                if offset == 0:  # a short word counts once
                    break
        return grams

    def features(self, text: str) -> dict[int, float]:
        """Known n-grams with their weight: (1 + log count) × idf, scaled to length 1."""
        counts: dict[int, int] = {}
        for gram in self.analyse(text):
            index = self.vocabulary.get(gram)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        if not counts:
            return {}
        indices = np.fromiter(counts, dtype=np.int64, count=len(counts))
        values = (np.log(np.fromiter(counts.values(), dtype=float)) + 1.0) * self.idf[indices]
        values /= np.sqrt(np.dot(values, values))
        return dict(zip(indices.tolist(), values.tolist(), strict=True))

    def probabilities(self, features: dict[int, float]) -> np.ndarray:
        scores = self.intercept.copy()
        if features:
            indices = np.fromiter(features, dtype=np.int64, count=len(features))
            weights = np.fromiter(features.values(), dtype=float, count=len(features))
            scores += self.coef[:, indices] @ weights
        scores -= scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def save(self, path: Path) -> None:
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".npz", delete=False) as out:
            np.savez(
                out,
                classes=np.array(self.classes),
                terms=np.array(terms),
                idf=self.idf,
                coef=self.coef,
                intercept=self.intercept,
            )
        os.replace(out.name, path)  # a process reading meanwhile sees the old file or the new

    @classmethod
    def load(cls, path: Path) -> CategoryModel:
        with np.load(path, allow_pickle=False) as data:
            return cls(
                classes=tuple(str(c) for c in data["classes"]),
                vocabulary={str(t): i for i, t in enumerate(data["terms"])},
                idf=data["idf"],
                coef=data["coef"],
                intercept=data["intercept"],
            )


def kept_path(examples: Path = EXAMPLES) -> Path:
    """One file per version of the examples and of scikit-learn: a change retrains."""
    digest = hashlib.sha256(examples.read_bytes())
    digest.update(version("scikit-learn").encode())
    folder = Path(settings.VAR_DIR) / "models"
    return folder / f"categorie-{digest.hexdigest()[:16]}.npz"


def train_in_child(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(  # noqa: S603 - our own interpreter and module, no user input
        [sys.executable, "-m", "weerbaar.signals.services.category_training", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0 or not path.exists():
        raise TrainingFailed(done.stderr.strip().splitlines()[-1:] or "no output")


@lru_cache(maxsize=1)
def trained() -> CategoryModel:
    path = kept_path()
    if not path.exists():
        train_in_child(path)
    return CategoryModel.load(path)
