"""Sweep `learned.HEADING_BRIDGE_MIN` over the whole body path, out-of-fold.

    python -m cleannews.training.sweep_bridge --pagetype-cache FILE [--cache DIR] [VALUE ...]

Each page is decoded as `pipeline_oof`'s "learned+types" configuration does (the `cv`
run's out-of-fold block probabilities, the page's out-of-fold page-type model, the
per-type step), once a value ("off" for None), and scored on the four sets. Then the
value is chosen nested: for each of the five folds of registered domains
(GroupKFold, as the block model's), the value with the best mean of the four sets'
metrics on the other folds scores that fold; the nested figure is over those picks.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from cleannews.assemble import body_blocks
from cleannews.metadata import read_metadata
from cleannews.pagetype import classify
from cleannews.scoring.pagetypes import adjust, strategy
from cleannews.training.cv import FOLDS, METRIC, _score_module
from cleannews.training.data import DATASETS, default_corpus, examples
from cleannews.training.features import load_cache
from cleannews.training.pipeline_oof import _learned, _pagetype_folds


def _value(text: str) -> float | None:
    return None if text == "off" else float(text)


def main(argv: list[str] | None = None) -> int:
    from sklearn.model_selection import GroupKFold

    ap = argparse.ArgumentParser(prog="python -m cleannews.training.sweep_bridge", description=__doc__.split("\n")[0])
    ap.add_argument("values", nargs="*", default=["off", "0.3", "0.4", "0.5"])
    ap.add_argument("--corpus", type=Path, default=default_corpus())
    ap.add_argument("--cache", type=Path, default=Path("/tmp/cleannews-learn"))
    ap.add_argument("--pagetype-cache", type=Path, required=True)
    args = ap.parse_args(argv)
    values = [_value(v) for v in args.values]
    datasets = list(DATASETS)
    prob_all = np.load(args.cache / f"oof-{'-'.join(datasets)}-{FOLDS}.npy")
    models = _pagetype_folds(args.pagetype_cache)
    score = _score_module(args.corpus)
    row = 0
    bodies: dict[str, list[dict[str, dict[str, Any]]]] = {}
    sites: dict[str, dict[str, str]] = {}
    for ds in datasets:
        c = load_cache(ds, args.cache)
        starts = np.searchsorted(c.page, np.arange(len(c.pages)))
        bodies[ds] = [{} for _ in values]
        sites[ds] = {}
        for n, ex in enumerate(examples(args.corpus, ds)):
            page = c.pages[n]
            if page["id"] != ex.id or len(page["texts"]) != len(ex.doc.blocks):
                raise SystemExit(f"{ds}/{ex.id}: the cache is not of these documents; rebuild it")
            a = row + int(starts[n])
            prob = prob_all[a:a + len(ex.doc.blocks)]
            forest, text = models[(ds, ex.id)]
            meta = read_metadata(ex.doc, ex.removed, ex.rules)
            pt = classify(ex.doc, ex.rules, meta.title, model=forest, text=text)
            fields = {i for i, f in meta.read_blocks if f in ("title", "byline")} if pt.is_article else set()
            sites[ds][ex.id] = ex.site
            for k, v in enumerate(values):
                sel = _learned(prob, ex.doc, ex.removed, ex.rules, forest, "page_type", text=text, bridge=v) if ex.doc.blocks else ex.rules
                final = adjust(ex.doc, sel, strategy(pt), ex.removed, fields)
                bodies[ds][k][ex.id] = {"id": ex.id, "body": "\n\n".join(b.text for b in body_blocks(ex.doc, final))}
        row += len(c.y)
        print(f"{ds}: decoded", file=sys.stderr, flush=True)
    truth = {ds: [json.loads(x) for x in open(args.corpus / ds / "truth.jsonl", encoding="utf-8") if x.strip()] for ds in datasets}

    def metric(ds: str, k: int, ids: set[str] | None = None) -> float:
        preds = bodies[ds][k] if ids is None else {i: r for i, r in bodies[ds][k].items() if i in ids}
        rows = [t for t in truth[ds] if t["id"] in preds]
        return float(score.score(args.corpus / ds, preds, rows)[METRIC[ds]])

    for k in range(len(values)):
        print(f"{args.values[k]}: " + ", ".join(f"{ds} {metric(ds, k):.4f}" for ds in datasets), flush=True)
    # nested: folds of registered domains over all four sets' pages
    keys = [(ds, i) for ds in datasets for i in bodies[ds][0]]
    groups = [sites[ds][i] for ds, i in keys]
    picked: dict[str, dict[str, dict[str, Any]]] = {ds: {} for ds in datasets}
    for tr, te in GroupKFold(n_splits=FOLDS).split(keys, groups=groups):
        train = {ds: {keys[j][1] for j in tr if keys[j][0] == ds} for ds in datasets}
        best = max(range(len(values)), key=lambda k: (np.mean([metric(ds, k, train[ds]) for ds in datasets]), -k))
        print(f"fold pick: {args.values[best]}", flush=True)
        for j in te:
            ds, i = keys[j]
            picked[ds][i] = bodies[ds][best][i]
    nested = []
    for ds in datasets:
        rows = [t for t in truth[ds] if t["id"] in picked[ds]]
        nested.append(f"{ds} {score.score(args.corpus / ds, picked[ds], rows)[METRIC[ds]]:.4f}")
    print("nested: " + ", ".join(nested), flush=True)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
