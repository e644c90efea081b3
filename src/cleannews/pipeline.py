"""The stages as a short list of calls; data flows one way.

    load -> Page -> document -> Document -> cleaners -> removals
         -> scoring -> Selection -> metadata -> Metadata -> quotes -> assemble -> Article

`run()` returns the Article together with the intermediate results (a `Trace`) so
the explain view can show every decision without a second code path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cleannews.assemble import assemble
from cleannews.cleaners.base import Cleaner
from cleannews.cleaners.registry import resolve, run_cleaners
from cleannews.document import Document, build_document
from cleannews.load import load
from cleannews.metadata import read_metadata
from cleannews.models import Article, Metadata, PageKind, Removal
from cleannews.quotes import find_quotes
from cleannews.scoring import Selection, select_blocks


@dataclass(frozen=True)
class Trace:
    """Everything the pipeline decided for one page."""

    document: Document
    cleaners: tuple[Cleaner, ...]
    removed: dict[int, Removal]
    selection: Selection
    metadata: Metadata
    article: Article


def run(
    data: bytes | str,
    *,
    url: str | None = None,
    kind: PageKind | None = None,
    cleaners: Iterable[Cleaner | type[Cleaner] | str] | None = None,
) -> Trace:
    page = load(data, url=url, kind=kind)
    doc = build_document(page)
    active = resolve(cleaners)
    removed = run_cleaners(doc, active)
    selection = select_blocks(doc, removed)
    meta = read_metadata(doc, removed, selection)
    article = assemble(doc, selection, meta, find_quotes)
    return Trace(doc, active, removed, selection, meta, article)
