"""The HTML scorer's layout rules, on small hand-written pages."""

from __future__ import annotations

import cleannews

PARA = (
    "The committee met on Tuesday to discuss the new harbour timetable, and members agreed "
    "that the ferry would run every twenty minutes during the summer months."
)


def _page(body: str, title: str = "A test page") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def test_short_line_above_a_paragraph_is_a_pseudo_heading_not_a_label():
    html = _page(
        "<article>"
        f"<p>{PARA}</p>"
        "<div>Step 1</div>"
        f"<p>{PARA.replace('Tuesday', 'Monday')}</p>"
        "<div>Zoom gallery</div><div>Close window</div>"
        f"<p>{PARA.replace('Tuesday', 'Friday')}</p>"
        "</article>"
    )
    body = cleannews.extract(html).body
    assert "Step 1" in body
    assert "Zoom gallery" not in body  # a label followed by another label
