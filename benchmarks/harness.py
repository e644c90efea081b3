"""`python -m benchmarks DATASET_DIR...`: cleannews and its peers side by side.

For each dataset, each system runs in its own fresh process (benchmarks.run_system),
one after another, and writes `<out>/<dataset>/<system>.jsonl` in the format of
../shared/eval/score.py. The metrics are then computed by that very scorer (imported
by path, never re-implemented) on the written files, and printed as one Markdown table
a dataset (or, with --json, as one JSON document).

Also:
- systems that need another interpreter (rs-trafilatura, magic-html: Python 3.12) run
  their process under it (systems.INTERPRETERS; `--python312 PATH`), or are skipped with a note;
- precomputed predictions (the learned scorer's out-of-fold files in `benchmarks/out/oof/`,
  or any `--preds LABEL=PATH`) are scored by the same scorer as extra rows, untimed;
- datasets whose truth has a `--by` field (wcxb-dev's page_type) get a table per group,
  from score.py's own `score_by`;
- `--rounds N` is the speed protocol: pages held in memory, every system over the whole
  set in turn, N rounds, the median round's seconds.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from benchmarks import run_system
from benchmarks.pages import DUMP_KINDS, load_truth, select
from benchmarks.systems import BASELINE, INTERPRETERS, SYSTEMS, interpreter_path

ROOT = Path(__file__).resolve().parents[1]  # the repository
DEFAULT_SCORE = ROOT.parent / "shared" / "eval" / "score.py"
DEFAULT_OUT = Path(__file__).resolve().parent / "out"
# the learned scorer's training script (issue #14) writes its out-of-fold predictions here
DEFAULT_OOF = DEFAULT_OUT / "oof"
OOF_LABEL = "cleannews (OOF)"
# Address space a system's process may add after its set-up (run_system --max-memory-mb).
# Every system stays under 300 MB above its baseline on every set (wcxb-dev: trafilatura
# 155 MB, the largest), except rs-trafilatura on one fundus-dev page (8.8 GB, 160 s); 4 GB
# lets every normal page through and stops that one before it threatens a CI machine.
DEFAULT_MAX_MEMORY_MB = 4096
# A process that dies (native abort, segfault, the memory cap in native code) is restarted
# after the page it died on, at most this many times a (system, dataset).
MAX_RESTARTS = 5

# metric columns shown in the table, in order, when the scorer reports them for a dataset
METRICS = [
    ("body_f1", "body F1"), ("body_precision", "body P"), ("body_recall", "body R"),
    ("body_exact", "exact"), ("word_f1", "word F1"), ("snippet_f1", "snippet F1"),
    ("title_accuracy", "title"), ("byline_accuracy", "byline"), ("date_accuracy", "date"),
    ("datetime_accuracy", "date-time"), ("caption_recall", "captions"),
    ("page_type_accuracy", "page type"), ("quote_f1", "quote F1"), ("speaker_accuracy", "speaker"),
]
# the prediction field each metric reads: a system that never gives that field gets "–"
# in the table rather than a 0 that would read as a measured miss (the JSON keeps the 0)
METRIC_FIELD = {
    "body_f1": "body", "body_precision": "body", "body_recall": "body", "body_exact": "body",
    "word_f1": "body", "snippet_f1": "body", "title_accuracy": "title", "byline_accuracy": "authors",
    "date_accuracy": "date", "datetime_accuracy": "date", "caption_recall": "images",
    "page_type_accuracy": "page_type", "quote_f1": "quotes", "speaker_accuracy": "quotes",
}
# per-group tables (--by): the metrics shown a group, when some system gives their field
GROUP_METRICS = [("word_f1", "word F1"), ("page_type_accuracy", "page-type accuracy")]


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


def in_memory(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "in_memory", False) or (getattr(args, "rounds", 1) or 1) > 1)


def run_one(system: str, dataset: Path, out_dir: Path, args: argparse.Namespace, round_no: int = 1) -> dict:
    """Run one system on one dataset in a fresh interpreter (the system's own, if it has one)."""
    tag = system if round_no == 1 else f"{system}.round{round_no}"
    preds = out_dir / f"{tag}.jsonl"
    stats_path = out_dir / f"{tag}.stats.json"
    log = out_dir / f"{tag}.log"
    stats_path.unlink(missing_ok=True)
    python = interpreter_path(SYSTEMS[system].python) or sys.executable
    cmd = [python, "-m", "benchmarks.run_system", "--system", system,
           "--dataset", str(dataset), "--preds", str(preds), "--stats", str(stats_path),
           "--timeout", str(args.timeout)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    if args.repeat_to:
        cmd += ["--repeat-to", str(args.repeat_to)]
    if args.no_warmup:
        cmd.append("--no-warmup")
    if in_memory(args):
        cmd.append("--in-memory")
    max_mb = getattr(args, "max_memory_mb", DEFAULT_MAX_MEMORY_MB)
    if max_mb:
        cmd += ["--max-memory-mb", str(max_mb)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    order = [r["id"] for r in select(load_truth(dataset), args.limit, args.repeat_to)]
    deaths: list[str] = []
    with open(log, "w", encoding="utf8") as err:
        while True:
            proc = subprocess.run(cmd + (["--resume"] if deaths else []), cwd=ROOT, env=env,
                                  stdout=err, stderr=subprocess.STDOUT, check=False)
            if stats_path.exists() or len(deaths) >= MAX_RESTARTS or not preds.exists():
                break
            written = {r["id"] for r in run_system.written_rows(preds)}
            dead_on = next((i for i in order if i not in written), None)
            if dead_on is None:
                break
            # the page the process died on: an error row, then on from the next page
            why = f"process died (exit {proc.returncode}) on this page"
            with open(preds, "a", encoding="utf8") as f:
                f.write(json.dumps({"id": dead_on, "body": "", "error": why, "seconds": 0.0}) + "\n")
            deaths.append(f"{dead_on}: exit {proc.returncode}")
            err.write(f"\n[bench] {why}: {dead_on}; restarting after it\n")
            err.flush()
    if stats_path.exists():
        stats = json.loads(stats_path.read_text())
    else:
        tail = log.read_text(encoding="utf8", errors="replace").strip().splitlines()[-3:]
        stats = {"system": system, "failed": f"process exited {proc.returncode}: " + " | ".join(tail)}
    if deaths:
        stats["process_deaths"] = deaths
    stats["predictions"] = str(preds)
    stats["log"] = str(log)
    if python != sys.executable:
        stats["python"] = python
    return stats


def given_fields(preds: dict) -> list[str]:
    """The prediction fields a system filled on at least one page."""
    return sorted({k for row in preds.values() for k, v in row.items() if v not in (None, "", [], {})})


def precomputed(dataset: Path, args: argparse.Namespace) -> list[tuple[str, Path, str]]:
    """(label, file, note) of the precomputed predictions to score on this dataset.

    The out-of-fold folder is picked up by itself: `<oof>/<dataset>.jsonl`, labelled
    `cleannews (OOF)`. `--preds LABEL=PATH`: PATH is a file, a file name with `{dataset}`
    in it, or a folder holding `<dataset>.jsonl`.
    """
    found = []
    oof = getattr(args, "oof", None)
    if oof and (Path(oof) / f"{dataset.name}.jsonl").is_file():
        found.append((OOF_LABEL, Path(oof) / f"{dataset.name}.jsonl",
                      ("out-of-fold predictions of the learned scorer (folds grouped by site: no page "
                       "is scored by a model that saw its site), written by its training script")))
    for spec in getattr(args, "preds", None) or []:
        label, _, path = spec.partition("=")
        target = Path(path.replace("{dataset}", dataset.name))
        if target.is_dir():
            target = target / f"{dataset.name}.jsonl"
        if target.is_file():
            found.append((label, target, "precomputed predictions (--preds)"))
    return found


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
            f.writelines(json.dumps(t, ensure_ascii=False) + "\n" for t in truth[:args.limit])
    result: dict = {"dataset": dataset.name, "path": str(dataset), "scored_against": str(corpus),
                    "pages": len(rows), "unique_pages": len({r["id"] for r in rows}),
                    "systems": {}, "skipped": {}, "notes": []}
    note = feed_note(rows)
    if note:
        result["notes"].append(note)
    if corpus != dataset:
        result["notes"].append(f"--limit {args.limit}: scored against the first {args.limit} truth rows only.")
    kinds = {t.get("kind", "html") for t in rows}
    ran: list[str] = []
    for name in systems:
        system = SYSTEMS[name]
        why = system.unavailable()
        if why is None and system.kinds and not kinds <= set(system.kinds):
            why = f"takes {'/'.join(system.kinds)} pages only ({system.note})"
        if why is None and system.needs and not any(system.needs in t for t in rows):
            why = f"measures {system.needs} only, and this dataset's truth has none"
        if why:
            result["skipped"][name] = why
            continue
        print(f"[bench] {dataset.name}: {name} ...", file=sys.stderr, flush=True)
        stats = run_one(name, dataset, out_dir, args)
        if "skipped" in stats or "failed" in stats:
            result["skipped"][name] = stats.get("skipped") or stats["failed"]
            continue
        preds = scorer.load_preds(stats["predictions"])
        metrics = scorer.score(corpus, preds)
        result["systems"][name] = {"metrics": metrics, "fields": given_fields(preds),
                                   "round_seconds": [stats["seconds"]], **stats}
        ran.append(name)
    # the speed protocol: every system over the whole set in turn, round after round
    for round_no in range(2, (getattr(args, "rounds", 1) or 1) + 1):
        for name in ran:
            print(f"[bench] {dataset.name}: {name} round {round_no} ...", file=sys.stderr, flush=True)
            stats = run_one(name, dataset, out_dir, args, round_no)
            s = result["systems"][name]
            if "seconds" in stats:
                s["round_seconds"].append(stats["seconds"])
            else:
                result["notes"].append(f"{name}: round {round_no} failed: {stats.get('failed') or stats.get('skipped')}")
            Path(stats["predictions"]).unlink(missing_ok=True)  # round 1's predictions are the scored ones
    for name in ran:
        s = result["systems"][name]
        s["seconds"] = statistics.median(s["round_seconds"])
        s["pages_per_s"] = s["pages"] / s["seconds"] if s["seconds"] > 0 else None
    base = result["systems"].get(args.baseline)
    for s in result["systems"].values():
        s["time_ratio"] = (s["seconds"] / base["seconds"]) if base and base["seconds"] > 0 else None
    for label, path, why in precomputed(dataset, args):
        preds = scorer.load_preds(path)
        ids = {t["id"] for t in truth[:args.limit] if args.limit} or {t["id"] for t in truth}
        if not ids & set(preds):
            result["skipped"][label] = f"{path}: no page id of this dataset"
            continue
        row = {"metrics": scorer.score(corpus, preds), "fields": given_fields(preds),
               "precomputed": str(path), "predictions": str(path), "time_ratio": None}
        # a cleannews variant (the OOF row) goes right under cleannews, the shipped model
        names = list(result["systems"])
        at = names.index("cleannews") + 1 if label.startswith("cleannews") and "cleannews" in names else len(names)
        while at < len(names) and "precomputed" in result["systems"][names[at]]:
            at += 1
        items = list(result["systems"].items())
        items.insert(at, (label, row))
        result["systems"] = dict(items)
        result["notes"].append(f"{label}: {why} ({path}); scored here by score.py, untimed.")
    field = getattr(args, "by", None)
    if field and any(t.get(field) for t in rows):
        result["by"] = field
        for s in result["systems"].values():
            s["by"] = scorer.score_by(corpus, scorer.load_preds(s["predictions"]), field)
    return result


def _f(v, fmt: str) -> str:
    return "–" if v is None else format(v, fmt)


def _metric(s: dict, key: str, metrics: dict | None = None) -> str:
    m = s["metrics"] if metrics is None else metrics
    if key not in m or METRIC_FIELD.get(key, "body") not in s.get("fields", [METRIC_FIELD.get(key, "body")]):
        return "–"
    return _f(m[key], ".3f")


def group_tables(res: dict) -> list[str]:
    """One table a metric: a row a group of pages (e.g. a page type), a column a system."""
    field = res.get("by")
    systems = {n: s for n, s in res["systems"].items() if "by" in s}
    if not field or not systems:
        return []
    first = next(iter(systems.values()))["by"]
    groups = sorted(first, key=lambda g: (-first[g]["pages"], g))
    out = []
    for key, label in GROUP_METRICS:
        cols = [n for n, s in systems.items() if METRIC_FIELD[key] in s.get("fields", []) and key in s["metrics"]]
        if not cols:
            continue
        lines = [f"#### {res['dataset']}: {label} by {field} (score.py --by {field})", "",
                 "| " + " | ".join([field, "pages"] + cols) + " |",
                 "|" + "|".join(["---"] + ["---:"] * (len(cols) + 1)) + "|"]
        for g in groups:
            lines.append("| " + " | ".join([g, str(first[g]["pages"])] +
                                           [_metric(systems[n], key, systems[n]["by"].get(g, {})) for n in cols]) + " |")
        lines.append("| " + " | ".join(["all", str(res["unique_pages"])] +
                                       [_metric(systems[n], key) for n in cols]) + " |")
        out.append("\n".join(lines))
    return out


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
        if "precomputed" in s:
            run_cells = ["–"] * 6
        else:
            errors = str(s["errors"]) + (f" ({s['timeouts']} timeouts)" if s.get("timeouts") else "")
            run_cells = [errors, _f(s["seconds"], ".2f"), _f(s["pages_per_s"], ".1f"),
                         _f(s["time_ratio"], ".2f"), _f(s["peak_rss_mb"], ".0f"), _f(s["rss_increase_mb"], ".0f")]
        lines.append("| " + " | ".join([name] + [_metric(s, k) for k, _ in present] + run_cells) + " |")
    notes = list(res["notes"])
    rounds = res.get("rounds") or 1
    notes.append("seconds: extraction calls only (gunzip, decoding for str-only APIs and dump "
                 "wrapping are untimed; one untimed warm-up call first"
                 + ("" if not res.get("no_warmup") else " — disabled") + ")"
                 + (f"; pages held in memory, every system over the whole set in turn, {rounds} rounds, "
                    "the median round" if rounds > 1 else "") + "; "
                 f"× {baseline}: seconds / {baseline}'s seconds in this run; peak RSS: the system's "
                 "own process; Δ RSS: peak minus the RSS after imports"
                 + (" and after reading the pages" if res.get("in_memory") else "") + ". Metrics from score.py; "
                 "– where a system gives no such field.")
    for name, s in systems.items():
        if s.get("python"):
            notes.append(f"{name} ran under {s['python']}.")
        if s.get("process_deaths"):
            notes.append(f"{name}: its process died and was restarted after the page "
                         f"({'; '.join(s['process_deaths'])}); that page counts as an error.")
    for name, s in systems.items():
        if s.get("errors"):
            first = s["first_errors"][0] if s.get("first_errors") else "?"
            notes.append(f"{name}: {s['errors']} of {s['pages']} pages raised (empty prediction recorded), "
                         f"first: {first[:200]}")
    for name, why in res["skipped"].items():
        notes.append(f"{name} skipped: {why}")
    lines.append("")
    lines += [f"- {n}" for n in notes]
    return "\n\n".join(["\n".join(lines)] + group_tables(res))


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
    ap.add_argument("--rounds", type=int, default=1,
                    help="speed protocol: pages in memory, every system in turn, N rounds, median (default 1)")
    ap.add_argument("--in-memory", action="store_true", help="read all pages before timing (implied by --rounds > 1)")
    ap.add_argument("--max-memory-mb", type=float, default=DEFAULT_MAX_MEMORY_MB,
                    help=f"address space a system may add after set-up (default {DEFAULT_MAX_MEMORY_MB}; 0: no cap)")
    ap.add_argument("--python312", help=f"the Python 3.12 for rs-trafilatura and magic-html "
                    f"(default ${INTERPRETERS['py312'].env}, else {INTERPRETERS['py312'].default})")
    ap.add_argument("--preds", action="append", metavar="LABEL=PATH",
                    help="also score precomputed predictions as a row LABEL (file, folder of <dataset>.jsonl, "
                         "or a path with {dataset}); repeatable")
    ap.add_argument("--oof", default=str(DEFAULT_OOF),
                    help="folder of out-of-fold predictions <dataset>.jsonl, scored as 'cleannews (OOF)' "
                         "(default benchmarks/out/oof; '' to turn off)")
    ap.add_argument("--by", default="page_type",
                    help="truth field for per-group tables where a dataset has it (default page_type; '' off)")
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
    bad = [p for p in args.preds or [] if "=" not in p or not p.partition("=")[0]]
    if bad:
        print(f"--preds wants LABEL=PATH: {', '.join(bad)}", file=sys.stderr)
        return 2
    if args.python312:
        os.environ[INTERPRETERS["py312"].env] = args.python312
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
        res["rounds"] = args.rounds
        res["in_memory"] = in_memory(args)
        results.append(res)
        if not args.json:
            print(markdown_table(res, args.baseline) + "\n", flush=True)
    if args.json:
        print(json.dumps({"baseline": args.baseline, "datasets": results}, indent=1))
    return 0
