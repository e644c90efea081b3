"""The numpy tree walk gives the trainer's own predictions, and the file round-trips."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cleannews.learn import Forest

lgb = pytest.importorskip("lightgbm")


def _data(n: int = 600) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    X = rng.normal(size=(n, 8))
    return X, (X[:, 0] + X[:, 1] * X[:, 2] > 0).astype(int)


def test_binary_matches_lightgbm(tmp_path: Path) -> None:
    X, y = _data()
    params = {"objective": "binary", "num_leaves": 7, "verbose": -1, "seed": 1, "use_missing": False, "num_threads": 1}
    booster = lgb.train(params, lgb.Dataset(X, y), 20)
    forest = Forest.from_lightgbm(booster.dump_model())
    assert np.allclose(forest.proba(X), booster.predict(X), atol=1e-12)
    forest.save(tmp_path / "m.npz")
    assert np.array_equal(Forest.load(tmp_path / "m.npz").proba(X), forest.proba(X))


def test_multiclass_matches_lightgbm() -> None:
    X, _ = _data()
    y = (X[:, 0] > 0).astype(int) + (X[:, 1] > 0)
    params = {"objective": "multiclass", "num_class": 3, "num_leaves": 5, "verbose": -1, "use_missing": False, "num_threads": 1}
    booster = lgb.train(params, lgb.Dataset(X, y), 10)
    forest = Forest.from_lightgbm(booster.dump_model())
    assert np.allclose(forest.proba(X), booster.predict(X), atol=1e-12)


def test_wrong_width_is_refused() -> None:
    X, y = _data(100)
    booster = lgb.train({"objective": "binary", "verbose": -1, "num_threads": 1}, lgb.Dataset(X, y), 2)
    with pytest.raises(ValueError):
        Forest.from_lightgbm(booster.dump_model()).raw(X[:, :3])


def test_one_row_walks_the_same_leaves_as_a_batch() -> None:
    """The single-row path (the page-type model's call) gives each row what the batch
    walk gives it (the leaves are the same; sums may differ in the last bit only)."""
    X, _ = _data(50)
    y = (X[:, 0] > 0).astype(int) + (X[:, 1] > 0)
    params = {"objective": "multiclass", "num_class": 3, "num_leaves": 5, "verbose": -1, "use_missing": False, "num_threads": 1}
    forest = Forest.from_lightgbm(lgb.train(params, lgb.Dataset(X, y), 10).dump_model())
    batch = forest.raw(X)
    for i in range(len(X)):
        assert np.allclose(forest.raw(X[i : i + 1])[0], batch[i], rtol=0, atol=1e-12)


def test_classes_with_unequal_tree_counts_are_summed_by_class() -> None:
    """A forest whose classes have different numbers of trees (hand-made, not
    LightGBM's layout) takes the per-class sums, not the grouped reshape."""
    stump = dict(feature=np.array([0, -1, -1], np.int32), threshold=np.array([0.0, 0.0, 0.0]),
                 left=np.array([1, 1, 2], np.int32), right=np.array([2, 1, 2], np.int32))
    n = 3  # three one-split trees: two for class 0, one for class 1
    forest = Forest(
        feature=np.concatenate([stump["feature"]] * n),
        threshold=np.concatenate([stump["threshold"]] * n),
        left=np.concatenate([stump["left"] + 3 * t for t in range(n)]).astype(np.int32),
        right=np.concatenate([stump["right"] + 3 * t for t in range(n)]).astype(np.int32),
        value=np.array([0, -1.0, 1.0, 0, -2.0, 2.0, 0, -4.0, 4.0]),
        roots=np.array([0, 3, 6], np.int32), tree_class=np.array([0, 0, 1], np.int32),
        n_classes=2, n_features=1, depth=1,
    )
    assert forest.raw(np.array([[1.0]])).tolist() == [[3.0, 4.0]]
    assert forest.raw(np.array([[-1.0], [1.0]])).tolist() == [[-3.0, -4.0], [3.0, 4.0]]
