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
   paragraph (see `_choose_container`, `_twin_siblings`, `_trim_edges`).

All thresholds are named in `rules.py`, with where their values came from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from cleannews.models import Block, BlockKind, Removal
from cleannews.scoring import rules
from cleannews.scoring.scorer import Selection
from cleannews.document import Document


def block_weight(block: Block, cue_penalty: float) -> float:
    """A block's own evidence of being article text (positive) or not (negative)."""
    text = block.text
    n = rules.text_length(text)
    ld = block.link_chars / len(text) if text else 0.0
    if block.kind is BlockKind.CAPTION:
        return -rules.SHORT_PENALTY
    if block.kind is BlockKind.TABLE and ld <= rules.LINK_DENSITY_GOOD and n < rules.GOOD_MIN_CHARS:
        return 0.0  # a data table's short rows neither make nor break a container
    if ld > rules.LINK_DENSITY_BAD:
        return -(n * ld) - rules.SHORT_PENALTY
    punct = rules.sentence_punctuation(text)
    if n >= rules.GOOD_MIN_CHARS and ld <= rules.LINK_DENSITY_GOOD:
        w = n * (1.0 - ld) * (1.0 + min(punct, rules.PUNCT_BONUS_CAP) * rules.PUNCT_BONUS)
    elif punct and n >= rules.SHORT_MAX_CHARS:
        w = n * (1.0 - ld) * rules.MEDIUM_FACTOR
    else:
        w = -rules.SHORT_PENALTY - n * ld
    if w > 0 and cue_penalty:
        w *= 1.0 - cue_penalty
    return w


class _Cues:
    """Per-page memo of each element's cue verdict (one regex pass per element, not per block)."""

    def __init__(self, doc: Document, mass: Mapping[int, float] | None = None, total: float = 0.0) -> None:
        self.cues = doc.node_cues
        self.tags = doc.node_tags
        self.memo: dict[int, float | None] = {}
        self.mass = mass or {}
        self.layout_mass = total * rules.LAYOUT_SHARE

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
        chain = (*block.ancestors, block.node)
        positive = weak = False
        for depth, node in enumerate(reversed(chain)):
            if node == stop_at or depth >= rules.CUE_DEPTH:
                break
            v = self.value(node)
            if v is None:
                continue
            if v >= 1.0:
                return 1.0
            if v < 0:
                positive = True
            elif not positive:
                weak = True
        return 0.5 if weak else 0.0


def _subtree_sums(own: Mapping[int, float], parent: Mapping[int, int], factor: float = 1.0) -> dict[int, float]:
    """Sum per-element values over subtrees (times `factor` per level up).

    Children have larger ids than their parents (preorder numbering), so one pass in
    decreasing id order carries every subtree's sum to its parent: O(elements), not
    O(blocks x depth).
    """
    sums = dict(own)
    for node in sorted(set(own) | set(parent), reverse=True):
        p = parent.get(node)
        if p is not None:
            v = sums.get(node, 0.0)
            if v:
                sums[p] = sums.get(p, 0.0) + factor * v
    return sums


def select_html_blocks(doc: Document, removed: Mapping[int, Removal]) -> Selection:
    blocks = doc.blocks
    if not blocks:
        return Selection(kept=(), is_article=False, reason="the page has no text")
    parent = doc.node_parent
    base = [0.0 if b.index in removed else block_weight(b, 0.0) for b in blocks]
    own_pos: dict[int, float] = {}
    for b, w in zip(blocks, base):
        if w > 0:
            own_pos[b.node] = own_pos.get(b.node, 0.0) + w
    mass = _subtree_sums(own_pos, parent)
    total = sum(own_pos.values())
    cues = _Cues(doc, mass, total)
    weights: list[float] = []
    own: dict[int, float] = {}
    good_chars = 0
    for b, w in zip(blocks, base):
        if w > 0:
            pen = cues.penalty(b)
            if pen:
                w *= 1.0 - pen
            if w > 0:
                good_chars += rules.text_length(b.text)
        weights.append(w)
        if w:
            own[b.node] = own.get(b.node, 0.0) + w
    totals = _subtree_sums(own, parent)
    if not totals:
        return Selection(kept=(), is_article=False, reason="no block of article text")
    if good_chars < rules.MIN_ARTICLE_CHARS:
        # A tiny page whose only text is a sentence or two is still that text; a page
        # of links and labels (an index, an error page) is not an article.
        plain = sum(len(b.text) - b.link_chars for b in blocks)
        if plain > rules.TINY_PAGE_CHARS:
            return Selection(kept=(), is_article=False, reason="no block of article text")
        if good_chars == 0:
            kept = tuple(b.index for b in blocks if b.index not in removed and b.link_density <= rules.LINK_DENSITY_GOOD)
            if not kept:
                return Selection(kept=(), is_article=False, reason="no block of article text")
            return Selection(kept=kept, reason="a tiny page: all of its text")
    container = _choose_container(doc, weights, totals)
    roots = {container} | _twin_siblings(doc, container, totals) | _sibling_paragraphs(doc, container, weights)
    roots |= _marked_parts_nearby(doc, container, totals)
    kept: list[int] = []
    dropped: dict[int, str] = {}
    inside_memo: dict[int, bool] = {}
    for block in blocks:
        if block.index in removed:
            continue
        inside = inside_memo.get(block.node)
        if inside is None:
            inside = block.node in roots or any(a in roots for a in block.ancestors)
            inside_memo[block.node] = inside
        if not inside:
            dropped[block.index] = "outside the article container"
            continue
        reason = _noise_reason(block, cues, container)
        if reason:
            dropped[block.index] = reason
        else:
            kept.append(block.index)
    kept = _keep_linked_items_of_text_lists(blocks, kept, dropped, doc.node_parent)
    kept = _drop_embedded_cards(blocks, kept, dropped, doc.node_parent, roots, doc.tree)
    kept = _trim_edges(blocks, kept, weights, dropped, _page_title_words(doc))
    if not kept:
        return Selection(kept=(), dropped=dropped, is_article=False, reason="no block of article text")
    return Selection(kept=tuple(kept), dropped=dropped)


def _choose_container(doc: Document, weights: list[float], totals: Mapping[int, float]) -> int:
    """The nucleus (densest element), grown upward while the article still dominates.

    The nucleus maximises weight decayed by distance (DECAY per level), so an element
    whose text sits in its own children beats a page region whose text is scattered
    deep inside teaser cards. From there the container climbs to the parent while the
    parent adds weight and the current subtree still holds at least CLIMB_SHARE of the
    parent's positive weight: split article bodies merge, a teaser list beside the
    article does not.
    """
    parent = doc.node_parent
    own: dict[int, float] = {}
    own_pos: dict[int, float] = {}
    for block, w in zip(doc.blocks, weights):
        if w:
            own[block.node] = own.get(block.node, 0.0) + w
            if w > 0:
                own_pos[block.node] = own_pos.get(block.node, 0.0) + w
    decayed = _subtree_sums(own, parent, rules.DECAY)
    positive = _subtree_sums(own_pos, parent)
    # Deterministic tie-break: on equal scores the earlier (outer) node wins.
    cur = max(decayed.items(), key=lambda kv: (kv[1], -kv[0]))[0]
    while True:
        own = doc.node_cues.get(cur)
        if own and rules.cue_value(own) == -1.0:
            break  # the page says this element is the article body: do not grow past it
        p = parent.get(cur)
        if p is None:
            break
        if totals.get(p, 0.0) <= totals.get(cur, 0.0):
            break
        if positive.get(cur, 0.0) < rules.CLIMB_SHARE * positive.get(p, 0.0):
            break
        cur = p
    # A table's rows are one unit with its caption and header row: the body of a list
    # article is the table, not its <tbody>.
    while doc.node_tags.get(cur) in _TABLE_PARTS and parent.get(cur) is not None:
        cur = parent[cur]
    return cur


_TABLE_PARTS = frozenset(("tbody", "thead", "tfoot", "tr"))


def _sibling_paragraphs(doc: Document, container: int, weights: list[float]) -> set[int]:
    """Paragraphs that sit directly before the container, beside it: a list article's
    introduction above its table, a standfirst above the body's wrapper. Readability
    joins such siblings too; only real paragraphs (link-poor, ending with a full stop,
    PROSE_MIN_WORDS or more: no byline or dateline) join, never sibling widgets or
    lists, and no paragraph with a class or id of its own (a styled "standfirst" or
    "dek" is the description). Siblings after the container are left out: there they
    were comment rules and disclaimers on the benchmark, not article text."""
    parent = doc.node_parent.get(container)
    if parent is None:
        return set()
    out: set[int] = set()
    for block, w in zip(doc.blocks, weights):
        if (
            block.kind is BlockKind.PARAGRAPH
            and block.node != container
            and block.node < container
            and doc.node_parent.get(block.node) == parent
            and block.tag == "p"
            and block.node not in doc.node_cues
            and block.link_density <= rules.LINK_DENSITY_GOOD
            and _is_anchor(block, w)
            and len(block.text.split()) >= rules.PROSE_MIN_WORDS
            and rules.ends_with_full_stop(block.text)
        ):
            out.add(block.node)
    return out


_DIGITS = re.compile(r"\d+")


def _twin_siblings(doc: Document, container: int, totals: Mapping[int, float]) -> set[int]:
    """Siblings with the same tag and class as the container or one of its nearest
    ancestors (TWIN_LEVELS): the other parts of a body that the CMS split around an ad
    or a figure ("story-body-part" x3). Digits are ignored ("section-1",
    "section-2"); a twin must carry positive weight."""
    children: dict[int, list[int]] = {}
    for child, p in doc.node_parent.items():  # one pass, not one per level
        children.setdefault(p, []).append(child)
    out: set[int] = set()
    node: int | None = container
    for _ in range(rules.TWIN_LEVELS):
        if node is None:
            break
        out |= _twins_of(doc, node, totals, children)
        node = doc.node_parent.get(node)
    return out


def _is_within(doc: Document, node: int, top: int) -> bool:
    parent = doc.node_parent
    cur: int | None = node
    while cur is not None:
        if cur == top:
            return True
        cur = parent.get(cur)
    return False


def _marked_parts_nearby(doc: Document, container: int, totals: Mapping[int, float]) -> set[int]:
    """Parts of the body that the page marks as body text by name ("article-text",
    "entry-content"; not a bare "content") with the same tag and class as such a part inside the container, found near it
    (under its ancestor TWIN_LEVELS up) but in another branch: a review's first
    paragraph in its own grid cell beside the score box, the rest further down."""
    marked = {
        (doc.node_tags.get(n), _twin_key(c))
        for n, c in doc.node_cues.items()
        if rules.is_body_mark(c) and _is_within(doc, n, container)
    }
    if not marked:
        return set()
    top = container
    for _ in range(rules.TWIN_LEVELS):
        p = doc.node_parent.get(top)
        if p is None or doc.node_tags.get(p) in ("body", "html"):
            break
        top = p
    return {
        n
        for n, c in doc.node_cues.items()
        if (doc.node_tags.get(n), _twin_key(c)) in marked
        and totals.get(n, 0.0) > 0
        and not _is_within(doc, n, container)
        and _is_within(doc, n, top)
    }


def _twin_key(cues: str) -> str:
    """Class and id without digits: "part-3 body" and "part-4 body" are twins."""
    return _DIGITS.sub("", cues)


def _twins_of(
    doc: Document, container: int, totals: Mapping[int, float], children: Mapping[int, list[int]]
) -> set[int]:
    parent = doc.node_parent.get(container)
    label = doc.node_cues.get(container)
    if parent is None or not label:
        return set()
    tag = doc.node_tags.get(container)
    key = _twin_key(label)
    twins = [
        node
        for node in children.get(parent, ())
        if node != container
        and doc.node_tags.get(node) == tag
        and _twin_key(doc.node_cues.get(node, "")) == key
    ]
    heavy = [n for n in twins if totals.get(n, 0.0) > 0]
    if not heavy:
        return set()
    # Parts between two parts that carry the body are body too, however short ("Step 2:
    # insert the plant." under its picture): the body runs on through them. Node ids are
    # preorder positions, so "between" is a comparison of ids.
    lo, hi = min(container, *heavy), max(container, *heavy)
    return {n for n in twins if lo < n < hi} | set(heavy)


def _noise_reason(block: Block, cues: _Cues, container: int) -> str | None:
    n = len(block.text)
    if block.kind is BlockKind.CAPTION:
        return "image caption"
    ld = block.link_chars / n if n else 0.0
    if ld > rules.LINK_DENSITY_DROP and block.kind is not BlockKind.HEADING:
        return f"link density {ld:.2f}"
    pen = cues.penalty(block, stop_at=container)
    if pen >= rules.CUE_DROP:
        return "under a noise class or id"
    return None


def _keep_linked_items_of_text_lists(
    blocks: tuple[Block, ...], kept: list[int], dropped: dict[int, str], parent: Mapping[int, int]
) -> list[int]:
    """A list item that is all link stays when an item of the same list is kept text:
    "Here's our year in review!" linked among the bullet points of a report is part of
    it, while a list whose every item is a link (related stories) goes."""
    lists_with_text = {parent.get(blocks[i].node) for i in kept if blocks[i].kind is BlockKind.LIST_ITEM}
    back = [
        i
        for i, why in dropped.items()
        if why.startswith("link density")
        and blocks[i].kind is BlockKind.LIST_ITEM
        and parent.get(blocks[i].node) in lists_with_text
    ]
    if not back:
        return kept
    for i in back:
        del dropped[i]
    return sorted([*kept, *back])


def _links_away(el: Any) -> bool:
    """The element links to another page (not to a "#section" of this one, as the
    back-links on a documentation page's section headings do)."""
    links = [*el.iter("a"), *el.iterancestors("a")]  # <a><h3>...</h3></a> wraps the heading
    return any(not (a.get("href") or "#").lstrip().startswith("#") for a in links)


def _drop_embedded_cards(
    blocks: tuple[Block, ...],
    kept: list[int],
    dropped: dict[int, str],
    parent: Mapping[int, int],
    roots: set[int],
    tree: Any,
) -> list[int]:
    """A teaser card embedded in the body: a box whose heading is a link to another
    page, with that page's excerpt under it ("How X works ... Read more"). The box
    (the heading's parent element, when that is not the container itself) goes whole
    when it is card-sized: a section of the body can have a linked heading too."""
    headings = [
        blocks[i].node
        for i in kept
        if blocks[i].kind is BlockKind.HEADING and blocks[i].link_density > rules.LINK_DENSITY_DROP
    ]
    if not headings or tree is None:
        return kept
    elements = list(tree.iter())  # node ids are preorder positions in tree.iter()
    cards = {parent.get(h) for h in headings if h < len(elements) and _links_away(elements[h])}
    cards -= roots
    cards.discard(None)
    if not cards:
        return kept
    size: dict[int, list[int]] = {}  # card -> [blocks, characters of its non-heading text]
    for b in blocks:
        for a in (parent.get(b.node), *b.ancestors):
            if a in cards:
                n = size.setdefault(a, [0, 0])
                n[0] += 1
                n[1] += 0 if b.kind is BlockKind.HEADING else len(b.text)
                break
    cards = {c for c, (n, chars) in size.items() if n <= rules.CARD_MAX_BLOCKS and chars <= rules.CARD_MAX_CHARS}
    if not cards:
        return kept
    out = []
    for i in kept:
        b = blocks[i]
        if parent.get(b.node) in cards or any(a in cards for a in b.ancestors):
            dropped[i] = "a teaser card inside the body"
        else:
            out.append(i)
    return out


def _is_anchor(block: Block, weight: float) -> bool:
    return weight > 0 and len(block.text) >= rules.ANCHOR_MIN_CHARS and rules.ends_sentence(block.text)


_WORD = re.compile(r"\w+")


def _page_title_words(doc: Document) -> frozenset[str]:
    """Words of the page's <title> (and og:title): the headline the body must not repeat."""
    tree = doc.tree
    if tree is None:
        return frozenset()
    words: set[str] = set()
    for t in tree.iterfind(".//title"):
        words.update(w.lower() for w in _WORD.findall(t.text or ""))
        break
    for m in tree.iterfind(".//meta[@property='og:title']"):
        words.update(w.lower() for w in _WORD.findall(m.get("content") or ""))
    return frozenset(words)


def _is_title(text: str, title: frozenset[str]) -> bool:
    """A heading that repeats the page title (its words are mostly the title's)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words or not title:
        return False
    return sum(w in title for w in words) / len(words) >= rules.TITLE_OVERLAP


def _is_prose(text: str) -> bool:
    """Ends like a sentence, or is long enough that it must be one (lost its full stop)."""
    return rules.ends_sentence(text) or len(text.split()) >= rules.PROSE_MIN_WORDS


def _opens_text(i: int, blocks: tuple[Block, ...], weights: list[float], kept: set[int]) -> bool:
    """A short line directly followed by kept article text is a pseudo-heading ("Step 1",
    "Our ruling", "FRANCE WINS" in bold), not a label: labels sit above ads, galleries
    and link lists, or stand alone."""
    nxt = i + 1
    return nxt < len(blocks) and nxt in kept and weights[nxt] > 0 and blocks[nxt].kind is not BlockKind.HEADING


def _trim_edges(
    blocks: tuple[Block, ...], kept: list[int], weights: list[float], dropped: dict[int, str], title: frozenset[str]
) -> list[int]:
    """Drop furniture before the first and after the last real paragraph, and labels between."""
    anchors = [i for i in kept if _is_anchor(blocks[i], weights[i])]
    if not anchors:
        anchors = [i for i in kept if weights[i] > 0]
        if not anchors:
            return kept
    first, last = anchors[0], anchors[-1]
    kept_set = set(kept)
    out = []
    for i in kept:
        b = blocks[i]
        if i < first and (
            (b.kind is BlockKind.HEADING and _is_title(b.text, title))
            or (b.kind is not BlockKind.HEADING and not (weights[i] > 0 and _is_prose(b.text)))
        ):
            dropped[i] = "before the article's first paragraph"
            continue
        if i > last and weights[i] <= 0 and not rules.ends_sentence(b.text):
            dropped[i] = "after the article's last paragraph"
            continue
        if (
            b.kind is BlockKind.PARAGRAPH
            and len(b.text.split()) <= rules.LABEL_MAX_WORDS
            and not rules.sentence_punctuation(b.text)
            and not b.text.endswith(":")
            and not _opens_text(i, blocks, weights, kept_set)
        ):
            dropped[i] = "a label, not text"
            continue
        out.append(i)
    return out
