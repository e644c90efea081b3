"""Build one block model for every input kind (HTML, plain text, Markdown)."""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Mapping
from typing import Any

from cleannews.models import Block, Image, Page


@dataclass(frozen=True)
class Document:
    """A page split into blocks, plus what the later stages need from the source.

    `tree` is the parsed lxml root for HTML (the metadata stage reads its <head>) and
    None for dumps. Stages must treat it as read-only. `images` are the images found
    while segmenting, in page order, with the index of the block they precede.
    `node_index` maps the tree's elements to the node ids blocks refer to (it keeps
    the element proxies alive, so lxml returns the same proxy objects on later walks).
    """

    page: Page
    blocks: tuple[Block, ...]
    tree: Any = None
    images: tuple[tuple[int, Image], ...] = ()
    node_index: Mapping[Any, int] = field(default_factory=dict)  # lxml element -> node id
    node_cues: Mapping[int, str] = field(default_factory=dict)  # node id -> "class id", lower-cased
    node_tags: Mapping[int, str] = field(default_factory=dict)  # node id -> tag


def build_document(page: Page) -> Document:
    """Dispatch on the page kind."""
    if page.kind == "html":
        from cleannews.document.html import build_html

        return build_html(page)
    if page.kind == "markdown":
        from cleannews.document.markdown import build_markdown

        return build_markdown(page)
    from cleannews.document.text import build_text

    return build_text(page)
