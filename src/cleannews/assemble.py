"""Kept blocks and metadata into one frozen Article (its quotes are the next stage's:
`pipeline.run` finds them in the body assembled here, so their offsets are into it)."""

from __future__ import annotations

import dataclasses
from urllib.parse import urljoin, urlsplit

from cleannews.document import Document
from cleannews.models import Article, BlockKind, BodyBlock, Image, Metadata
from cleannews.pagetype import PageType
from cleannews.scoring import Selection

#: Kinds that never go into the body (they feed Article.images).
_NOT_BODY = (BlockKind.CAPTION, BlockKind.IMAGE)


def body_blocks(doc: Document, selection: Selection) -> tuple[BodyBlock, ...]:
    """The kept blocks as body blocks, in order; a group of `selection.items` (one
    item of a collection's or listing's grid) is one list block, its blocks' texts one
    a line (the item's title, then its teaser, price...)."""
    first = {g[0]: g for g in selection.items}
    grouped = {i for g in selection.items for i in g[1:]}
    out: list[BodyBlock] = []
    for i in selection.kept:
        if i in grouped:
            continue
        group = first.get(i)
        if group is not None:
            texts = [doc.blocks[j].text for j in group if doc.blocks[j].kind not in _NOT_BODY]
            if texts:
                out.append(BodyBlock(kind=BlockKind.LIST_ITEM, text="\n".join(texts)))
            continue
        b = doc.blocks[i]
        if b.kind in _NOT_BODY:
            continue
        out.append(BodyBlock(kind=b.kind, text=b.text, level=b.level))
    return tuple(out)


def absolute_images(images: tuple[Image, ...], base: str | None) -> tuple[Image, ...]:
    """Image addresses made absolute against the page's address, as a browser
    would resolve them, so a consumer can fetch them without the page; without
    an http(s) base they stay as the page wrote them."""
    if not base:
        return images
    try:
        scheme = urlsplit(base).scheme
    except ValueError:  # a malformed page address (bad IPv6 literal): nothing to resolve against
        return images
    if scheme not in ("http", "https"):
        return images
    out = []
    for img in images:
        if img.src and not img.src.startswith("data:"):
            try:
                img = dataclasses.replace(img, src=urljoin(base, img.src))
            except ValueError:  # a malformed address (bad IPv6 literal) stays as written
                pass
        out.append(img)
    return tuple(out)


def assemble(
    doc: Document,
    selection: Selection,
    meta: Metadata,
    page_type: PageType | None = None,
) -> Article:
    """The Article; `page_type` (from `pagetype.classify`) decides `is_article` and
    `reason`. Without one (callers from before page types), the selection's verdict
    stands, as it did then."""
    blocks = body_blocks(doc, selection)
    body = "\n\n".join(b.text for b in blocks)
    # the address the page was fetched from resolves relative paths (as in a
    # browser); the canonical address only stands in when none was given
    images = absolute_images(meta.images, doc.page.url or meta.url)
    return Article(
        title=meta.title,
        description=meta.description,
        authors=meta.authors,
        byline=meta.byline,
        date=meta.date,
        modified=meta.modified,
        body=body,
        blocks=blocks,
        images=images,
        site_name=meta.site_name,
        url=meta.url or doc.page.url,
        language=meta.language,
        section=meta.section,
        is_article=page_type.is_article if page_type else selection.is_article and bool(body),
        reason=page_type.reason if page_type else (
            None if (selection.is_article and body) else (selection.reason or "no article text found")
        ),
        page_type=page_type.page_type if page_type else ("article" if selection.is_article and body else "error"),
    )
