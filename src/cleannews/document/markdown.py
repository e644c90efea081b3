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

import bisect
import re

from cleannews.document import Document
from cleannews.document.html import is_script_url
from cleannews.document.text import INDENT_STEP, groups, is_wrapped, norm_space
from cleannews.models import Block, BlockKind, Image, Page

#: An ATX heading's opening hashes; the text and the optional closing hashes are cut
#: in code (`_atx`): as `(?:\s+(.*?))?(?:\s+#+)?\s*$` the lazy text retried the tail
#: at every position of a run of spaces (20,000 spaces: 2.7 s).
_ATX_OPEN = re.compile(r"\s{0,3}(#{1,6})(?=\s|$)")
_ATX_CLOSE = re.compile(r"\s(#+)$")
_SETEXT = re.compile(r"^\s{0,3}(={3,}|-{3,})\s*$")
_HR = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_LIST = re.compile(r"^(\s*)(?:[*+\-]|\d{1,9}[.)])(?:\s+|$)")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
#: One cell of a table's separator row ("---", ":--:"). The row is split on "|" in
#: code: as one pattern, `^\s*\|?\s*...` backtracked quadratically on a line of
#: spaces (100,000 took minutes).
_TABLE_SEP_CELL = re.compile(r"\s*:?-{2,}:?\s*")

# Balanced one level of brackets / parentheses, enough for "[caption [Credit/AFP]]".
_BRACKETED = r"((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)"
_DEST = r"\(\s*<?([^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
_IMAGE = re.compile(r"!\[" + _BRACKETED + r"\]" + _DEST)
_LINK = re.compile(r"\[" + _BRACKETED + r"\](?:" + _DEST + r"|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
#: Runs of backticks; a code span is an opening run and the next run of the same
#: length on its line (CommonMark). As `(`+)(.+?)\1` a run of 20,000 backticks
#: backtracked cubically (64 s).
_TICKS = re.compile(r"`+")
#: Emphasis: an opener, the shortest run of text on its line, a closer; reduced to the
#: text. Written as `OPEN(.+?)CLOSE` each opener without a closer scans to the end of
#: the block ("**a " * 7500 took 23 s); `_unwrap` finds the same spans in one pass
#: over the openers with the closers' positions indexed. (opener, closer, width, the
#: closer's literal marks: a text holding none of them has no span, so it is not scanned)
_STRONG = (re.compile(r"(\*\*|__)(?=\S)"), re.compile(r"(?<=\S)(?=(\*\*|__))"), 2, ("**", "__"))
_EM_STAR = (re.compile(r"(?<![\w*])(\*)(?=\S)"), re.compile(r"(?<=\S)(?=(\*)(?![\w*]))"), 1, ("*",))
_EM_UNDER = (re.compile(r"(?<![\w_])(_)(?=\S)"), re.compile(r"(?<=\S)(?=(_)(?![\w_]))"), 1, ("_",))
_STRIKE = (re.compile(r"(~~)(?=\S)"), re.compile(r"(?<=\S)(?=(~~))"), 2, ("~~",))
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<\"'])")
#: Link text is wrapped in these marks while inline syntax is reduced, then counted
#: and removed (private-use characters never occur in dumps).
_LO, _LC = "\ue000", "\ue001"
_MARKS = re.compile("[\ue000\ue001]")
#: Escaped ASCII punctuation is parked at private-use code points _ESC_BASE + ord(c).
_ESC_BASE = 0xE100
_ESCAPED = re.compile("[\ue100-\ue17f]")


def _unwrap(text: str, opener: re.Pattern[str], closer: re.Pattern[str], width: int,
            marks: tuple[str, ...]) -> str:
    """`re.sub(OPEN (.+?) CLOSE, text-inside)` where CLOSE repeats the opener's group 1,
    in O(n log n): each opener takes the first closer of its kind past one character,
    unless a line break comes first (`.` stops at one)."""
    if not any(mark in text for mark in marks):  # no closer can match: skip the lookbehind scan
        return text
    closers: dict[str, list[int]] = {}
    for c in closer.finditer(text):
        closers.setdefault(c.group(1), []).append(c.start())
    if not closers:
        return text
    breaks = [m.start() for m in re.finditer("\n", text)]
    out: list[str] = []
    last = pos = 0
    while (m := opener.search(text, pos)) is not None:
        i = m.start()
        ends = closers.get(m.group(1), [])
        k = bisect.bisect_left(ends, i + width + 1)
        nl = bisect.bisect_left(breaks, i + width)
        if k == len(ends) or (nl < len(breaks) and breaks[nl] < ends[k]):
            pos = i + 1
            continue
        j = ends[k]
        out.append(text[last:i])
        out.append(text[i + width : j])
        last = pos = j + width
    out.append(text[last:])
    return "".join(out)


def _atx(line: str) -> tuple[int, str] | None:
    """(level, text) of an ATX heading line ("## Title ##"), or None."""
    m = _ATX_OPEN.match(line)
    if m is None:
        return None
    text = line[m.end() :].strip()
    close = _ATX_CLOSE.search(text)
    if close is not None:  # closing hashes after a space; "# ##" keeps "##" as its text
        text = text[: close.start()].rstrip()
    return len(m.group(1)), text


def _code_spans(text: str) -> str:
    """Code spans reduced to their (stripped) content: an opening run of backticks, the
    next run of the same length on the same line; a run with no partner stays text."""
    runs: dict[int, list[int]] = {}
    starts: list[tuple[int, int]] = []
    for m in _TICKS.finditer(text):
        runs.setdefault(m.end() - m.start(), []).append(m.start())
        starts.append((m.start(), m.end()))
    breaks = [m.start() for m in re.finditer("\n", text)]
    out: list[str] = []
    last = 0
    for start, end in starts:
        if start < last:
            continue
        same = runs[end - start]
        k = bisect.bisect_right(same, start)
        nl = bisect.bisect_left(breaks, end)
        if k == len(same) or (nl < len(breaks) and breaks[nl] < same[k]) or same[k] == end:
            continue
        out.append(text[last:start])
        out.append(text[end : same[k]].strip())
        last = same[k] + (end - start)
    out.append(text[last:])
    return "".join(out)


def _is_table_sep(line: str) -> bool:
    """A table's separator row: `|? cell (| cell)* |?` with cells like "---" or ":-:"."""
    row = line.strip()
    row = row.removeprefix("|").removesuffix("|")
    return all(_TABLE_SEP_CELL.fullmatch(cell) for cell in row.split("|"))


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
        text = _code_spans(text)
    if "*" in text or "_" in text or "~" in text:
        for _ in range(2):
            before = text
            for delims in (_STRONG, _STRIKE, _EM_STAR, _EM_UNDER):
                text = _unwrap(text, *delims)
            if text == before:  # the pass is a function of the text: a second one would change nothing
                break
    text = _ESCAPED.sub(lambda m: chr(ord(m.group(0)) - _ESC_BASE), text)
    text = norm_space(text)
    link_chars = 0
    if _LO in text:
        # the characters between the marks, counted where the nesting depth is above 0; a
        # walk over the marks alone (a loop over every character took 0.1 s on 400 KB)
        depth = 0
        prev = 0
        for m in _MARKS.finditer(text):
            if depth:
                link_chars += m.start() - prev
            depth = depth + 1 if m.group() == _LO else max(0, depth - 1)
            prev = m.end()
        if depth:  # an unclosed mark counts to the end
            link_chars += len(text) - prev
        text = norm_space(text.replace(_LO, "").replace(_LC, ""))
    return text, min(link_chars, len(text)), images


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.images: list[tuple[int, Image]] = []

    def add(self, raw: str, line: int, kind: BlockKind, tag: str, level: int = 0) -> None:
        text, link_chars, imgs = inline(raw) if kind is not BlockKind.CODE else (raw, 0, [])
        for alt, src in imgs:
            if is_script_url(src):
                src = ""  # a javascript: url names no image
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
        if "|" in raw and i + 1 < n and _is_table_sep(lines[i + 1]) and "-" in lines[i + 1]:
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
        atx = _atx(raw)
        if atx:
            flush_para()
            out.add(atx[1], line, BlockKind.HEADING, "md-heading", atx[0])
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
