"""Train the publication-day chooser (`cleannews.metadata.datechoice`) and report it
out of fold.

    python -m cleannews.training.dates [--corpus ../shared/corpus] [--cache FILE] [--write-model]

Data, read from the corpus at training time (never copied into the project): every
HTML page with a truth date in htmldate (Apache-2.0), wcxb-dev (CC-BY-4.0, "WCXB, M.
Foley, 2026"), fundus-dev (MIT) and readability (Apache-2.0). Each page goes through
the pipeline's stages up to the metadata, which runs with the date vote's answer kept
(`learned_date=False`, htmldate's fallback on); its date candidates and that answer
make the candidate days. A day's label is whether it is the truth's day.

Evaluation: 5 folds grouped by site (the registered domain, `data.site_of`); each
page's date is the day its out-of-fold model rates highest (the vote's answer on a
page with fewer than two days). Printed beside the vote per set. `--write-model`
trains on every page and writes the shipped file. Deterministic: fixed seed, one
thread.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import pickle
import sys
from pathlib import Path
from typing import Any

import numpy as np

from cleannews.metadata.datechoice import FEATURE_NAMES, MODEL_FILE, candidate_days, features
from cleannews.metadata.dates import DateValue
from cleannews.training.data import CHOOSER_PARAMS, CHOOSER_ROUNDS, CHOOSER_SEED, site_of, truth_rows

DATASETS = ("htmldate", "wcxb-dev", "fundus-dev", "readability")
FOLDS = 5
SEED = CHOOSER_SEED
PARAMS, ROUNDS = CHOOSER_PARAMS, CHOOSER_ROUNDS  # training.data


def _value(iso: str) -> DateValue:
    return _dt.datetime.fromisoformat(iso) if "T" in iso else _dt.date.fromisoformat(iso)


def page_dates(data: bytes, row: dict[str, Any]) -> dict[str, Any]:
    """One page through the pipeline's stages: its date candidates and the vote's date."""
    from cleannews.cleaners.registry import resolve, run_cleaners
    from cleannews.document import build_document
    from cleannews.load import load
    from cleannews.metadata.html import read_html_metadata
    from cleannews.scoring import select_blocks

    doc = build_document(load(data, url=row.get("url"), kind=row.get("kind")))
    removed = run_cleaners(doc, resolve(None))
    selection = select_blocks(doc, removed)
    meta = read_html_metadata(doc, removed, tuple(selection.kept), learned_date=False)
    return {"cands": {k: _value(v) for k, v in meta.date_candidates}, "rules": meta.date}


def build(corpus: Path) -> list[dict[str, Any]]:
    pages = []
    for ds in DATASETS:
        for row in truth_rows(corpus, ds):
            if row.get("kind") != "html" or not row.get("date"):
                continue
            p = page_dates(gzip.decompress((corpus / ds / row["file"]).read_bytes()), row)
            p.update(dataset=ds, id=row["id"], site=site_of(row.get("url"), ds, row["id"]), truth=row["date"])
            pages.append(p)
    return pages


def matrix(pages: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[list[_dt.date]]]:
    X: list[np.ndarray] = []
    y: list[float] = []
    page_of: list[int] = []
    days: list[list[_dt.date]] = []
    for i, p in enumerate(pages):
        by = candidate_days(p["cands"], p["rules"])
        ds, rows = features(by)
        days.append(ds)
        if len(ds) < 2:  # the vote's answer stands: no choice to learn
            continue
        X.append(rows)
        y.extend(float(d.isoformat() == p["truth"]) for d in ds)
        page_of.extend([i] * len(ds))
    return np.vstack(X), np.asarray(y), np.asarray(page_of), days


def _train(X: np.ndarray, y: np.ndarray) -> Any:
    import lightgbm as lgb

    return lgb.train(PARAMS, lgb.Dataset(X, label=y, feature_name=list(FEATURE_NAMES)), num_boost_round=ROUNDS)


def out_of_fold(X: np.ndarray, y: np.ndarray, page_of: np.ndarray, pages: list[dict[str, Any]]) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    from cleannews.learn.forest import Forest

    groups = [pages[i]["site"] for i in page_of]
    scores = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(X, y, groups):
        scores[test] = Forest.from_lightgbm(_train(X[train], y[train]).dump_model()).raw(X[test])[:, 0]
    return scores


def report(pages: list[dict[str, Any]], scores: np.ndarray, page_of: np.ndarray, days: list[list[_dt.date]]) -> str:
    chosen: dict[int, _dt.date] = {}
    start = 0
    for i, ds in enumerate(days):
        if len(ds) < 2:
            continue
        chosen[i] = ds[int(np.argmax(scores[start:start + len(ds)]))]
        start += len(ds)
    lines = [f"{'set':12} {'pages':>6} {'vote':>7} {'learned (OOF)':>14}  won/lost"]
    for name in DATASETS:
        idx = [i for i, p in enumerate(pages) if p["dataset"] == name]
        rules = [str(pages[i]["rules"] or "")[:10] == pages[i]["truth"] for i in idx]
        learned = [chosen[i].isoformat() == pages[i]["truth"] if i in chosen else r for i, r in zip(idx, rules,
                                                                                                     strict=True)]
        won = sum(a and not b for a, b in zip(learned, rules, strict=True))
        lost = sum(b and not a for a, b in zip(learned, rules, strict=True))
        lines.append(f"{name:12} {len(idx):>6} {sum(rules) / len(idx):>7.3f} {sum(learned) / len(idx):>14.3f}  "
                     f"+{won}/-{lost}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m cleannews.training.dates", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    ap.add_argument("--cache", type=Path, help="pages cache (pickle): built when missing, read when present")
    ap.add_argument("--write-model", action="store_true")
    args = ap.parse_args(argv)
    corpus = args.corpus.resolve()
    if args.cache and args.cache.exists():
        pages = pickle.loads(args.cache.read_bytes())
    else:
        pages = build(corpus)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(pages))
    X, y, page_of, days = matrix(pages)
    scores = out_of_fold(X, y, page_of, pages)
    print(f"{len(pages)} pages, {len(y)} candidate days on {len(set(page_of.tolist()))} pages with a choice; "
          "date accuracy, OOF (5 folds grouped by registered domain):")
    print(report(pages, scores, page_of, days))
    if args.write_model:
        from cleannews.learn.forest import Forest

        Forest.from_lightgbm(_train(X, y).dump_model()).save(MODEL_FILE)
        print(f"wrote {MODEL_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
