"""Score `cleannews.quotes.find_quotes` on the PolNeAR dev split (and the seeds).

    python benchmarks/quotes_eval.py [--shared ../shared] [--half tune|held|all] [--show] [--share]

Runs find_quotes on each page's plain text (the whole dump as the body), writes
predictions to a jsonl in /tmp, and scores them with shared/eval/score.py
(imported by path, never copied). `--half` splits the pages by a stable hash
of their id: "tune" is the half used to inspect mistakes, "held" the other.
`--share` also reports the quote stage's share of a page's extraction time on
the scrapinghub and readability HTML pages (issue #17's ceiling is 10%).
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

from cleannews.quotes import find_quotes

ROOT = Path(__file__).resolve().parents[1]


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("cleannews_shared_score", shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def half_of(page_id: str) -> str:
    return "tune" if hashlib.sha1(page_id.encode()).digest()[0] % 2 == 0 else "held"


def page_text(corpus: Path, row: dict) -> str:
    with gzip.open(corpus / row["file"], "rt", encoding="utf8") as f:
        return f.read()


def evaluate(shared: Path, half: str = "all", show: bool = False, out: Path | None = None) -> dict:
    scorer = load_scorer(shared)
    corpus = shared / "corpus" / "polnear-dev"
    rows = [json.loads(line) for line in open(corpus / "truth.jsonl", encoding="utf8")]
    if half != "all":
        rows = [r for r in rows if half_of(r["id"]) == half]
    preds, pairs, seconds, words = [], [], 0.0, 0
    for r in rows:
        text = page_text(corpus, r)
        t0 = time.perf_counter()
        qs = find_quotes(text)
        seconds += time.perf_counter() - t0
        words += len(text.split())
        pq = [{"text": q.text, "speaker": q.speaker} for q in qs]
        preds.append({"id": r["id"], "quotes": pq})
        pairs.append((r["quotes"], pq))
        if show:
            show_page(scorer, r, text, qs)
    out = out or Path(tempfile.gettempdir()) / f"quotes_preds_{half}.jsonl"
    with open(out, "w", encoding="utf8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    res = scorer.quote_metrics(pairs)
    res["pages"] = len(rows)
    res["ms_per_page"] = 1000 * seconds / max(1, len(rows))
    res["ms_per_1000_words"] = 1000 * seconds / max(1, words) * 1000
    res["predictions"] = str(out)
    return res


def show_page(scorer, row, text, qs) -> None:
    """Print misses, false alarms and wrong speakers of one page."""
    gold = row["quotes"]
    gold_sp = scorer.resolved_gold_speakers(gold)
    pred = [q for q in qs if len(scorer.tokens(q.text)) >= 3]
    used = set()
    lines = []
    for gi, g in enumerate(gold):
        best, bj = 0.0, None
        for j, q in enumerate(pred):
            if j in used:
                continue
            f = scorer.tok_f1(g["text"], q.text)
            if f > best:
                best, bj = f, j
        if bj is not None and best >= 0.5:
            used.add(bj)
            q = pred[bj]
            if gold_sp[gi] and not (scorer.name_keys(gold_sp[gi]) & scorer.name_keys(q.speaker or "")):
                lines.append(
                    f"  SPEAKER gold={gold_sp[gi]!r} ({g['speaker']!r}) pred={q.speaker!r} :: "
                    f"{text[max(0, q.start - 100):q.start]!r} [[{q.text[:40]!r}]] {text[q.end:q.end + 80]!r}"
                )
        else:
            lines.append(f"  MISS [{g['speaker']}] {g['text'][:90]!r}  ctx={text[max(0, g['start'] - 60):g['start']]!r}")
    for j, q in enumerate(pred):
        if j not in used:
            lines.append(f"  EXTRA [{q.speaker}] {q.text[:90]!r}")
    if lines:
        print(row["id"])
        print("\n".join(lines))


def seeds(shared: Path) -> tuple[int, int]:
    """(found with the right speaker, total) over the seed quotes."""
    scorer = load_scorer(shared)
    ok = total = 0
    for line in open(shared / "corpus" / "seeds" / "truth.jsonl", encoding="utf8"):
        row = json.loads(line)
        qs = find_quotes(row["body"])
        for g in row.get("quotes") or []:
            total += 1
            for q in qs:
                if scorer.tok_f1(g["text"], q.text) >= 0.5:
                    if scorer.name_keys(g["speaker"]) & scorer.name_keys(q.speaker or ""):
                        ok += 1
                    break
    return ok, total


def time_share(shared: Path, datasets: tuple[str, ...] = ("scrapinghub", "readability")) -> dict[str, float]:
    """The share of a page's time the quote stage takes, on real HTML pages:
    `find_quotes` on each extracted body against the whole `extract` call
    (which includes it), summed over the dataset. CPU time of this process
    (`time.process_time`), so that other work on a shared machine does not
    move the ratio."""
    import cleannews

    out: dict[str, float] = {}
    for name in datasets:
        corpus = shared / "corpus" / name
        total = quotes = 0.0
        for line in open(corpus / "truth.jsonl", encoding="utf8"):
            row = json.loads(line)
            data = gzip.decompress((corpus / row["file"]).read_bytes())
            t0 = time.process_time()
            article = cleannews.extract(data, url=row.get("url"), kind=row["kind"])
            total += time.process_time() - t0
            t0 = time.process_time()
            find_quotes(article.body)
            quotes += time.process_time() - t0
        out[f"quote_share_{name}"] = quotes / total if total else 0.0
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--half", choices=["all", "tune", "held"], default="all")
    ap.add_argument("--show", action="store_true", help="print misses and wrong speakers")
    ap.add_argument("--share", action="store_true", help="also time the quote stage's share of extract() on HTML pages")
    args = ap.parse_args(argv)
    res = evaluate(args.shared, args.half, args.show)
    for k, v in res.items():
        print(f"{k:20} {v:.3f}" if isinstance(v, float) else f"{k:20} {v}")
    ok, total = seeds(args.shared)
    print(f"{'seeds':20} {ok}/{total}")
    if args.share:
        for k, v in time_share(args.shared).items():
            print(f"{k:20} {v:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
