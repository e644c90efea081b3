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
    Node ids are preorder positions in `tree.iter()` (see `cleaners.select.matched_node_ids`).
    """

    page: Page
    blocks: tuple[Block, ...]
    tree: Any = None
    images: tuple[tuple[int, Image], ...] = ()
    node_cues: Mapping[int, str] = field(default_factory=dict)  # node id -> "class id", lower-cased
    node_tags: Mapping[int, str] = field(default_factory=dict)  # block-level node id -> tag
    node_parent: Mapping[int, int] = field(default_factory=dict)  # block-level node id -> parent's id
    #: The text of the page's first `<title>`, as written (None: no title, or a dump).
    #: Read once here for the scorer (the headline the body must not repeat) and the
    #: metadata stage (a title source).
    title: str | None = None


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
