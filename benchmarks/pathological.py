"""The reliability audit's pathological inputs (issue #18), each timed in CPU seconds.

    python -m benchmarks.pathological [--cap 5] [--only SUBSTRING] [--json]

Every case is a small generated page (never corpus text). Each runs in a forked child
under an RLIMIT_CPU of `--cap` seconds, so a case that still runs away is reported as
"> cap" instead of holding the run; the child's CPU time is read with `wait4`. The
target is every case answered (an Article) or refused (a `CleannewsError`) in <= 1 s CPU.
The same table also feeds `tests/test_pathological.py`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pickle
import resource
import signal
import sys
from collections.abc import Callable
from typing import Any

SENTENCE = "The council said on Tuesday that the ferry would run every hour, starting next spring. "
ARTICLE = "<html><head><title>T</title></head><body><article>" + f"<p>{SENTENCE * 3}</p>" * 4 + "</article></body></html>"


def _deep_content(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + f"<p>{SENTENCE * 3}</p>" * 3 + "</div>" * depth + "</body></html>"


#: name -> (factory of the page, keyword arguments for extract)
CASES: dict[str, tuple[Callable[[], bytes | str], dict[str, Any]]] = {
    # point 1 (fixed in quotes/attribution.py by the quotes helper)
    "quote cue at the end (IndexError)": (lambda: '"a b c d," Al, a,', {"kind": "html"}),
    "quote with trailing role (IndexError)": (
        lambda: "<p>“This is a long quote of many words,” John Smith, the mayor,</p>", {}),
    # point 2
    "lone surrogate in str html": (lambda: ARTICLE.replace("ferry", "fer\ud800ry"), {}),
    "lone surrogate in text": (lambda: SENTENCE * 5 + "\ud800 end.\n", {"kind": "text"}),
    # point 3
    "meta author a@a@ x2000": (lambda: '<html><head><meta name=author content="' + "a@" * 2000 + '"></head>'
                               f"<body><p>{SENTENCE}</p></body></html>", {}),
    "100 KB author value": (lambda: '<html><head><meta name=author content="' + "a@b." * 25_000 + '"></head>'
                            f"<body><p>{SENTENCE}</p></body></html>", {}),
    "100 KB author words": (lambda: '<html><head><meta name=author content="' + "Ann Lee, " * 11_000 + '"></head>'
                            f"<body><p>{SENTENCE}</p></body></html>", {}),
    "credit tail \\x0c x380 (dumps._CREDIT_TAIL)": (
        lambda: ("a" + "\x0c" * 380 + "x photo: |\n") * 30, {"kind": "text"}),
    "quote plus A x30000 (_NAME_RUN_RE)": (lambda: f"<p>“{SENTENCE}” she said. " + "A" * 30_000 + "</p>", {}),
    "markdown '**a ' x7500": (lambda: "**a " * 7500, {"kind": "markdown"}),
    "table separator of 100k spaces": (lambda: "# T\n\n|a|b|\n|--" + " " * 100_000 + "x\n|c|d|\n", {"kind": "markdown"}),
    "table separator line of spaces only": (lambda: "# T\n\n|a|b|\n" + " " * 100_000 + "x\n", {"kind": "markdown"}),
    "markdown 20,000 backticks": (lambda: "# T\n\nx " + "`" * 20_000, {"kind": "markdown"}),
    "markdown heading with 20,000 spaces": (lambda: "# a" + " " * 20_000 + "b\n\ntext", {"kind": "markdown"}),
    "'1 comment' x20000 (article_end)": (lambda: "1 comment\n" * 20_000, {"kind": "text"}),
    "4 MB of empty gzip members": (lambda: gzip.compress(b"") * 200_000, {}),
    # point 4
    "'word\\r' x1,000,000": (lambda: "word\r" * 1_000_000, {}),
    "'word\\u2028' x1,000,000": (lambda: "word\u2028" * 1_000_000, {"kind": "text"}),
    # point 8
    "content 300 levels deep": (lambda: _deep_content(300), {}),
    "content 5,000 levels deep": (lambda: _deep_content(5000), {}),
    "100,000-deep nesting under the tag cap": (lambda: "<html><body>" + "<div>" * 100_000 + f"<p>{SENTENCE}</p>", {}),
    "javascript: image": (lambda: ARTICLE.replace("<article>", "<article><img src='javascript:alert(1)' alt='x'>"), {}),
}


def run_case(name: str, cap: float) -> dict[str, Any]:
    """Run one case in a forked child under an RLIMIT_CPU; its outcome and CPU time."""
    factory, kw = CASES[name]
    data = factory()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(r)
        outcome: dict[str, Any]
        try:
            soft = max(1, int(cap + 0.999))
            resource.setrlimit(resource.RLIMIT_CPU, (soft, soft + 1))
            import cleannews
            from cleannews.errors import CleannewsError

            start = resource.getrusage(resource.RUSAGE_SELF)
            try:
                a = cleannews.extract(data, budget=None, **kw)
                a.to_json().encode("utf-8")
                outcome = {"outcome": "article" if a.is_article else "answered", "body_chars": len(a.body),
                           "images": [i.src for i in a.images]}
            except CleannewsError as exc:
                outcome = {"outcome": "refused", "error": f"{type(exc).__name__}: {str(exc)[:100]}"}
            except BaseException as exc:
                outcome = {"outcome": "CRASH", "error": f"{type(exc).__name__}: {str(exc)[:100]}"}
            end = resource.getrusage(resource.RUSAGE_SELF)
            outcome["extract_cpu"] = (end.ru_utime + end.ru_stime) - (start.ru_utime + start.ru_stime)
        except BaseException as exc:
            outcome = {"outcome": "CRASH", "error": repr(exc)[:100]}
        os.write(w, pickle.dumps(outcome))
        os._exit(0)
    os.close(w)
    with os.fdopen(r, "rb") as f:
        raw = f.read()
    _, status, usage = os.wait4(pid, 0)
    cpu = usage.ru_utime + usage.ru_stime
    if raw:
        res = pickle.loads(raw)
    elif os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL):
        res = {"outcome": f"> {cap:g} s CPU (killed)"}
    else:
        res = {"outcome": "CRASH", "error": f"child status {status}"}
    res.setdefault("extract_cpu", cpu)
    return {"case": name, **res}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cap", type=float, default=5.0, help="CPU seconds a case may use before it is killed")
    ap.add_argument("--only", default="", help="run the cases whose name holds this")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rows = [run_case(n, args.cap) for n in CASES if args.only in n]
    if args.json:
        json.dump(rows, sys.stdout, indent=1)
        print()
    else:
        for row in rows:
            cpu = row["extract_cpu"]
            extra = row.get("error") or (f"{row.get('body_chars')} body chars" if "body_chars" in row else "")
            print(f"{row['case'][:46]:46s} {cpu:7.2f} s  {row['outcome']:10s} {extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
