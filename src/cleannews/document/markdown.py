"""Markdown dumps (what HTML-to-Markdown tools such as html2text write) into Blocks.

Block syntax: ATX and setext headings -> HEADING (with level), list items -> LIST_ITEM
(level = nesting), `>` -> BLOCKQUOTE, fenced code -> CODE, pipe tables -> TABLE, a line
of images -> IMAGE blocks (attrs src/alt, and an entry in `Document.images`).
Inline syntax is reduced to text: links keep their text (counted in `link_chars`),
images leave the text and become IMAGE blocks before it, emphasis and escapes go.

Paragraph lines follow the plain-text rule (`document.text`): a group of hard-wrapped
lines is one paragraph, any other line is a block of its own, which is what
single-newline dumps (one paragraph a line) need.
"""

from __future__ import annotations

import re

from cleannews.document import Document
from cleannews.document.text import INDENT_STEP, groups, is_wrapped, norm_space
from cleannews.models import Block, BlockKind, Image, Page

_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(={3,}|-{3,})\s*$")
_HR = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_LIST = re.compile(r"^(\s*)(?:[*+\-]|\d{1,9}[.)])(?:\s+|$)")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")

# Balanced one level of brackets / parentheses, enough for "[caption [Credit/AFP]]".
_BRACKETED = r"((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)"
_DEST = r"\(\s*<?([^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
_IMAGE = re.compile(r"!\[" + _BRACKETED + r"\]" + _DEST)
_LINK = re.compile(r"\[" + _BRACKETED + r"\](?:" + _DEST + r"|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<\"'])")
#: Link text is wrapped in these marks while inline syntax is reduced, then counted
#: and removed (private-use characters never occur in dumps).
_LO, _LC = "\ue000", "\ue001"
#: Escaped ASCII punctuation is parked at private-use code points _ESC_BASE + ord(c).
_ESC_BASE = 0xE100
_ESCAPED = re.compile("[\ue100-\ue17f]")


def inline(text: str) -> tuple[str, int, list[tuple[str, str]]]:
    """Reduce inline Markdown to text: (text, characters inside links, [(alt, src)])."""
    images: list[tuple[str, str]] = []
    if "\\" in text:  # escaped characters are literal: hide them from the syntax below
        text = _ESCAPE.sub(lambda m: chr(_ESC_BASE + ord(m.group(1))), text)

    def image(m: re.Match[str]) -> str:
        alt = _ESCAPED.sub(lambda e: chr(ord(e.group(0)) - _ESC_BASE), m.group(1))
        images.append((_ESCAPE.sub(r"\1", alt).strip(), _ESCAPED.sub(lambda e: chr(ord(e.group(0)) - _ESC_BASE), m.group(2))))
        return ""

    if "![" in text:
        text = _IMAGE.sub(image, text)
    if "[" in text:
        for _ in range(3):  # nested links: innermost first
            new = _LINK.sub(lambda m: f"{_LO}{m.group(1)}{_LC}" if m.group(1).strip() else "", text)
            if new == text:
                break
            text = new
    if "<" in text:
        text = _AUTOLINK.sub(lambda m: f"{_LO}{m.group(1)}{_LC}", text)
        text = _HTML_TAG.sub("", text)
    if "`" in text:
        text = _CODE_SPAN.sub(lambda m: m.group(2).strip(), text)
    if "*" in text or "_" in text or "~" in text:
        for _ in range(2):
            text = _STRONG.sub(r"\2", text)
            text = _STRIKE.sub(r"\1", text)
            text = _EM_STAR.sub(r"\1", text)
            text = _EM_UNDER.sub(r"\1", text)
    text = _ESCAPED.sub(lambda m: chr(ord(m.group(0)) - _ESC_BASE), text)
    text = norm_space(text)
    link_chars = 0
    if _LO in text:
        depth = 0
        for ch in text:
            if ch == _LO:
                depth += 1
            elif ch == _LC:
                depth = max(0, depth - 1)
            elif depth:
                link_chars += 1
        text = norm_space(text.replace(_LO, "").replace(_LC, ""))
    return text, min(link_chars, len(text)), images


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.images: list[tuple[int, Image]] = []

    def add(self, raw: str, line: int, kind: BlockKind, tag: str, level: int = 0) -> None:
        text, link_chars, imgs = inline(raw) if kind is not BlockKind.CODE else (raw, 0, [])
        for alt, src in imgs:
            i = len(self.blocks)
            self.blocks.append(Block(index=i, text=alt, kind=BlockKind.IMAGE, tag="md-image", line=line,
                                     attrs={"src": src, "alt": alt}))
            self.images.append((i, Image(src=src or None, alt=alt or None)))
        if text:
            self.blocks.append(Block(index=len(self.blocks), text=text, kind=kind, tag=tag, level=level,
                                     link_chars=link_chars, line=line))


def _list_level(indent: str) -> int:
    return 1 + len(indent.expandtabs(4)) // INDENT_STEP


def build_markdown(page: Page) -> Document:
    lines = page.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out = _Builder()
    # Pass 1: fenced code and tables need line context; everything else is per group.
    plain: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        raw = lines[i]
        fence = _FENCE.match(raw)
        if fence:
            j = i + 1
            while j < n and not lines[j].strip().startswith(fence.group(1)):
                j += 1
            _flush(plain, out, i - len(plain))
            code = "\n".join(x.rstrip() for x in lines[i + 1:j]).strip("\n")
            if code.strip():
                out.add(code, i + 2, BlockKind.CODE, "md-code")
            i = j + 1
            continue
        if "|" in raw and i + 1 < n and _TABLE_SEP.match(lines[i + 1]) and "-" in lines[i + 1]:
            j = i + 2
            while j < n and "|" in lines[j] and lines[j].strip():
                j += 1
            _flush(plain, out, i - len(plain))
            rows = []
            for row in [lines[i]] + lines[i + 2:j]:
                cells = [inline(c)[0] for c in row.strip().strip("|").split("|")]
                if any(cells):
                    rows.append(" | ".join(c for c in cells if c))
            if rows:
                out.add(" ".join(rows), i + 1, BlockKind.TABLE, "md-table")
            i = j
            continue
        plain.append(raw)
        i += 1
    _flush(plain, out, n - len(plain))
    return Document(page=page, blocks=tuple(out.blocks), images=tuple(out.images))


def _flush(plain: list[str], out: _Builder, first: int) -> None:
    """Segment a stretch of lines with no fences or tables; `first` is its 0-based start."""
    if not plain:
        return
    for group in groups(plain):
        _group(group, out, first)
    plain.clear()


def _group(group: list[tuple[int, str]], out: _Builder, first: int) -> None:
    para: list[tuple[int, str]] = []  # plain lines waiting to be joined or split

    def flush_para() -> None:
        texts = [r.strip() for _, r in para]
        if is_wrapped(texts):
            out.add(" ".join(texts), first + para[0][0], BlockKind.PARAGRAPH, "md-para")
        else:
            for no, r in para:
                out.add(r, first + no, BlockKind.PARAGRAPH, "md-para")
        para.clear()

    for k, (no, raw) in enumerate(group):
        line = first + no
        setext = _SETEXT.match(raw)
        if setext and para and k > 0 and len(para) >= 1:
            head = para.pop()
            flush_para()
            out.add(head[1], first + head[0], BlockKind.HEADING, "md-heading", 1 if setext.group(1)[0] == "=" else 2)
            continue
        if _HR.match(raw) or _REF_DEF.match(raw):
            flush_para()
            continue
        atx = _ATX.match(raw)
        if atx:
            flush_para()
            out.add(atx.group(2) or "", line, BlockKind.HEADING, "md-heading", len(atx.group(1)))
            continue
        quote = _QUOTE.match(raw)
        if quote:
            flush_para()
            body = raw
            while (q := _QUOTE.match(body)) is not None:
                body = body[q.end():]
            out.add(body, line, BlockKind.BLOCKQUOTE, "md-quote")
            continue
        item = _LIST.match(raw)
        if item:
            flush_para()
            body = raw[item.end():]
            while (m := _LIST.match(body)) is not None and m.end() > 0:  # "* * [x]": nested empty items
                body = body[m.end():]
            out.add(body, line, BlockKind.LIST_ITEM, "md-list", _list_level(item.group(1)))
            continue
        if para and para[-1][1].endswith(("  ", "\\")):
            flush_para()
        para.append((no, raw.rstrip("\\")))
    if para:
        flush_para()
