"""Plain-text dumps (a browser's select-all copy, an HTML-to-text rendering) into Blocks.

A dump has no markup, only lines. The rule, so that both navigation runs and prose
survive segmentation:

- a blank-line-separated group whose lines look hard-wrapped (several lines of
  similar, long width) is one paragraph;
- every other line is a block of its own, so a run of short lines (a menu, a list of
  teaser headlines and their categories) stays a run of blocks the scorer can see.
  Single-newline dumps, where each paragraph is one line, fall under this rule too.

A line opening with a bullet ("* ", "- ", "• ") is a LIST_ITEM whose level is its
indentation step. `Block.line` is the 1-based source line, `tag` is "line",
"wrapped" (a joined paragraph) or "list".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleannews.document import Document
from cleannews.models import Block, BlockKind, Page

#: A group is hard-wrapped when every line but the last is at least this long...
#: (hard wraps sit at 60-80 columns; Markdown and e-mail tools wrap at 72-80, so a
#: wrapped line is rarely under 40 characters unless a long word was pushed over).
WRAP_MIN_CHARS = 40
#: ...at most this long (a line over 100 characters was not wrapped by a tool)...
WRAP_MAX_CHARS = 100
#: ...and the shortest non-last line is at least this share of the longest (a wrap
#: column makes lines nearly equal; a title over a byline is not).
WRAP_WIDTH_RATIO = 0.6
#: Bullets that open list items in text renderings (inscriptis writes "* ").
BULLET = re.compile(r"^(\s*)(?:[*\-+•◦▪·]|\d{1,3}[.)])\s+(?=\S)")
#: Spaces of indentation per list level (inscriptis and html2text indent by 2-4).
INDENT_STEP = 2
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def norm_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def is_wrapped(lines: Sequence[str]) -> bool:
    """Whether a group of stripped lines is one hard-wrapped paragraph."""
    if len(lines) < 2:
        return False
    head = [len(x) for x in lines[:-1]]
    if min(head) < WRAP_MIN_CHARS or max(head) > WRAP_MAX_CHARS:
        return False
    if len(lines[-1]) > WRAP_MAX_CHARS:
        return False
    return min(head) >= WRAP_WIDTH_RATIO * max(head)


def groups(lines: Sequence[str]) -> list[list[tuple[int, str]]]:
    """Blank-line-separated groups of (1-based line number, raw line)."""
    out: list[list[tuple[int, str]]] = []
    cur: list[tuple[int, str]] = []
    for no, raw in enumerate(lines, 1):
        if raw.strip():
            cur.append((no, raw))
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def build_text(page: Page) -> Document:
    lines = page.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []

    def add(text: str, line: int, kind: BlockKind = BlockKind.PARAGRAPH, tag: str = "line", level: int = 0) -> None:
        text = norm_space(text)
        if text:
            blocks.append(Block(index=len(blocks), text=text, kind=kind, tag=tag, line=line, level=level))

    for group in groups(lines):
        stripped = [raw.strip() for _, raw in group]
        if is_wrapped(stripped) and not any(BULLET.match(raw) for _, raw in group[1:]):
            m = BULLET.match(group[0][1])
            if m:
                add(group[0][1][m.end():] + " " + " ".join(stripped[1:]), group[0][0], BlockKind.LIST_ITEM, "list",
                    1 + len(m.group(1).expandtabs(4)) // INDENT_STEP)
            else:
                add(" ".join(stripped), group[0][0], tag="wrapped")
            continue
        for no, raw in group:
            m = BULLET.match(raw)
            if m:
                add(raw[m.end():], no, BlockKind.LIST_ITEM, "list", 1 + len(m.group(1).expandtabs(4)) // INDENT_STEP)
            else:
                add(raw, no)
    return Document(page=page, blocks=tuple(blocks))
