"""`python -m benchmarks DATASET_DIR...`: cleannews and its peers side by side.

For each dataset, each system runs in its own fresh process (benchmarks.run_system),
one after another, and writes `<out>/<dataset>/<system>.jsonl` in the format of
../shared/eval/score.py. The metrics are then computed by that very scorer (imported
by path, never re-implemented) on the written files, and printed as one Markdown table
a dataset (or, with --json, as one JSON document).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from benchmarks.pages import DUMP_KINDS, load_truth, select
from benchmarks.systems import BASELINE, SYSTEMS

ROOT = Path(__file__).resolve().parents[1]  # the repository
DEFAULT_SCORE = ROOT.parent / "shared" / "eval" / "score.py"
DEFAULT_OUT = Path(__file__).resolve().parent / "out"

# metric columns shown in the table, in order, when the scorer reports them for a dataset
METRICS = [
    ("body_f1", "body F1"), ("body_precision", "body P"), ("body_recall", "body R"),
    ("body_exact", "exact"), ("snippet_f1", "snippet F1"), ("title_accuracy", "title"),
    ("byline_accuracy", "byline"), ("date_accuracy", "date"), ("quote_f1", "quote F1"),
    ("speaker_accuracy", "speaker"),
]


def load_scorer(path: Path | str | None = None) -> ModuleType:
    """The reference scorer: --score, else $CLEANNEWS_SCORE, else <repo>/../shared/eval/score.py."""
    path = Path(path or os.environ.get("CLEANNEWS_SCORE") or DEFAULT_SCORE)
    if not path.is_file():
        raise FileNotFoundError(f"scorer not found: {path} (use --score PATH or $CLEANNEWS_SCORE)")
    spec = importlib.util.spec_from_file_location("cleannews_bench_score", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_one(system: str, dataset: Path, out_dir: Path, args: argparse.Namespace) -> dict:
    """Run one system on one dataset in a fresh interpreter; its stats dict."""
    preds = out_dir / f"{system}.jsonl"
    stats_path = out_dir / f"{system}.stats.json"
    log = out_dir / f"{system}.log"
    stats_path.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "benchmarks.run_system", "--system", system,
           "--dataset", str(dataset), "--preds", str(preds), "--stats", str(stats_path),
           "--timeout", str(args.timeout)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    if args.repeat_to:
        cmd += ["--repeat-to", str(args.repeat_to)]
    if args.no_warmup:
        cmd.append("--no-warmup")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    with open(log, "w", encoding="utf8") as err:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=err, stderr=subprocess.STDOUT)
    if stats_path.exists():
        stats = json.loads(stats_path.read_text())
    else:
        tail = log.read_text(encoding="utf8", errors="replace").strip().splitlines()[-3:]
        stats = {"system": system, "failed": f"process exited {proc.returncode}: " + " | ".join(tail)}
    stats["predictions"] = str(preds)
    stats["log"] = str(log)
    return stats


def feed_note(truth: list[dict]) -> str | None:
    kinds = sorted({t.get("kind", "html") for t in truth})
    if not set(kinds) & set(DUMP_KINDS):
        return None
    return (f"Pages are {'/'.join(kinds)} dumps. cleannews reads them as they are (kind from the corpus); "
            "every peer gets each dump wrapped as a UTF-8 HTML page: text HTML-escaped, each "
            "blank-line-separated chunk in its own <p> (one line a <p> when the dump has no blank "
            "lines), Markdown syntax left as is.")


def bench_dataset(dataset: Path, systems: list[str], scorer: ModuleType, args: argparse.Namespace) -> dict:
    truth = load_truth(dataset)
    rows = select(truth, args.limit, args.repeat_to)
    out_dir = Path(args.out) / dataset.name
    out_dir.mkdir(parents=True, exist_ok=True)
    # --limit: score against the same first pages only, with a truth file cut to them. It lives
    # in the system temp folder, not in the project (corpus text is never copied into it).
    corpus = dataset
    if args.limit and args.limit < len(truth):
        corpus = Path(tempfile.gettempdir()) / "cleannews-bench" / f"{dataset.name}-first{args.limit}"
        corpus.mkdir(parents=True, exist_ok=True)
        with open(corpus / "truth.jsonl", "w", encoding="utf8") as f:
            for t in truth[:args.limit]:
                f.write(json.dumps(t, ensure_ascii=False) + "\n")
    result: dict = {"dataset": dataset.name, "path": str(dataset), "scored_against": str(corpus),
                    "pages": len(rows), "unique_pages": len({r["id"] for r in rows}),
                    "systems": {}, "skipped": {}, "notes": []}
    note = feed_note(rows)
    if note:
        result["notes"].append(note)
    if corpus != dataset:
        result["notes"].append(f"--limit {args.limit}: scored against the first {args.limit} truth rows only.")
    for name in systems:
        system = SYSTEMS[name]
        if not system.installed():
            result["skipped"][name] = f"not installed (no module {system.module!r})"
            continue
        print(f"[bench] {dataset.name}: {name} ...", file=sys.stderr, flush=True)
        stats = run_one(name, dataset, out_dir, args)
        if "skipped" in stats or "failed" in stats:
            result["skipped"][name] = stats.get("skipped") or stats["failed"]
            continue
        metrics = scorer.score(corpus, scorer.load_preds(stats["predictions"]))
        result["systems"][name] = {"metrics": metrics, **stats}
    base = result["systems"].get(args.baseline)
    for s in result["systems"].values():
        s["time_ratio"] = (s["seconds"] / base["seconds"]) if base and base["seconds"] > 0 else None
    return result


def _f(v, fmt: str) -> str:
    return "–" if v is None else format(v, fmt)


def markdown_table(res: dict, baseline: str) -> str:
    systems = res["systems"]
    present = [(k, label) for k, label in METRICS if any(k in s["metrics"] for s in systems.values())]
    head = (["system"] + [label for _, label in present] +
            ["errors", "seconds", "pages/s", f"× {baseline}", "peak RSS MB", "Δ RSS MB"])
    lines = [f"### {res['dataset']} ({res['unique_pages']} pages"
             + (f", {res['pages']} runs" if res["pages"] != res["unique_pages"] else "") + ")", "",
             "| " + " | ".join(head) + " |",
             "|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|"]
    for name, s in systems.items():
        m = s["metrics"]
        errors = str(s["errors"]) + (f" ({s['timeouts']} timeouts)" if s.get("timeouts") else "")
        cells = ([name] + [_f(m.get(k), ".3f") for k, _ in present] +
                 [errors, _f(s["seconds"], ".2f"), _f(s["pages_per_s"], ".1f"),
                  _f(s["time_ratio"], ".2f"), _f(s["peak_rss_mb"], ".0f"), _f(s["rss_increase_mb"], ".0f")])
        lines.append("| " + " | ".join(cells) + " |")
    notes = list(res["notes"])
    notes.append("seconds: extraction calls only (gunzip, decoding for str-only APIs and dump "
                 "wrapping are untimed; one untimed warm-up call first"
                 + ("" if not res.get("no_warmup") else " — disabled") + "); "
                 f"× {baseline}: seconds / {baseline}'s seconds in this run; peak RSS: the system's "
                 "own process; Δ RSS: peak minus the RSS after imports. Metrics from score.py.")
    for name, s in systems.items():
        if s["errors"]:
            first = s["first_errors"][0] if s.get("first_errors") else "?"
            notes.append(f"{name}: {s['errors']} of {s['pages']} pages raised (empty prediction recorded), "
                         f"first: {first[:200]}")
    for name, why in res["skipped"].items():
        notes.append(f"{name} skipped: {why}")
    lines.append("")
    lines += [f"- {n}" for n in notes]
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("datasets", nargs="+", type=Path, help="corpus folders, e.g. ../shared/corpus/scrapinghub")
    ap.add_argument("--systems", default=None,
                    help=f"comma-separated, from: {', '.join(SYSTEMS)} (default: all installed)")
    ap.add_argument("--limit", type=int, help="only the first N pages of each dataset")
    ap.add_argument("--repeat-to", type=int, help="repeat pages cyclically to N runs (throughput)")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="predictions folder (default benchmarks/out)")
    ap.add_argument("--score", help="path to score.py (default $CLEANNEWS_SCORE or ../shared/eval/score.py)")
    ap.add_argument("--baseline", default=BASELINE, help="system the time ratio is taken against")
    ap.add_argument("--timeout", type=float, default=60.0, help="per-page seconds limit, 0 for none")
    ap.add_argument("--no-warmup", action="store_true", help="time the first page's call too")
    ap.add_argument("--json", action="store_true", help="print one JSON document instead of tables")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.systems:
        systems = [s.strip() for s in args.systems.split(",") if s.strip()]
        unknown = [s for s in systems if s not in SYSTEMS]
        if unknown:
            print(f"unknown system(s): {', '.join(unknown)}; known: {', '.join(SYSTEMS)}", file=sys.stderr)
            return 2
    else:
        systems = list(SYSTEMS)
    try:
        scorer = load_scorer(args.score)
    except FileNotFoundError as e:
        print(e, file=sys.stderr)
        return 2
    datasets = [d.resolve() for d in args.datasets]
    missing = [str(d) for d in datasets if not (d / "truth.jsonl").is_file()]
    if missing:
        print(f"not a corpus folder (no truth.jsonl): {', '.join(missing)}", file=sys.stderr)
        return 2
    results = []
    for d in datasets:
        res = bench_dataset(d, systems, scorer, args)
        res["no_warmup"] = args.no_warmup
        results.append(res)
        if not args.json:
            print(markdown_table(res, args.baseline) + "\n", flush=True)
    if args.json:
        print(json.dumps({"baseline": args.baseline, "datasets": results}, indent=1))
    return 0
