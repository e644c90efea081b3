"""Metadata of plain-text and Markdown dumps.

The dump cleaners mark metadata lines as removed with a `Removal.role` ("title",
"description", "byline", "date", "modified", "section", "caption", "credit",
"site_name"); those are parsed here. Where a role is missing, the lines before the
body are read with the same parsers: a "By ..." line is the byline, a
"Published ..." line the date, the first heading-like line the title.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from cleannews.lang import merged_metadata
from cleannews.metadata.byline import MAX_BYLINE_CHARS, looks_like_byline, parse_byline
from cleannews.metadata.dates import (
    date_from_url,
    parse_date_text,
    split_labelled_dates,
)
from cleannews.metadata.images import dump_images
from cleannews.metadata.language import guess_language
from cleannews.models import Block, BlockKind, Metadata, Removal, Role
from cleannews.text import function_word, title_case

#: A title line: a few words, no sentence end. News headlines run 4-25 words.
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30
#: A standfirst (description) line right after the title: one or two sentences.
DESC_MIN_WORDS = 6
DESC_MAX_WORDS = 70
#: A body paragraph long enough that the head of the article must lie above it.
BODY_MIN_WORDS = 40
_DATE_LINE = re.compile(r"^\s*(?:" + "|".join(merged_metadata().dump_date_labels) + r")\b", re.IGNORECASE)
_LINKISH = re.compile(r"https?://|\]\(|^\W*$")
#: An accessibility skip link, the first line of many text renderings ("Skip to main
#: content", "Jump to navigation"): never the title. Sites write it in English
#: whatever their language, so the English words suffice.
_SKIP_LINK = re.compile(r"^\s*(?:skip|jump)\s+(?:to|navigation)\b", re.IGNORECASE)
#: A title candidate that shares at least this share of its words with the url's slug
#: is the headline (the slug is made from it), ahead of an earlier heading-like line.
SLUG_OVERLAP = 0.5
#: A short head line that is mostly a date ("3 May 2024", "Mai 3, 2024 · 5 min") is
#: the publication date when no labelled line gives one.
DATE_LINE_CHARS = 64


def _role_text(blocks: Sequence[Block], removed: Mapping[int, Removal], role: Role) -> list[Block]:
    return [blocks[r.index] for r in sorted(removed.values(), key=lambda r: r.index)
            if r.role == role and 0 <= r.index < len(blocks)]


def _head_blocks(blocks: Sequence[Block], kept: Sequence[int]) -> list[Block]:
    """The blocks above the body: before the first kept block, else before the first long paragraph."""
    if kept:
        return list(blocks[: min(kept)])
    for b in blocks:
        if len(b.text.split()) >= BODY_MIN_WORDS:
            return list(blocks[: b.index])
    return list(blocks[:30])


#: Share of the other words a title-case headline capitalises; sentences capitalise
#: only names, well under half of their words.
TITLE_CASE_SHARE = 0.7


def _title_case(text: str) -> bool:
    """ "Only 24 Percent of Clinton's Donors Are Small Donors." is a headline a dump
    closed with a full stop (some converters add one to every line), not a sentence."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", text) if not function_word(w)]
    return len(words) >= TITLE_MIN_WORDS and title_case(words, share=TITLE_CASE_SHARE)


def _is_title_like(b: Block) -> bool:
    text = b.text.strip()
    n = len(text.split())
    if b.kind is BlockKind.HEADING:
        return n >= 2
    if not (TITLE_MIN_WORDS <= n <= TITLE_MAX_WORDS) or _LINKISH.search(text):
        return False
    if text.endswith((".", ":", "?!")) and not text.endswith("?") and not (text.endswith(".") and _title_case(text)):
        return False
    if looks_like_byline(text) or _DATE_LINE.match(text) or _SKIP_LINK.match(text):
        return False
    # headlines capitalise their first word
    return text[:1].isupper() or not text[:1].isalpha()


def _slug_words(url: str | None) -> set[str]:
    if not url or "://" not in url:
        return set()
    path = url.split("://", 1)[1].split("?", 1)[0].split("#", 1)[0]
    slug = max(path.split("/")[1:] or [""], key=len)
    return {w for w in re.split(r"[\W_]+", slug.casefold()) if len(w) > 2 and not w.isdigit()}


def _slug_match(cands: Sequence[Block], url: str | None) -> Block | None:
    """The candidate the url's slug was made from: "/how-we-fixed-the-harbour/" under
    the line "How we fixed the harbour", below a menu's heading-like lines."""
    slug = _slug_words(url)
    if len(slug) < 2:
        return None
    best, best_share = None, SLUG_OVERLAP
    for b in cands:
        words = {w for w in re.split(r"\W+", b.text.casefold()) if len(w) > 2}
        share = len(words & slug) / len(slug) if words else 0.0
        if share > best_share or (share >= SLUG_OVERLAP and best is None and share == best_share):
            best, best_share = b, share
    return best


def read_dump_metadata(doc: Any, removed: Mapping[int, Removal], kept: Sequence[int]) -> Metadata:
    blocks = doc.blocks
    def first(role: Role) -> str | None:
        return next((b.text.strip() for b in _role_text(blocks, removed, role) if b.text.strip()), None)

    head = _head_blocks(blocks, kept)
    head = [b for b in head if b.kind is not BlockKind.IMAGE]

    title = first(Role.TITLE)
    title_block = None
    if title is None:
        # the first heading, else the first title-like line
        cands = [b for b in head if _is_title_like(b)]
        heads = [b for b in cands if b.kind is BlockKind.HEADING]
        if not cands and len(kept) > 1 and _is_title_like(blocks[min(kept)]):
            # a dump that opens with its headline (no menus above): the scorer keeps
            # it with the text under it
            cands = [blocks[min(kept)]]
        title_block = _slug_match(cands, doc.page.url) or next(iter(heads or cands), None)
        title = title_block.text.strip() if title_block is not None else None

    description = first(Role.DESCRIPTION)
    if description is None and title_block is not None:
        for b in head:
            if b.index <= title_block.index:
                continue
            n = len(b.text.split())
            if DESC_MIN_WORDS <= n <= DESC_MAX_WORDS and not looks_like_byline(b.text) and not _DATE_LINE.match(b.text):
                description = b.text.strip()
            break

    byline = first(Role.BYLINE)
    if byline is None:
        byline = next((b.text.strip() for b in head if looks_like_byline(b.text.strip())
                       and len(b.text) <= MAX_BYLINE_CHARS), None)
    authors = parse_byline(byline) if byline else ()

    date = modified = None
    for b in _role_text(blocks, removed, Role.DATE):
        date = date or parse_date_text(b.text)
    for b in _role_text(blocks, removed, Role.MODIFIED):
        modified = modified or parse_date_text(b.text)
    if date is None:
        for b in head:
            if not _DATE_LINE.match(b.text) or len(b.text) > 120:
                continue
            p, m = split_labelled_dates(b.text)
            modified = modified or m
            date = date or p
    if date is None:
        # a bare date line above the body, else the day the url spells
        for b in head:
            if len(b.text) <= DATE_LINE_CHARS and not looks_like_byline(b.text):
                date = parse_date_text(b.text)
                if date is not None:
                    break
    if date is None:
        date = date_from_url(doc.page.url)

    text = " ".join(blocks[i].text for i in kept[:20]) if kept else " ".join(b.text for b in blocks[:60])
    return Metadata(
        title=title,
        description=description,
        authors=authors,
        byline=byline,
        date=date,
        modified=modified,
        site_name=first(Role.SITE_NAME),
        language=guess_language(text),
        section=first(Role.SECTION),
        url=doc.page.url,
        images=dump_images(blocks, removed, kept),
    )
