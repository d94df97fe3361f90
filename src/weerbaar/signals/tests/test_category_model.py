"""The category model served from plain arrays answers what scikit-learn answers, and a
server process never loads scikit-learn (with scipy and pandas, ~150 MB per process)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from weerbaar.signals.services import category_model, category_training

OTHER_TEXTS = [
    "Er hangt een sterke hennepgeur rond de garage en de ramen zijn afgeplakt.",
    "Mijn zoon van 13 wordt op Snapchat benaderd om pakketjes rond te brengen.",
    "De lantaarnpaal in onze straat is kapot.",
    "",
    "a",
    "  dubbele   spaties\ten\ttabs  ",
    "Ëén café met ß en 😀 emoji",
]


@pytest.fixture(scope="module")
def fitted() -> tuple[object, category_model.CategoryModel]:
    pipeline = category_training.build_model().fit(*category_training.load_examples())
    return pipeline, category_training.as_arrays(pipeline)


def test_arrays_give_scikit_learns_probabilities(
    fitted: tuple[object, category_model.CategoryModel],
) -> None:
    pipeline, model = fitted
    texts = category_training.load_examples()[0] + OTHER_TEXTS
    expected = pipeline.predict_proba(texts)  # type: ignore[attr-defined]
    ours = np.array([model.probabilities(model.features(t)) for t in texts])
    np.testing.assert_allclose(ours, expected, rtol=1e-9, atol=1e-12)
    assert list(model.classes) == list(pipeline.classes_)  # type: ignore[attr-defined]


def test_arrays_give_scikit_learns_features(
    fitted: tuple[object, category_model.CategoryModel],
) -> None:
    pipeline, model = fitted
    vectoriser = pipeline.named_steps["tfidf"]  # type: ignore[attr-defined]
    for text in OTHER_TEXTS:
        row = vectoriser.transform([text]).tocoo()
        expected = dict(zip(row.col.tolist(), row.data.tolist(), strict=True))
        ours = model.features(text)
        assert ours.keys() == expected.keys()
        for key, value in expected.items():
            assert ours[key] == pytest.approx(value, rel=1e-12)
        assert model.analyse(text) == vectoriser.build_analyzer()(text)


def test_saved_and_loaded_model_is_the_same(
    fitted: tuple[object, category_model.CategoryModel], tmp_path: Path
) -> None:
    _, model = fitted
    path = tmp_path / "model.npz"
    model.save(path)
    again = category_model.CategoryModel.load(path)
    assert again.classes == model.classes and again.vocabulary == model.vocabulary
    text = OTHER_TEXTS[0]
    assert (
        again.probabilities(again.features(text)).tolist()
        == model.probabilities(model.features(text)).tolist()
    )


def test_training_runs_in_a_child_process_and_is_kept(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.VAR_DIR = tmp_path
    path = category_model.kept_path()
    assert path.parent == tmp_path / "models" and not path.exists()
    category_model.train_in_child(path)
    assert category_model.CategoryModel.load(path).classes
    assert category_model.kept_path() == path  # same examples, same scikit-learn: same file


def test_a_changed_example_file_trains_a_new_model(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.VAR_DIR = tmp_path
    changed = tmp_path / "examples.yaml"
    changed.write_text(
        category_model.EXAMPLES.read_text(encoding="utf-8") + "\n# anders\n", encoding="utf-8"
    )
    assert category_model.kept_path(changed) != category_model.kept_path()


def test_a_failed_training_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(category_model.sys, "executable", "/bin/false")
    with pytest.raises(category_model.TrainingFailed):
        category_model.train_in_child(tmp_path / "model.npz")
    assert not (tmp_path / "model.npz").exists()


def test_the_server_never_loads_scikit_learn(tmp_path: Path) -> None:
    """Every view imported and a report's category suggested, as a server process does."""
    script = (
        "import os, sys, django\n"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'weerbaar.conf.ci'\n"
        f"os.environ['WEERBAAR_VAR_DIR'] = {str(tmp_path)!r}\n"
        "django.setup()\n"
        "from django.urls import get_resolver\n"
        "get_resolver().url_patterns\n"
        "from weerbaar.signals.services import categorise\n"
        "s = categorise.suggest('Uit de schuur komt een sterke hennepgeur, ramen afgeplakt met folie.')\n"
        "assert s is not None, 'geen voorstel'\n"
        "print(sorted(m for m in ('sklearn', 'scipy', 'pandas') if m in sys.modules))\n"
    )
    done = subprocess.run(  # noqa: S603 - this interpreter and a script written above
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"
