"""Time and memory against page size: is cleannews linear, side by side with its peers?

    python -m benchmarks.scaling [--factors 1 2 4 8 16 32 64] [--systems cleannews,trafilatura]

The issue asks for "memory use linear in page size". A fixed benchmark set cannot
show that (its pages differ in more than size), so this builds one synthetic news
page at growing sizes: the project's own example fixture
(`fixtures/example/harbour-ferry.html`, never corpus text) with its article body
repeated F times and, in proportion, its navigation and "related" furniture, so that
the share of noise stays the same while the page grows.

Each (system, factor) runs in a fresh interpreter (`--child`): it imports the system,
extracts the F=1 page once as a warm-up, records the resident set size, then extracts
the F-page `--calls` times. It reports the best call's seconds and the peak RSS above
the warmed-up baseline (`ru_maxrss`, which also counts lxml's C allocations that
`tracemalloc` would miss). The summary fits log(cost) = a + b·log(size) over the
factors: b ≈ 1 is linear, b ≈ 2 quadratic. Peers that are not installed are skipped.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.systems import SYSTEMS, interpreter_path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "fixtures" / "example" / "harbour-ferry.html"
DEFAULT_FACTORS = (1, 2, 4, 8, 16, 32, 64)
DEFAULT_SYSTEMS = ("cleannews", "trafilatura", "readability")

# The parts of the example page that grow with the factor: the article body's inner
# HTML and the page furniture (navigation list items, the related-stories list).
_BODY = re.compile(r'(<div class="article-body">)(.*?)(</div>)', re.DOTALL)
_NAV = re.compile(r'(<nav class="main-nav"><ul>)(.*?)(</ul></nav>)', re.DOTALL)
_RELATED = re.compile(r'(<aside[^>]*>)(.*?)(</aside>)', re.DOTALL)


def scaled_page(factor: int) -> bytes:
    """The example page with its article and its furniture repeated `factor` times."""
    html = EXAMPLE.read_text(encoding="utf-8")
    for rx in (_BODY, _NAV, _RELATED):
        html = rx.sub(lambda m: m.group(1) + m.group(2) * factor + m.group(3), html, count=1)
    return html.encode("utf-8")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def child(system_name: str, factor: int, calls: int) -> dict:
    """Runs in its own interpreter: one system, one page size."""
    from benchmarks.pages import decode_html

    system = SYSTEMS[system_name]
    run, convert = system.setup()
    row = {"url": "https://coastal-ledger.example/local/harbour-ferry-resume", "kind": "html"}

    def feed(data: bytes):
        return decode_html(data) if system.feed == "str" else data

    convert(run(feed(scaled_page(1)), row))  # warm-up: imports, lazy tables, caches
    page = feed(scaled_page(factor))
    base = _rss_mb()
    best = math.inf
    words = 0
    for _ in range(calls):
        t0 = time.perf_counter()
        out = run(page, row)
        best = min(best, time.perf_counter() - t0)
        words = len((convert(out).get("body") or "").split())
    return {"system": system_name, "factor": factor, "bytes": len(scaled_page(factor)),
            "seconds": best, "peak_mb": max(0.0, _rss_mb() - base), "body_words": words}


def measure(system_name: str, factor: int, calls: int, timeout: float) -> dict | None:
    python = interpreter_path(SYSTEMS[system_name].python) or sys.executable  # rs-trafilatura: Python 3.12
    cmd = [python, "-m", "benchmarks.scaling", "--child", system_name, str(factor), "--calls", str(calls)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    try:
        out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=True, env=env)
    except (subprocess.SubprocessError, OSError) as exc:
        return {"system": system_name, "factor": factor, "error": type(exc).__name__}
    return json.loads(out.stdout.strip().splitlines()[-1])


def slope(rows: list[dict], key: str) -> float | None:
    """Least-squares exponent b of cost ~ size^b (b = 1: linear)."""
    pts = [(math.log(r["bytes"]), math.log(r[key])) for r in rows if r.get(key, 0) > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / den if den else None


def table(results: dict[str, list[dict]]) -> str:
    names = list(results)
    lines = ["| page KB | " + " | ".join(f"{n} s | {n} Δ peak MB" for n in names) + " |",
             "|---:|" + "---:|---:|" * len(names)]
    factors = sorted({r["factor"] for rows in results.values() for r in rows})
    for f in factors:
        cells = []
        size = ""
        for n in names:
            r = next((r for r in results[n] if r["factor"] == f), None)
            if r is None or "error" in r:
                cells += ["–", "–"]
                continue
            size = f"{r['bytes'] / 1024:.0f}"
            cells += [f"{r['seconds']:.3f}", f"{r['peak_mb']:.1f}"]
        lines.append(f"| {size} | " + " | ".join(cells) + " |")
    fits = []
    for n in names:
        ok = [r for r in results[n] if "error" not in r]
        t, m = slope(ok, "seconds"), slope([r for r in ok if r["peak_mb"] >= 1.0], "peak_mb")
        fits.append(f"{n}: time ~ size^{t:.2f}" if t is not None else f"{n}: time –")
        fits[-1] += f", memory ~ size^{m:.2f}" if m is not None else ", memory – (under 1 MB)"
    return "\n".join(lines) + "\n\nFitted exponents (1 = linear): " + "; ".join(fits)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.scaling")
    ap.add_argument("--factors", type=int, nargs="+", default=list(DEFAULT_FACTORS))
    ap.add_argument("--systems", default=",".join(DEFAULT_SYSTEMS))
    ap.add_argument("--calls", type=int, default=3, help="extractions a size; the best time counts")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds for one (system, size) process")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", nargs=2, metavar=("SYSTEM", "FACTOR"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        print(json.dumps(child(a.child[0], int(a.child[1]), a.calls)))
        return 0
    results: dict[str, list[dict]] = {}
    for name in a.systems.split(","):
        system = SYSTEMS.get(name)
        why = "unknown system" if system is None else system.unavailable()
        if why:
            print(f"skipped {name}: {why}", file=sys.stderr)
            continue
        results[name] = [r for f in a.factors if (r := measure(name, f, a.calls, a.timeout))]
    print(json.dumps(results, indent=1) if a.json else table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
