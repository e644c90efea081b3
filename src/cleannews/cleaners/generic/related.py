"""A "Related" / "Recommended" / "Read next" heading inside the article opens a teaser
section: the heading and everything after it in the same section is not the article.

The section is the heading's parent element; when that parent is the whole article
container (flat markup), the rest of the container goes, which is where such sections
sit. The headings' words are in `cleannews.vocabulary` (the dump scorer reads them too).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from cleannews.cleaners.base import Cleaner
from cleannews.cleaners.registry import register
from cleannews.models import BlockKind, Removal
from cleannews.vocabulary import MAX_HEADING_CHARS, RELATED_HEADING

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.document import Document

#: Where flat markup resumes the article after a teaser list: a block this long with
#: fewer links than this (teaser lines are links; prose is not).
PROSE_MIN_CHARS = 80
PROSE_MAX_LINK_DENSITY = 0.3
#: Inside a box that opens with the heading, teaser cards carry descriptions, so only a
#: block as long as a real paragraph ends the box early.
BOX_PROSE_MIN_CHARS = 250


@register
class RelatedSections(Cleaner):
    name = "generic.related-sections"
    kinds = ("html",)

    def extra(self, doc: Document, removed: Mapping[int, Removal]) -> Iterable[Removal]:
        blocks = doc.blocks
        i, n = 0, len(blocks)
        while i < n:
            b = blocks[i]
            if (
                i not in removed
                and len(b.text) <= MAX_HEADING_CHARS
                and b.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
                and RELATED_HEADING.fullmatch(b.text)
            ):
                section = b.ancestors[-1] if b.ancestors else b.node
                # A box that opens with the heading is all teasers; a heading in the
                # middle of flat markup is followed by teaser links, then the article
                # resumes: there, stop at the first block of prose.
                opens_box = i == 0 or section not in blocks[i - 1].ancestors
                yield Removal(i, self.name, f"teaser heading {b.text!r}")
                j = i + 1
                while j < n and (section in blocks[j].ancestors or blocks[j].node == section):
                    nxt = blocks[j]
                    if len(nxt.text) >= (PROSE_MIN_CHARS if not opens_box else BOX_PROSE_MIN_CHARS) and nxt.link_density < PROSE_MAX_LINK_DENSITY:
                        break
                    yield Removal(j, self.name, f"in the section under {b.text!r}")
                    j += 1
                i = j
                continue
            i += 1
