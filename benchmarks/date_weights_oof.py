"""Are the date vote's weights (`metadata.datevote.DATE_WEIGHTS`) the ones that hold
across sets? Re-tunes them out-of-fold, folds grouped by site, and compares.

    python -m benchmarks.date_weights_oof [--sets htmldate,fundus-dev,readability,wcxb-dev] [--folds 5]

Every HTML page with a truth date is run through the pipeline once; each source's day
(`Metadata.date_candidates`) is kept. Then, for each fold (domains shuffled with a fixed
seed, split K ways), the weights are tuned on the other folds by coordinate descent over
a grid, maximising the mean of the per-set accuracies (so that htmldate's 800 pages do not
outvote the others), and the held-out fold is scored with the tuned and with the current
weights. A page where no source votes keeps the pipeline's answer (htmldate's fallback).
Nothing is written into the checkout.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
#: The weights tried for each source.
GRID = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0)
#: Coordinate-descent passes over the sources.
PASSES = 2


def collect(sets: list[str]) -> list[tuple[str, str, dict[str, object], str, str | None, object]]:
    from cleannews.metadata.dates import day_of, parse_iso
    from cleannews.metadata.datevote import DATE_WEIGHTS, _local_zone
    from cleannews.pipeline import run

    pages = []
    for ds in sets:
        for line in (CORPUS / ds / "truth.jsonl").open(encoding="utf8"):
            r = json.loads(line)
            if not r.get("date") or r.get("kind") != "html":
                continue
            tr = run(gzip.decompress((CORPUS / ds / r["file"]).read_bytes()), url=r.get("url"), kind="html")
            c = _local_zone({k: parse_iso(v) for k, v in tr.metadata.date_candidates})
            days = {s: day_of(c.get(s)) for s in DATE_WEIGHTS}
            pred = tr.article.date.isoformat()[:10] if tr.article.date else None
            dom = urlparse(r.get("url") or "").netloc.lower().removeprefix("www.") or f"{ds}/{r['id']}"
            pages.append((ds, dom, days, r["date"][:10], pred, day_of(c.get("url"))))
    return pages


def vote(days: dict, url: object, w: dict[str, float]) -> object:
    score: dict[object, float] = {}
    for s, d in days.items():
        if d is not None:
            score[d] = score.get(d, 0.0) + w[s]
    if not score:
        return None
    best = max(score, key=lambda d: score[d])
    return url if url is not None and best > url else best  # type: ignore[operator]


def right(p: tuple, w: dict[str, float]) -> bool:
    v = vote(p[2], p[5], w)
    return (v.isoformat() if v is not None else p[4]) == p[3]  # type: ignore[attr-defined]


def objective(pages: list[tuple], w: dict[str, float]) -> float:
    by: dict[str, list[tuple]] = {}
    for p in pages:
        by.setdefault(p[0], []).append(p)
    return sum(sum(right(p, w) for p in ps) / len(ps) for ps in by.values()) / len(by)


def tune(pages: list[tuple], start: dict[str, float]) -> dict[str, float]:
    w, best = dict(start), objective(pages, start)
    for _ in range(PASSES):
        for s in start:
            for g in GRID:
                cand = dict(w, **{s: g})
                o = objective(pages, cand)
                if o > best + 1e-9:
                    best, w = o, cand
    return w


def main(argv: list[str] | None = None) -> int:
    from cleannews.metadata.datevote import DATE_WEIGHTS

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="htmldate,fundus-dev,readability,wcxb-dev")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    pages = collect(args.sets.split(","))
    doms = sorted({p[1] for p in pages})
    random.Random(0).shuffle(doms)
    fold = {d: i % args.folds for i, d in enumerate(doms)}
    cur: dict[str, list[bool]] = {}
    new: dict[str, list[bool]] = {}
    for k in range(args.folds):
        w = tune([p for p in pages if fold[p[1]] != k], dict(DATE_WEIGHTS))
        print(f"fold {k}: {w}")
        for p in pages:
            if fold[p[1]] == k:
                cur.setdefault(p[0], []).append(right(p, dict(DATE_WEIGHTS)))
                new.setdefault(p[0], []).append(right(p, w))
    for ds, oks in cur.items():
        print(f"{ds:12} {len(oks):4} pages  current {sum(oks) / len(oks):.3f}  "
              f"tuned out-of-fold {sum(new[ds]) / len(new[ds]):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
