"""The explain view: one self-contained HTML page showing why each block was kept or not.

    cleannews explain PAGE -o report.html [--url URL] [--kind KIND] [--disable NAME]

Reads the `Trace` of `cleannews.pipeline.run` (no second code path): every block in
page order, coloured by its fate (kept; removed by a cleaner, with the cleaner's name
and reason; read as metadata by a cleaner, with its role; dropped by the scorer, with
the scorer's reason), the extracted fields, and the cleaners that ran. Filters for
each fate work without JavaScript (radio buttons and CSS), and a Content-Security-
Policy forbids scripts and remote loads, so a hostile page cannot act through the report.
"""

from __future__ import annotations

import argparse
import html
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.models import Quote
    from cleannews.pipeline import Trace

#: Fate of a block -> (legend label, explanation).
FATES = {
    "kept": ("kept", "in the article body"),
    "cleaner": ("removed by a cleaner", "a cleaner marked it as noise (cleaner name and rule shown)"),
    "role": ("read as metadata", "a cleaner took it out of the body as a byline, date, caption..."),
    "scorer": ("dropped by the scorer", "not article text by its features or position (reason shown)"),
}

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header,section{margin:0 auto;max-width:1200px;padding:12px 20px}
h1{font-size:20px;margin:8px 0 2px}h2{font-size:16px;margin:18px 0 8px}
.src{color:#57606a;word-break:break-all}
.banner{background:#fff3cd;border:1px solid #e8a317;padding:8px 12px;border-radius:6px}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eaeef2;font-weight:600}
.fields th{width:130px}.fields td{white-space:pre-wrap}
.legend{display:flex;flex-wrap:wrap;gap:8px;margin:6px 0 10px}
.legend label{cursor:pointer;border:1px solid #d0d7de;border-radius:16px;padding:3px 12px;background:#fff}
.filter{position:absolute;opacity:0}
.sw{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:6px;vertical-align:-1px}
.kept .sw,tr.kept td.fate{background:#dafbe1}.kept .sw{background:#2da44e}
.cleaner .sw{background:#cf222e}.role .sw{background:#8250df}.scorer .sw{background:#d4a72c}.all .sw{background:#57606a}
tr.b td{border-left-width:1px}
tr.kept td:first-child{border-left:6px solid #2da44e}
tr.cleaner td:first-child{border-left:6px solid #cf222e}tr.cleaner td.fate{background:#ffebe9}
tr.role td:first-child{border-left:6px solid #8250df}tr.role td.fate{background:#fbefff}
tr.scorer td:first-child{border-left:6px solid #d4a72c}tr.scorer td.fate{background:#fff8c5}
tr.b:not(.kept) td.text{color:#57606a}
td.text{white-space:pre-wrap;word-break:break-word;max-width:640px}
td.idx{color:#57606a;font-variant-numeric:tabular-nums}
td.fate{width:280px}.fate b{display:block}
.path{color:#6e7781;font-size:12px;word-break:break-all}
#f-kept:checked~#blocks tr.b:not(.kept),#f-cleaner:checked~#blocks tr.b:not(.cleaner),
#f-role:checked~#blocks tr.b:not(.role),#f-scorer:checked~#blocks tr.b:not(.scorer),
#f-out:checked~#blocks tr.b.kept{display:none}
#f-all:checked~.legend label[for=f-all],#f-kept:checked~.legend label[for=f-kept],
#f-cleaner:checked~.legend label[for=f-cleaner],#f-role:checked~.legend label[for=f-role],
#f-scorer:checked~.legend label[for=f-scorer],#f-out:checked~.legend label[for=f-out]{outline:2px solid #0969da}
.off{color:#8c959f}.used{color:#0969da;font-size:12px}
"""


def e(value: object) -> str:
    """Escape text for HTML content and double-quoted attributes."""
    return html.escape("" if value is None else str(value), quote=True)


@dataclass(frozen=True)
class Row:
    index: int
    fate: str
    label: str
    detail: str
    kind: str
    tag: str
    path: str
    text: str
    learned: str = ""  # the learned scorer's probability and strongest features


def block_rows(trace: Trace) -> list[Row]:
    """Each block with its fate, in page order (the data the report shows)."""
    from cleannews.scoring.learned import explain_blocks

    kept = set(trace.selection.kept)
    read: dict[int, list[str]] = {}
    for i, name in trace.metadata.read_blocks:
        read.setdefault(i, []).append(name)
    learned = explain_blocks(trace.document, trace.removed)
    rows = []
    for b in trace.document.blocks:
        r = trace.removed.get(b.index)
        if r is not None and r.role:
            fate, label, detail = "role", f"read as {r.role} by {r.cleaner}", r.reason
        elif r is not None:
            fate, label, detail = "cleaner", f"removed by {r.cleaner}", r.reason
        elif b.index in kept:
            fate, label, detail = "kept", "kept", ""
        else:
            fate, label = "scorer", "dropped by the scorer"
            detail = trace.selection.dropped.get(b.index) or "not selected (no reason recorded)"
        if b.index in read and fate != "role":
            detail = (detail + "; " if detail else "") + "read as " + " and ".join(read[b.index]) + " by the metadata stage"
        kind = b.kind.value + (f" {b.level}" if b.level else "")
        where = b.path or (f"line {b.line}" if b.line >= 0 else "")
        rows.append(Row(b.index, fate, label, detail, kind, b.tag, where, b.text, learned.get(b.index, "")))
    return rows


def _quote_line(i: int, q: Quote) -> str:
    """One line of the quote stage's answer: who, in what role, by which cue, and
    which earlier piece a split quotation's piece continues."""
    who = q.speaker or "?"
    if q.speaker_role:
        who += f" ({q.speaker_role})"
    how = [f"cue {q.cue!r}"] if q.cue else []
    if q.partial:
        how.append("partial")
    if q.continues is not None:
        how.append(f"continues #{q.continues}")
    return f"#{i} “{q.text}” — {who}" + (f" [{', '.join(how)}]" if how else "")


def _fields(trace: Trace) -> list[tuple[str, Any]]:
    a = trace.article
    return [
        ("title", a.title),
        ("authors", ", ".join(a.authors) if a.authors else None),
        ("byline", a.byline),
        ("date", a.date.isoformat() if a.date else None),
        ("modified", a.modified.isoformat() if a.modified else None),
        ("description", a.description),
        ("site_name", a.site_name),
        ("section", a.section),
        ("language", a.language),
        ("url", a.url),
        ("page_type", a.page_type + _type_odds(trace)),
        ("is_article", f"{a.is_article}" + (f" ({a.reason})" if a.reason else "")),
        ("body", f"{len(a.body)} characters in {len(a.blocks)} blocks"),
        ("quotes", "\n".join(_quote_line(i, q) for i, q in enumerate(trace.quotes)) or None),
        ("images", "\n".join(i.src or i.caption or "" for i in a.images) or None),
    ]


def _type_odds(trace: Trace) -> str:
    """The page-type model's three most probable types, when it ran."""
    from cleannews.pagetype import MODEL_TYPES

    pt = trace.page_type
    if pt is None or not pt.probabilities:
        return ""
    top = sorted(zip(MODEL_TYPES, pt.probabilities), key=lambda kv: -kv[1])[:3]
    return " (" + ", ".join(f"{t} {p:.2f}" for t, p in top) + ")"


def render_html(trace: Trace, source: str = "") -> str:
    """The report for one page as a self-contained HTML string."""
    rows = block_rows(trace)
    a = trace.article
    used_as = [("title", a.title), ("description", a.description), ("byline", a.byline)]
    counts = Counter(r.fate for r in rows)
    by_cleaner = Counter(r.cleaner for r in trace.removed.values())
    page = trace.document.page
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>cleannews explain: {e(source or page.url or 'page')}</title>",
        f"<style>{CSS}</style></head><body>",
        "<header>",
        "<h1>cleannews explain</h1>",
        f'<div class="src">{e(source)}{" · " + e(page.url) if page.url else ""} · {e(page.kind)}</div>',
        f"<p>{len(rows)} blocks: <b>{counts['kept']}</b> kept, <b>{counts['cleaner']}</b> removed by cleaners, "
        f"<b>{counts['role']}</b> read as metadata, <b>{counts['scorer']}</b> dropped by the scorer.</p>",
    ]
    if not trace.article.is_article:
        out.append(f'<p class="banner">Not an article: {e(trace.article.reason)}</p>')
    out.append("</header>")
    out.append('<section><h2>Extracted fields</h2><table class="fields">')
    for name, value in _fields(trace):
        cell = e(value) if value not in (None, "") else '<span class="off">none</span>'
        out.append(f"<tr><th>{e(name)}</th><td>{cell}</td></tr>")
    out.append("</table></section>")
    meta = trace.metadata
    if meta.date_candidates:
        out.append('<section><h2>Date candidates</h2><table class="fields">')
        out.extend(f"<tr><th>{e(src)}</th><td>{e(value)}</td></tr>" for src, value in meta.date_candidates)
        out.append("</table></section>")
    errors = getattr(trace, "errors", ())
    if errors:
        out.append("<section><h2>Errors caught</h2><ul>")
        out.extend(f"<li>{e(err)}</li>" for err in errors)
        out.append("</ul></section>")
    out.append("<section><h2>Cleaners</h2><table><tr><th>cleaner</th><th>for</th><th>ran on this page</th><th>blocks</th></tr>")
    for c in trace.cleaners:
        applies = c.applies(trace.document)
        scope = ", ".join(c.domains or c.url_patterns) or ("site markers" if c.markers else "every page")
        out.append(
            f"<tr><td>{e(c.name)}</td><td>{e(scope)}</td><td>{'yes' if applies else '<span class=off>no</span>'}</td>"
            f"<td>{by_cleaner.get(c.name, 0)}</td></tr>"
        )
    out.append("</table></section>")
    out.append('<section><h2>Blocks in page order</h2>')
    filters = [("all", "all", len(rows))] + [(f, FATES[f][0], counts[f]) for f in FATES] + [("out", "everything not kept", len(rows) - counts["kept"])]
    for key, _, _ in filters:
        checked = " checked" if key == "all" else ""
        out.append(f'<input class="filter" type="radio" name="f" id="f-{key}"{checked}>')
    out.append('<div class="legend">')
    for key, label, n in filters:
        title = FATES[key][1] if key in FATES else "show " + label
        out.append(f'<label for="f-{key}" class="{key if key in FATES else "all"}" title="{e(title)}"><span class="sw"></span>{e(label)} ({n})</label>')
    out.append("</div>")
    out.append('<table id="blocks"><tr><th>#</th><th>kind</th><th>fate</th><th>text</th></tr>')
    for r in rows:
        detail = e(r.detail)
        used = [name for name, value in used_as if value and r.text.strip() == value]
        if used:
            detail += f'<div class="used">matches the extracted {e(" and ".join(used))}</div>'
        if r.learned:
            detail += f'<div class="path">learned {e(r.learned)}</div>'
        out.append(
            f'<tr class="b {r.fate}" id="b{r.index}"><td class="idx">{r.index}</td>'
            f'<td>{e(r.kind)} <span class="path">&lt;{e(r.tag)}&gt;</span></td>'
            f'<td class="fate"><b>{e(r.label)}</b>{detail}</td>'
            f'<td class="text">{e(r.text)}<div class="path">{e(r.path)}</div></td></tr>'
        )
    out.append("</table></section></body></html>")
    return "\n".join(out) + "\n"


def explain(
    data: bytes | str,
    *,
    url: str | None = None,
    kind: str | None = None,
    cleaners: Iterable[Any] | None = None,
    source: str = "",
) -> str:
    """Run the pipeline on one page and return the explain report (HTML)."""
    from cleannews.pipeline import run

    trace = run(data, url=url, kind=kind, cleaners=cleaners)  # type: ignore[arg-type]
    return render_html(trace, source=source)


def cmd_explain(args: argparse.Namespace, out: TextIO) -> int:
    from cleannews.cli import kind_from_name, read_input
    from cleannews.errors import CleannewsError

    try:
        data = read_input(args.page)
        report = explain(
            data, url=args.url, kind=args.kind or kind_from_name(args.page), cleaners=[f"-{n}" for n in args.disable] or None, source=args.page
        )
    except (OSError, EOFError, CleannewsError) as exc:
        print(f"cleannews: {args.page}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    if args.output in (None, "-"):
        out.write(report)
    else:
        Path(args.output).write_text(report, encoding="utf8")
        print(f"cleannews: wrote {args.output}", file=sys.stderr)
    return 0


def register_explain(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("explain", help="write an HTML report of why each block was kept or removed")
    p.add_argument("page", metavar="PAGE", help="a page file (.html, .txt, .md, .gz) or - for stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="report file (default: standard output)")
    p.add_argument("--url", help="the page's url (picks site cleaners)")
    p.add_argument("--kind", choices=("html", "text", "markdown"), help="input kind (default: detect)")
    p.add_argument(
        "--disable", action="append", metavar="NAME", default=[],
        help="disable a registered cleaner for this run (repeatable)",
    )
    p.set_defaults(func=cmd_explain)


def main(argv: Sequence[str] | None = None) -> int:  # pragma: no cover - `python -m cleannews.explain`
    parser = argparse.ArgumentParser(prog="cleannews")
    register_explain(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["explain", *(argv if argv is not None else sys.argv[1:])])
    return int(args.func(args, sys.stdout))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
