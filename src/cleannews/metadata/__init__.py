"""Metadata: title, authors, date, description, site, language, section, images.

Sources, in order of trust: JSON-LD, OpenGraph / article:* / Twitter / Dublin Core
meta tags, microdata and RDFa, `<time datetime>`, visible bylines and dates near
the top of the article, dates in the URL, and htmldate as the last resort for the
date. Fields are reconciled, not first-wins: a title two sources agree on beats
the first one, site names are stripped, authors are split and cleaned, the
publication date is kept apart from the modification date.

For dumps (no tree) the lines the dump cleaners mark with a `Removal.role` are
parsed; the public helpers (`parse_byline`, `parse_date_text`, `parse_caption`)
are there for those cleaners too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING

from cleannews.metadata.byline import clean_authors, looks_like_byline, parse_byline
from cleannews.metadata.dates import date_from_url, parse_date_text, parse_iso
from cleannews.metadata.images import parse_caption
from cleannews.metadata.meta import first_poster
from cleannews.metadata.title import heading_text, title_for_page_type
from cleannews.metadata.values import clean_value
from cleannews.models import BlockKind, Metadata, Removal

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.document import Document
    from cleannews.scoring import Selection

__all__ = [
    "adjust_for_page_type",
    "clean_authors",
    "date_from_url",
    "looks_like_byline",
    "parse_byline",
    "parse_caption",
    "parse_date_text",
    "parse_iso",
    "read_metadata",
]


def read_metadata(doc: Document, removed: Mapping[int, Removal], selection: Selection) -> Metadata:
    """Read the page's metadata. Bad markup gives fewer fields, and what a source
    failed on is named in `Metadata.errors`; there is no blanket guard here, so an
    exception out of this stage is a bug in it, surfaced rather than hidden behind
    an empty title and date."""
    kept = selection.kept
    if doc.tree is None:
        from cleannews.metadata.dump import read_dump_metadata

        return read_dump_metadata(doc, removed, kept)
    from cleannews.metadata.html import read_html_metadata

    return read_html_metadata(doc, removed, kept)


def adjust_for_page_type(meta: Metadata, doc: Document, page_type: str) -> Metadata:
    """`meta` with the fields a page of its type goes by, once the type is known (the
    page-type classifier decides from the metadata, its title among the features, so
    this cannot be part of `read_metadata`):

    - a page that is not an article goes by its `<h1>` when its title is that heading
      plus a site or search-engine tail (`title.title_for_page_type`); the explain
      view's title block becomes that heading's;
    - a forum page's author is its first post's poster (`meta.first_poster`), a user
      name the byline rules would reject as not a person's.
    """
    if page_type == "article":
        return meta
    changes: dict[str, object] = {}
    if meta.title:
        h1s = [b for b in doc.blocks if b.kind is BlockKind.HEADING and b.level == 1]
        title = title_for_page_type(meta.title, [b.text for b in h1s], False,
                                    clean_value(getattr(doc, "title", None)))
        if title != meta.title:
            head = next((b.index for b in h1s if heading_text(b.text) == title), None)
            changes["title"] = title
            changes["read_blocks"] = tuple(sorted([(i, f) for i, f in meta.read_blocks if f != "title"]
                                                  + ([(head, "title")] if head is not None else [])))
    if page_type == "forum" and doc.tree is not None:
        poster = first_poster(doc.elements)
        if poster is not None:
            changes["authors"] = (poster,)
    return dataclasses.replace(meta, **changes) if changes else meta  # type: ignore[arg-type]
