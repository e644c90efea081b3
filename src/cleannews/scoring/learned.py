"""The learned block scorer: block features -> a tree ensemble -> a coherent body.

The model (`models/blocks.npz`, a `learn.Forest`, with `models/blocks.json` beside
it: version, feature names, training data, decoding constants, out-of-fold figures)
gives each block a probability of being main text. Decoding turns probabilities into
a body: each probability is blended with its neighbours' (a paragraph between two
paragraphs of the body is body), blocks over the threshold are kept, blocks a cleaner
removed stay out. Both constants were chosen by out-of-fold measurement (see
`cleannews.training.cv` and docs/design.md). Without the model file the rules
scorer's answer stands (`select_learned` returns it unchanged).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from cleannews.document import Document
from cleannews.learn.forest import Forest
from cleannews.models import Removal
from cleannews.scoring.learned_features import FEATURE_NAMES, block_features
from cleannews.scoring.scorer import Selection

MODEL_DIR = Path(__file__).resolve().parent / "models"
MODEL_NAME = "blocks"


@dataclass(frozen=True)
class Model:
    forest: Forest
    names: tuple[str, ...]
    threshold: float
    smooth: float
    importance: tuple[float, ...]  # total split gain per feature, from training
    version: str


@lru_cache(maxsize=4)  # one model a directory, loaded once; read-only afterwards
def load_model(directory: Path = MODEL_DIR) -> Model | None:
    """The shipped model, or None when its files are missing (then the rules scorer runs)."""
    npz = directory / f"{MODEL_NAME}.npz"
    meta_path = directory / f"{MODEL_NAME}.json"
    if not npz.is_file() or not meta_path.is_file():
        return None
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    names = tuple(meta["features"])
    if names != FEATURE_NAMES:
        raise ValueError(f"{npz}: trained on other features than this cleannews computes; retrain it")
    forest = Forest.load(npz)
    return Model(forest, names, float(meta["threshold"]), float(meta["smooth"]),
                 tuple(float(v) for v in meta["importance"]), str(meta["version"]))


def decode(prob: npt.NDArray[np.float64], removed: npt.NDArray[np.bool_], threshold: float, smooth: float) -> npt.NDArray[np.bool_]:
    """Blocks kept: probability blended with the mean of the two neighbours'
    (weight `smooth`), at or over `threshold`, and not removed by a cleaner."""
    p = prob
    if smooth and p.size > 1:
        nb = np.empty_like(p)
        nb[1:-1] = (p[:-2] + p[2:]) / 2
        nb[0] = p[1]
        nb[-1] = p[-2]
        p = (1.0 - smooth) * p + smooth * nb
    out: npt.NDArray[np.bool_] = (p >= threshold) & ~removed
    return out


def probabilities(model: Model, doc: Document, removed: Mapping[int, Removal], rules: Selection) -> npt.NDArray[np.float64]:
    X = block_features(doc, removed, rules)
    raw = model.forest.raw(X)[:, 0]
    out: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-raw))
    return out


def select_learned(doc: Document, removed: Mapping[int, Removal], rules: Selection, model: Model | None = None) -> Selection:
    """The learned scorer's Selection; the rules scorer's where no model is installed
    or the model keeps nothing (a page of furniture only: the rules say why)."""
    if model is None:
        model = load_model()
    if model is None or not doc.blocks:
        return rules
    prob = probabilities(model, doc, removed, rules)
    gone = np.array([b.index in removed for b in doc.blocks], dtype=bool)
    keep = decode(prob, gone, model.threshold, model.smooth)
    if not keep.any():
        return rules
    kept = tuple(int(i) for i in np.flatnonzero(keep))
    dropped = {int(i): f"main-text probability {prob[i]:.2f}" for i in np.flatnonzero(~keep & ~gone)}
    return Selection(kept=kept, dropped=dropped, is_article=rules.is_article, reason=rules.reason,
                     probability={i: float(v) for i, v in enumerate(prob)})


def strongest_features(model: Model, row: npt.NDArray[np.float64], k: int = 4) -> list[tuple[str, float]]:
    """The k features of most importance (training gain) with this block's values:
    what the model weighed most, read for one block in the explain view."""
    order = np.argsort(-np.asarray(model.importance))[:k]
    return [(model.names[j], float(row[j])) for j in order]
