"""A bounded fuzz run: random and pathological pages through `extract_many`.

    python -m benchmarks.fuzz --seconds 60 [--workers 2] [--seed 1] [--timeout 10]

Inputs are generated (never taken from the corpus): mutations of the project's own
fixture pages (byte flips, cuts, splices, repeated slices, junk insertions), random
tag soup, and pathological templates (deep nesting, huge attributes, regex bait,
odd charsets, NULs) at random sizes. Pages run in killable worker processes, so a
hang shows up as a TimeBudgetExceeded record instead of stopping the run.

A *crash* is any error that is not a `CleannewsError` (including a worker that died);
a *timeout* is a page the pool had to kill. Both are written to
`benchmarks/out/fuzz/` (the input and a .json with the error) for replay. The summary
(inputs tried, crashes, timeouts, the slowest inputs) is printed as JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import cleannews
from cleannews.batch import Source
from cleannews.errors import CleannewsError

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out" / "fuzz"

_TAGS = "p div span a li ul ol h1 h2 h3 article section main nav aside header footer table tr td th br img " \
        "script style blockquote pre code figure figcaption meta title head body html form iframe svg".split()
_ATTRS = ["class='content article-body'", "class='share related comments'", "id='main'", "hidden",
          "style='display:none'", "href='http://x/'", "aria-hidden='true'", "src='data:image/png;base64,AAAA'",
          'charset="utf-8"', 'content="2024-01-02"', 'itemprop="author"', 'property="og:title"']
_WORDS = ("the council said ferry “quoted words,” she said. By Jane Doe | Published 3 June 2024 "
          "Ωμέγα 日本語 العربية 😀 &amp; &#0; &#xD800; \u200b \ufeff").split()
_BAIT = [" " * 50_000, "\t \t" * 20_000, "." * 100_000, "'\"" * 50_000, "<" * 100_000, "[" * 50_000,
         "a" * 200_000, "-" * 100_000, "\n" * 100_000, "**" * 50_000, "«" * 50_000, "By " * 30_000,
         "<!--" * 20_000, "&" * 100_000, "http://" * 20_000]
_CHARSETS = ["utf-8", "latin-1", "cp1252", "shift_jis", "utf-16", "koi8-r", "gb18030", "bogus", "utf-7",
             "undefined", "x-user-defined", "iso-2022-jp"]
CLEANNEWS_ERRORS = frozenset()


def _error_names() -> frozenset[str]:
    out, todo = set(), [CleannewsError]
    while todo:
        c = todo.pop()
        out.add(c.__name__)
        todo.extend(c.__subclasses__())
    return frozenset(out)


def _seeds() -> list[bytes]:
    seeds = [p.read_bytes() for p in sorted((ROOT / "fixtures").rglob("*")) if p.suffix in (".html", ".txt", ".md")]
    return seeds or [b"<html><body><article><p>" + b"A sentence of text. " * 40 + b"</p></article></body></html>"]


def _soup(rng: random.Random, n: int) -> str:
    parts = []
    for _ in range(n):
        r = rng.random()
        tag = rng.choice(_TAGS)
        if r < 0.35:
            parts.append(f"<{tag} {rng.choice(_ATTRS)}>" if rng.random() < 0.5 else f"<{tag}>")
        elif r < 0.55:
            parts.append(f"</{tag}>")
        elif r < 0.9:
            parts.append(" ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 30))))
        else:
            parts.append(f"<{tag}>" * rng.randint(1, 3000))
    return "".join(parts)


def _mutate(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        i = rng.randrange(len(b) + 1)
        if op == 0 and b:  # flip bytes
            for _ in range(rng.randint(1, 50)):
                b[rng.randrange(len(b))] = rng.randrange(256)
        elif op == 1:  # cut
            b = b[: i] if rng.random() < 0.5 else b[i:]
        elif op == 2:  # repeat a slice
            j = min(len(b), i + rng.randint(1, 200))
            b[i:i] = b[i:j] * rng.randint(2, 2000)
        elif op == 3:  # insert bait
            b[i:i] = rng.choice(_BAIT).encode()[: rng.randint(1, 200_000)]
        elif op == 4:  # insert soup
            b[i:i] = _soup(rng, rng.randint(1, 50)).encode()
        else:  # NULs and BOMs
            b[i:i] = rng.choice([b"\x00" * rng.randint(1, 100), b"\xef\xbb\xbf", b"\xff\xfe", b"\x1f\x8b"])
        if len(b) > 3_000_000:
            del b[3_000_000:]
    return bytes(b)


def _template(rng: random.Random) -> tuple[str, bytes | str]:
    n = rng.choice([10, 1000, 50_000, 200_000])
    kind = rng.randrange(8)
    if kind == 0:
        tag = rng.choice(_TAGS)
        return f"nest-{tag}-{n}", "<html><body>" + f"<{tag}>" * n + "Text. " * 10
    if kind == 1:
        return f"attr-{n}", f"<html><body><div class='{'x ' * n}' data-x='{'y' * n}'><p>Text.</p></div>"
    if kind == 2:
        bait = rng.choice(_BAIT)
        return f"bait-{len(bait)}", rng.choice(["<p>{}</p>", "{}", "# T\n\n{}", "<meta {}>", "<title>{}</title>"]).format(bait)
    if kind == 3:
        cs = rng.choice(_CHARSETS)
        enc = rng.choice(["utf-8", "latin-1", "utf-16", "shift_jis", "cp1251"])
        return f"charset-{cs}-{enc}", (f'<meta charset="{cs}">' + _soup(rng, 100)).encode(enc, "replace")
    if kind == 4:
        return f"binary-{n}", rng.randbytes(n)
    if kind == 5:
        return f"lines-{n}", "\n".join(" ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 12))) for _ in range(min(n, 150_000)))
    if kind == 6:
        return f"markdown-{n}", "# T\n\n" + "".join(rng.choice(["![a](", "[x](", "**", "> ", "* ", "```\n", "|a|b|\n", "\n\n", "word "]) for _ in range(n))
    return f"soup-{n}", _soup(rng, min(n, 5000))


def generate(seed: int, seconds: float) -> Iterator[Source]:
    """Inputs until `seconds` have passed; deterministic for a seed (not in count)."""
    rng = random.Random(seed)
    seeds = _seeds()
    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        r = rng.random()
        if r < 0.45:
            name, data = "mutant", _mutate(rng, rng.choice(seeds))
        elif r < 0.7:
            name, data = "soup", _soup(rng, rng.randint(0, 400))
        else:
            name, data = _template(rng)
        yield Source(f"{i}:{name}", data, kind=rng.choice([None, None, None, "html", "text", "markdown"]))
        i += 1


def run(seconds: float, workers: int, seed: int, timeout: float) -> dict:
    typed = _error_names()
    OUT.mkdir(parents=True, exist_ok=True)
    inputs: dict[str, Source] = {}

    def remember() -> Iterator[Source]:
        for s in generate(seed, seconds):
            inputs[s.source] = s
            yield s

    stats: Counter[str] = Counter()
    slowest: list[tuple[float, str, int]] = []
    crashes: list[dict] = []
    t0 = time.monotonic()
    for r in cleannews.extract_many(remember(), workers=workers, timeout=timeout, budget=timeout):
        src = inputs.pop(r.source)
        size = len(src.data or b"")
        stats["tried"] += 1
        slowest = sorted(slowest + [(r.seconds, r.source, size)], reverse=True)[:5]
        if r.ok:
            stats["article" if r.article.is_article else "not_article"] += 1
            continue
        stats[f"error:{r.error.type}"] += 1
        killed = r.error.type == "TimeBudgetExceeded" and r.error.message.startswith("killed")
        if r.error.type not in typed or killed:
            stats["crashes" if not killed else "timeouts"] += 1
            stem = OUT / r.source.replace(":", "-")
            data = src.data if isinstance(src.data, bytes) else (src.data or "").encode("utf-8", "surrogatepass")
            stem.with_suffix(".input").write_bytes(data)
            record = {"source": r.source, "kind": src.kind, "error": r.error.to_dict(), "size": size}
            stem.with_suffix(".json").write_text(json.dumps(record, indent=1))
            crashes.append(record)
    return {
        "seconds": round(time.monotonic() - t0, 1),
        "workers": workers,
        "seed": seed,
        "inputs_tried": stats.pop("tried", 0),
        "crashes": stats.pop("crashes", 0),
        "timeouts": stats.pop("timeouts", 0),
        "outcomes": dict(sorted(stats.items())),
        "slowest": [{"source": s, "seconds": round(t, 2), "size": n} for t, s, n in slowest],
        "failures": crashes[:20],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=10.0, help="per-page budget and hard kill (s)")
    args = ap.parse_args(argv)
    summary = run(args.seconds, args.workers, args.seed, args.timeout)
    print(json.dumps(summary, indent=1))
    return 1 if summary["crashes"] or summary["timeouts"] else 0


if __name__ == "__main__":
    sys.exit(main())
