"""The `cleannews` command line.

    cleannews extract PATH... | -     one JSON object a line (or text / Markdown)
    cleannews extract -w 4 -o out.jsonl --resume crawl.warc.gz pages/ rows.jsonl

Each subcommand is a `register_*` function adding its parser, so a subcommand lives
next to the code it drives.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from cleannews.batch import Source, done_sources, extract_many, iter_sources
from cleannews.explain import register_explain
from cleannews.models import PAGE_SUFFIXES, Article
from cleannews.pipeline import DEFAULT_BUDGET
from cleannews.scaffold import register_new_site


def read_input(path: str) -> bytes:
    """Bytes of a file ('-' is standard input); `.gz` files are decompressed."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        data = Path(path).read_bytes()
    if path.endswith(".gz") or data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data


def kind_from_name(path: str) -> str | None:
    name = path[:-3] if path.endswith(".gz") else path
    suffix = Path(name).suffix.lower()
    return PAGE_SUFFIXES.get(suffix)


def render(article: Article, fmt: str, source: str) -> str:
    if fmt == "json":
        d = article.to_dict()
        d["source"] = source
        return json.dumps(d, ensure_ascii=False)
    if fmt == "markdown":
        return article.to_markdown()
    from cleannews.render import article_text

    return article_text(article)


def _extract_sources(args: argparse.Namespace) -> Iterator[Source]:
    """The CLI's inputs as batch sources; --url and --kind apply to every page."""
    for path in args.paths:
        if path == "-":
            srcs: Iterable[Source] = [Source("-", sys.stdin.buffer.read())]
        else:
            srcs = iter_sources([path])
        for src in srcs:
            if args.url or args.kind:
                src = dataclasses.replace(src, url=args.url or src.url, kind=args.kind or src.kind)
            yield src


def cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    if args.resume and not args.output:
        print("cleannews: --resume needs -o/--output", file=sys.stderr)
        return 2
    skip: set[str] = set()
    if args.output:
        path = Path(args.output)
        skip = done_sources(path) if args.resume else set()
        out = path.open("a" if args.resume else "w", encoding="utf-8")
    progress = not args.no_progress and sys.stderr.isatty()
    status = 0
    try:
        results = extract_many(
            _extract_sources(args),
            workers=args.workers,
            budget=args.budget if args.budget > 0 else None,
            timeout=args.timeout,
            skip=skip,
            progress=progress,
        )
        for r in results:
            if r.article is not None:
                if args.format == "json":
                    out.write(json.dumps(r.to_dict(), ensure_ascii=False))
                else:
                    out.write(render(r.article, args.format, r.source))
                out.write("\n")
            else:
                err = r.error
                print(f"cleannews: {r.source}: {err.type if err else 'Error'}: {err.message if err else ''}", file=sys.stderr)
                status = 1
                if args.format == "json":
                    out.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
            out.flush()
    finally:
        if args.output:
            out.close()
    return status


def register_extract(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "extract",
        help="extract articles from pages (files, folders, .jsonl, .warc, .gz, or - for stdin)",
        description="One JSON line per input page, in input order, also for pages that fail "
        '({"source": ..., "error": {"type", "message"}}). Inputs: page files (.html, .htm, .txt, '
        ".md, optionally .gz), folders (their page files, recursively), JSON lines (.jsonl: "
        '{"url", "html"} or {"id", "text", "kind"} rows) and WARC files (.warc, .warc.gz).',
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="pages, folders, .jsonl or .warc files; '-' reads standard input")
    p.add_argument("--format", choices=("json", "text", "markdown"), default="json")
    p.add_argument("--url", help="the page's url (helps pick site cleaners)")
    p.add_argument("--kind", choices=("html", "text", "markdown"), help="input kind (default: detect)")
    p.add_argument("-w", "--workers", type=int, default=0, metavar="N",
                   help="worker processes (default 0: in this process, without the hard per-page timeout)")
    p.add_argument("--budget", type=float, default=DEFAULT_BUDGET, metavar="SECONDS",
                   help=f"time budget per page (default {DEFAULT_BUDGET:g}; 0: none)")
    p.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help="with --workers, kill a page after this long (default: budget + 5)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the JSON lines to FILE")
    p.add_argument("--resume", action="store_true", help="skip inputs whose source is already in --output, append the rest")
    p.add_argument("--no-progress", action="store_true", help="no progress bar (shown only when stderr is a terminal)")
    p.set_defaults(func=cmd_extract)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleannews", description="Turn news pages into clean articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    register_extract(sub)
    register_explain(sub)
    register_new_site(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args, sys.stdout))
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
