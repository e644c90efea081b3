"""Block labels: which blocks of a document are the truth body.

A block of at least SHINGLE tokens is main text when at least MIN_OVERLAP of its
token shingles occur in the truth body; a shorter block ("Conclusion", a two-word
list item) when its tokens occur contiguously in the truth and a neighbouring long
block is main text. Then order: the truth is one sequence, so the positive blocks
must follow it (a block's place is where its shingles next occur after the text
already placed, so a sentence the truth repeats is placed at each repeat in turn);
a block whose place in the truth runs backwards (a teaser that
repeats the lede, the headline again in a "related" box) is a duplicate and not main
text. The order test keeps the heaviest increasing chain of truth positions (weighted
longest increasing subsequence over the blocks' median shingle positions).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from cleannews.document import Document

#: Shingle length in tokens (3: long enough to be specific, short enough for short lines).
SHINGLE = 3
#: Share of a block's shingles found in the truth at or over which it is main text.
MIN_OVERLAP = 0.5
#: How many blocks away a short block looks for a long main-text neighbour.
SHORT_REACH = 2

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


@dataclass(frozen=True)
class Alignment:
    labels: tuple[int, ...]  # 1 main text, 0 not
    overlap: tuple[float, ...]  # share of the block's shingles (or tokens) in the truth
    position: tuple[float, ...]  # median truth position of its matched shingles (-1: none)


def align(doc: Document, truth: str) -> Alignment:
    t = tokens(truth)
    where: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(t) - SHINGLE + 1):
        where.setdefault(tuple(t[i:i + SHINGLE]), []).append(i)
    grams: set[tuple[str, ...]] = set()
    for n in (1, 2):
        grams.update(tuple(t[i:i + n]) for i in range(len(t) - n + 1))
    n_blocks = len(doc.blocks)
    overlap = [0.0] * n_blocks
    position = [-1.0] * n_blocks
    long_ = [False] * n_blocks
    toks = [tokens(b.text) for b in doc.blocks]
    cursor = 0  # where in the truth the text read so far ends: a repeated sentence
    for i, bt in enumerate(toks):  # ("I would prefer not to.") takes its next occurrence
        if len(bt) >= SHINGLE:
            long_[i] = True
            sh = [tuple(bt[j:j + SHINGLE]) for j in range(len(bt) - SHINGLE + 1)]
            hits = sorted(_next_at(where[s], cursor) for s in sh if s in where)
            overlap[i] = len(hits) / len(sh)
            if hits:
                position[i] = float(hits[len(hits) // 2])
                if overlap[i] >= MIN_OVERLAP:
                    cursor = max(cursor, hits[len(hits) // 2])
        elif bt:
            overlap[i] = 1.0 if tuple(bt) in grams else 0.0
    labels = [0] * n_blocks
    cand = [i for i in range(n_blocks) if long_[i] and overlap[i] >= MIN_OVERLAP]
    for i in _increasing_chain(cand, position, [len(toks[i]) for i in range(n_blocks)]):
        labels[i] = 1
    for i in range(n_blocks):
        if long_[i] or overlap[i] < 1.0:
            continue
        near = [j for j in range(max(0, i - SHORT_REACH), min(n_blocks, i + SHORT_REACH + 1)) if j != i and long_[j]]
        if any(labels[j] for j in near):
            labels[i] = 1
    return Alignment(tuple(labels), tuple(overlap), tuple(position))


def _next_at(positions: list[int], cursor: int) -> int:
    """The first occurrence at or after `cursor`, else the first one."""
    k = bisect_left(positions, cursor)
    return positions[k] if k < len(positions) else positions[0]


def _increasing_chain(cand: list[int], position: list[float], weight: list[int]) -> list[int]:
    """The candidates (in page order) forming the heaviest chain of increasing truth
    position: weighted longest increasing subsequence, O(k log k) with a Fenwick tree of
    prefix maxima over the ranks of the positions."""
    if not cand:
        return []
    ranks = {p: r + 1 for r, p in enumerate(sorted({position[i] for i in cand}))}
    size = len(ranks)
    tree_best = [0.0] * (size + 1)
    tree_arg = [-1] * (size + 1)
    best = [0.0] * len(cand)
    prev = [-1] * len(cand)
    for a, i in enumerate(cand):
        r = ranks[position[i]]
        q, qa, k = 0.0, -1, r - 1
        while k > 0:  # max over ranks < r: strictly increasing (a repeat at the same place is a duplicate)
            if tree_best[k] > q:
                q, qa = tree_best[k], tree_arg[k]
            k -= k & -k
        best[a] = q + weight[i]
        prev[a] = qa
        k = r
        while k <= size:
            if best[a] >= tree_best[k]:  # a tie goes to the later copy, next to the text that follows
                tree_best[k], tree_arg[k] = best[a], a
            k += k & -k
    a = max(range(len(cand)), key=lambda j: best[j])
    out = []
    while a >= 0:
        out.append(cand[a])
        a = prev[a]
    return out[::-1]
