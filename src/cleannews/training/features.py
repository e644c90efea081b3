"""Feature rows of a dataset, built once and cached (building documents dominates)."""

from __future__ import annotations

import pickle
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cleannews.document import Document
from cleannews.models import Block, BlockKind, Page
from cleannews.scoring.learned_features import (
    ANCESTOR_LEVELS,
    FEATURE_NAMES,
    block_features,
)
from cleannews.training.align import align, tokens
from cleannews.training.data import examples

_NOT_BODY = (BlockKind.CAPTION, BlockKind.IMAGE)


@dataclass(frozen=True)
class Cached:
    """One dataset's rows: X, labels y, token counts, the page of each row, and per page
    its id, site, and the text each block would add to the body (None: never body)."""

    X: npt.NDArray[np.float32]
    y: npt.NDArray[np.int8]
    tokens: npt.NDArray[np.float64]
    page: npt.NDArray[np.int32]
    pages: list[dict[str, Any]]


def _paths(cache: Path, dataset: str) -> tuple[Path, Path]:
    return cache / f"{dataset}.npz", cache / f"{dataset}.pages.pkl"


def build_cache(corpus: Path, dataset: str, cache: Path, limit: int | None = None) -> Cached:
    cache.mkdir(parents=True, exist_ok=True)
    xs, ys, ts, ps = [], [], [], []
    pages: list[dict[str, Any]] = []
    t0 = time.monotonic()
    for n, ex in enumerate(examples(corpus, dataset)):
        if limit is not None and n >= limit:
            break
        blocks = ex.doc.blocks
        X = block_features(ex.doc, ex.removed, ex.rules)
        al = align(ex.doc, ex.truth.get("body", ""))
        xs.append(X.astype(np.float32))
        ys.append(np.array(al.labels, dtype=np.int8))
        ts.append(np.array([len(tokens(b.text)) for b in blocks], dtype=np.float64))
        ps.append(np.full(len(blocks), len(pages), dtype=np.int32))
        pages.append({
            "id": ex.id,
            "site": ex.site,
            "page_type": ex.truth.get("page_type"),
            "texts": [None if b.kind in _NOT_BODY else b.text for b in blocks],
            "removed": [b.index in ex.removed for b in blocks],
            "rules_kept": list(ex.rules.kept),
            # the tree as the second stage's context features read it
            "tree": [(b.node, b.ancestors[-ANCESTOR_LEVELS:], b.path) for b in blocks],
            "parent": dict(ex.doc.node_parent),
        })
        if n % 100 == 0:
            print(f"{dataset}: {n} pages, {time.monotonic() - t0:.0f} s", file=sys.stderr)
    width = len(FEATURE_NAMES)
    c = Cached(
        np.concatenate(xs) if xs else np.zeros((0, width), np.float32),
        np.concatenate(ys) if ys else np.zeros(0, np.int8),
        np.concatenate(ts) if ts else np.zeros(0),
        np.concatenate(ps) if ps else np.zeros(0, np.int32),
        pages,
    )
    npz, pkl = _paths(cache, dataset)
    np.savez_compressed(npz, X=c.X, y=c.y, tokens=c.tokens, page=c.page, names=np.array(FEATURE_NAMES))
    pkl.write_bytes(pickle.dumps(pages))
    print(f"{dataset}: {len(pages)} pages, {c.X.shape[0]} blocks, {time.monotonic() - t0:.0f} s -> {npz}", file=sys.stderr)
    return c


def load_cache(dataset: str, cache: Path) -> Cached:
    npz, pkl = _paths(cache, dataset)
    with np.load(npz) as z:
        if tuple(z["names"]) != FEATURE_NAMES:
            raise SystemExit(f"{npz}: built with other features; rebuild with `features {dataset}`")
        c = Cached(z["X"], z["y"], z["tokens"], z["page"], pickle.loads(pkl.read_bytes()))
    return c


def skeleton(page: dict[str, Any]) -> Document:
    """A stand-in Document with the cached tree of a page (no text): what
    `context_features` reads (nodes, nearest ancestors, paths, parents)."""
    blocks = tuple(Block(i, "", node=node, ancestors=tuple(anc), path=path) for i, (node, anc, path) in enumerate(page["tree"]))
    return Document(page=Page("", "html"), blocks=blocks, node_parent=page["parent"])
