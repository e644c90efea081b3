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
