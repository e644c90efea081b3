"""What passing an already-parsed tree to extract() costs and changes (docs/design.md, "Dependencies").

    python benchmarks/parsed_input_eval.py ../shared/corpus/scrapinghub [--limit N]

For each page: extract(bytes) as the reference; then the page parsed by the caller
(lxml from the bytes, lxml from the decoded text, BeautifulSoup with lxml and with
html.parser), handed to extract(): whether body and title are the same, and the CPU
time of the serialisation (`cleannews.parsed.markup_of`) per page and as a share of
an extract. Trees the pipeline refuses are counted by error type.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dataset", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)

    import bs4
    from lxml import html

    import cleannews
    from cleannews.errors import CleannewsError
    from cleannews.load import decode
    from cleannews.parsed import markup_of

    rows = [json.loads(line) for line in (args.dataset / "truth.jsonl").open(encoding="utf8")]
    rows = [r for r in rows if r.get("kind", "html") == "html"][: args.limit or None]
    names = ("lxml from bytes", "lxml from str", "bs4 (lxml)", "bs4 (html.parser)")
    same, ser, errors = Counter[str](), dict.fromkeys(names, 0.0), Counter[str]()
    extract_s = 0.0
    for r in rows:
        raw = gzip.decompress((args.dataset / r["file"]).read_bytes())
        t0 = time.process_time()
        ref = cleannews.extract(raw, url=r.get("url"))
        extract_s += time.process_time() - t0
        text, _ = decode(raw)
        trees = dict(zip(names, (html.fromstring(raw), html.document_fromstring(text),
                                 bs4.BeautifulSoup(raw, "lxml"), bs4.BeautifulSoup(raw, "html.parser"))))
        for name, tree in trees.items():
            t0 = time.process_time()
            markup_of(tree)
            ser[name] += time.process_time() - t0
            try:
                got = cleannews.extract(tree, url=r.get("url"))
            except CleannewsError as exc:
                errors[f"{name}: {type(exc).__name__}"] += 1
                continue
            same[name] += got.body == ref.body and got.title == ref.title
    n = len(rows)
    print(f"{n} pages; extract(bytes) {extract_s * 1000 / n:.1f} ms a page (CPU)")
    for name in names:
        print(f"  {name:<18} same body and title {same[name]}/{n}; serialise {ser[name] * 1000 / n:.2f} ms a page "
              f"({ser[name] / extract_s:.1%} of an extract)")
    for key, count in sorted(errors.items()):
        print(f"  refused: {key} x{count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
