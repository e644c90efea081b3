"""Evaluate the metadata stage on the shared corpora (readability, htmldate, seeds).

    python benchmarks/metadata_eval.py [--datasets readability,htmldate,seeds] [--out DIR] [--errors]

Runs `cleannews.extract` end to end for every page, writes predictions
(`{"id", "title", "authors", "date", ...}`) to DIR/<dataset>.jsonl, scores them with
../shared/eval/score.py on all pages and on two fixed halves ("dev": pages whose
id hash is even, used when inspecting mistakes; "held-out": the rest), and reports
the milliseconds the metadata stage takes a page (with and without the htmldate
fallback, timed on the pipeline's own intermediate results) against the whole
`extract` call.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path
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


def predict(data: bytes, row: dict) -> tuple[dict, dict[str, float]]:
    """Prediction for one page from `cleannews.extract` (end to end), and the seconds
    spent: "total" (extract), "meta" (the metadata stage as the pipeline runs it),
    "meta_nofb" (the same without the htmldate fallback) and "fallback" (1.0 when the
    fallback called htmldate: no other source gave a date and the markup writes one,
    `has_date_string`)."""
    import cleannews
    from cleannews.cleaners.registry import resolve, run_cleaners
    from cleannews.document import build_document
    from cleannews.load import load
    from cleannews.metadata import read_metadata
    from cleannews.metadata.html import read_html_metadata
    from cleannews.metadata.datevote import has_date_string
    from cleannews.scoring import select_blocks

    from cleannews.errors import CleannewsError
    from cleannews.models import Article

    t0 = time.perf_counter()
    try:
        art = cleannews.extract(data, url=row.get("url"), kind=row.get("kind"))
    except CleannewsError:  # an empty or undecodable page: an empty answer
        art = Article(is_article=False)
    t1 = time.perf_counter()
    pred = {
        "id": row["id"],
        "title": art.title,
        "authors": list(art.authors),
        "byline": art.byline,
        "date": _iso(art.date),
        "modified": _iso(art.modified),
        "site_name": art.site_name,
        "description": art.description,
        "language": art.language,
        "section": art.section,
        "url": art.url,
        "is_article": art.is_article,
    }
    # The metadata stage alone, on the same intermediate results the pipeline makes.
    doc = build_document(load(data, url=row.get("url"), kind=row.get("kind")))
    removed = run_cleaners(doc, resolve(None))
    selection = select_blocks(doc, removed).rules_basis  # what the pipeline's metadata stage reads
    t2 = time.perf_counter()
    read_metadata(doc, removed, selection)
    t3 = time.perf_counter()
    secs = {"total": t1 - t0, "meta": t3 - t2, "meta_nofb": t3 - t2, "fallback": 0.0}
    if doc.tree is not None:
        t4 = time.perf_counter()
        m = read_html_metadata(doc, removed, tuple(selection.kept), fallback=False)
        secs["meta_nofb"] = time.perf_counter() - t4
        text = getattr(doc.page, "text", None)
        secs["fallback"] = 1.0 if m.date is None and isinstance(text, str) and has_date_string(text) else 0.0
    return pred, secs


def run(dataset: str, out_dir: Path, scorer: Any, show_errors: bool) -> dict:
    rows = [json.loads(line) for line in (CORPUS / dataset / "truth.jsonl").open(encoding="utf8")]
    preds: dict[str, dict] = {}
    spent = {"total": 0.0, "meta": 0.0, "meta_nofb": 0.0, "fallback": 0.0}
    for row in rows:
        data = gzip.decompress((CORPUS / dataset / row["file"]).read_bytes())
        pred, secs = predict(data, row)
        preds[row["id"]] = pred
        for k, v in secs.items():
            spent[k] += v
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / f"{dataset}.jsonl").open("w", encoding="utf8") as f:
        for p in preds.values():
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    n = len(rows)
    result: dict[str, Any] = {"pages": n, "meta_ms": 1000 * spent["meta"] / n,
                              "meta_nofb_ms": 1000 * spent["meta_nofb"] / n,
                              "fallback_pages": int(spent["fallback"]),
                              "pipeline_ms": 1000 * spent["total"] / n}
    keys = ("title_accuracy", "byline_accuracy", "date_accuracy")
    for name in ("all", "dev", "held-out"):
        sub = {k: v for k, v in preds.items() if name == "all" or half(k) == name}
        # The half's truth rows go to a temporary folder outside the project: corpus
        # text is never written into the checkout.
        with tempfile.TemporaryDirectory(prefix="cleannews-meta-") as tmpdir:
            tmp = Path(tmpdir)
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
        print(f"{ds:12} meta {res['meta_ms']:.2f} ms/page ({res['meta_nofb_ms']:.2f} without the htmldate "
              f"fallback, which ran on {res['fallback_pages']}/{res['pages']} pages) of {res['pipeline_ms']:.2f} ms   "
              + "   ".join(f"{h}: {res[h]}" for h in ("all", "dev", "held-out")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
