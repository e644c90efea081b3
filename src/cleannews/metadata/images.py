"""Article images: the lead and in-article images with their captions and credits.

HTML pages: the images the segmenter found (`Document.images`) that sit inside or
just before the selected body, each with the caption block that follows it; the
page's og:image / JSON-LD image as the lead when none is found. Dumps: Markdown
image blocks and the lines the dump cleaners mark as "caption" / "credit".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from cleannews.document.html import is_script_url
from cleannews.models import Block, BlockKind, Image, Removal

#: "Caption | Image: AP", "Caption (Photo: Jane Doe/Reuters)", "Caption. Credit: X", "© X".
_LABELLED_CREDIT = re.compile(
    r"\s*(?:[|•·]\s*|\(\s*)?\b(?:image|photo|photograph|picture|pic|credit|source|foto|bild|crédit|"
    r"crédito|quelle|fotó|kuva|illustration|video)s?\s*(?:credit)?\s*:\s*([^()|]{2,80}?)\s*\)?\s*$",
    re.I,
)
_COPYRIGHT = re.compile(r"\s*(?:©|\(c\)|copyright)\s*([^©]{2,80}?)\s*$", re.I)
#: A trailing bracketed credit: "... on January 6. [Anthony Wallace/AFP]". It stays in
#: the caption text (it reads as part of it) and is reported as the credit too.
_BRACKET_CREDIT = re.compile(r"[\[(]([^\[\]()]{2,60}/[^\[\]()]{2,30}|[A-Z][\w.\- ]{1,40}/(?:AFP|AP|Reuters|Getty Images|EPA|Shutterstock))[\])]\s*$")
#: How many blocks before the first body block an image may sit and still be the
#: lead image (headline, standfirst, byline and date lines come in between).
LEAD_WINDOW = 8
#: Cap on images reported: galleries are not article images.
MAX_IMAGES = 10


def parse_caption(text: str | None) -> tuple[str | None, str | None]:
    """Split a caption line into (caption, credit).

    "Blinken warns ... | Image: AP" -> ("Blinken warns ...", "AP");
    "Passersby watch ... [Anthony Wallace/AFP]" -> (the whole line, "Anthony Wallace/AFP");
    "Photo: Jane Doe" -> (None, "Jane Doe"). Never raises.
    """
    if not text or not isinstance(text, str):
        return None, None
    s = " ".join(text.split())
    m = _LABELLED_CREDIT.search(s)
    if m:
        caption = s[: m.start()].strip(" |•·-–—") or None
        return caption, m.group(1).strip() or None
    m = _COPYRIGHT.search(s)
    if m and m.start() > 0:
        return s[: m.start()].strip(" |•·-–—") or None, m.group(1).strip()
    if m:
        return None, m.group(1).strip()
    m = _BRACKET_CREDIT.search(s)
    if m:
        return s, m.group(1).strip()
    return s or None, None


def _caption_after(blocks: Sequence[Block], i: int) -> Block | None:
    for j in range(i, min(i + 2, len(blocks))):
        if blocks[j].kind is BlockKind.CAPTION:
            return blocks[j]
    return None


def html_images(
    blocks: Sequence[Block], images: Sequence[tuple[int, Image]], kept: Sequence[int], lead_src: Sequence[str]
) -> tuple[Image, ...]:
    """Images inside the body (or just before it), with their captions and credits."""
    out: list[Image] = []
    seen: set[str] = set()
    if kept:
        lo, hi = min(kept) - LEAD_WINDOW, max(kept) + 1
        for idx, img in images:
            if not (lo <= idx <= hi) or not img.src or img.src in seen:
                continue
            if img.src.startswith("data:"):
                continue
            cap_block = _caption_after(blocks, idx)
            caption, credit = parse_caption(cap_block.text) if cap_block else (None, None)
            # Images with neither caption nor alt text inside the body are icons and spacers.
            if caption is None and not img.alt and idx > min(kept):
                continue
            seen.add(img.src)
            out.append(Image(src=img.src, caption=caption, credit=credit, alt=img.alt))
            if len(out) >= MAX_IMAGES:
                break
    if not out:
        for src in lead_src:
            if src and src not in seen and not is_script_url(src):
                out.append(Image(src=src))
                break
    return tuple(out)


def dump_images(blocks: Sequence[Block], removed: Mapping[int, Removal], kept: Sequence[int]) -> tuple[Image, ...]:
    """Images of a text or Markdown dump: image blocks and caption / credit lines."""
    out: list[Image] = []
    try:
        first = min(kept) if kept else len(blocks)
        for b in blocks:
            role = removed[b.index].role if b.index in removed else None
            if b.kind is BlockKind.IMAGE:
                src = b.attrs.get("src") if b.attrs else None
                alt = (b.attrs.get("alt") if b.attrs else None) or b.text or None
                caption, credit = parse_caption(alt)
                if b.index > first + 1 and not caption:
                    continue
                out.append(Image(src=src, caption=caption, credit=credit, alt=alt))
            elif role == "caption":
                caption, credit = parse_caption(b.text)
                if out and out[-1].caption is None:
                    prev = out.pop()
                    out.append(Image(src=prev.src, caption=caption, credit=credit or prev.credit, alt=prev.alt))
                else:
                    out.append(Image(caption=caption, credit=credit))
            elif role == "credit":
                _, credit = parse_caption(b.text)
                credit = credit or b.text.strip() or None
                if out and out[-1].credit is None:
                    prev = out.pop()
                    out.append(Image(src=prev.src, caption=prev.caption, credit=credit, alt=prev.alt))
                else:
                    out.append(Image(credit=credit))
            if len(out) >= MAX_IMAGES:
                break
    except Exception:  # noqa: BLE001 - never raise on odd blocks
        return tuple(out)
    return tuple(out)


def first_image_src(values: Sequence[Any]) -> list[str]:
    return [v for v in values if isinstance(v, str) and v.strip() and not is_script_url(v)]
