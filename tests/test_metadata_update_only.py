"""A page whose only date is its update: hand-written pages only."""

from __future__ import annotations

from cleannews.document import build_document
from cleannews.metadata import html
from cleannews.metadata.html import read_html_metadata
from cleannews.models import Page

UPDATED_ONLY = """<html><head><title>How to repot a fern without hurting it</title></head><body>
<article><h1>How to repot a fern without hurting it</h1>
<p class="updated">Updated: November 18, 2025</p>
<p>Ferns grow roots in a tight mat, so the first step is to water the pot the evening before.</p>
<p>Tip the pot on its side and slide the whole mat out in one piece; never pull the fronds.</p>
<p>Set it in a pot one size larger with fresh, loose compost and water it from below.</p></article></body></html>"""


def _meta(html: str, url: str):
    doc = build_document(Page(html, "html", url))
    kept = tuple(b.index for b in doc.blocks if b.kind.name == "PARAGRAPH")
    return read_html_metadata(doc, {}, kept, fallback=False)


def test_a_pages_only_date_its_update_is_its_publication_date_too(monkeypatch):
    m = _meta(UPDATED_ONLY, "https://garden.example/ferns/repotting")
    assert m.modified is not None and m.modified.isoformat()[:10] == "2025-11-18"
    assert m.date == m.modified
    monkeypatch.setattr(html, "ONLY_UPDATE_IS_PUBLISHED", False)
    assert _meta(UPDATED_ONLY, "https://garden.example/ferns/repotting").date is None
