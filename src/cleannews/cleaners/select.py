"""Map CSS selectors on the parsed tree to the blocks they cover."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from lxml.cssselect import CSSSelector

from cleannews.errors import CleanerError

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.document import Document


@lru_cache(maxsize=4096)
def _compiled(selector: str) -> CSSSelector:
    # lru_cache of an immutable compiled selector: a cache, not state that changes output.
    try:
        return CSSSelector(selector, translator="html")
    except Exception as exc:  # cssselect raises several types
        raise CleanerError(f"bad CSS selector {selector!r}: {exc}") from exc


def matched_node_ids(doc: Document, selector: str) -> set[int]:
    """Node ids of the elements `selector` matches (none for a dump)."""
    if doc.tree is None:
        return set()
    matched = _compiled(selector)(doc.tree)
    if not matched:
        return set()
    ids = doc.node_ids  # built once per document; it holds the proxies, so identity holds
    return {ids[el] for el in matched if el in ids}


def blocks_under_selectors(doc: Document, selectors: Sequence[str]) -> Iterator[tuple[int, str]]:
    """Yield (block index, selector) for each block inside an element a selector matches."""
    for selector in selectors:
        ids = matched_node_ids(doc, selector)
        if not ids:
            continue
        for block in doc.blocks:
            if block.node in ids or any(a in ids for a in block.ancestors):
                yield block.index, selector
