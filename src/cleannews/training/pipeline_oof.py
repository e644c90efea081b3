"""The whole body path out-of-fold: block scorer, page type, per-type step.

    python -m cleannews.training.pipeline_oof --pagetype-cache FILE [--cache DIR] [--out DIR]

Scores four configurations on every training set, each page with out-of-fold
models only: (a) rules scorer + per-type step, (b) learned scorer + per-type step,
(c) the same with the page type read from the learned selection, (d) learned scorer
alone. Block probabilities are the `cv` run's out-of-fold ones
(`<cache>/oof-<datasets>-5.npy`, GroupKFold by registered domain); the page type
comes from a page-type model trained on the other folds of
`cleannews.training.pagetype` (its feature cache and its folds, grouped by registered
domain), fed the page's features computed from the rules scorer's selection, as
`pipeline.run` does (`classify(doc, selection.rules_basis, title)`; (c),
"learned+types@own", reads the learned selection instead), and the per-type step gets
what `pipeline.run` gives it (the learned selection's block probabilities, the
headline and byline blocks of an unsure article). Bodies are assembled as
`assemble` does. Writes `<out>/<dataset>.<config>.jsonl` and prints word/body F1,
by page type where the truth has one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from cleannews.assemble import body_blocks
from cleannews.learn.forest import Forest
from cleannews.metadata import read_metadata
from cleannews.pagetype import MODEL_TYPES, TextModel, classify, type_probabilities
from cleannews.scoring.learned import (
    ARTICLE_TYPE_MIN,
    DROP_TITLE_HEADINGS,
    GATES,
    article_like,
    block_words,
    decode,
    drop_title_headings,
)
from cleannews.scoring.learned_features import block_features
from cleannews.scoring.pagetypes import adjust, strategy
from cleannews.scoring.scorer import Selection
from cleannews.training.cv import FOLDS, GATE, OUTSIDE, THRESHOLD, _score_module
from cleannews.training.data import DATASETS, default_corpus, examples
from cleannews.training.features import load_cache
from cleannews.training.pagetype import FOLDS as PT_FOLDS
from cleannews.training.pagetype import _train, text_matrix, train_text

#: "learned+types": the page type (and the metadata title it reads) from the rules
#: scorer's selection, as `pipeline.run` does; "learned+types@own": from the learned
#: selection (the pipeline before 2026-12-02), for comparison.
CONFIGS = ("rules+types", "learned+types", "learned+types@own", "learned", "learned+types-titles")


def _pagetype_folds(cache: Path) -> dict[tuple[str, str], tuple[Forest, TextModel | None]]:
    """Each page's out-of-fold page-type model (forest and text model), with the
    pagetype trainer's folds. The forest trains on the cache's rows, whose text
    probabilities are 5-fold out-of-fold over all pages (a light stacking leak: the
    trainer's own report is nested); the text model sees the training folds only."""
    from sklearn.model_selection import GroupKFold

    z = np.load(cache, allow_pickle=False)
    X, meta = z["X"], json.loads(str(z["meta"]))
    H = text_matrix(np.split(z["buckets"], z["bucket_ends"][:-1])) if "buckets" in z.files else None
    y = np.array([MODEL_TYPES.index(m["label"]) for m in meta])
    groups = [m["group"] for m in meta]
    out: dict[tuple[str, str], tuple[Forest, TextModel | None]] = {}
    for tr, te in GroupKFold(n_splits=PT_FOLDS).split(X, y, groups):
        forest = Forest.from_lightgbm(_train(X[tr], y[tr]).dump_model())
        text = train_text(H[tr], y[tr]) if H is not None else None
        for i in te:
            out[(meta[i]["dataset"], meta[i]["id"])] = (forest, text)
    return out


def _learned(prob: np.ndarray, doc: Any, removed: Any, rules: Selection, forest: Forest, gate: str,
             titles: bool = DROP_TITLE_HEADINGS, text: TextModel | None = None) -> Selection:
    """`select_learned` with given probabilities; with the "page_type" gate the page
    type comes from the page's out-of-fold page-type model `forest`."""
    X = block_features(doc, removed, rules)
    gone = np.array([b.index in removed for b in doc.blocks], dtype=bool)
    ruled = np.zeros(len(doc.blocks), dtype=bool)
    ruled[list(rules.kept)] = True
    if gate == "page_type":
        article = bool(type_probabilities(doc, rules, forest, text)[MODEL_TYPES.index("article")] >= ARTICLE_TYPE_MIN)
    else:
        article = article_like(X)
    keep = decode(prob, gone, ruled, THRESHOLD, OUTSIDE, article, block_words(X))
    if titles:
        keep = drop_title_headings(doc, keep)
    if not keep.any():
        return rules
    return Selection(kept=tuple(int(i) for i in np.flatnonzero(keep)), is_article=rules.is_article, reason=rules.reason,
                     probability={i: float(v) for i, v in enumerate(prob)})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m cleannews.training.pipeline_oof", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=default_corpus())
    ap.add_argument("--cache", type=Path, default=Path("/tmp/cleannews-learn"))
    ap.add_argument("--pagetype-cache", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=Path("benchmarks/out/oof-pipeline"))
    ap.add_argument("--limit", type=int)
    ap.add_argument("--with-page-types", action="store_true",
                    help="the block probabilities of `cv --page-types` (the model with page-type features)")
    ap.add_argument("--gate", choices=GATES, default=GATE, help="the article gate of decoding (`learned.GATES`)")
    args = ap.parse_args(argv)
    datasets = list(DATASETS)
    prob_all = np.load(args.cache / f"oof-{'-'.join(datasets)}-{FOLDS}{'-pt' if args.with_page_types else ''}.npy")
    models = _pagetype_folds(args.pagetype_cache)
    score = _score_module(args.corpus)
    args.out.mkdir(parents=True, exist_ok=True)
    row = 0
    for ds in datasets:
        c = load_cache(ds, args.cache)
        starts = np.searchsorted(c.page, np.arange(len(c.pages)))
        preds: dict[str, dict[str, dict[str, Any]]] = {k: {} for k in CONFIGS}
        for n, ex in enumerate(examples(args.corpus, ds)):
            if args.limit is not None and n >= args.limit:
                break
            page = c.pages[n]
            if page["id"] != ex.id or len(page["texts"]) != len(ex.doc.blocks):
                raise SystemExit(f"{ds}/{ex.id}: the cache is not of these documents; rebuild it")
            a = row + int(starts[n])
            prob = prob_all[a:a + len(ex.doc.blocks)]
            forest, text = models[(ds, ex.id)]
            learned = _learned(prob, ex.doc, ex.removed, ex.rules, forest, args.gate, text=text) if ex.doc.blocks else ex.rules
            other = (_learned(prob, ex.doc, ex.removed, ex.rules, forest, args.gate, not DROP_TITLE_HEADINGS, text)
                     if ex.doc.blocks else ex.rules)
            for name, sel, typed in (("rules+types", ex.rules, True), ("learned+types", learned, True),
                                     ("learned+types@own", learned, True), ("learned", learned, False),
                                     ("learned+types-titles", other, True)):
                final = sel
                ptype = "-"
                if typed:
                    basis = sel if name.endswith("@own") else ex.rules
                    meta = read_metadata(ex.doc, ex.removed, basis)
                    pt = classify(ex.doc, basis, meta.title, model=forest, text=text)
                    ptype = pt.page_type
                    fields = {i for i, f in meta.read_blocks if f in ("title", "byline")} if pt.is_article else set()
                    final = adjust(ex.doc, sel, strategy(pt), ex.removed, fields)
                body = "\n\n".join(b.text for b in body_blocks(ex.doc, final))
                preds[name][ex.id] = {"id": ex.id, "body": body, "page_type": ptype}
            if n % 200 == 0:
                print(f"{ds}: {n} pages", file=sys.stderr, flush=True)
        row += len(c.y)
        truth = [json.loads(line) for line in open(args.corpus / ds / "truth.jsonl", encoding="utf-8") if line.strip()]
        for name in CONFIGS:
            with open(args.out / f"{ds}.{name}.jsonl", "w", encoding="utf-8") as f:
                f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in preds[name].values())
            s = score.score(args.corpus / ds, preds[name], truth)
            line = f"{ds} {name}: word F1 {s['word_f1']:.4f}, body F1 {s['body_f1']:.4f}, exact {s['body_exact']:.3f}"
            if any(t.get("page_type") for t in truth):
                by = score.score_by(args.corpus / ds, preds[name], "page_type")
                line += "; " + ", ".join(f"{g} {v['word_f1']:.3f}" for g, v in by.items())
            print(line, flush=True)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
