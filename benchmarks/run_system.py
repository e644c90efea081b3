"""Run ONE system over ONE dataset in this (fresh) process.

  python -m benchmarks.run_system --system NAME --dataset DIR --preds OUT.jsonl --stats OUT.json
      [--limit N] [--repeat-to N] [--timeout SECONDS] [--no-warmup] [--in-memory]
      [--max-memory-mb N] [--resume]

Writes one prediction row a page (score.py's format plus `seconds`, and `error` when
the system raised) and a stats JSON: total extraction seconds, page and error counts,
peak RSS of this process and its increase over the baseline taken after the imports.
The harness (benchmarks.harness) starts one such process per system and dataset, so
that one system's memory never counts against another's.

--in-memory (the speed protocol, `--rounds`): every page is read, gunzipped and shaped for
the system before the first call and before the RSS baseline, so the timed loop touches
no file; without it pages are read one at a time (memory stays flat on the big sets).

Native code cannot be stopped by the per-page alarm (it fires when the call returns) and
can take the whole process down: rs-trafilatura spent 160 s and 8.8 GB on one fundus-dev
page. So the address space a system may add after its set-up is capped (--max-memory-mb,
RLIMIT_AS): Python code then gets a MemoryError (an error row), native code aborts the
process. Each row is flushed as written, and the harness restarts a process that died
with --resume: the rows already written are kept and counted, the page it died on gets
an error row, and the run goes on from the next page.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import signal
import socket
import sys
import time
import traceback
import warnings
from pathlib import Path

from benchmarks.pages import DUMP_KINDS, decode_html, dump_as_html, iter_pages, load_truth, select
from benchmarks.systems import SYSTEMS


class PageTimeout(BaseException):
    """A BaseException, so that a system's own `except Exception` cannot swallow it."""


def _on_alarm(signum, frame):
    raise PageTimeout("page timed out")


def _no_network(*args, **kwargs):
    raise OSError("network access is disabled in benchmarks")


def block_network() -> None:
    """No system may fetch anything (newspaper/goose could try images or the URL)."""
    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.socket.connect_ex = _no_network  # type: ignore[method-assign]
    socket.create_connection = _no_network  # type: ignore[assignment]
    socket.getaddrinfo = _no_network  # type: ignore[assignment]


def quiet() -> None:
    """Peers' warnings and log chatter would only fill the log."""
    warnings.simplefilter("ignore")
    logging.disable(logging.WARNING)


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB.

    Linux: VmHWM of /proc/self/status, the high-water mark of this program's own memory.
    Not `ru_maxrss`: that keeps the parent's peak across fork and exec, so every system
    started by a harness that had just scored wcxb-dev (~150 MB) reported those 150 MB.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except (OSError, ValueError, IndexError):
        pass
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / 1024 if sys.platform != "darwin" else r / (1024 * 1024)


def vm_mb() -> float:
    """Address space of this process now, in MB (what RLIMIT_AS counts); 0 where unknown."""
    import os

    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def cap_memory(extra_mb: float) -> float | None:
    """Let the process grow by `extra_mb` of address space beyond what it holds now."""
    now = vm_mb()
    if extra_mb <= 0 or now <= 0:
        return None
    limit = int((now + extra_mb) * 2**20)
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return limit / 2**20


def written_rows(path: Path) -> list[dict]:
    """The complete rows of a predictions file a dead process left behind."""
    rows = []
    try:
        with open(path, encoding="utf8") as f:
            for line in f:
                try:
                    rows.append(json.loads(line))
                except ValueError:  # a line cut short by the crash
                    break
    except OSError:
        pass
    return rows


def prepare(system, row: dict, data: bytes):
    """The page as this system takes it (untimed)."""
    if row.get("kind") in DUMP_KINDS and not system.native_dumps:
        data = dump_as_html(data)
    return decode_html(data) if system.feed == "str" else data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.run_system")
    ap.add_argument("--system", required=True, choices=sorted(SYSTEMS))
    ap.add_argument("--dataset", required=True, type=Path)
    ap.add_argument("--preds", required=True, type=Path)
    ap.add_argument("--stats", required=True, type=Path)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--repeat-to", type=int)
    ap.add_argument("--timeout", type=float, default=60.0, help="per-page limit, 0 for none")
    ap.add_argument("--no-warmup", action="store_true")
    ap.add_argument("--in-memory", action="store_true", help="read every page before timing")
    ap.add_argument("--max-memory-mb", type=float, default=0,
                    help="address space the system may add after set-up (RLIMIT_AS), 0 for no cap")
    ap.add_argument("--resume", action="store_true", help="keep the rows already in --preds, go on after them")
    a = ap.parse_args(argv)

    quiet()
    block_network()
    system = SYSTEMS[a.system]
    stats: dict = {"system": system.name, "dataset": a.dataset.name}
    rss_start = rss_mb()
    try:
        run, convert = system.setup()
    except Exception as e:  # installed but not importable (e.g. a missing extra)
        stats["skipped"] = f"import failed: {type(e).__name__}: {e}"
        a.stats.write_text(json.dumps(stats))
        return 0

    rows = select(load_truth(a.dataset), a.limit, a.repeat_to)
    n_rows = len(rows)
    prior = written_rows(a.preds) if a.resume else []
    done = {r["id"] for r in prior}
    if done:  # a restart after a dead process: only the pages not written yet
        rows = [r for r in rows if r["id"] not in done]
    pages_mb = None
    if a.in_memory:  # each distinct page once, shaped for the system, before the clock and the baseline
        held: dict[str, object] = {}
        for row, data in iter_pages(a.dataset, list({r["id"]: r for r in rows}.values())):
            held[row["id"]] = prepare(system, row, data)
        pages_mb = sum(len(v) for v in held.values()) / 1e6  # type: ignore[arg-type]

        def shaped():
            return ((row, held[row["id"]]) for row in rows)
    else:
        def shaped():
            return ((row, prepare(system, row, data)) for row, data in iter_pages(a.dataset, rows))
    baseline = rss_mb()
    memory_cap = cap_memory(a.max_memory_mb)  # after set-up and the pages held in memory
    timeout = a.timeout if a.timeout and a.timeout > 0 else 0
    previous_handler = signal.signal(signal.SIGALRM, _on_alarm)

    def call(page, row):
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            t0 = time.perf_counter()
            try:
                return run(page, row), time.perf_counter() - t0
            except BaseException as e:
                if isinstance(e, KeyboardInterrupt):
                    raise
                e.elapsed = time.perf_counter() - t0  # type: ignore[attr-defined]
                raise
        finally:
            if timeout:
                signal.setitimer(signal.ITIMER_REAL, 0)

    warmup_s = None
    if rows and not a.no_warmup:  # one untimed call, so lazy one-time set-up is not billed to page 1
        row0, page0 = next(shaped())
        t0 = time.perf_counter()
        try:
            call(page0, row0)
        except (Exception, PageTimeout):
            pass
        warmup_s = time.perf_counter() - t0

    total = sum(r.get("seconds") or 0.0 for r in prior)
    errors = sum(1 for r in prior if "error" in r)
    timeouts = sum(1 for r in prior if str(r.get("error", "")).startswith("PageTimeout"))
    first_errors: list[str] = [f"{r['id']}: {r['error']}" for r in prior if "error" in r][:5]
    seen: set[str] = set(done)
    a.preds.parent.mkdir(parents=True, exist_ok=True)
    with open(a.preds, "a" if a.resume else "w", encoding="utf8") as out:
        for row, page in shaped():
            try:
                result, secs = call(page, row)
                pred = convert(result)
            except (Exception, PageTimeout) as e:  # a crash on one page never loses the page
                secs = getattr(e, "elapsed", 0.0)
                errors += 1
                timeouts += isinstance(e, PageTimeout)
                msg = f"{type(e).__name__}: {e}"[:500]
                if len(first_errors) < 5:
                    first_errors.append(f"{row['id']}: {msg}")
                    traceback.print_exc(limit=3, file=sys.stderr)
                pred = {"body": "", "error": msg}
            total += secs
            if row["id"] in seen:  # --repeat-to: score each page once
                continue
            seen.add(row["id"])
            out.write(json.dumps({"id": row["id"], **pred, "seconds": secs}, ensure_ascii=False) + "\n")
            out.flush()  # a process that dies on the next page keeps this one

    peak = rss_mb()
    stats.update({
        "pages": n_rows, "unique_pages": len(seen), "errors": errors, "timeouts": timeouts,
        "seconds": total, "pages_per_s": n_rows / total if total > 0 else None,
        "warmup_s": warmup_s, "rss_start_mb": rss_start, "rss_baseline_mb": baseline,
        "peak_rss_mb": peak, "rss_increase_mb": peak - baseline, "first_errors": first_errors,
        "in_memory": a.in_memory, "pages_mb": pages_mb, "memory_cap_mb": memory_cap,
    })
    a.stats.write_text(json.dumps(stats))
    signal.signal(signal.SIGALRM, previous_handler)
    return 0


if __name__ == "__main__":
    sys.exit(main())
