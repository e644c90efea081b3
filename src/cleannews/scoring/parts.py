"""The container's other parts: what joins the article container besides itself.

A CMS splits a body around ads and figures ("story-body-part" x3), a list article
puts its introduction beside its table, a review puts its first paragraph in a grid
cell beside the score box. These rules find those parts from the tree's shape; they
live apart from `dom` (which weighs blocks and picks the container) because they
change for a different reason: new ways of laying a body out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from itertools import accumulate

from cleannews.document import Document
from cleannews.models import BlockKind
from cleannews.scoring import rules
from cleannews.scoring.inside import is_anchor
from cleannews.text import ends_with_full_stop, word_count


def extra_parts(
    doc: Document, container: int, weights: list[float], totals: Mapping[int, float], r: rules.ScoringRules = rules.DEFAULT_RULES
) -> set[int]:
    """Roots of the body's other parts (twins, sibling paragraphs, named text boxes)."""
    return (
        _twin_siblings(doc, container, totals, r)
        | _sibling_paragraphs(doc, container, weights, r)
        | _marked_parts_nearby(doc, container, totals, r)
    )


def _sibling_paragraphs(doc: Document, container: int, weights: list[float], r: rules.ScoringRules) -> set[int]:
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
            and block.node < container
            and doc.node_parent.get(block.node) == parent
            and block.tag == "p"
            and block.node not in doc.node_cues
            and block.link_density <= r.link_density_good
            and is_anchor(block, w, r)
            and word_count(block.text) >= r.prose_min_words
            and ends_with_full_stop(block.text)
        ):
            out.add(block.node)
    return out


_DIGITS = re.compile(r"\d+")


def _twin_siblings(doc: Document, container: int, totals: Mapping[int, float], r: rules.ScoringRules) -> set[int]:
    """Siblings with the same tag and class as the container or one of its nearest
    ancestors (TWIN_LEVELS): the other parts of a body that the CMS split around an ad
    or a figure ("story-body-part" x3). Digits are ignored ("section-1",
    "section-2"); a twin must carry positive weight."""
    parent = doc.node_parent
    needed: set[int] = set()  # the parents whose children `_twins_of` reads
    cur = parent.get(container)
    for _ in range(r.twin_levels):
        if cur is None:
            break
        needed.add(cur)
        cur = parent.get(cur)
    children: dict[int, list[int]] = {p: [] for p in needed}
    for child, p in parent.items():  # one pass, not one per level
        if p in needed:
            children[p].append(child)
    out: set[int] = set()
    node: int | None = container
    for _ in range(r.twin_levels):
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


def _marked_parts_nearby(doc: Document, container: int, totals: Mapping[int, float], r: rules.ScoringRules) -> set[int]:
    """Parts of the body that the page marks as body text by name ("article-text",
    "entry-content"; not a bare "content") with the same tag and class as such a part
    inside the container, found near it (under its ancestor TWIN_LEVELS up) but in
    another branch: a review's first paragraph in its own grid cell beside the score
    box, the rest further down."""
    cues = doc.node_cues
    names = "\n".join(cues.values())  # lower-cased by the document builder
    if names.isascii() and names.islower():
        # Where the marks are says whose class strings hold one (a match never spans
        # the newlines): only those are asked `is_body_mark`, not every element's.
        at = [m.start() for m in rules.BODY_MARK_LOWER_ASCII_RE.finditer(names)]
        if len(at) < 2:
            return set()  # under two names match at all (most pages): fewer than two marks
        items = list(cues.items())
        ends = list(accumulate(len(c) + 1 for _, c in items))  # past each string's newline
        named = [items[i] for i in sorted({bisect_right(ends, pos) for pos in at}) if rules.is_body_mark(items[i][1])]
    else:
        if len(rules.BODY_MARK_RE.findall(names)) < 2:
            return set()
        named = [(n, c) for n, c in cues.items() if rules.is_body_mark(c)]
    if len(named) < 2:
        return set()
    marked = {(doc.node_tags.get(n), _twin_key(c)) for n, c in named if _is_within(doc, n, container)}
    if not marked:
        return set()
    top = container
    for _ in range(r.twin_levels):
        p = doc.node_parent.get(top)
        if p is None or doc.node_tags.get(p) in ("body", "html"):
            break
        top = p
    return {
        n
        for n, c in named
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
