"""Where on a page the visible byline and date are looked for: windows of blocks
around the body start and around the headline, shared by the byline search
(`metadata.html`) and the date candidates (`metadata.datevote`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cleannews.metadata.title import norm
from cleannews.models import Block, BlockKind

#: How many blocks before and after the first body block a visible byline or date
#: may sit (headline, kicker, standfirst, share bar come first; some put it below).
HEAD_WINDOW = 12
TAIL_WINDOW = 4
#: Blocks before and after the title heading searched for the date (kicker above it;
#: standfirst, byline and date below it).
TITLE_BEFORE = 1
TITLE_AFTER = 8
#: How many blocks under the headline a visible byline may sit, when the body starts
#: further down: a share bar of a dozen buttons (one block each) comes between them on
#: the Washington Post's pages (14 blocks in Readability's wapo-1), with room to spare.
HEADLINE_BYLINE_WINDOW = 20
#: How many blocks from the top a visible byline/date may sit when no body is known.
NO_BODY_WINDOW = 60


#: Characters of a block's inherited cues that stand for its nearest elements when the
#: document has no per-node cues.
NEAR_CUES_CHARS = 80


def body_window(blocks: Sequence[Block], kept: Sequence[int]) -> list[Block]:
    if kept:
        first = min(kept)
        lo, hi = max(0, first - HEAD_WINDOW), min(len(blocks), first + TAIL_WINDOW)
        return list(blocks[lo:hi])
    return list(blocks[:NO_BODY_WINDOW])


def headline_index(blocks: Sequence[Block], titles: Sequence[str | None]) -> int | None:
    """Index of the first h1/h2 that repeats one of the titles (the whole title, or its
    start when the title adds a site name or the heading a kicker)."""
    ts = [t for t in (norm(x) for x in titles) if len(t) >= 8]
    if not ts:
        return None
    for b in blocks:
        if b.kind is BlockKind.HEADING and b.level <= 2:
            h = norm(b.text)
            if h and any(h == t or len(h) >= 10 and (t.startswith(h) or h.startswith(t)) for t in ts):
                return b.index
    return None


def title_window(blocks: Sequence[Block], title: str | None) -> range:
    """Blocks around the heading that repeats the title: the date and byline sit next to
    the headline even when the scorer's body starts far below it (comments, teasers)."""
    i = headline_index(blocks, (title,))
    if i is None:
        return range(0)
    return range(max(0, i - TITLE_BEFORE), min(len(blocks), i + TITLE_AFTER + 1))


def near_cues(b: Block, node_cues: Mapping[int, str]) -> str:
    """Class/id of the block's element and its two nearest ancestors (a block's `cues`
    run up to the body, where classes like "topbar-enabled" describe the whole page)."""
    if not node_cues:
        return b.cues[-NEAR_CUES_CHARS:]
    return " ".join(node_cues.get(n, "") for n in (*b.ancestors[-2:], b.node))
