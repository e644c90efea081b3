"""The last stage: kept blocks, metadata and quotes into one frozen Article."""

from __future__ import annotations

from collections.abc import Callable

from cleannews.document import Document
from cleannews.models import Article, BlockKind, BodyBlock, Image, Metadata, Quote
from cleannews.scoring import Selection

#: Kinds that never go into the body (they feed Article.images).
_NOT_BODY = (BlockKind.CAPTION, BlockKind.IMAGE)


def body_blocks(doc: Document, selection: Selection) -> tuple[BodyBlock, ...]:
    out: list[BodyBlock] = []
    for i in selection.kept:
        b = doc.blocks[i]
        if b.kind in _NOT_BODY:
            continue
        out.append(BodyBlock(kind=b.kind, text=b.text, level=b.level))
    return tuple(out)


def assemble(
    doc: Document,
    selection: Selection,
    meta: Metadata,
    find_quotes: Callable[[str], tuple[Quote, ...]],
) -> Article:
    blocks = body_blocks(doc, selection)
    body = "\n\n".join(b.text for b in blocks)
    quotes = find_quotes(body) if body else ()
    images: tuple[Image, ...] = meta.images
    return Article(
        title=meta.title,
        description=meta.description,
        authors=meta.authors,
        byline=meta.byline,
        date=meta.date,
        modified=meta.modified,
        body=body,
        blocks=blocks,
        quotes=quotes,
        images=images,
        site_name=meta.site_name,
        url=meta.url or doc.page.url,
        language=meta.language,
        section=meta.section,
        is_article=selection.is_article and bool(body),
        reason=None if (selection.is_article and body) else (selection.reason or "no article text found"),
    )
