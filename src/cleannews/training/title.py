"""Train the title chooser (`cleannews.metadata.titlechoice`) and report it out of fold.

    python -m cleannews.training.title [--corpus ../shared/corpus] [--cache FILE]
        [--write-model] [--show N]

Data, read from the corpus at training time (never copied into the project): every
HTML page with a truth title in wcxb-dev (CC-BY-4.0, "WCXB, M. Foley, 2026"),
fundus-dev (MIT) and readability (Apache-2.0); scrapinghub has no titles. Each page
goes through the pipeline's stages up to the metadata (the default scorer), and the
metadata stage is run with a chooser that records the page's `TitleSources`. A
candidate's label is whether it equals the truth under the shared scorer's title
normalisation (`score.norm_text`: case, quotes, spacing and end punctuation).

Evaluation: 5 folds grouped by site (the registered domain, `data.site_of`); each
page's title is the candidate its out-of-fold model rates highest, then the
page-type step (`title.title_for_page_type` with the page's type from the rules run)
as in the pipeline. Printed beside the rules' answer per set, with the oracle (a
candidate is right). `--weight` and `--margin` trade the sets against each other
(docs/design.md). `--write-model FILE` trains on every page and writes a forest for
`titlechoice.choose` (none ships: see that module). Deterministic: fixed seed, one
thread.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import numpy as np

from cleannews.metadata.titlechoice import FEATURE_NAMES, SOURCES, TitleSources, candidates, features
from cleannews.training.data import CHOOSER_PARAMS, CHOOSER_ROUNDS, CHOOSER_SEED, site_of, truth_rows

DATASETS = ("wcxb-dev", "fundus-dev", "readability")
FOLDS = 5
SEED = CHOOSER_SEED
PARAMS, ROUNDS = CHOOSER_PARAMS, CHOOSER_ROUNDS  # training.data


def _scorer(corpus: Path) -> Any:
    spec = importlib.util.spec_from_file_location("_score", corpus.parent / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def page_sources(data: bytes, row: dict[str, Any]) -> dict[str, Any]:
    """One page through the pipeline's stages with a recording title chooser."""
    from cleannews.cleaners.registry import resolve, run_cleaners
    from cleannews.document import build_document
    from cleannews.load import load
    from cleannews.metadata import adjust_for_page_type
    from cleannews.metadata.html import read_html_metadata
    from cleannews.models import BlockKind
    from cleannews.pagetype import classify
    from cleannews.scoring import select_blocks

    seen: list[TitleSources] = []

    def record(src: TitleSources) -> str | None:
        seen.append(src)
        return src.rules

    doc = build_document(load(data, url=row.get("url"), kind=row.get("kind")))
    removed = run_cleaners(doc, resolve(None))
    selection = select_blocks(doc, removed)
    meta = read_html_metadata(doc, removed, tuple(selection.kept), fallback=False, title_chooser=record)
    ptype = classify(doc, selection, meta.title)
    final = adjust_for_page_type(meta, doc, ptype.page_type)
    h1s = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING and b.level == 1]
    return {"sources": seen[0] if seen else None, "rules": final.title, "page_type": ptype.page_type, "h1s": h1s}


def build(corpus: Path) -> list[dict[str, Any]]:
    pages = []
    for ds in DATASETS:
        for row in truth_rows(corpus, ds):
            if row.get("kind") != "html" or not row.get("title"):
                continue
            data = gzip.decompress((corpus / ds / row["file"]).read_bytes())
            p = page_sources(data, row)
            p.update(dataset=ds, id=row["id"], site=site_of(row.get("url"), ds, row["id"]), truth=row["title"])
            pages.append(p)
    return pages


def matrix(pages: list[dict[str, Any]], norm_text: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[list[str]]]:
    """Rows of every page's candidates, their labels, each row's page number, and the texts."""
    X: list[np.ndarray] = []
    y: list[float] = []
    page_of: list[int] = []
    texts: list[list[str]] = []
    for i, p in enumerate(pages):
        src = p["sources"]
        cands = candidates(src) if src is not None else []
        texts.append([c.text for c in cands])
        if not cands:
            continue
        X.append(features(cands, src))
        t = norm_text(p["truth"])
        y.extend(float(norm_text(c.text) == t) for c in cands)
        page_of.extend([i] * len(cands))
    return (np.vstack(X) if X else np.zeros((0, len(FEATURE_NAMES))), np.asarray(y), np.asarray(page_of), texts)


def _train(X: np.ndarray, y: np.ndarray, params: dict[str, Any], rounds: int, weight: np.ndarray | None = None) -> Any:
    import lightgbm as lgb

    data = lgb.Dataset(X, label=y, weight=weight, feature_name=list(FEATURE_NAMES))
    return lgb.train(params, data, num_boost_round=rounds)


def out_of_fold(X: np.ndarray, y: np.ndarray, page_of: np.ndarray, pages: list[dict[str, Any]],
                params: dict[str, Any] = PARAMS, rounds: int = ROUNDS, weight: np.ndarray | None = None) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    from cleannews.learn.forest import Forest

    groups = [pages[i]["site"] for i in page_of]
    scores = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(X, y, groups):
        booster = _train(X[train], y[train], params, rounds, None if weight is None else weight[train])
        scores[test] = Forest.from_lightgbm(booster.dump_model()).raw(X[test])[:, 0]
    return scores


def picks(scores: np.ndarray, page_of: np.ndarray, pages: list[dict[str, Any]], texts: list[list[str]]) -> list[str | None]:
    """Each page's chosen title, after the page-type step, as the pipeline would give it."""
    from cleannews.metadata.title import title_for_page_type

    out: list[str | None] = []
    start = 0
    for i, p in enumerate(pages):
        n = len(texts[i])
        if not n:
            out.append(p["rules"])
            continue
        s = scores[start:start + n]
        start += n
        chosen = texts[i][int(np.argmax(s))]
        src = p["sources"]
        out.append(title_for_page_type(chosen, p["h1s"], p["page_type"] == "article",
                                       src.html_title if src is not None else None))
    return out


def report(pages: list[dict[str, Any]], chosen: list[str | None], y: np.ndarray, page_of: np.ndarray,
           norm_text: Any) -> str:
    lines = [f"{'set':12} {'pages':>6} {'rules':>7} {'learned (OOF)':>14} {'oracle':>7}  won/lost"]
    oracle = {int(i) for i in page_of[y > 0]}
    for ds in DATASETS:
        idx = [i for i, p in enumerate(pages) if p["dataset"] == ds]
        r = [norm_text(pages[i]["rules"]) == norm_text(pages[i]["truth"]) for i in idx]
        c = [norm_text(chosen[i]) == norm_text(pages[i]["truth"]) for i in idx]
        won = sum(a and not b for a, b in zip(c, r, strict=True))
        lost = sum(b and not a for a, b in zip(c, r, strict=True))
        lines.append(f"{ds:12} {len(idx):>6} {sum(r) / len(idx):>7.3f} {sum(c) / len(idx):>14.3f} "
                     f"{sum(i in oracle for i in idx) / len(idx):>7.3f}  +{won}/-{lost}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m cleannews.training.title", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    ap.add_argument("--cache", type=Path, help="pages cache (pickle): built when missing, read when present")
    ap.add_argument("--write-model", type=Path, metavar="FILE",
                    help="train on every page and write the forest (.npz) to FILE")
    ap.add_argument("--weight", type=float, default=1.0,
                    help="weight of a fundus-dev or readability page against a wcxb-dev page (1: each page alike)")
    ap.add_argument("--margin", type=float, default=0.0,
                    help="raw score added to the rules' candidate (the choice departs from the rules less)")
    ap.add_argument("--show", type=int, default=0, help="print N pages the learned choice changed, per set")
    args = ap.parse_args(argv)
    corpus = args.corpus.resolve()
    norm_text = _scorer(corpus).norm_text
    if args.cache and args.cache.exists():
        pages = pickle.loads(args.cache.read_bytes())
    else:
        pages = build(corpus)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(pages))
    X, y, page_of, texts = matrix(pages, norm_text)
    datasets = np.asarray([pages[i]["dataset"] for i in page_of])
    weight = np.where(datasets == "wcxb-dev", 1.0, args.weight)
    scores = out_of_fold(X, y, page_of, pages, weight=weight)
    scores[X[:, SOURCES.index("rules")] == 1] += args.margin
    chosen = picks(scores, page_of, pages, texts)
    print(f"{len(pages)} pages, {len(y)} candidates (weight {args.weight}, margin {args.margin}); "
          "title accuracy, OOF (5 folds grouped by registered domain):")
    print(report(pages, chosen, y, page_of, norm_text))
    if args.show:
        for ds in DATASETS:
            shown = 0
            for i, p in enumerate(pages):
                if p["dataset"] != ds or norm_text(chosen[i]) == norm_text(p["rules"]) or shown >= args.show:
                    continue
                shown += 1
                mark = "+" if norm_text(chosen[i]) == norm_text(p["truth"]) else (
                    "-" if norm_text(p["rules"]) == norm_text(p["truth"]) else "=")
                print(json.dumps({"mark": mark, "set": ds, "id": p["id"], "truth": p["truth"], "rules": p["rules"],
                                  "learned": chosen[i]}, ensure_ascii=False))
    if args.write_model:
        from cleannews.learn.forest import Forest

        booster = _train(X, y, PARAMS, ROUNDS, weight)
        Forest.from_lightgbm(booster.dump_model()).save(args.write_model)
        print(f"wrote {args.write_model} (in-sample: trained on every page)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
