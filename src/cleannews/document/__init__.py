"""Build one block model for every input kind (HTML, plain text, Markdown)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeAlias

from cleannews.models import Block, Image, Page

if TYPE_CHECKING:
    from cleannews.document.blocktree import BlockTree

#: A node of the parsed tree: an lxml.etree element (not lxml.html's), or a comment or
#: processing instruction. lxml has no type information, so this is Any to mypy.
Element: TypeAlias = Any


@dataclass(frozen=True)
class Document:
    """A page split into blocks, plus what the later stages need from the source.

    `tree` is the parsed lxml root for HTML (the metadata stage reads its <head>) and
    None for dumps. Stages must treat it as read-only. `images` are the images found
    while segmenting, in page order, with the index of the block they precede.
    Node ids are preorder positions in `tree.iter()`; `elements` and `node_ids` map
    between the two, built once per document (the selectors and the scorer share them).
    """

    page: Page
    blocks: tuple[Block, ...]
    tree: Element | None = None
    images: tuple[tuple[int, Image], ...] = ()
    node_cues: Mapping[int, str] = field(default_factory=dict)  # node id -> "class id", lower-cased
    node_tags: Mapping[int, str] = field(default_factory=dict)  # block-level node id -> tag
    node_parent: Mapping[int, int] = field(default_factory=dict)  # block-level node id -> parent's id
    #: The text of the page's first `<title>`, as written (None: no title, or a dump).
    #: Read once here for the scorer (the headline the body must not repeat) and the
    #: metadata stage (a title source).
    title: str | None = None
    #: The tree's nodes in preorder when the builder collected them on its walk
    #: (`elements` then returns them; None: built from the tree on first use).
    preorder: tuple[Element, ...] | None = field(default=None, repr=False, compare=False)

    @property
    def is_html(self) -> bool:
        """The page was parsed into a tree (HTML); dumps have none."""
        return self.tree is not None

    # cached_property writes the instance's __dict__ directly, which a frozen dataclass
    # allows: the map is built on first use and never changes after (a race builds it twice).
    @cached_property
    def elements(self) -> tuple[Element, ...]:
        """The tree's nodes by node id (empty for dumps)."""
        if self.preorder is not None:
            return self.preorder
        return tuple(self.tree.iter()) if self.tree is not None else ()

    @cached_property
    def node_ids(self) -> Mapping[Element, int]:
        """Node id of each node of the tree (the inverse of `elements`)."""
        return {el: i for i, el in enumerate(self.elements)}

    @cached_property
    def block_tree(self) -> BlockTree:
        """The block elements as arrays (`document.blocktree`), for the block scorers."""
        from cleannews.document.blocktree import build_block_tree

        return build_block_tree(self)

    def element(self, node: int) -> Element | None:
        """The node with id `node`, or None (no tree, or an id out of range)."""
        return self.elements[node] if 0 <= node < len(self.elements) else None


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
