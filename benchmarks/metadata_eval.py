"""Evaluate the metadata stage on the shared corpora (readability, htmldate, seeds).

    python benchmarks/metadata_eval.py [--datasets readability,htmldate,seeds] [--out DIR] [--errors]

Runs the pipeline up to the metadata stage for every page, writes predictions
(`{"id", "title", "authors", "date", ...}`) to DIR/<dataset>.jsonl, scores them with
../shared/eval/score.py on all pages and on two fixed halves ("dev": pages whose
id hash is even, used when inspecting mistakes; "held-out": the rest), and reports
the milliseconds the metadata stage takes a page against the whole pipeline.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


def load_scorer() -> Any:
    spec = importlib.util.spec_from_file_location("_score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def half(page_id: str) -> str:
    """A fixed split: the same page is always in the same half."""
    return "dev" if hashlib.sha1(page_id.encode()).digest()[0] % 2 == 0 else "held-out"


def _iso(v: Any) -> str | None:
    return v.isoformat() if v is not None else None


def predict(data: bytes, row: dict) -> tuple[dict, float, float]:
    """Prediction for one page, seconds in the metadata stage, seconds in the whole run."""
    from cleannews.document import build_document
    from cleannews.load import load
    from cleannews.metadata import read_metadata

    t0 = time.perf_counter()
    page = load(data, url=row.get("url"), kind=row.get("kind"))
    doc = build_document(page)
    removed: dict = {}
    selection: Any = SimpleNamespace(kept=())
    try:  # the rest of the pipeline, when it is there
        from cleannews.cleaners.registry import resolve, run_cleaners
        from cleannews.scoring import select_blocks

        removed = run_cleaners(doc, resolve(None))
        selection = select_blocks(doc, removed)
    except Exception:  # noqa: BLE001 - stages still being written: evaluate metadata alone
        removed, selection = {}, SimpleNamespace(kept=())
    t1 = time.perf_counter()
    meta = read_metadata(doc, removed, selection)
    t2 = time.perf_counter()
    pred = {
        "id": row["id"],
        "title": meta.title,
        "authors": list(meta.authors),
        "byline": meta.byline,
        "date": _iso(meta.date),
        "modified": _iso(meta.modified),
        "site_name": meta.site_name,
        "description": meta.description,
        "language": meta.language,
        "section": meta.section,
        "url": meta.url,
    }
    return pred, t2 - t1, t2 - t0


def run(dataset: str, out_dir: Path, scorer: Any, show_errors: bool) -> dict:
    rows = [json.loads(line) for line in (CORPUS / dataset / "truth.jsonl").open(encoding="utf8")]
    preds: dict[str, dict] = {}
    meta_s = total_s = 0.0
    for row in rows:
        data = gzip.decompress((CORPUS / dataset / row["file"]).read_bytes())
        pred, m, t = predict(data, row)
        preds[row["id"]] = pred
        meta_s += m
        total_s += t
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / f"{dataset}.jsonl").open("w", encoding="utf8") as f:
        for p in preds.values():
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    result: dict[str, Any] = {"pages": len(rows), "meta_ms": 1000 * meta_s / len(rows),
                              "pipeline_ms": 1000 * total_s / len(rows)}
    keys = ("title_accuracy", "byline_accuracy", "date_accuracy")
    for name in ("all", "dev", "held-out"):
        sub = {k: v for k, v in preds.items() if name == "all" or half(k) == name}
        tmp = out_dir / f"{dataset}.{name}.truth"
        tmp.mkdir(exist_ok=True)
        with (tmp / "truth.jsonl").open("w", encoding="utf8") as f:
            for r in rows:
                if name == "all" or half(r["id"]) == name:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
        res = scorer.score(tmp, sub)
        result[name] = {k: round(res[k], 3) for k in keys if k in res}
    if show_errors:
        for r in rows:
            p = preds[r["id"]]
            if half(r["id"]) != "dev":
                continue
            errs = []
            if r.get("title") and scorer.norm_text(r["title"]) != scorer.norm_text(p["title"]):
                errs.append(f"  title  {r['title']!r}\n     got {p['title']!r}")
            if r.get("byline") and scorer.name_set(r["byline"]) != scorer.name_set(p["authors"]):
                errs.append(f"  byline {r['byline']!r}\n     got {p['authors']!r} (line {p['byline']!r})")
            if r.get("date") and scorer.day(r["date"]) != scorer.day(p["date"]):
                errs.append(f"  date   {r['date']!r} got {p['date']!r}")
            if errs:
                print(f"{dataset}/{r['id']} {r.get('url') or ''}\n" + "\n".join(errs))
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", default="readability,htmldate,seeds")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "out" / "metadata"))
    ap.add_argument("--errors", action="store_true", help="print the dev half's mistakes")
    args = ap.parse_args(argv)
    scorer = load_scorer()
    table = {}
    for ds in args.datasets.split(","):
        table[ds] = run(ds, Path(args.out), scorer, args.errors)
    for ds, res in table.items():
        print(f"{ds:12} meta {res['meta_ms']:.2f} ms/page of {res['pipeline_ms']:.2f} ms   "
              + "   ".join(f"{h}: {res[h]}" for h in ("all", "dev", "held-out")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
