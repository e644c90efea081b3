"""Reconcile the metadata sources of an HTML page into one `Metadata`."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urljoin

from cleannews.metadata import meta as M
from cleannews.metadata.byline import MAX_BYLINE_CHARS, clean_authors, looks_like_byline, parse_byline
from cleannews.metadata.dates import (
    DateValue,
    date_from_url,
    day_of,
    is_modified_label,
    parse_date_text,
    parse_iso,
)
from cleannews.metadata.images import html_images
from cleannews.metadata.jsonld import JsonLd, read_jsonld
from cleannews.metadata.language import guess_language, normalize_language
from cleannews.metadata.title import choose_title, norm, strip_site_name
from cleannews.models import Block, BlockKind, Metadata, Removal

#: Class/id tokens that mark a byline container (the conventions of WordPress,
#: hNews/hAtom microformats and the big news CMSs).
BYLINE_CUES = ("byline", "author", "writer", "contributor", "by-line", "reporter", "credit")
#: Class/id tokens of elements holding the article's dates.
DATE_CUES = ("date", "time", "publish", "posted", "meta", "byline", "dateline", "timestamp", "updated")
#: How many blocks before and after the first body block a visible byline or date
#: may sit (headline, kicker, standfirst, share bar come first; some put it below).
HEAD_WINDOW = 12
TAIL_WINDOW = 4
#: How many blocks from the top a visible byline/date may sit when no body is known.
NO_BODY_WINDOW = 60
#: Time elements' cues that say "this is the publication date" (hAtom, WordPress).
_PUB_CUES = re.compile(r"publish|pubdate|datepublished|entry-date|post-date|created|dateline|article-date")
_MOD_CUES = re.compile(r"updated|modified|datemodified")


def _window(blocks: Sequence[Block], kept: Sequence[int]) -> list[Block]:
    if kept:
        first = min(kept)
        lo, hi = max(0, first - HEAD_WINDOW), min(len(blocks), first + TAIL_WINDOW)
        return list(blocks[lo:hi])
    return list(blocks[:NO_BODY_WINDOW])


def _visible_byline(blocks: Sequence[Block], kept: Sequence[int]) -> tuple[str | None, tuple[str, ...]]:
    """The raw byline line near the body start and the names it gives."""
    best: tuple[int, str, tuple[str, ...]] | None = None
    for b in _window(blocks, kept):
        text = b.text.strip()
        if not text or len(text) > MAX_BYLINE_CHARS or b.kind is BlockKind.HEADING:
            continue
        cue = any(c in b.cues for c in BYLINE_CUES)
        starts = looks_like_byline(text)
        if not (cue or starts):
            continue
        names = parse_byline(text)
        if not names:
            continue
        rank = 0 if starts else 1
        if best is None or rank < best[0]:
            best = (rank, text, names)
    return (best[1], best[2]) if best else (None, ())


def _visible_dates(blocks: Sequence[Block], kept: Sequence[int]) -> tuple[DateValue | None, DateValue | None]:
    pub = mod = None
    for b in _window(blocks, kept):
        text = b.text.strip()
        if not text or len(text) > 200 or b.index in kept and len(text) > 80:
            continue
        if not any(c in b.cues for c in DATE_CUES) and not re.match(
            r"\s*(?:published|posted|updated|by\b|on\b|date)", text, re.I
        ):
            continue
        d = parse_date_text(text)
        if d is None:
            continue
        if is_modified_label(text):
            mod = mod or d
        elif pub is None:
            pub = d
    return pub, mod


def _time_dates(times: Sequence[tuple[str, str]]) -> tuple[DateValue | None, DateValue | None, DateValue | None]:
    """(published by cue, modified by cue, first time element)."""
    pub = mod = first = None
    for raw, cues in times:
        d = parse_iso(raw)
        if d is None:
            continue
        if first is None:
            first = d
        if pub is None and _PUB_CUES.search(cues):
            pub = d
        elif mod is None and _MOD_CUES.search(cues):
            mod = d
    return pub, mod, first


def _htmldate(doc: Any, url: str | None) -> DateValue | None:
    """htmldate's fast search on a copy of the page (it prunes the tree it is given)."""
    try:
        import lxml.html
        from htmldate import find_date

        tree = lxml.html.document_fromstring(doc.page.text)
        found = find_date(tree, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a fallback must not raise
        return None
    return parse_iso(found) if found else None


def _pick_date(
    ld: JsonLd, mt: M.MetaTags, blocks: Sequence[Block], kept: Sequence[int], url: str | None
) -> tuple[DateValue | None, DateValue | None]:
    structured = parse_iso(ld.published)
    if structured is None:
        for v in mt.all(M.PUBLISHED_KEYS):
            structured = parse_iso(v)
            if structured is not None:
                break
    modified = parse_iso(ld.modified)
    if modified is None:
        for v in mt.all(M.MODIFIED_KEYS):
            modified = parse_iso(v)
            if modified is not None:
                break
    t_pub, t_mod, t_first = _time_dates(mt.times)
    v_pub, v_mod = _visible_dates(blocks, kept)
    url_day = date_from_url(url)
    published = structured or t_pub or v_pub
    if published is None and url_day is not None:
        published = url_day
    if published is None:
        published = t_first
    # The URL day is written once, when the article is first published: a later
    # structured date is a republication or an update.
    if url_day is not None and published is not None and day_of(published) != url_day:
        pd = day_of(published)
        if pd is not None and pd > url_day:
            published = url_day
    modified = modified or t_mod or v_mod
    if published is not None and modified is not None and day_of(modified) < day_of(published):
        published, modified = modified, published
    return published, modified


def _h1s(blocks: Sequence[Block]) -> list[str]:
    out = [b.text for b in blocks if b.kind is BlockKind.HEADING and b.level == 1]
    if not out:
        out = [b.text for b in blocks if b.kind is BlockKind.HEADING and b.level == 2][:3]
    return out[:5]


def _section(ld: JsonLd, mt: M.MetaTags, title: str | None) -> str | None:
    sec = mt.first(("article:section", "og:article:section", "itemprop:articlesection")) or ld.section
    if sec:
        return sec
    crumbs = [c for c in ld.breadcrumb if norm(c) != norm(title) and norm(c) not in ("home", "start", "accueil")]
    if crumbs:
        return crumbs[-1] if len(crumbs) == 1 else crumbs[1] if norm(crumbs[0]) in ("", "news") else crumbs[-1]
    return mt.first(("parsely-section", "section"))


def read_html_metadata(doc: Any, removed: Mapping[int, Removal], kept: Sequence[int]) -> Metadata:
    tree = doc.tree
    blocks = doc.blocks
    ld = read_jsonld(tree)
    mt = M.read_meta(tree)
    page_url = doc.page.url
    canonical = mt.canonical or mt.first(("og:url",)) or ld.url
    url = page_url
    if canonical and not canonical.startswith(("javascript:", "#")):
        url = urljoin(page_url or "", canonical.strip()) if page_url else canonical.strip()
        if not url.startswith("http"):
            url = page_url or url

    site_names = [s for s in (mt.first(("og:site_name",)), ld.site_name, ld.publisher,
                              mt.first(("application-name", "apple-mobile-web-app-title"))) if s]
    site_name = site_names[0] if site_names else None

    # Authors: structured sources first, then microdata and visible bylines.
    byline_line, visible = _visible_byline(blocks, kept)
    authors = clean_authors(ld.authors)
    if not authors:
        authors = clean_authors(mt.all(("dc.creator", "dc:creator", "dcterms.creator", "author", "article:author",
                                        "parsely-author", "sailthru.author", "citation_author", "byl",
                                        "article:author_name")))
    if not authors:
        authors = clean_authors(mt.author_links[:4])
    if not authors:
        authors = visible
    # An author equal to the site or publisher is the site speaking, not a byline,
    # unless the page has nothing else.
    sites_n = {norm(s) for s in site_names}
    if len(authors) > 1:
        authors = tuple(a for a in authors if norm(a) not in sites_n) or authors

    html_title = None
    t = tree.find(".//title")
    if t is not None:
        html_title = " ".join("".join(t.itertext()).split()) or None
    structured_titles = [ld.headline, mt.first(("dc.title", "dc:title", "dcterms.title")), mt.first(("og:title",)),
                         mt.first(("twitter:title",)), ld.name if ld.kind and ld.kind != "webpage" else None]
    title = choose_title(structured_titles, html_title, _h1s(blocks), site_names, url, authors)

    description = mt.first(("og:description", "description", "twitter:description", "dc.description")) or ld.description

    published, modified = _pick_date(ld, mt, blocks, kept, url)
    if published is None:
        published = _htmldate(doc, url)

    lang = normalize_language(mt.html_lang) or normalize_language(mt.first(M.LANGUAGE_KEYS)) or normalize_language(
        ld.language
    )
    if lang is None:
        text = " ".join(blocks[i].text for i in kept[:20]) if kept else " ".join(b.text for b in blocks[:60])
        lang = guess_language(text)

    lead = list(ld.images) + mt.all(("og:image", "twitter:image", "itemprop:image"))
    images = html_images(blocks, doc.images, kept, lead)

    return Metadata(
        title=title,
        description=description,
        authors=authors,
        byline=byline_line,
        date=published,
        modified=modified,
        site_name=strip_site_name(site_name, (), None) if site_name else None,
        language=lang,
        section=_section(ld, mt, title),
        url=url,
        images=images,
    )


__all__ = ["read_html_metadata"]
