"""Inside the container: which blocks stay, and where the article starts and ends.

After `dom` has found the container and its parts, these rules decide block by block
with context: linked bullets of a text list stay, teaser cards embedded in the body
go, and the edges are trimmed to the first and last real paragraph (headline, kicker,
byline before it; furniture after it), with labels dropped between.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from itertools import compress
from operator import attrgetter
from typing import Any

from cleannews.document import Document
from cleannews.models import Block, BlockKind
from cleannews.scoring import rules
from cleannews.text import ends_sentence, sentence_punctuation, word_count


def keep_linked_items_of_text_lists(
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


def drop_embedded_cards(
    blocks: tuple[Block, ...],
    kept: list[int],
    dropped: dict[int, str],
    parent: Mapping[int, int],
    roots: set[int],
    doc: Document,
    r: rules.ScoringRules = rules.DEFAULT_RULES,
) -> list[int]:
    """A teaser card embedded in the body: a box whose heading is a link to another
    page, with that page's excerpt under it ("How X works ... Read more"). The box
    (the heading's parent element, when that is not the container itself) goes whole
    when it is card-sized: a section of the body can have a linked heading too."""
    headings = [
        blocks[i].node
        for i in kept
        if blocks[i].kind is BlockKind.HEADING and blocks[i].link_density > r.link_density_drop
    ]
    if not headings or doc.tree is None:
        return kept
    elements = doc.elements  # node ids are preorder positions in tree.iter()
    cards = {p for h in headings if h < len(elements) and _links_away(elements[h]) if (p := parent.get(h)) is not None}
    cards -= roots
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
    cards = {c for c, (n, chars) in size.items() if n <= r.card_max_blocks and chars <= r.card_max_chars}
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


def is_anchor(block: Block, weight: float, r: rules.ScoringRules = rules.DEFAULT_RULES) -> bool:
    return weight > 0 and len(block.text) >= r.anchor_min_chars and ends_sentence(block.text)


_WORD = re.compile(r"\w+")
_TAG_OF = attrgetter("tag")
_META = frozenset(("meta",))  # a set test: a comment's tag is a function, not a str


def page_title_words(doc: Document) -> frozenset[str]:
    """Words of the page's <title> (and og:title): the headline the body must not repeat."""
    tree = doc.tree
    if tree is None:
        return frozenset()
    words: set[str] = {w.lower() for w in _WORD.findall(doc.title or "")}
    # The <meta> elements from the preorder node list the walk kept (`Document.elements`:
    # a C loop over their tags, about a quarter of the time of `iterdescendants`).
    els = doc.elements
    for m in compress(els, map(_META.__contains__, map(_TAG_OF, els))):
        if m is not tree and m.get("property") == "og:title":
            words.update(w.lower() for w in _WORD.findall(m.get("content") or ""))
    return frozenset(words)


def _is_title(text: str, title: frozenset[str], r: rules.ScoringRules) -> bool:
    """A heading that repeats the page title (its words are mostly the title's)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words or not title:
        return False
    return sum(w in title for w in words) / len(words) >= r.title_overlap


def _is_prose(text: str, r: rules.ScoringRules) -> bool:
    """Ends like a sentence, or is long enough that it must be one (lost its full stop)."""
    return ends_sentence(text) or word_count(text) >= r.prose_min_words


def _opens_text(i: int, blocks: tuple[Block, ...], weights: list[float], kept: set[int]) -> bool:
    """A short line directly followed by kept article text is a pseudo-heading ("Step 1",
    "Our ruling", "FRANCE WINS" in bold), not a label: labels sit above ads, galleries
    and link lists, or stand alone."""
    nxt = i + 1
    return nxt < len(blocks) and nxt in kept and weights[nxt] > 0 and blocks[nxt].kind is not BlockKind.HEADING


def trim_edges(
    blocks: tuple[Block, ...],
    kept: list[int],
    weights: list[float],
    dropped: dict[int, str],
    title: frozenset[str] | Callable[[], frozenset[str]],
    r: rules.ScoringRules = rules.DEFAULT_RULES,
) -> list[int]:
    """Drop furniture before the first and after the last real paragraph, and labels between.

    `title` is the page title's words, or a function that reads them: only a heading
    before the first paragraph needs them (most pages have none), and reading them
    (every `<meta>` of the tree) was ~1% of a page's time."""
    anchors = [i for i in kept if is_anchor(blocks[i], weights[i], r)]
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
            (b.kind is BlockKind.HEADING and _is_title(b.text, title if isinstance(title, frozenset) else (title := title()), r))
            or (b.kind is not BlockKind.HEADING and not (weights[i] > 0 and _is_prose(b.text, r)))
        ):
            dropped[i] = "before the article's first paragraph"
            continue
        if i > last and weights[i] <= 0 and not ends_sentence(b.text):
            dropped[i] = "after the article's last paragraph"
            continue
        if (
            b.kind is BlockKind.PARAGRAPH
            and word_count(b.text) <= r.label_max_words
            and not sentence_punctuation(b.text)
            and not b.text.endswith(":")
            and not _opens_text(i, blocks, weights, kept_set)
        ):
            dropped[i] = "a label, not text"
            continue
        out.append(i)
    return out
