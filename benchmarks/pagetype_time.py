"""The page-type classifier's own time a page (issue #15: classification under 1 ms a page),
optionally A/B against another checkout's classifier.

    python -m benchmarks.pagetype_time ../shared/corpus/wcxb-dev [--pages 100] [--rounds 3]
        [--against /path/to/other/src/cleannews/pagetype.py]

Every sampled HTML page (a fixed shuffle, seed 1) is built, cleaned and scored by the
rules first (untimed, in memory); then `pagetype.type_probabilities` (page features,
text model, forest: what `classify` runs) is timed a page at a time in thread CPU time,
which a shared machine disturbs less than the wall clock. With `--against`, that file's
module (with its own model files beside it) is timed on the same page right before or
after this one, the order alternating page by page and round by round, so both see the
same load; the per-page ratio's median is printed. Prints the last round.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import random
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("cleannews_pagetype_other", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def main(argv: list[str] | None = None) -> int:
    from cleannews import pagetype
    from cleannews.cleaners.registry import resolve, run_cleaners
    from cleannews.document import build_document
    from cleannews.load import load
    from cleannews.scoring.scorer import select_rules

    ap = argparse.ArgumentParser(prog="python -m benchmarks.pagetype_time", description=__doc__.split("\n")[0])
    ap.add_argument("dataset", type=Path)
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--against", type=Path, help="another checkout's cleannews/pagetype.py")
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in (args.dataset / "truth.jsonl").open(encoding="utf-8")]
    rows = [r for r in rows if r.get("kind", "html") == "html"]
    random.Random(1).shuffle(rows)
    active = resolve(None)
    docs: list[tuple[Any, Any]] = []
    for row in rows[: args.pages]:
        with gzip.open(args.dataset / row["file"]) as fh:
            doc = build_document(load(fh.read(), url=row.get("url"), kind="html"))
        removed = run_cleaners(doc, active)
        if doc.blocks:
            docs.append((doc, select_rules(doc, removed)))
    systems: list[tuple[str, Any, Any]] = [("this", pagetype, pagetype.load_model())]
    if args.against:
        other = _module(args.against)
        systems.append(("against", other, other.load_model()))
    clock = time.thread_time
    times: dict[str, list[float]] = {}
    for rnd in range(args.rounds):
        times = {name: [] for name, _, _ in systems}
        for i, (doc, sel) in enumerate(docs):
            order = systems if (i + rnd) % 2 == 0 else systems[::-1]
            for name, mod, forest in order:
                t0 = clock()
                mod.type_probabilities(doc, sel, forest)
                times[name].append(clock() - t0)
    print(f"{args.dataset.name}: {len(docs)} pages; type_probabilities, ms a page (thread CPU, round {args.rounds} of {args.rounds})")
    for name, v in times.items():
        print(f"  {name}: median {statistics.median(v) * 1e3:.3f}, mean {statistics.mean(v) * 1e3:.3f}")
    if args.against:
        ratio = np.array(times["this"]) / np.maximum(np.array(times["against"]), 1e-9)
        print(f"  this / against, per page: median {float(np.median(ratio)):.3f}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
