"""Batch throughput and memory: pages/s of `extract_many` with N workers, and the
pathological inputs' times.

    python -m benchmarks.throughput [--pages 5000] [--workers 1 2] [--pathological] [--rss-every 500]

Pages are the scrapinghub benchmark pages (`../shared/corpus/scrapinghub/pages`),
read from the corpus at run time (never copied), repeated in order up to `--pages`.
Each worker count runs in a fresh child process so peak memory (max RSS) is measured
per run: the parent's (which reads and dispatches the pages) and the largest worker's.

--rss-every N: memory over the run, to show it stays flat (no per-page leak or growing
cache): one more fresh process extracts the pages in-process (`workers=0`) and samples
its *current* resident set size (/proc/self/statm, not the peak) every N pages; the
report gives the curve and the growth from the first sample to the last.

--cpu-speed SYSTEMS: the speed protocol in CPU time, for a shared machine where wall
time swings with the other jobs (`python -m benchmarks --rounds 3` times wall
seconds): every system in its own fresh process a round (rs-trafilatura under the
Python 3.12 of `$CLEANNEWS_PY312`), the systems taking turns round after round, each
holding the set's pages in memory shaped as the harness shapes them
(`run_system.prepare`), one untimed warm-up call, then the CPU seconds of its process
(`time.process_time`) over the calls of one pass. Reported: each system's median
round, its rounds, and the ratio of medians to the first system named.

    python -m benchmarks.throughput --cpu-speed trafilatura,cleannews,rs-trafilatura --rounds 5
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import multiprocessing as mp
import resource
import sys
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "scrapinghub" / "pages"


def _pages(n: int):
    from cleannews.batch import Source

    files = sorted(CORPUS.glob("*.html.gz"))
    if not files:
        raise SystemExit(f"no pages under {CORPUS}")
    for i, f in enumerate(islice(cycle(files), n)):
        yield Source(f"{i}:{f.name}", gzip.decompress(f.read_bytes()), kind="html")


def _run(n: int, workers: int, q) -> None:
    import cleannews

    t = time.perf_counter()
    ok = errors = 0
    for r in cleannews.extract_many(_pages(n), workers=workers):
        ok += r.ok
        errors += not r.ok
    dt = time.perf_counter() - t
    q.put({
        "workers": workers,
        "pages": ok + errors,
        "errors": errors,
        "seconds": round(dt, 1),
        "pages_per_s": round((ok + errors) / dt, 1),
        "peak_rss_parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "peak_rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
    })


def _current_rss_mb() -> float:
    """Resident set size now (Linux /proc; the peak from getrusage elsewhere)."""
    import os

    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _curve(n: int, every: int, q) -> None:
    import cleannews

    samples = []
    t = time.perf_counter()
    for i, _ in enumerate(cleannews.extract_many(_pages(n), workers=0), 1):
        if i % every == 0 or i == n:
            samples.append({"pages": i, "rss_mb": round(_current_rss_mb(), 1),
                            "seconds": round(time.perf_counter() - t, 1)})
    q.put(samples)


def memory_curve(n: int, every: int) -> dict:
    """Current RSS every `every` pages over `n` pages, in a fresh process."""
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_curve, args=(n, every, q))
    p.start()
    samples = q.get()
    p.join()
    first, last = samples[0], samples[-1]
    return {"samples": samples, "growth_mb": round(last["rss_mb"] - first["rss_mb"], 1),
            "from_pages": first["pages"], "to_pages": last["pages"]}


def throughput(n: int, workers: int) -> dict:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_run, args=(n, workers, q))
    p.start()
    out = q.get()
    p.join()
    return out


def pathological() -> list[dict]:
    """Time each explicit case of tests/test_robustness.py in this process."""
    import cleannews
    from cleannews.errors import CleannewsError

    spec = importlib.util.spec_from_file_location("robustness_cases", ROOT / "tests" / "test_robustness.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows = []
    for name, (factory, _expected, _limit) in mod.CASES.items():
        data = factory()
        t = time.perf_counter()
        try:
            a = cleannews.extract(data)
            outcome = "article" if a.is_article else f"not article: {a.reason}"
        except CleannewsError as exc:
            outcome = type(exc).__name__
        rows.append({"case": name, "size": len(data), "seconds": round(time.perf_counter() - t, 3), "outcome": outcome})
    rows.append({"case": "(peak RSS of the whole run, MB)", "size": 0,
                 "seconds": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, "outcome": ""})
    return rows


def _cpu_child(system_name: str, dataset: Path) -> None:
    """One round of the CPU speed protocol for one system (see the docstring): prints
    {"cpu": s, "wall": s, "pages": n, "errors": n} as one JSON line."""
    import os

    from benchmarks.pages import iter_pages, load_truth, select
    from benchmarks.run_system import block_network, prepare, quiet
    from benchmarks.systems import SYSTEMS

    quiet()
    block_network()
    system = SYSTEMS[system_name]
    run, _convert = system.setup()
    rows = select(load_truth(dataset), None, None)
    held = [(row, prepare(system, row, data)) for row, data in iter_pages(dataset, rows)]
    if held:
        try:
            run(held[0][1], held[0][0])
        except Exception:
            pass
    errors = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for row, page in held:
        try:
            run(page, row)
        except Exception:
            errors += 1
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    sys.stdout.write(json.dumps({"cpu": cpu, "wall": wall, "pages": len(held), "errors": errors, "pid": os.getpid()}) + "\n")


def cpu_speed(systems: list[str], dataset: Path, rounds: int) -> dict:
    """The CPU speed protocol (docstring): medians of `rounds` rounds, systems in turn."""
    import os
    import statistics
    import subprocess

    from benchmarks.systems import SYSTEMS, interpreter_path

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    runs: dict[str, list[dict]] = {name: [] for name in systems}
    for _ in range(rounds):
        for name in systems:
            python = interpreter_path(SYSTEMS[name].python) or sys.executable
            cmd = [python, "-m", "benchmarks.throughput", "--_cpu-child", name, "--dataset", str(dataset)]
            done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
            runs[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
    base = statistics.median(r["cpu"] for r in runs[systems[0]])
    out = {"dataset": dataset.name, "rounds": rounds, "baseline": systems[0], "systems": {}}
    for name, rs in runs.items():
        med = statistics.median(r["cpu"] for r in rs)
        out["systems"][name] = {
            "cpu_seconds": round(med, 3),
            "ms_a_page": round(1000 * med / max(rs[0]["pages"], 1), 2),
            f"x_{systems[0]}": round(med / base, 3) if base else None,
            "wall_seconds": round(statistics.median(r["wall"] for r in rs), 3),
            "rounds_cpu": [round(r["cpu"], 3) for r in rs],
            "errors": rs[0]["errors"],
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--workers", type=int, nargs="*", default=[1, 2], help="worker counts (none: only the memory curve)")
    ap.add_argument("--pathological", action="store_true", help="also time the pathological inputs")
    ap.add_argument("--rss-every", type=int, default=0, help="also sample the current RSS every N pages")
    ap.add_argument("--cpu-speed", default="", help="systems, comma-separated: the CPU speed protocol (first: the baseline)")
    ap.add_argument("--rounds", type=int, default=5, help="rounds of --cpu-speed (default 5)")
    ap.add_argument("--dataset", type=Path, default=CORPUS.parent, help="the dataset of --cpu-speed (default scrapinghub)")
    ap.add_argument("--_cpu-child", dest="cpu_child", default="", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.cpu_child:
        _cpu_child(args.cpu_child, args.dataset)
        return 0
    if args.cpu_speed:
        print(json.dumps(cpu_speed([s.strip() for s in args.cpu_speed.split(",") if s.strip()], args.dataset, args.rounds), indent=1))
        return 0
    out: dict = {"throughput": [throughput(args.pages, w) for w in args.workers]}
    if args.rss_every > 0:
        out["memory_curve"] = memory_curve(args.pages, args.rss_every)
    if args.pathological:
        out["pathological"] = pathological()
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
