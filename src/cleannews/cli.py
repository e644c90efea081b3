"""The `cleannews` command line.

    cleannews extract PATH... | -     one JSON object a line (or text / Markdown)

Each subcommand is a `register_*` function adding its parser, so a subcommand lives
next to the code it drives.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from cleannews.api import extract
from cleannews.errors import CleannewsError
from cleannews.models import Article


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
    return {".html": "html", ".htm": "html", ".txt": "text", ".md": "markdown", ".markdown": "markdown"}.get(suffix)


def render(article: Article, fmt: str, source: str) -> str:
    if fmt == "json":
        d = article.to_dict()
        d["source"] = source
        return json.dumps(d, ensure_ascii=False)
    if fmt == "markdown":
        return article.to_markdown()
    from cleannews.render import article_text

    return article_text(article)


def cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    status = 0
    for path in args.paths:
        try:
            data = read_input(path)
            article = extract(data, url=args.url, kind=args.kind or kind_from_name(path))
        except (OSError, EOFError, CleannewsError) as exc:
            print(f"cleannews: {path}: {type(exc).__name__}: {exc}", file=sys.stderr)
            status = 1
            continue
        out.write(render(article, args.format, path))
        out.write("\n")
    return status


def register_extract(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract articles from pages (files, .gz, or - for stdin)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="page files; '-' reads standard input")
    p.add_argument("--format", choices=("json", "text", "markdown"), default="json")
    p.add_argument("--url", help="the page's url (helps pick site cleaners)")
    p.add_argument("--kind", choices=("html", "text", "markdown"), help="input kind (default: detect)")
    p.set_defaults(func=cmd_extract)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleannews", description="Turn news pages into clean articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    register_extract(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args, sys.stdout))
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
