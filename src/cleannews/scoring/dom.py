"""The HTML main-text scorer.

Two steps, in the jusText shape (classify blocks, then decide with context):

1. Every block gets a weight from its own features: long, punctuated, link-poor
   text weighs positive; link lists, short furniture and blocks under noise cues
   (share, related, comment, ...) weigh negative.
2. The article container: the nucleus is the element with the greatest weight
   decayed by distance (its own children's text counts most), grown to its parent
   while that adds weight and the nucleus still dominates, never past an element the
   page marks as the article body; siblings with the same tag and class (a body the
   CMS split around an ad) join it. Inside, blocks are kept unless they are noise by
   their own features or cues, and the edges are trimmed to the first and last real
   paragraph (see `_choose_container` here, `parts.extra_parts` for the other parts of
   a body, `inside` for the decisions within it).

All thresholds are named in `rules.py`, with where their values came from.
"""

from __future__ import annotations

from collections.abc import Mapping

from cleannews.models import Block, BlockKind, Removal
from cleannews.scoring import rules
from cleannews.text import sentence_punctuation, text_length
from cleannews.scoring.inside import drop_embedded_cards, keep_linked_items_of_text_lists, page_title_words, trim_edges
from cleannews.scoring.parts import extra_parts
from cleannews.scoring.scorer import Selection
from cleannews.document import Document


def block_weight(block: Block, cue_penalty: float, r: rules.ScoringRules = rules.DEFAULT_RULES) -> float:
    """A block's own evidence of being article text (positive) or not (negative)."""
    text = block.text
    n = text_length(text)
    ld = block.link_chars / len(text) if text else 0.0
    if block.kind is BlockKind.CAPTION:
        return -r.short_penalty
    if block.kind is BlockKind.TABLE and ld <= r.link_density_good and n < r.good_min_chars:
        return 0.0  # a data table's short rows neither make nor break a container
    if ld > r.link_density_bad:
        return -(n * ld) - r.short_penalty
    # The sentence marks are counted only where they count (a regex over the text):
    # not for the short lines that are most of a page's blocks.
    if n >= r.good_min_chars and ld <= r.link_density_good:
        punct = sentence_punctuation(text)
        w = n * (1.0 - ld) * (1.0 + min(punct, r.punct_bonus_cap) * r.punct_bonus)
    elif n >= r.short_max_chars and sentence_punctuation(text):
        w = n * (1.0 - ld) * r.medium_factor
    else:
        w = -r.short_penalty - n * ld
    if w > 0 and cue_penalty:
        w *= 1.0 - cue_penalty
    return w


class _Cues:
    """Per-page memo of each element's cue verdict (one regex pass per element, not per block)."""

    def __init__(
        self, doc: Document, mass: Mapping[int, float] | None = None, total: float = 0.0, r: rules.ScoringRules = rules.DEFAULT_RULES
    ) -> None:
        self.r = r
        self.cues = doc.node_cues
        self.tags = doc.node_tags
        self.memo: dict[int, float | None] = {}
        self.mass = mass or {}
        self.layout_mass = total * r.layout_share

    def value(self, node: int) -> float | None:
        try:
            return self.memo[node]
        except KeyError:
            v: float | None = None
            c = self.cues.get(node)
            # An element holding most of the page's text is page layout, whatever its
            # class says ("one-sidebar", "has-ads" on <body> or the main wrapper).
            if c and self.tags.get(node) not in ("html", "body") and self.mass.get(node, 0.0) <= self.layout_mass:
                v = rules.cue_value(c)
            self.memo[node] = v
            return v

    def penalty(self, block: Block, stop_at: int = -1) -> float:
        """Penalty in [0, 1] from the cues of the block's element and its near ancestors.

        A strong noise cue anywhere in the chain wins ("comment" around a "content"
        div is a comment); a weak one counts only when no positive cue sits closer to
        the block. Only ancestors below `stop_at` (the container) are read, at most
        CUE_DEPTH of them: further up, classes describe page layout.
        """
        positive = weak = False
        ancestors = block.ancestors
        up = len(ancestors)  # the block's element first, then its ancestors nearest first
        node = block.node
        for _ in range(self.r.cue_depth):
            if node == stop_at:
                break
            v = self.value(node)
            if v is not None:
                if v >= 1.0:
                    return 1.0
                if v < 0:
                    positive = True
                elif not positive:
                    weak = True
            up -= 1
            if up < 0:
                break
            node = ancestors[up]
        return 0.5 if weak else 0.0


def _upward(parent: Mapping[int, int]) -> list[tuple[int, int]]:
    """(element, parent) pairs in decreasing element id: the order `_subtree_sums`
    carries sums in, sorted once a page and shared by its four sums."""
    return sorted(parent.items(), reverse=True)


def _subtree_sums(own: Mapping[int, float], upward: list[tuple[int, int]], factor: float = 1.0) -> dict[int, float]:
    """Sum per-element values over subtrees (times `factor` per level up).

    Children have larger ids than their parents (preorder numbering), so one pass in
    decreasing id order (`upward`) carries every subtree's sum to its parent:
    O(elements), not O(blocks x depth). An element without a parent carries nothing.
    """
    sums = dict(own)
    get = sums.get
    for node, p in upward:
        v = get(node)
        if v:
            sums[p] = get(p, 0.0) + factor * v
    return sums


def _container_sums(
    own: Mapping[int, float], own_pos: Mapping[int, float], upward: list[tuple[int, int]], decay: float
) -> tuple[dict[int, float], dict[int, float], dict[int, float]]:
    """`_subtree_sums(own)`, `_subtree_sums(own, decay)` and `_subtree_sums(own_pos)` in
    one pass over `upward` (each sum carried in the same order, so the same floats):
    the container search reads all three, and three passes cost twice one."""
    totals = dict(own)
    decayed = dict(own)
    positive = dict(own_pos)
    get_t = totals.get
    get_d = decayed.get
    get_p = positive.get
    for node, p in upward:
        v = get_t(node)
        if v:
            totals[p] = get_t(p, 0.0) + v
        v = get_d(node)
        if v:
            decayed[p] = get_d(p, 0.0) + decay * v
        v = get_p(node)
        if v:
            positive[p] = get_p(p, 0.0) + v
    return totals, decayed, positive


def select_html_blocks(
    doc: Document, removed: Mapping[int, Removal], r: rules.ScoringRules = rules.DEFAULT_RULES
) -> Selection:
    blocks = doc.blocks
    if not blocks:
        return Selection(kept=(), is_article=False, reason="the page has no text")
    parent = doc.node_parent
    base = [0.0 if b.index in removed else block_weight(b, 0.0, r) for b in blocks]
    shared = tuple(base) if r is rules.DEFAULT_RULES or r == rules.DEFAULT_RULES else ()
    own_pos: dict[int, float] = {}
    for b, w in zip(blocks, base):
        if w > 0:
            own_pos[b.node] = own_pos.get(b.node, 0.0) + w
    upward = _upward(parent)
    mass = _subtree_sums(own_pos, upward)
    total = sum(own_pos.values())
    cues = _Cues(doc, mass, total, r)
    weights: list[float] = []
    own: dict[int, float] = {}
    own_kept: dict[int, float] = {}  # the positive weights after the cue penalty
    good_chars = 0
    for b, w in zip(blocks, base):
        if w > 0:
            pen = cues.penalty(b)
            if pen:
                w *= 1.0 - pen
            if w > 0:
                good_chars += text_length(b.text)
                own_kept[b.node] = own_kept.get(b.node, 0.0) + w
        weights.append(w)
        if w:
            own[b.node] = own.get(b.node, 0.0) + w
    totals, decayed, positive = _container_sums(own, own_kept, upward, r.decay)
    if not totals:
        return Selection(kept=(), is_article=False, reason="no block of article text", weights=shared)
    not_article: str | None = None
    if good_chars < r.min_article_chars:
        # A tiny page whose only text is a sentence or two is still that text; a page
        # of links and labels (an index, an error page) is not an article, but what
        # text it has is still its main content: the container is chosen as usual and
        # only the verdict changes (is_article says what a page is, it never empties it).
        plain = sum(len(b.text) - b.link_chars for b in blocks)
        if plain > r.tiny_page_chars:
            not_article = "no block of article text"
        elif good_chars == 0:
            tiny = tuple(b.index for b in blocks if b.index not in removed and b.link_density <= r.link_density_good)
            if not tiny:
                return Selection(kept=(), is_article=False, reason="no block of article text", weights=shared)
            return Selection(kept=tiny, reason="a tiny page: all of its text", weights=shared)
    container = _choose_container(doc, weights, totals, r, upward, (decayed, positive))
    roots = {container} | extra_parts(doc, container, weights, totals, r)
    kept: list[int] = []
    dropped: dict[int, str] = {}
    for block in blocks:
        if block.index in removed:
            continue
        # A block's `ancestors` are its element's block-level parent chain
        # (`node_parent` climbed to the top), so one set test in C says whether it is
        # under a root: no climb a block, no memo.
        if block.node not in roots and roots.isdisjoint(block.ancestors):
            dropped[block.index] = "outside the article container"
            continue
        reason = _noise_reason(block, cues, container, r)
        if reason:
            dropped[block.index] = reason
        else:
            kept.append(block.index)
    kept = keep_linked_items_of_text_lists(blocks, kept, dropped, doc.node_parent)
    kept = drop_embedded_cards(blocks, kept, dropped, doc.node_parent, roots, doc, r)
    kept = trim_edges(blocks, kept, weights, dropped, lambda: page_title_words(doc), r)
    if not kept:
        kept = _fallback(blocks, removed, dropped, r)
        return Selection(kept=tuple(kept), dropped=dropped, is_article=False, reason="no block of article text", weights=shared)
    if not_article:
        return Selection(kept=tuple(kept), dropped=dropped, is_article=False, reason=not_article, weights=shared)
    return Selection(kept=tuple(kept), dropped=dropped, weights=shared)


def _fallback(
    blocks: tuple[Block, ...], removed: Mapping[int, Removal], dropped: dict[int, str], r: rules.ScoringRules
) -> list[int]:
    """When the container logic keeps nothing, the page's link-poor text outside the
    cleaners' removals: a page that has text never comes back empty."""
    kept = [
        b.index
        for b in blocks
        if b.index not in removed and b.kind is not BlockKind.CAPTION and b.link_density <= r.link_density_good
    ]
    for i in kept:
        dropped.pop(i, None)
    return kept


def _choose_container(
    doc: Document,
    weights: list[float],
    totals: Mapping[int, float],
    r: rules.ScoringRules,
    upward: list[tuple[int, int]] | None = None,
    sums: tuple[Mapping[int, float], Mapping[int, float]] | None = None,
) -> int:
    """The nucleus (densest element), grown upward while the article still dominates.

    The nucleus maximises weight decayed by distance (DECAY per level), so an element
    whose text sits in its own children beats a page region whose text is scattered
    deep inside teaser cards. From there the container climbs to the parent while the
    parent adds weight and the current subtree still holds at least CLIMB_SHARE of the
    parent's positive weight: split article bodies merge, a teaser list beside the
    article does not.
    """
    parent = doc.node_parent
    decayed: Mapping[int, float]
    positive: Mapping[int, float]
    if sums is not None:  # (decayed, positive), computed by the caller (`_container_sums`)
        decayed, positive = sums
    else:
        own: dict[int, float] = {}
        own_pos: dict[int, float] = {}
        for block, w in zip(doc.blocks, weights):
            if w:
                own[block.node] = own.get(block.node, 0.0) + w
                if w > 0:
                    own_pos[block.node] = own_pos.get(block.node, 0.0) + w
        if upward is None:
            upward = _upward(parent)
        decayed = _subtree_sums(own, upward, r.decay)
        positive = _subtree_sums(own_pos, upward)
    # Deterministic tie-break: on equal scores the earlier (outer) node wins.
    cur = max(decayed.items(), key=lambda kv: (kv[1], -kv[0]))[0]
    while True:
        cue = doc.node_cues.get(cur)
        if cue and rules.cue_value(cue) == -1.0:
            break  # the page says this element is the article body: do not grow past it
        p = parent.get(cur)
        if p is None:
            break
        if totals.get(p, 0.0) <= totals.get(cur, 0.0):
            break
        if positive.get(cur, 0.0) < r.climb_share * positive.get(p, 0.0):
            break
        cur = p
    # A table's rows are one unit with its caption and header row: the body of a list
    # article is the table, not its <tbody>.
    while doc.node_tags.get(cur) in _TABLE_PARTS and parent.get(cur) is not None:
        cur = parent[cur]
    return cur


_TABLE_PARTS = frozenset(("tbody", "thead", "tfoot", "tr"))


def _noise_reason(block: Block, cues: _Cues, container: int, r: rules.ScoringRules) -> str | None:
    n = len(block.text)
    if block.kind is BlockKind.CAPTION:
        return "image caption"
    ld = block.link_chars / n if n else 0.0
    if ld > r.link_density_drop and block.kind is not BlockKind.HEADING:
        return f"link density {ld:.2f}"
    pen = cues.penalty(block, stop_at=container)
    if pen >= r.cue_drop:
        return "under a noise class or id"
    return None
