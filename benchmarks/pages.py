"""Reading corpus pages and shaping them for the systems under test.

Nothing here is timed: gunzip, charset decoding for peers that only take `str`,
and wrapping text/Markdown dumps as HTML all happen before a system's clock starts.
"""

from __future__ import annotations

import codecs
import gzip
import html
import json
import re
from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path

DUMP_KINDS = ("text", "markdown")


def load_truth(dataset: Path) -> list[dict]:
    with open(dataset / "truth.jsonl", encoding="utf8") as f:
        return [json.loads(line) for line in f if line.strip()]


def select(truth: list[dict], limit: int | None = None, repeat_to: int | None = None) -> list[dict]:
    """The first `limit` rows, then repeated cyclically up to `repeat_to` rows."""
    rows = truth[:limit] if limit else list(truth)
    if repeat_to and rows and repeat_to > len(rows):
        rows = list(islice(cycle(rows), repeat_to))
    return rows


def read_page(dataset: Path, row: dict) -> bytes:
    return gzip.decompress((dataset / row["file"]).read_bytes())


def iter_pages(dataset: Path, rows: list[dict]) -> Iterator[tuple[dict, bytes]]:
    """(truth row, raw page bytes), one at a time so that memory stays flat."""
    for row in rows:
        yield row, read_page(dataset, row)


# --- charset decoding, for peers whose API takes only str ---
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)


def decode_html(data: bytes) -> str:
    """BOM, then UTF-8, then the declared <meta> charset, then cp1252 (never fails)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:8192])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


# --- dumps (plain text / Markdown) fed to HTML-only peers ---
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def dump_chunks(text: str) -> list[str]:
    """Blank-line separated chunks; one line a chunk when the dump has no blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return [p.strip() for p in parts if p.strip()]


def dump_as_html(data: bytes) -> bytes:
    """A text/Markdown dump as a minimal UTF-8 HTML page: each chunk escaped in a <p>.

    Markdown syntax is left as it is (peers see `## Heading`, `[text](url)`).
    """
    text = decode_html(data)
    paras = "\n".join(f"<p>{html.escape(c)}</p>" for c in dump_chunks(text))
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n'
            f"<body>\n{paras}\n</body></html>\n").encode()


# --- peers' outputs to body text: paragraphs separated by blank lines ---
def paragraphs_text(text: str | None) -> str:
    """Each non-empty line a paragraph, whitespace collapsed, joined by blank lines."""
    if not text:
        return ""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote",
    "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th", "caption", "figure",
    "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "form", "fieldset",
}


def html_to_text(fragment: str | None) -> str:
    """An HTML fragment (e.g. Readability's summary) to text, one block a paragraph."""
    if not fragment or not fragment.strip():
        return ""
    import lxml.html

    try:
        root = lxml.html.fromstring(fragment)
    except Exception:  # an empty or odd fragment: no text
        return ""
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("script", "style"):
            el.text = ""
        if tag in _BLOCK_TAGS:
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
        elif tag == "br":
            el.tail = "\n" + (el.tail or "")
    text = root.text_content()
    chunks = (" ".join(c.split()) for c in _BLANK_LINE.split(text.replace("\r", "")))
    return "\n\n".join(c for c in chunks if c)
