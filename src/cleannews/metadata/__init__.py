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

from collections.abc import Mapping
from typing import TYPE_CHECKING

from cleannews.metadata.byline import clean_authors, looks_like_byline, parse_byline
from cleannews.metadata.dates import date_from_url, parse_date_text, parse_iso
from cleannews.metadata.images import parse_caption
from cleannews.models import Metadata, Removal

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.document import Document
    from cleannews.scoring import Selection

__all__ = [
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
