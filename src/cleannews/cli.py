"""The `cleannews` command line.

    cleannews extract PATH... | -     one JSON object a line (or text / Markdown)
    cleannews extract -w 4 -o out.jsonl --resume crawl.warc.gz pages/ rows.jsonl

Each subcommand is a `register_*` function adding its parser, so a subcommand lives
next to the code it drives.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from cleannews import __version__
from cleannews.batch import (
    NO_BUDGET_TIMEOUT,
    TIMEOUT_GRACE,
    Source,
    done_sources,
    extract_many,
    iter_sources,
    json_line,
)
from cleannews.explain import register_explain
from cleannews.load import DEFAULT_LIMITS, Limits, clean_surrogates, read_page_file
from cleannews.models import PAGE_SUFFIXES, Article
from cleannews.pipeline import DEFAULT_BUDGET
from cleannews.scaffold import register_new_site


def read_input(path: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Bytes of a page file ('-' is standard input), gunzipped when it is gzip, read
    under `load`'s caps (`cleannews.load.read_page_file`): a gzip bomb is refused at
    the size cap instead of filling memory. `PageTooLarge` over a cap."""
    if path == "-":
        return read_page_file(sys.stdin.buffer, limits)
    return read_page_file(path, limits)


def kind_from_name(path: str) -> str | None:
    name = path.removesuffix(".gz")
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


#: How --format text and markdown mark where each page starts: a header line naming
#: its source (`head` prints "==> FILE <==" between files; Markdown gets an HTML
#: comment, which renders as nothing). `--resume` reads these headers back.
TEXT_HEADER = "==> {} <=="
MARKDOWN_HEADER = "<!-- cleannews source: {} -->"
_HEADER_RE = {
    "text": re.compile(r"^==> (.*) <==\n?$"),
    "markdown": re.compile(r"^<!-- cleannews source: (.*) -->\n?$"),
}


def _safe(text: str) -> str:
    """`text` with lone surrogates (a non-UTF-8 file name) replaced, so it encodes."""
    return clean_surrogates(text)


def page_record(fmt: str, source: str, body: str) -> str:
    """One page of --format text or markdown output: its header line, the page, a blank line."""
    header = (TEXT_HEADER if fmt == "text" else MARKDOWN_HEADER).format(source.replace("\n", " "))
    return _safe(f"{header}\n{body.rstrip()}\n\n")


def done_pages(path: Path, fmt: str) -> set[str]:
    """The sources already in a --format text or markdown output file, for --resume.
    The last page is cut off and run again: it may have been torn by the kill."""
    if not path.exists():
        return set()
    header = _HEADER_RE[fmt]
    starts: list[tuple[int, str]] = []
    pos = 0
    with path.open("rb") as f:
        for line in f:
            m = header.match(line.decode("utf-8", "replace"))
            if m:
                starts.append((pos, m.group(1)))
            pos += len(line)
    if not starts:
        return set()
    with path.open("r+b") as f:
        f.truncate(starts[-1][0])
    return {src for _, src in starts[:-1]}


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
        if args.resume:
            skip = done_sources(path) if args.format == "json" else done_pages(path, args.format)
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
            err = r.error
            if err is not None:
                print(_safe(f"cleannews: {r.source}: {err.type}: {err.message}"), file=sys.stderr)
                status = 1
            if args.format == "json":
                out.write(json_line(r.to_dict()))
            elif r.article is not None:
                out.write(page_record(args.format, r.source, render(r.article, args.format, r.source)))
            else:
                out.write(page_record(args.format, r.source, f"[error] {err.type if err else 'Error'}: {err.message if err else ''}"))
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
    p.add_argument("--format", choices=("json", "text", "markdown"), default="json",
                   help='json: one line a page; text, markdown: each page after a header line naming its '
                   'source ("==> SOURCE <==", "<!-- cleannews source: SOURCE -->")')
    p.add_argument("--url", help="the page's url (helps pick site cleaners)")
    p.add_argument("--kind", choices=("html", "text", "markdown"), help="input kind (default: detect)")
    p.add_argument("-w", "--workers", type=int, default=0, metavar="N",
                   help="worker processes (default 0: in this process, without the hard per-page timeout)")
    p.add_argument("--budget", type=float, default=DEFAULT_BUDGET, metavar="SECONDS",
                   help=f"time budget per page (default {DEFAULT_BUDGET:g}; 0: none)")
    p.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help=f"with --workers, kill a page after this long (default: budget + {TIMEOUT_GRACE:g}; "
                   f"with --budget 0, {NO_BUDGET_TIMEOUT:g}; inf: never)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the JSON lines to FILE")
    p.add_argument("--resume", action="store_true", help="skip inputs whose source is already in --output, append the rest")
    p.add_argument("--no-progress", action="store_true", help="no progress bar (shown only when stderr is a terminal)")
    p.set_defaults(func=cmd_extract)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleannews", description="Turn news pages into clean articles.")
    parser.add_argument("--version", action="version", version=f"cleannews {__version__}")
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
