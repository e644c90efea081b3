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
from cleannews.lang import merged_metadata
from cleannews.metadata.byline import looks_like_byline
from cleannews.metadata.dates import parse_date_text
from cleannews.models import Block, BlockKind, Image, Removal, Role

#: "Caption | Image: AP", "Caption (Photo: Jane Doe/Reuters)", "Caption. Credit: X", "© X".
_LABELLED_CREDIT = re.compile(
    r"\s*(?:[|•·]\s*|\(\s*)?\b(?:" + "|".join(merged_metadata().credit_labels) + r")s?\s*(?:credit)?\s*:\s*((?:[^()|]|\([^()|]*\)){2,80}?)\s*\)?\s*$",
    re.IGNORECASE,
)
#: "Caption. Photo by Jane Doe", "Photo courtesy of X" (WordPress credits under a
#: `wp-caption-text`, Unsplash's "Photo by X on Unsplash").
_BY_CREDIT = re.compile(
    r"\s*(?:[|•·]\s*|\(\s*)?\b(?:" + "|".join(merged_metadata().credit_nouns) + r")s?\s+"
    r"(?:" + "|".join(merged_metadata().credit_by) + r")\s+([^()|]{2,80}?)\s*\)?\s*$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"\s*(?:©|\(c\)|copyright)\s*([^©]{2,80}?)\s*$", re.IGNORECASE)
#: A trailing bracketed credit: "... on January 6. [Anthony Wallace/AFP]". It stays in
#: the caption text (it reads as part of it) and is reported as the credit too.
_BRACKET_CREDIT = re.compile(r"[\[(]([^\[\]()]{2,60}/[^\[\]()]{2,30}|[A-Z][\w.\- ]{1,40}/(?:AFP|AP|Reuters|Getty Images|EPA|Shutterstock))[\])]\s*$")
#: How many blocks before the first body block an image may sit and still be the
#: lead image (headline, standfirst, byline and date lines come in between).
LEAD_WINDOW = 8
#: Cap on images without a caption reported: beyond a few, uncaptioned images are
#: galleries and teasers. Captioned ones are the article's (a gallery of the story's
#: own photos, each with its caption: 15 on a Berliner Morgenpost report) up to
#: MAX_CAPTIONED_IMAGES.
MAX_IMAGES = 10
MAX_CAPTIONED_IMAGES = 40


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
    m = _BY_CREDIT.search(s)
    if m:
        return s[: m.start()].strip(" |•·-–—") or None, m.group(1).strip() or None
    m = _COPYRIGHT.search(s)
    if m and m.start() > 0:
        return s[: m.start()].strip(" |•·-–—") or None, m.group(1).strip()
    if m:
        return None, m.group(1).strip()
    m = _BRACKET_CREDIT.search(s)
    if m:
        return s, m.group(1).strip()
    return s or None, None


#: Class/id tokens of an element that holds an image's caption when the page does not
#: use `<figcaption>`: WordPress `wp-caption-text`, "image-caption", "media-caption",
#: "fig__caption", German "Bildunterschrift"/"bildtext", French/Spanish "legende"/
#: "leyenda"; or an image/figure container's text, description or info element
#: ("detail-img__description", "mediainfo", "image-text").
CAPTION_CUES = re.compile(
    r"caption|legend|leyenda|bildunterschrift|bildtext|unterschrift|"
    r"(?:img|image|photo|picture|media|figure|fig|bild|foto|slide)[\w-]{0,16}?(?:desc|info|text|subtitle|credit)"
)
#: Class/id tokens of an image's container: a short text in one, right after the
#: image, is its caption ("wrapper-image", "newsitem-image ... info").
IMAGE_CONTAINER_CUES = re.compile(r"img|image|photo|picture|figure|media|foto|bild|gallery")
#: Media players' containers and a clip's length ("01:43 min", "02:57 Min."): their
#: text is controls and durations, not a caption.
_PLAYER_CUES = re.compile(r"video|audio|player|podcast")
_DURATION = re.compile(r"\b\d{1,2}:\d{2}\s*min\b", re.IGNORECASE)
#: A line of at most this many words that holds a date is a date line ("03.05.2024,
#: 16:24 Uhr", "Updated May 2, 2024 at 9:14 am"), not a caption.
MAX_DATE_LINE_WORDS = 8
#: A caption is at most this long; longer text beside an image is the article's prose.
MAX_CAPTION_CHARS = 600
#: Cues and sources of a person's picture: the byline's avatar, an author box.
_AVATAR = re.compile(r"avatar|author|autor|byline|profile|gravatar|headshot|mugshot", re.IGNORECASE)


#: Per-call memo of a cue pattern's answer on one element's class/id: (pattern, node) -> match.
_Memo = dict[tuple[str, int], bool]


def _near_has(rx: re.Pattern[str], b: Block, node_cues: Mapping[int, str], memo: _Memo) -> bool:
    """Whether the class/id of the block's element or of its two nearest ancestors
    matches `rx`, answered element by element and remembered: the caption scan tests
    every block of the body, and neighbouring blocks share their ancestors (the
    joined string searched a block at a time cost 2 ms a page on wcxb-dev). None of
    the cue patterns matches a space, so testing the elements one by one answers as
    searching their joined cues did."""
    if not node_cues:
        return bool(rx.search(b.cues[-80:]))
    for n in (*b.ancestors[-2:], b.node):
        key = (rx.pattern, n)
        hit = memo.get(key)
        if hit is None:
            hit = memo[key] = bool(rx.search(node_cues.get(n, "")))
        if hit:
            return True
    return False


def _not_a_caption(b: Block, node_cues: Mapping[int, str], memo: _Memo) -> bool:
    """Text that sits in image and media containers but describes no picture: a
    byline or author box, a date line, a video or audio player's controls."""
    text = b.text
    if b.kind is BlockKind.HEADING or len(text) > MAX_CAPTION_CHARS:
        return True
    if _near_has(_PLAYER_CUES, b, node_cues, memo) or _DURATION.search(text):
        return True
    if _near_has(_AVATAR, b, node_cues, memo) or looks_like_byline(text):
        return True
    return len(text.split()) <= MAX_DATE_LINE_WORDS and parse_date_text(text) is not None


def _strong_caption(b: Block, node_cues: Mapping[int, str], memo: _Memo) -> bool:
    """A block whose own or parents' class says caption, wherever it stands."""
    return _near_has(CAPTION_CUES, b, node_cues, memo) and not _not_a_caption(b, node_cues, memo)


def _is_caption(b: Block, node_cues: Mapping[int, str], memo: _Memo, after_image: bool = False) -> bool:
    """A figcaption or a caption-classed block; right after an image, also a short
    text in the image's container."""
    if b.kind is BlockKind.CAPTION:
        return not _not_a_caption(b, node_cues, memo)
    if _strong_caption(b, node_cues, memo):
        return True
    return (after_image and _near_has(IMAGE_CONTAINER_CUES, b, node_cues, memo)
            and not _not_a_caption(b, node_cues, memo))


def _caption_after(blocks: Sequence[Block], i: int, node_cues: Mapping[int, str], memo: _Memo) -> Block | None:
    """The caption of the image that stands before block `i`: a figcaption, or an
    element whose own or parents' class says caption, among the next two blocks; or
    the next block when it sits in the image's container."""
    for j in range(i, min(i + 2, len(blocks))):
        if _is_caption(blocks[j], node_cues, memo, after_image=j == i):
            return blocks[j]
    return None


def _is_avatar(img: Image, nxt: Block | None, node_cues: Mapping[int, str], memo: _Memo) -> bool:
    """A byline's or author box's portrait: its address or the text after it says so
    (the author's name, in an element classed author/byline)."""
    if _AVATAR.search(img.src or ""):
        return True
    return nxt is not None and _near_has(_AVATAR, nxt, node_cues, memo) and not _is_caption(nxt, node_cues, memo)


def html_images(
    blocks: Sequence[Block], images: Sequence[tuple[int, Image]], kept: Sequence[int], lead_src: Sequence[str],
    node_cues: Mapping[int, str] | None = None, headline: int | None = None,
) -> tuple[Image, ...]:
    """The article's images (see `html_images_and_captions`)."""
    return html_images_and_captions(blocks, images, kept, lead_src, node_cues, headline)[0]


def html_images_and_captions(
    blocks: Sequence[Block], images: Sequence[tuple[int, Image]], kept: Sequence[int], lead_src: Sequence[str],
    node_cues: Mapping[int, str] | None = None, headline: int | None = None,
) -> tuple[tuple[Image, ...], tuple[int, ...]]:
    """Images inside the body (or just before it, or under the headline at block
    `headline` when the body starts further down: a hero image with its caption),
    with their captions and credits, in page order; not the byline's avatar.

    A caption whose image could not be read (a `<picture>` of `<source>`s only, an
    image a script inserts) is still the article's image: it is reported with
    `src=None` and its caption, where a figcaption or a caption-classed element says so."""
    cues = node_cues or {}
    memo: _Memo = {}
    found: list[tuple[int, Image]] = []
    caption_blocks: list[int] = []
    if kept:
        lo, hi = min(kept) - LEAD_WINDOW, max(kept) + 1
        if headline is not None and headline < lo:
            lo = headline
        seen: set[tuple[str, str | None]] = set()
        used: set[int] = set()
        bare = 0
        for idx, img in images:
            if not (lo <= idx <= hi) or not img.src or img.src.startswith("data:"):
                continue
            cap_block = _caption_after(blocks, idx, cues, memo)
            if cap_block is not None and cap_block.index in used:
                cap_block = None  # a gallery's images before one shared caption: the first has it
            if cap_block is None and _is_avatar(img, blocks[idx] if idx < len(blocks) else None, cues, memo):
                continue
            caption, credit = parse_caption(cap_block.text) if cap_block else (None, None)
            # Images with neither caption nor alt text inside the body are icons and spacers.
            if caption is None and not img.alt and idx > min(kept):
                continue
            if (img.src, caption) in seen or (caption is None and bare >= MAX_IMAGES):
                continue
            seen.add((img.src, caption))
            bare += caption is None
            if cap_block is not None:
                used.add(cap_block.index)
            found.append((idx, Image(src=img.src, caption=caption, credit=credit, alt=img.alt)))
        for b in blocks[max(0, lo):hi + 1]:
            if b.index in used or not _is_caption(b, cues, memo):
                continue
            caption, credit = parse_caption(b.text)
            if caption and all(i.caption != caption for _, i in found):
                found.append((b.index, Image(caption=caption, credit=credit)))
                caption_blocks.append(b.index)
        found.sort(key=lambda x: x[0])
        caption_blocks.extend(used)
    out = [img for _, img in found[:MAX_CAPTIONED_IMAGES]]
    if not out:
        for src in lead_src:
            if src and not is_script_url(src):
                out.append(Image(src=src))
                break
    return tuple(out), tuple(sorted(caption_blocks))


def dump_images(blocks: Sequence[Block], removed: Mapping[int, Removal], kept: Sequence[int]) -> tuple[Image, ...]:
    """Images of a text or Markdown dump: image blocks and caption / credit lines."""
    out: list[Image] = []
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
        elif role is Role.CAPTION:
            caption, credit = parse_caption(b.text)
            if out and (out[-1].caption is None or out[-1].src and out[-1].caption == parse_caption(out[-1].alt)[0]):
                # the caption line under a Markdown image is its caption; the image's alt
                # text only stood in for one (never a second image without a src)
                prev = out.pop()
                out.append(Image(src=prev.src, caption=caption, credit=credit or prev.credit, alt=prev.alt))
            else:
                out.append(Image(caption=caption, credit=credit))
        elif role is Role.CREDIT:
            _, credit = parse_caption(b.text)
            credit = credit or b.text.strip() or None
            if out and out[-1].credit is None:
                prev = out.pop()
                out.append(Image(src=prev.src, caption=prev.caption, credit=credit, alt=prev.alt))
            else:
                out.append(Image(credit=credit))
        if len(out) >= MAX_IMAGES:
            break
    return tuple(out)


def first_image_src(values: Sequence[Any]) -> list[str]:
    return [v for v in values if isinstance(v, str) and v.strip() and not is_script_url(v)]
