"""The learned scorer's own time a page, by part (issue #14: inference under 1 ms a page).

    python -m benchmarks.learned_time ../shared/corpus/scrapinghub [--rounds 3] [--wall]

Every HTML page is built, cleaned and scored by the rules first (untimed, in memory);
then, per page and round: the block features, the two tree ensembles (`model`), the
second stage's context features, and the page-type probabilities the article gate
reads (which `pipeline.run` reuses for the page type, so they are not extra work).
Prints the median and mean of the last round, in thread CPU time (`--wall`:
`perf_counter`), which a shared machine disturbs less than the wall clock.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from pathlib import Path

import numpy as np


def main(argv: list[str] | None = None) -> int:
    from cleannews.cleaners.registry import resolve, run_cleaners
    from cleannews.document import build_document
    from cleannews.load import load
    from cleannews.scoring import learned
    from cleannews.scoring.learned_features import block_features, context_features
    from cleannews.scoring.scorer import select_rules

    ap = argparse.ArgumentParser(prog="python -m benchmarks.learned_time", description=__doc__.split("\n")[0])
    ap.add_argument("dataset", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--wall", action="store_true", help="wall-clock time instead of thread CPU time")
    args = ap.parse_args(argv)
    clock = time.perf_counter if args.wall else time.thread_time
    model = learned.load_model()
    if model is None:
        raise SystemExit("no learned model installed")
    active = resolve(None)
    docs = []
    for line in (args.dataset / "truth.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row.get("kind", "html") != "html":
            continue
        with gzip.open(args.dataset / row["file"]) as fh:
            doc = build_document(load(fh.read(), url=row.get("url"), kind="html"))
        removed = run_cleaners(doc, active)
        if doc.blocks:
            docs.append((doc, removed, select_rules(doc, removed)))
    parts: dict[str, list[float]] = {}
    for rnd in range(args.rounds):
        last = rnd == args.rounds - 1
        for doc, removed, rules in docs:
            t0 = clock()
            X = block_features(doc, removed, rules)
            t1 = clock()
            p1 = 1.0 / (1.0 + np.exp(-model.forest.raw(X)[:, 0]))
            t2 = clock()
            C = context_features(doc, X, p1)
            t3 = clock()
            model.context.raw(np.hstack([X, C]))
            t4 = clock()
            learned.gate_types(model, doc, rules)
            t5 = clock()
            if last:
                for name, v in (("features", t1 - t0), ("model (both ensembles)", t2 - t1 + t4 - t3),
                                ("context features", t3 - t2), ("inference (the three above)", t4 - t0),
                                ("page type for the gate (reused by classify)", t5 - t4)):
                    parts.setdefault(name, []).append(v)
    blocks = statistics.median(len(d[0].blocks) for d in docs)
    print(f"{args.dataset.name}: {len(docs)} pages, median {blocks:g} blocks; ms a page "
          f"({'wall' if args.wall else 'thread CPU'}, round {args.rounds} of {args.rounds})")
    for name, v in parts.items():
        print(f"  {name}: median {statistics.median(v) * 1e3:.2f}, mean {statistics.mean(v) * 1e3:.2f}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
