"""A batch with faults, killed half-way and resumed: one line per input, no duplicates.

    python -m benchmarks.batch_faults [--inputs 10000] [--bad 0.05] [--workers 2] [--kills 20]

Builds a folder of small generated pages (never corpus text) plus a JSON-lines file,
with `--bad` of the inputs broken: truncated gzip, binary, empty, deleted before they
are read (named on the command line), unreadable (chmod 000, or a link to
/proc/self/mem, which no one can read from the start, when running as root), FIFOs,
dangling symlinks and folders named like pages, JSON lines holding a lone surrogate.
Then:

1. `cleannews extract -w N -o out.jsonl ...` runs while a killer SIGKILLs a busy worker
   now and then (a page killed from outside); when half the lines are written the CLI
   itself gets SIGKILL;
2. its workers must be gone within a few seconds (they die with their parent);
3. the same command with `--resume` runs to the end, the killer still at work;
4. the output must hold exactly one line per input (by `source`), no duplicates, no
   torn line, and no process of the run may be left.

Prints a JSON summary; exit status 0 when every check holds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

SENTENCES = [
    "The council said on Tuesday that the ferry would run every hour, starting next spring.",
    "Residents asked for a later last crossing, and the operator agreed to a trial in June.",
    "A spokesperson for the harbour authority said the new boats would be quieter.",
    "Tickets will cost the same as the bus, the council's transport officer said.",
    "Work on the second pier is due to finish before the summer timetable begins.",
]
BAD_KINDS = ("truncated-gzip", "binary", "empty", "deleted", "unreadable", "fifo", "dangling", "folder", "surrogate")


def _page(rng: random.Random, n: int) -> str:
    paras = "".join(f"<p>{' '.join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 5)))}</p>" for _ in range(rng.randint(2, 6)))
    return f"<html><head><title>Ferry update {n}</title></head><body><article><h1>Ferry update {n}</h1>{paras}</article></body></html>"


def build(root: Path, inputs: int, bad_share: float, seed: int) -> tuple[list[str], list[str], list[Path]]:
    """The command's path arguments, the sources expected in the output, and the files
    to delete once the run has started."""
    rng = random.Random(seed)
    pages = root / "pages"
    pages.mkdir()
    n_bad = int(inputs * bad_share)
    n_rows = inputs // 10  # a tenth of the inputs come as JSON lines
    kinds = [BAD_KINDS[i % len(BAD_KINDS)] for i in range(n_bad)]
    rng.shuffle(kinds)
    args: list[str] = [str(pages)]
    expected: list[str] = []
    deleted: list[Path] = []
    rows: list[str] = []
    n_files = inputs - n_rows
    bad_iter = iter(kinds)
    slots = set(rng.sample(range(inputs), n_bad))
    for i in range(inputs):
        kind = next(bad_iter) if i in slots else None
        if i >= n_files:  # a JSON line
            text = _page(rng, i)
            if kind == "surrogate" or (kind is not None and rng.random() < 0.5):
                text = text.replace("ferry", "fer\ud800ry", 1)
            rows.append(json.dumps({"id": i, "html": text}))
            continue
        p = pages / f"p{i:06d}.html"
        if kind == "truncated-gzip":
            p = p.with_name(p.name + ".gz")
            p.write_bytes(gzip.compress(_page(rng, i).encode())[:30])
        elif kind == "binary":
            p.write_bytes(rng.randbytes(rng.randint(200, 4000)))
        elif kind == "empty":
            p.write_bytes(b"")
        elif kind == "deleted":
            p = root / f"gone-{i:06d}.html"
            p.write_text(_page(rng, i))
            deleted.append(p)
            args.append(str(p))
            expected.append(str(p))
            continue
        elif kind == "unreadable":
            if os.geteuid() == 0:
                p.symlink_to("/proc/self/mem")
            else:
                p.write_text(_page(rng, i))
                p.chmod(0)
        elif kind == "fifo":
            os.mkfifo(p)
        elif kind == "dangling":
            p.symlink_to(root / f"nowhere-{i}")
        elif kind == "folder":
            p.mkdir()
        else:  # surrogate (as a file: a page whose bytes are not UTF-8 at that spot) or a good page
            data = _page(rng, i).encode()
            if kind == "surrogate":
                data = data.replace(b"ferry", b"fer\xed\xa0\x80ry", 1)
            p.write_bytes(data)
        expected.append(str(p))
    jsonl = root / "rows.jsonl"
    jsonl.write_text("\n".join(rows) + "\n", encoding="utf-8", errors="surrogatepass")
    args.append(str(jsonl))
    expected.extend(f"{jsonl}:{k}" for k in range(1, len(rows) + 1))
    return args, expected, deleted


def _children(pid: int) -> list[int]:
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(d.name))
    return out


def _alive(pid: int) -> bool:
    try:
        return (Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]) != "Z"
    except OSError:
        return False


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as f:
            return sum(1 for _ in f)
    except OSError:
        return 0


class Killer(threading.Thread):
    """SIGKILLs one worker of `pid` every `every` seconds, `budget` times in all."""

    def __init__(self, budget: int, every: float, seed: int) -> None:
        super().__init__(daemon=True)
        self.pid: int | None = None
        self.left = budget
        self.every = every
        self.kills = 0
        self.stop = threading.Event()
        self.rng = random.Random(seed)

    def run(self) -> None:
        while not self.stop.wait(self.every):
            if self.pid is None or self.left <= 0:
                continue
            kids = _children(self.pid)
            if kids:
                try:
                    os.kill(self.rng.choice(kids), signal.SIGKILL)
                    self.kills += 1
                    self.left -= 1
                except ProcessLookupError:
                    pass


def run(inputs: int, bad: float, workers: int, kills: int, seed: int, root: Path) -> dict[str, Any]:
    args, expected, deleted = build(root, inputs, bad, seed)
    out = root / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    cmd = [sys.executable, "-m", "cleannews.cli", "extract", "-w", str(workers), "--no-progress", "-o", str(out)]
    killer = Killer(kills, every=0.5, seed=seed)
    killer.start()
    t0 = time.monotonic()
    log = (root / "stderr.txt").open("w")
    first = subprocess.Popen([*cmd, *args], stderr=log, env=env)
    killer.pid = first.pid
    for p in deleted:  # gone before the run gets to them
        p.unlink()
    workers_seen: set[int] = set()
    while first.poll() is None and _lines(out) < len(expected) // 2:
        workers_seen.update(_children(first.pid))
        time.sleep(0.05)
    workers_seen.update(_children(first.pid))
    lines_at_kill = _lines(out)
    first_status = first.poll()  # None: still running, as it should be
    first.kill()
    first.wait()
    killer.pid = None
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers_seen):
        time.sleep(0.1)
    orphans = [w for w in workers_seen if _alive(w)]
    for w in orphans:  # report them, then clean up
        os.kill(w, signal.SIGKILL)
    second = subprocess.Popen([*cmd, "--resume", *args], stderr=log, env=env)
    killer.pid = second.pid
    later: set[int] = set()
    while second.poll() is None:
        later.update(_children(second.pid))
        time.sleep(0.1)
    killer.stop.set()
    log.close()
    crashes = [ln for ln in (root / "stderr.txt").read_text().splitlines() if ln.startswith(("Traceback", "RuntimeError"))]
    time.sleep(1.0)
    left = [w for w in later if _alive(w)]
    seconds = time.monotonic() - t0
    sources: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    torn = 0
    raw = out.read_bytes()
    for line in raw.split(b"\n")[:-1]:
        try:
            row = json.loads(line)
        except ValueError:
            torn += 1
            continue
        sources[row["source"]] += 1
        if "error" in row:
            errors[row["error"]["type"]] += 1
    missing = [s for s in expected if s not in sources]
    extra = [s for s in sources if s not in set(expected)]
    dups = sum(c - 1 for c in sources.values() if c > 1)
    summary = {
        "inputs": len(expected), "bad": int(inputs * bad), "workers": workers, "seconds": round(seconds, 1),
        "lines_when_killed": lines_at_kill, "lines": sum(sources.values()), "missing": len(missing),
        "unexpected": len(extra), "duplicates": dups, "torn_lines": torn + (0 if raw.endswith(b"\n") else 1),
        "workers_killed_from_outside": killer.kills, "workers_left_after_parent_kill": len(orphans),
        "processes_left_at_the_end": len(left), "error_types": dict(sorted(errors.items())),
        "exit_status_first_before_kill": first_status, "exit_status_resume": second.returncode,
        "tracebacks": len(crashes),
    }
    summary["ok"] = (summary["lines"] == len(expected) and not missing and not extra and not dups
                     and not summary["torn_lines"] and not orphans and not left and first_status is None
                     and not crashes)
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs", type=int, default=10_000)
    ap.add_argument("--bad", type=float, default=0.05)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--kills", type=int, default=20, help="workers to SIGKILL from outside during the runs")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cleannews-batch-faults-") as tmp:
        summary = run(args.inputs, args.bad, args.workers, args.kills, args.seed, Path(tmp))
        for p in Path(tmp).rglob("*"):  # chmod 000 files: let the clean-up remove them
            if not p.is_symlink():
                p.chmod(0o700)
    print(json.dumps(summary, indent=1))
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
