"""The learned block scorer: block features -> a tree ensemble -> a coherent body.

The model gives each block a probability of being main text, in two stages: a tree
ensemble over the block features (`models/blocks.npz`), then a second one over the
same features plus the first one's probabilities in context (`models/blocks-context.npz`:
the neighbours', the ancestors', the page's), which makes the body coherent. Both are
`learn.Forest` files; `models/blocks.json` beside them holds the version, feature
names, training data, decoding constants and out-of-fold figures. Decoding turns probabilities into
a body: each probability is blended with its neighbours' (a paragraph between two
paragraphs of the body is body), blocks over the threshold are kept, blocks a cleaner
removed stay out. Both constants were chosen by out-of-fold measurement (see
`cleannews.training.cv` and docs/design.md). Without the model file the rules
scorer's answer stands (`select_learned` returns it unchanged).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cleannews.document import Document
from cleannews.learn.forest import Forest
from cleannews.models import Removal
from cleannews.scoring.learned_features import (
    CONTEXT_NAMES,
    FEATURE_NAMES,
    block_features,
    context_features,
)
from cleannews.scoring.scorer import Selection

MODEL_DIR = Path(__file__).resolve().parent / "models"
MODEL_NAME = "blocks"
#: The page-level features a model may be trained with after FEATURE_NAMES: the
#: page-type classifier's probability of each of `pagetype.MODEL_TYPES`, in order
#: (`pagetype.type_probabilities` on the rules scorer's selection).
PAGETYPE_NAMES = ("pt_article", "pt_forum", "pt_product", "pt_collection", "pt_listing", "pt_documentation", "pt_service")


@dataclass(frozen=True)
class Model:
    """Two stages: `forest` over the block features, then `context` over the same
    features plus the first stage's probabilities in context (`context_features`)."""

    forest: Forest
    context: Forest
    names: tuple[str, ...]
    threshold: float
    outside: float
    importance: tuple[float, ...]  # total split gain per feature, from training
    baseline: tuple[float, ...]  # each feature's median over the training blocks
    version: str
    page_types: bool = False  # trained with PAGETYPE_NAMES after FEATURE_NAMES
    #: which pages decoding treats as articles (`is_article`): "signals" (the page's
    #: OpenGraph/JSON-LD type or dated url: models before 2026-12-02) or "page_type"
    #: (the page-type model's article probability on the rules' selection)
    gate: str = "signals"


@lru_cache(maxsize=4)  # one model a directory, loaded once; read-only afterwards
def load_model(directory: Path = MODEL_DIR) -> Model | None:
    """The shipped model, or None when its files are missing (then the rules scorer runs)."""
    npz = directory / f"{MODEL_NAME}.npz"
    npz2 = directory / f"{MODEL_NAME}-context.npz"
    meta_path = directory / f"{MODEL_NAME}.json"
    if not npz.is_file() or not npz2.is_file() or not meta_path.is_file():
        return None
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    features = tuple(meta["features"])
    if features not in (FEATURE_NAMES, FEATURE_NAMES + PAGETYPE_NAMES) or tuple(meta["context_features"]) != CONTEXT_NAMES:
        raise ValueError(f"{npz}: trained on other features than this cleannews computes; retrain it")
    gate = str(meta.get("gate", "signals"))
    if gate not in GATES:
        raise ValueError(f"{meta_path}: unknown article gate {gate!r}")
    return Model(Forest.load(npz), Forest.load(npz2), features + CONTEXT_NAMES, float(meta["threshold"]), float(meta["outside"]),
                 tuple(float(v) for v in meta["importance"]), tuple(float(v) for v in meta["baseline"]),
                 str(meta["version"]), features != FEATURE_NAMES, gate)


def page_extra(model: Model, doc: Document, rules: Selection) -> tuple[float, ...]:
    """The page-level features the model was trained with after FEATURE_NAMES: the
    page-type probabilities (from the rules scorer's selection, as in training), or none."""
    if not model.page_types:
        return ()
    from cleannews.pagetype import type_probabilities

    return tuple(float(v) for v in type_probabilities(doc, rules))


#: The page signals that mark a page as an article for decoding (see `decode`).
ARTICLE_SIGNALS = ("og_article", "ld_article", "url_has_date")


def article_like(X: npt.NDArray[np.floating[Any]]) -> bool:
    """The page says it is an article (OpenGraph or JSON-LD type, a dated url)."""
    if X.shape[0] == 0:
        return False
    return bool(any(X[0, FEATURE_NAMES.index(n)] for n in ARTICLE_SIGNALS))


#: The article gates a model file may name (`Model.gate`).
GATES = ("signals", "page_type")
#: With the "page_type" gate, a page is an article for decoding when the page-type
#: model gives `article` at least this probability on the rules scorer's selection.
#: Out-of-fold (`cv --gate-types`, 5 folds by site): 0.5 beats the page signals on all
#: four sets (wcxb-dev word F1 0.8633 vs 0.8612, scrapinghub body F1 0.9749 vs 0.9724,
#: readability 0.9601 vs 0.9579, fundus-dev 0.9406 either way); 0.8 loses scrapinghub.
ARTICLE_TYPE_MIN = 0.5


def gate_types(model: Model, doc: Document, rules: Selection) -> npt.NDArray[np.float64] | None:
    """The page-type probabilities the "page_type" gate reads (on the rules' selection,
    as for the training rows), or None (another gate, or no page-type model). Computed
    once a page: the page-type stage reuses them (`Selection.page_types`)."""
    if model.gate != "page_type" or not doc.blocks:
        return None
    from cleannews.pagetype import load_model as load_pagetype_model, type_probabilities

    forest = load_pagetype_model()
    if forest is None:
        return None
    return type_probabilities(doc, rules, forest)


def is_article(model: Model, doc: Document, rules: Selection, X: npt.NDArray[np.floating[Any]],
               types: npt.NDArray[np.float64] | None = None) -> bool:
    """Whether decoding treats the page as an article (see `decode`), by the model's gate:
    the page-type model's `article` probability (`types`, from `gate_types`) or,
    without a page-type model, the page signals."""
    if types is None:
        types = gate_types(model, doc, rules)
    if types is not None and X.shape[0]:
        from cleannews.pagetype import MODEL_TYPES

        return bool(types[MODEL_TYPES.index("article")] >= ARTICLE_TYPE_MIN)
    return article_like(X)


#: On an article, the rules scorer's answer is trusted (blocks outside it need
#: `outside`, see `decode`) only when it holds at least this share of the words of the
#: blocks the model is sure of (probability at or over `outside`): when the rules chose
#: a copyright line or a teaser card while the model sees the article elsewhere, the
#: container is wrong and every block needs the plain threshold. Swept with the `cv`
#: run's out-of-fold probabilities and out-of-fold page types (`pipeline_oof`'s decode,
#: no per-type step; word F1 wcxb-dev / body F1 scrapinghub / readability / word F1
#: fundus-dev): off 0.8615 / 0.9757 / 0.9590 / 0.9341; 0.1 0.8622 / 0.9757 / 0.9590 /
#: 0.9440; 0.3 0.8628 / 0.9757 / 0.9590 / 0.9440; 0.5 0.8634 / 0.9757 / 0.9585 /
#: 0.9440. Chosen nested (picked on four folds by registered domain, scored on the
#: fifth, mean of the four sets' metrics, against the share of the rules' words'
#: mean probability too): two folds pick 0.3, three 0.5, nested 0.8628 / 0.9757 /
#: 0.9585 / 0.9440; 0.3, the value that costs no set, is kept.
RULES_TRUST_MIN = 0.3


def trusts_rules(prob: npt.NDArray[np.float64], removed: npt.NDArray[np.bool_], rules_kept: npt.NDArray[np.bool_],
                 words: npt.NDArray[np.float64], outside: float) -> bool:
    """Whether the rules scorer's answer holds RULES_TRUST_MIN of the words (`words`, a
    weight a block) of the blocks the model is sure of (see RULES_TRUST_MIN)."""
    sure = (prob >= outside) & ~removed
    total = float(words[sure].sum())
    if total <= 0.0:
        return True
    return float(words[sure & rules_kept].sum()) >= RULES_TRUST_MIN * total


def block_words(X: npt.NDArray[np.floating[Any]]) -> npt.NDArray[np.float64]:
    """Each block's words plus one, from its feature row (the weight `trusts_rules` reads)."""
    out: npt.NDArray[np.float64] = np.expm1(X[:, FEATURE_NAMES.index("log_words")].astype(np.float64)) + 1.0
    return out


def decode(prob: npt.NDArray[np.float64], removed: npt.NDArray[np.bool_], rules_kept: npt.NDArray[np.bool_],
           threshold: float, outside: float, article: bool,
           words: npt.NDArray[np.float64] | None = None) -> npt.NDArray[np.bool_]:
    """Blocks kept: probability at or over `threshold`; on a page that says it is an
    article, blocks outside the rules scorer's answer need `outside`. Never a block a
    cleaner removed. Two thresholds because the two scorers err differently: on
    articles the rules' container is precise (comments and teaser lists beside it are
    not the body), while on forums, listings and product pages the model recalls the
    content the container misses (out-of-fold: a high `outside` everywhere costs the
    non-article pages 3-10 points, and gains nothing on articles without the gate).
    With `words` (`block_words`), the rules' answer must also agree with the model
    (`trusts_rules`), else the article gets the plain threshold too."""
    if article and words is not None and rules_kept.any() and not trusts_rules(prob, removed, rules_kept, words, outside):
        article = False
    if article and rules_kept.any():
        thr = np.where(rules_kept, threshold, outside)
    else:
        thr = np.full(prob.shape, threshold)
    out: npt.NDArray[np.bool_] = (prob >= thr) & ~removed
    return out


def drop_title_headings(doc: Document, keep: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    """`keep` without the headings before the body's first other block that repeat the
    page's title (its <title> or og:title words): the headline is `Article.title`, not
    body text, as the rules scorer decides (`inside.trim_edges`). The model keeps it on
    short pages where nothing around the `<h1>` tells it apart."""
    from cleannews.models import BlockKind
    from cleannews.scoring.inside import _is_title, page_title_words
    from cleannews.scoring.rules import DEFAULT_RULES

    kept = np.flatnonzero(keep)
    heads = []
    for i in kept.tolist():
        if doc.blocks[i].kind is not BlockKind.HEADING:
            break
        heads.append(i)
    if not heads:
        return keep
    title = page_title_words(doc)
    drop = [i for i in heads if _is_title(doc.blocks[i].text, title, DEFAULT_RULES)]
    if not drop or len(drop) == kept.size:
        return keep
    out: npt.NDArray[np.bool_] = keep.copy()
    out[drop] = False
    return out


#: Whether decoding drops title headings at the top of the body (`drop_title_headings`).
#: Out-of-fold (`pipeline_oof`, learned + per-type, with / without; 5 folds by
#: registered domain): wcxb-dev word F1 0.8673 / 0.8673 (exact 0.131 / 0.133),
#: scrapinghub body F1 0.9758 / 0.9757 (exact 0.519 / 0.514), readability 0.9575 /
#: 0.9573 (0.377 / 0.369), fundus-dev word F1 0.9344 / 0.9341 (exact 0.140 / 0.132).
DROP_TITLE_HEADINGS = True


def _sigmoid(raw: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    out: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-raw))
    return out


def rows(model: Model, doc: Document, removed: Mapping[int, Removal], rules: Selection) -> npt.NDArray[np.float64]:
    """The second stage's input rows: block features, then the first stage in context."""
    return _rows2(model, doc, block_features(doc, removed, rules, page_extra(model, doc, rules)))


def _rows2(model: Model, doc: Document, X: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    p1 = _sigmoid(model.forest.raw(X)[:, 0])
    return np.hstack([X, context_features(doc, X, p1)])


def _stage2(model: Model, doc: Document, X: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    return _sigmoid(model.context.raw(_rows2(model, doc, X))[:, 0])


def probabilities(model: Model, doc: Document, removed: Mapping[int, Removal], rules: Selection) -> npt.NDArray[np.float64]:
    """Each block's main-text probability (the second stage's)."""
    return _sigmoid(model.context.raw(rows(model, doc, removed, rules))[:, 0])


def select_learned(doc: Document, removed: Mapping[int, Removal], rules: Selection, model: Model | None = None) -> Selection:
    """The learned scorer's Selection; the rules scorer's where no model is installed
    or the model keeps nothing (a page of furniture only: the rules say why)."""
    if model is None:
        model = load_model()
    if model is None or not doc.blocks:
        return rules
    X = block_features(doc, removed, rules, page_extra(model, doc, rules))
    prob = _stage2(model, doc, X)
    gone = np.array([b.index in removed for b in doc.blocks], dtype=bool)
    ruled = np.zeros(len(doc.blocks), dtype=bool)
    ruled[list(rules.kept)] = True
    types = gate_types(model, doc, rules)
    shared = tuple(float(v) for v in types) if types is not None else ()
    keep = decode(prob, gone, ruled, model.threshold, model.outside, is_article(model, doc, rules, X, types),
                  block_words(X))
    if DROP_TITLE_HEADINGS:
        keep = drop_title_headings(doc, keep)
    if not keep.any():
        return dataclasses.replace(rules, page_types=shared)
    kept = tuple(np.flatnonzero(keep).tolist())
    probs = prob.tolist()  # Python floats: formatted and stored as the numpy values would be, faster
    dropped = {i: f"main-text probability {probs[i]:.2f}" for i in np.flatnonzero(~keep & ~gone).tolist()}
    return Selection(kept=kept, dropped=dropped, is_article=rules.is_article, reason=rules.reason,
                     probability=dict(enumerate(probs)), basis=rules, page_types=shared)


#: How many of the most important features (by training gain) the explain view tests
#: on each block, and how many of those it shows.
EXPLAIN_CANDIDATES = 16
EXPLAIN_SHOWN = 3


def strongest_features(model: Model, X: npt.NDArray[np.float64]) -> list[list[tuple[str, float, float]]]:
    """Per block, the features that moved its score most: (name, the block's value,
    change in log-odds when the value is replaced by the training median), strongest
    first. An occlusion test over the most important features, for the explain view
    (never on the extraction path)."""
    raw = model.context.raw(X)[:, 0]
    cand = np.argsort(-np.asarray(model.importance))[:EXPLAIN_CANDIDATES]
    deltas = np.zeros((X.shape[0], cand.size))
    for k, j in enumerate(cand):
        Xj = X.copy()
        Xj[:, j] = model.baseline[j]
        deltas[:, k] = raw - model.context.raw(Xj)[:, 0]
    out = []
    for r in range(X.shape[0]):
        order = np.argsort(-np.abs(deltas[r]))[:EXPLAIN_SHOWN]
        out.append([(model.names[int(cand[k])], float(X[r, cand[k]]), float(deltas[r, k])) for k in order])
    return out


def explain_blocks(doc: Document, removed: Mapping[int, Removal]) -> dict[int, str]:
    """Each block's probability and strongest features as a line of text ({} without a model)."""
    model = load_model()
    if model is None or doc.page.kind != "html" or not doc.blocks:
        return {}
    from cleannews.scoring.scorer import select_rules

    X = rows(model, doc, removed, select_rules(doc, removed))
    prob = _sigmoid(model.context.raw(X)[:, 0])
    out = {}
    for i, feats in enumerate(strongest_features(model, X)):
        why = ", ".join(f"{name}={value:.3g} ({delta:+.2f})" for name, value, delta in feats)
        out[i] = f"p={prob[i]:.2f}: {why}"
    return out
