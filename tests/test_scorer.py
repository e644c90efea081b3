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


def test_a_short_part_between_two_parts_of_a_split_body_is_kept():
    long_part = f'<div class="step"><div class="text"><p>{PARA}</p><p>{PARA}</p></div></div>'
    short_part = (
        '<div class="step"><div class="text"><p>Insert the plant into the hole.</p>'
        "<figure><img src='b.jpg'><figcaption>The plant in its hole</figcaption></figure></div></div>"
    )
    html = _page(
        "<main>"
        + long_part
        + '<div class="figure-box"><figure><img src="a.jpg"><figcaption>A picture</figcaption></figure></div>'
        + short_part
        + long_part.replace("Tuesday", "Sunday")
        + '<div class="more"><ul>'
        + "".join(f'<li><a href="/{i}">Another story about ferries, number {i}</a></li>' for i in range(12))
        + "</ul></div>"
        + "</main>"
    )
    body = cleannews.extract(html).body
    assert "Insert the plant into the hole." in body
    assert "Sunday" in body
    assert "Another story" not in body
