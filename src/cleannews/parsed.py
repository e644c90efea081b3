"""Pages the caller has already parsed: an lxml element or tree, a BeautifulSoup or a bs4 Tag.

A crawling pipeline often holds the page as a tree already (lxml for XPath, or
BeautifulSoup). `extract()` accepts such a tree as `page`; this module turns it into
what the pipeline reads. What happens, honestly: the tree is **serialised once to a
`str`** (lxml's C serialiser `etree.tostring`, or bs4's `Tag.decode()`), and the pipeline
parses that `str` with its own lxml parser. The pipeline is not handed the caller's
tree itself, for three reasons: it walks a tree built with its own parser options (no
network, comments kept for the scorer, huge_tree) and its own element classes; the
metadata stage reads the page's markup, not a tree; and a caller's tree must never be
modified. The serialisation costs little next to the extraction (the figures are in
docs/design.md, "dependencies"), the bytes are never re-decoded (no charset guess: a
`str` has none), and the result is the same Article as for the page's markup.

BeautifulSoup is never imported here unless the object given is one of bs4's: bs4 is
not a dependency of cleannews, a caller who has a soup has bs4.
"""

from __future__ import annotations

from typing import Any

from cleannews.errors import InputError

__all__ = ["is_parsed", "markup_of"]


def _bs4_tag(page: object) -> Any:
    """`page` when it is a bs4 Tag (a BeautifulSoup included), else None; bs4 imported only then."""
    if not type(page).__module__.startswith("bs4"):
        return None
    import bs4

    return page if isinstance(page, bs4.Tag) else None


def is_parsed(page: object) -> bool:
    """Whether `page` is a parsed tree `markup_of` understands (not bytes or str)."""
    if isinstance(page, (bytes, bytearray, memoryview, str)):
        return False
    from lxml import etree

    return isinstance(page, (etree._Element, etree._ElementTree)) or _bs4_tag(page) is not None


def markup_of(page: object) -> tuple[str, str | None]:
    """The markup of a parsed page, and the document url lxml recorded (`base_url=`), if any.

    An lxml element gives its own subtree (without its tail text: the text after the
    element belongs to its parent); an lxml ElementTree or a BeautifulSoup the whole
    document, doctype included. Raises InputError for anything else, and for an lxml
    comment or processing instruction (not a page).
    """
    from lxml import etree

    if isinstance(page, etree._ElementTree):
        root = page.getroot()
        if root is None:
            raise InputError("the lxml tree has no root element")
        url = page.docinfo.URL
        return etree.tostring(page, encoding="unicode", method="html"), url if isinstance(url, str) else None
    if isinstance(page, etree._Element):
        if not isinstance(page.tag, str):
            raise InputError("an lxml comment, entity or processing instruction is not a page")
        url = page.getroottree().docinfo.URL
        markup = etree.tostring(page, encoding="unicode", method="html", with_tail=False)
        return markup, url if isinstance(url, str) else None
    tag = _bs4_tag(page)
    if tag is not None:
        return str(tag.decode()), None
    raise InputError(
        f"a page is bytes, str, an lxml element or tree, or a BeautifulSoup / bs4 Tag, not {type(page).__name__}"
    )
