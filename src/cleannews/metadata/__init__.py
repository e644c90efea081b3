"""Metadata: title, authors, date, description, site, language, section, images."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from cleannews.models import Metadata, Removal

if TYPE_CHECKING:  # pragma: no cover
    from cleannews.document import Document
    from cleannews.scoring import Selection


def read_metadata(doc: Document, removed: Mapping[int, Removal], selection: Selection) -> Metadata:
    """Read the page's metadata. Placeholder until the metadata module lands."""
    title = None
    if doc.tree is not None:
        t = doc.tree.find(".//title")
        if t is not None and t.text:
            title = " ".join(t.text.split())
    return Metadata(title=title, url=doc.page.url)
