"""Snapshot every page's output, and diff two snapshots: the check that a refactor
changed nothing.

    python -m benchmarks.snapshot write OUT.jsonl [CORPUS_DIR] [--datasets a,b] [--limit N]
    python -m benchmarks.snapshot diff BEFORE.jsonl AFTER.jsonl [--common]

`write` runs `cleannews.extract()` on every page of every dataset under CORPUS_DIR
(default `../shared/corpus`), with the truth row's `url` and `kind` as the benchmark
passes them and no time budget (a budget makes output depend on machine load), and
writes one line a page: `dataset/id<TAB>article.to_json(sort_keys=True)`, or the
error's type and message. Lines are in a fixed order (datasets, then ids, sorted),
so two snapshots compare line by line. `--limit N` takes the first N pages of each
dataset, for a quick check between full ones.

`diff` prints the pages whose lines differ (and pages present in one snapshot
only, unless `--common`) and exits 1 when there are any: byte-identical output exits 0.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def _pages(corpus: Path, datasets: list[str] | None, limit: int | None) -> list[tuple[str, dict[str, object], Path]]:
    out: list[tuple[str, dict[str, object], Path]] = []
    for ds in sorted(p for p in corpus.iterdir() if (p / "truth.jsonl").is_file()):
        if datasets and ds.name not in datasets:
            continue
        rows = [json.loads(line) for line in (ds / "truth.jsonl").read_text(encoding="utf-8").split("\n") if line.strip()]
        rows.sort(key=lambda r: str(r["id"]))
        for row in rows[:limit] if limit else rows:
            out.append((f"{ds.name}/{row['id']}", row, ds / str(row["file"])))
    return out


def write(out: Path, corpus: Path, datasets: list[str] | None = None, limit: int | None = None) -> int:
    import cleannews

    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for key, row, path in _pages(corpus, datasets, limit):
            data = gzip.decompress(path.read_bytes())
            try:
                art = cleannews.extract(data, url=row.get("url"), kind=row.get("kind"), budget=None)  # type: ignore[arg-type]
                line = art.to_json(sort_keys=True)
            except Exception as exc:
                line = json.dumps({"error": type(exc).__name__, "message": str(exc)}, sort_keys=True)
            fh.write(f"{key}\t{line}\n")
            n += 1
    return n


def _read(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line:
            continue
        key, _, rest = line.partition("\t")
        out[key] = rest
    return out


def diff(before: Path, after: Path, show: int = 3, common: bool = False) -> int:
    a, b = _read(before), _read(after)
    if common:  # a subset run (--limit) against a full snapshot
        a = {k: v for k, v in a.items() if k in b}
        b = {k: v for k, v in b.items() if k in a}
    changed = [k for k in a if k in b and a[k] != b[k]]
    only_a = [k for k in a if k not in b]
    only_b = [k for k in b if k not in a]
    for k in changed:
        print(f"changed {k}")
    for k in only_a:
        print(f"only in {before}: {k}")
    for k in only_b:
        print(f"only in {after}: {k}")
    for k in changed[:show]:
        da, db = json.loads(a[k]), json.loads(b[k])
        for field in sorted(set(da) | set(db)):
            if da.get(field) != db.get(field):
                print(f"  {k} {field}: {str(da.get(field))[:200]!r} -> {str(db.get(field))[:200]!r}")
    print(f"{len(a)} vs {len(b)} pages: {len(changed)} changed, {len(only_a) + len(only_b)} unmatched")
    return 1 if changed or only_a or only_b else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.snapshot", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("out", type=Path)
    w.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_CORPUS)
    w.add_argument("--datasets", default="")
    w.add_argument("--limit", type=int, default=None)
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument("--common", action="store_true", help="compare only the pages both snapshots hold")
    args = ap.parse_args(argv)
    if args.cmd == "write":
        n = write(args.out, args.corpus, [s for s in args.datasets.split(",") if s] or None, args.limit)
        print(f"{n} pages -> {args.out}")
        return 0
    return diff(args.before, args.after, common=args.common)


if __name__ == "__main__":
    sys.exit(main())
