"""Reconcile the metadata sources of an HTML page into one `Metadata`."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import urljoin

from cleannews.metadata import meta as M
from cleannews.metadata.byline import (
    MAX_BYLINE_CHARS,
    byline_after_date,
    clean_authors,
    is_bare_byline_label,
    looks_like_byline,
    looks_like_person,
    parse_byline,
    trim_byline,
)
from cleannews.metadata.dates import (
    day_of,
    dayfirst_for_language,
    parse_date_text,
    split_labelled_dates,
)
from cleannews.metadata.datechoice import choose_date
from cleannews.metadata.datevote import date_candidates, htmldate_date, pick_date
from cleannews.metadata.images import html_images_and_captions
from cleannews.metadata.jsonld import JsonLd, read_jsonld
from cleannews.metadata.language import guess_language, normalize_language
from cleannews.metadata.title import (
    _domain_stems,
    blog_headline,
    choose_title,
    heading_text,
    headline_without_tail,
    norm,
    strip_site_name,
    without_pipe_tail,
)
from cleannews.metadata.titlechoice import BODY_HEADING_WINDOW, Chooser, TitleSources
from cleannews.metadata.values import clean_value
from cleannews.metadata.window import (
    HEADLINE_BYLINE_WINDOW,
    body_window,
    headline_index,
    near_cues,
)
from cleannews.models import Block, BlockKind, Metadata, Removal
from cleannews.text import has_wide

#: Class/id tokens that mark a byline container (the conventions of WordPress,
#: hNews/hAtom microformats and the big news CMSs).
BYLINE_CUES = re.compile(r"byline|author|autor|auteur|writer|contributor|by-line|reporter")


def _byline_window(blocks: Sequence[Block], kept: Sequence[int], titles: Sequence[str | None]) -> list[Block]:
    """The window around the body start, plus the blocks under the headline down to the
    body start: a share bar or a photo gallery can push the body far below the byline."""
    seen = {b.index: b for b in body_window(blocks, kept)}
    head = headline_index(blocks, titles)
    if head is not None:
        stop = min(len(blocks), head + 1 + HEADLINE_BYLINE_WINDOW)
        if kept:
            stop = min(stop, min(kept))
        for i in range(head + 1, stop):
            seen.setdefault(i, blocks[i])
    return [seen[i] for i in sorted(seen)]


def _visible_byline(
    blocks: Sequence[Block], kept: Sequence[int], node_cues: Mapping[int, str] | None = None,
    titles: Sequence[str | None] = (),
) -> tuple[str | None, tuple[str, ...], int, int]:
    """The raw byline line near the body start, the names it gives, how sure it is and
    the block it is in (-1: none). How sure:
    0 for a line that starts like a byline ("By X", "Par X", "Von X"), 1 for a line in
    an element whose own class says byline/author, 2 for one whose parents say so
    (both 1 and 2 only when the names look like people's names), 3 for none.
    Headings are headlines and section titles, except a heading element whose own
    class says byline (some themes set the byline in an `<h5 class="byline">`)."""
    best: tuple[int, str, tuple[str, ...], int] | None = None
    for b in _byline_window(blocks, kept, titles):
        text = b.text.strip()
        if not text or len(text) > MAX_BYLINE_CHARS:
            continue
        labelled = False
        if is_bare_byline_label(text) and b.index + 1 < len(blocks):
            # "Written by" in one element, the name in the next: one byline
            text, labelled = f"{text} {blocks[b.index + 1].text.strip()}", True
        else:
            text = byline_after_date(text)
        if b.kind is BlockKind.HEADING and not (node_cues and BYLINE_CUES.search(node_cues.get(b.node, ""))):
            continue
        if looks_like_byline(text):
            rank = 0
        elif node_cues and BYLINE_CUES.search(node_cues.get(b.node, "")):
            rank = 1
        elif BYLINE_CUES.search(near_cues(b, node_cues or {})):
            rank = 2
        else:
            continue
        if best is not None and rank >= best[0]:
            continue
        names = parse_byline(text)
        if (rank or labelled) and not (names and all(looks_like_person(n) for n in names)):
            continue
        if names:
            best = (rank, text, names, b.index)
            if rank == 0:
                break
    return (best[1], best[2], best[0], best[3]) if best else (None, (), 3, -1)


#: A name that starts with the site's name ("MDR THÜRINGEN" on mdr.de) is the site's
#: desk, when the site name has at least this many letters.
SITE_PREFIX_CHARS = 3


#: Whether a page's only date, its update, stands for the publication date too. Measured
#: on the pages it changes (docs/design.md, "Publication dates").
ONLY_UPDATE_IS_PUBLISHED = True


def _role_texts(blocks: Sequence[Block], removed: Mapping[int, Removal], role: str) -> list[str]:
    """Texts of the blocks a cleaner marked with `role`, in page order: a site cleaner
    knows its layout, so what it calls the byline or the date is read first."""
    return [blocks[r.index].text.strip() for r in sorted(removed.values(), key=lambda r: r.index)
            if r.role == role and 0 <= r.index < len(blocks) and blocks[r.index].text.strip()]


def _overlap(a: str, b: str) -> float:
    wa, wb = set(a.casefold().split()), set(b.casefold().split())
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _jsonld_title(ld: JsonLd, reference: str | None) -> str | None:
    """JSON-LD headline or name: when both are given and differ, the one closer to the
    page's other title (some sites put a summary in one of them)."""
    name = ld.name if ld.kind and ld.kind not in ("webpage", "itempage", "aboutpage") else None
    if ld.headline and name and norm(ld.headline) != norm(name) and reference:
        return max((ld.headline, name), key=lambda t: _overlap(t, reference))
    return ld.headline or name


def _h1s(blocks: Sequence[Block]) -> list[str]:
    out = [heading_text(b.text) for b in blocks if b.kind is BlockKind.HEADING and b.level == 1]
    if not out:
        out = [heading_text(b.text) for b in blocks if b.kind is BlockKind.HEADING and b.level == 2][:3]
    return out[:5]


def _section(ld: JsonLd, mt: M.MetaTags, title: str | None) -> str | None:
    sec = mt.first(M.SECTION_KEYS) or ld.section
    if sec:
        return sec
    crumbs = [c for c in ld.breadcrumb if norm(c) != norm(title) and norm(c) not in ("home", "start", "accueil")]
    if crumbs:
        return crumbs[-1] if len(crumbs) == 1 else crumbs[1] if norm(crumbs[0]) in ("", "news") else crumbs[-1]
    return mt.first(M.LATE_SECTION_KEYS)


def _body_heading(blocks: Sequence[Block], kept: Sequence[int]) -> str | None:
    """The heading nearest above the selected body (within BODY_HEADING_WINDOW blocks),
    else the first heading inside it: where the page's own headline usually stands."""
    if not kept:
        return None
    first = min(kept)
    for i in range(first - 1, max(-1, first - 1 - BODY_HEADING_WINDOW), -1):
        b = blocks[i]
        if b.kind is BlockKind.HEADING and b.level <= 3 and norm(b.text):
            return b.text
    for i in sorted(kept)[:BODY_HEADING_WINDOW]:
        b = blocks[i]
        if b.kind is BlockKind.HEADING and norm(b.text):
            return b.text
    return None


def _headings(blocks: Sequence[Block], kept: Sequence[int],
              node_cues: Mapping[int, str] | None) -> dict[str, tuple[int, int, bool, str]]:
    """Every heading by its normalised text: level, blocks from the body start (negative
    above it), inside the body, the class/id words of it and its nearest parents."""
    start = min(kept) if kept else 0
    inside = set(kept)
    out: dict[str, tuple[int, int, bool, str]] = {}
    for b in blocks:
        if b.kind is BlockKind.HEADING:
            n = norm(heading_text(b.text))
            if n and n not in out:
                out[n] = (b.level, b.index - start, b.index in inside, near_cues(b, node_cues or {}))
    return out


def _title_sources(rules: str | None, ld: JsonLd, mt: M.MetaTags, structured: Sequence[str | None],
                   html_title: str | None, og_title: str | None, blocks: Sequence[Block], kept: Sequence[int],
                   node_cues: Mapping[int, str] | None, site_names: Sequence[str], url: str | None,
                   authors: Sequence[str]) -> TitleSources:
    """Everything the page gives for its title, for a `title_chooser`."""
    ld_name = ld.name if ld.kind and ld.kind not in ("webpage", "itempage", "aboutpage") else None
    return TitleSources(
        rules=rules,
        structured={"ld_headline": ld.headline, "ld_name": ld_name, "dc": structured[1], "og": og_title,
                    "twitter": structured[3], "parsely": structured[4],
                    "itemprop": mt.first(("itemprop:headline",))},
        html_title=html_title,
        h1s=[b.text for b in blocks if b.kind is BlockKind.HEADING and b.level == 1][:5],
        h2s=[b.text for b in blocks if b.kind is BlockKind.HEADING and b.level == 2][:3],
        body_heading=_body_heading(blocks, kept),
        site_names=site_names, url=url, authors=authors,
        headings=_headings(blocks, kept, node_cues),
        ld_kind=ld.kind, og_type=mt.first(("og:type",)),
        has_published=bool(ld.published or mt.first(M.PUBLISHED_KEYS[:8])),
    )


#: A name in a script written without spaces (Chinese, Japanese, Korean) runs to this
#: many characters: family and given name ("松岡大地").
MAX_WIDE_NAME_CHARS = 5


def _wide_name(name: str) -> bool:
    """A person's name as CJK scripts write it: two to five wide characters, no space
    (`looks_like_person` reads capitals, which these scripts do not have)."""
    return 2 <= len(name) <= MAX_WIDE_NAME_CHARS and " " not in name and all(has_wide(c) for c in name)


def _other_authors(mt: M.MetaTags, tree: Any) -> Iterator[tuple[str, ...]]:
    """The authors each of the page's other author sources gives, most trusted first:
    meta tags, the first rel=author link, Yoast's card, elements classed as the
    author's name and links to an author's archive."""
    yield clean_authors(mt.first_key(M.AUTHOR_KEYS))
    yield clean_authors(mt.author_links[:1])
    yield clean_authors((mt.card_author() or "",))
    hrefs, classes = M.author_elements(tree)
    for text in (*classes, *hrefs):
        yield clean_authors((text,))


def read_html_metadata(
    doc: Any, removed: Mapping[int, Removal], kept: Sequence[int], *, fallback: bool = True,
    title_chooser: Chooser | None = None, learned_date: bool = True,
) -> Metadata:
    """The page's metadata; `fallback=False` skips htmldate's search when no source
    gives a date (the benchmark measures the stage with and without it).
    `title_chooser`, when given, picks the title from the page's candidates with the
    rules' answer among them (`titlechoice`: `cleannews.training.title` passes one
    that records them); without one the title is the rules' answer.
    `learned_date=False` keeps the date vote's answer instead of the learned choice
    among the candidate days (`datechoice`; its training script reads the vote's)."""
    tree = doc.tree
    blocks = doc.blocks
    ld = read_jsonld(tree)
    errors: list[str] = list(ld.errors)
    # The XPath over the bare tree: building the document's preorder nodes
    # (`Document.elements`) for the walk cost as much as the walk saved.
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

    html_title = clean_value(getattr(doc, "title", None))
    og_title = mt.first(("og:title",))

    # Authors: structured sources first, then microdata and visible bylines.
    # A "By X" line near the title outranks rel=author links (often the wire service or
    # a related article's author); a line found by class names alone comes last. The
    # titles find the headline, under which the visible byline is looked for too.
    byline_line, visible, sure, byline_block = _visible_byline(blocks, kept, getattr(doc, "node_cues", None),
                                                               (html_title, og_title, ld.headline))
    role_bylines = _role_texts(blocks, removed, "byline")
    if role_bylines:
        byline_line, visible, sure, byline_block = role_bylines[0], parse_byline(role_bylines[0]), -1, -1
    authors = visible if sure < 0 else ()
    if not authors:
        authors = clean_authors(ld.authors, lower_ok=True)
    if not authors:
        authors = clean_authors(mt.first_key(M.AUTHOR_KEYS))
    if not authors and sure == 0:
        authors = visible
    if not authors:
        # microdata / rel=author: the first one (later ones are often related articles)
        authors = clean_authors(mt.author_links[:1])
    if not authors:
        # Yoast's "Written by" card
        authors = clean_authors((mt.card_author() or "",))
    if not authors:
        # an element classed as the author's name (span.author-name, span.autor), or a
        # link to an author's archive (/author/jane-roe/): the first that holds a
        # person's name
        hrefs, classes = M.author_elements(tree)
        for text in (*classes, *hrefs):
            names = clean_authors((text,))
            if names and all(looks_like_person(n) for n in names):
                authors = names
                break
    if not authors:
        authors = visible
    # An author equal to the site or publisher is the site speaking, not a byline,
    # unless the page has nothing else.
    sites_n = {n for n in (norm(s) for s in site_names) if n} | _domain_stems(url or page_url)

    def is_site(a: str) -> bool:
        n = norm(a)
        return n in sites_n or any(len(s) >= SITE_PREFIX_CHARS and n.startswith(s) for s in sites_n)

    if authors and all(is_site(a) for a in authors) and visible and not any(is_site(a) for a in visible) and all(
            looks_like_person(a) for a in visible):
        authors = visible  # the site as author in its metadata, a person in the visible byline
    if authors and all(is_site(a) for a in authors):
        # still the site as author (JSON-LD's Organization author): a name in a CJK
        # script that the page's other author sources give speaks instead. Measured:
        # fundus-dev +1 page (a reporter in an element classed author), no other page
        # of the three sets changes. Latin names there were not kept: on the pages they
        # changed, fundus-dev +0/-1 and wcxb-dev +0/-1 (truths that name the site) and
        # one junk name (a "Follow" button's text).
        for names in _other_authors(mt, tree):
            if names and all(_wide_name(n) and not is_site(n) for n in names):
                authors = names
                break
    if len(authors) > 1:
        # beside a person, the site or its desk is dropped: fundus-dev's truth keeps it on
        # 2 pages (MDR SACHSEN-ANHALT, Le Figaro) and drops it on 3 (MDR THÜRINGEN on the
        # same publisher, Hankook Ilbo, LRT)
        authors = tuple(a for a in authors if not is_site(a)) or authors

    structured_titles = [_jsonld_title(ld, html_title or og_title), mt.first(("dc.title", "dcterms.title")),
                         og_title, mt.first(("twitter:title",)), mt.first(("parsely-title",))]
    heads = _h1s(blocks)
    title = choose_title(structured_titles, html_title, heads, site_names, url, authors)
    owners = () if site_names else tuple(a for a in authors if a)
    whole = " ".join((html_title or "").split())
    # a personal site's <title> with its owner's name cut off keeps its other segments
    owner_cut = bool(owners and title and whole != title and strip_site_name(whole, (), url, owners) == title)
    title = without_pipe_tail(headline_without_tail(title, heads, authors, url) or title, authors, heads, owner_cut)
    title = blog_headline(title, [b.text for b in blocks if b.kind is BlockKind.HEADING and b.level == 1], ld.kind,
                          authors)
    if title_chooser is not None:
        title = title_chooser(_title_sources(title, ld, mt, structured_titles, html_title, og_title, blocks, kept,
                                             getattr(doc, "node_cues", None), site_names, url, authors))

    description = mt.first(M.DESCRIPTION_KEYS) or ld.description

    cands = date_candidates(ld, mt, blocks, kept, url, title, getattr(doc, "node_cues", None), mt.html_lang)
    published, modified = pick_date(cands)
    # A cleaner's role="date" / "modified" line is the site's own word on the dates.
    dayfirst = dayfirst_for_language(mt.html_lang)
    role_dated = False
    for text in _role_texts(blocks, removed, "date"):
        p, m = split_labelled_dates(text, dayfirst=dayfirst)
        p = p or parse_date_text(text, dayfirst=dayfirst)
        if p is not None:
            published, modified, role_dated = p, m or modified, True
            break
    for text in _role_texts(blocks, removed, "modified"):
        m = parse_date_text(text, dayfirst=dayfirst)
        if m is not None:
            modified = m
            break
    if published is None:
        found, error = htmldate_date(doc, url) if fallback else (None, None)
        if error:
            errors.append(error)
        published = found or cands["wide"]
        if published is not None and modified is not None and day_of(published) == day_of(modified):
            # the page shows only its update ("Actualizado: 12/03/2024 14:35"); the day
            # a fallback found is that one: keep its time and zone
            published = modified
        if published is None and modified is not None and ONLY_UPDATE_IS_PUBLISHED:
            # a page whose one date is its update ("Updated Nov 18, 2025" and nothing
            # else, not even for htmldate): the first publication is not later than
            # that, and the day the page shows is the one readers cite
            published = modified
    if learned_date and not role_dated:
        published = choose_date(cands, published)

    lang = normalize_language(mt.html_lang) or normalize_language(mt.first(M.LANGUAGE_KEYS)) or normalize_language(
        ld.language
    )
    if lang is None:
        text = " ".join(blocks[i].text for i in kept[:20]) if kept else " ".join(b.text for b in blocks[:60])
        lang = guess_language(text)

    lead = list(ld.images) + mt.all(("og:image", "twitter:image", "itemprop:image"))
    head_block = headline_index(blocks, (title,))
    images, caption_blocks = html_images_and_captions(blocks, doc.images, kept, lead,
                                                      getattr(doc, "node_cues", None), head_block)
    read: list[tuple[int, str]] = []
    if head_block is not None:
        read.append((head_block, "title"))
    if byline_block >= 0 and authors and set(authors) & set(visible):
        read.append((byline_block, "byline"))
    read.extend((i, "caption") for i in caption_blocks)

    return Metadata(
        title=title,
        description=description,
        authors=authors,
        byline=trim_byline(byline_line),
        date=published,
        modified=modified,
        site_name=strip_site_name(site_name, (), None) if site_name else None,
        language=lang,
        section=_section(ld, mt, title),
        url=url,
        images=images,
        errors=tuple(errors),
        date_candidates=tuple((k, v.isoformat()) for k, v in cands.items() if v is not None),
        read_blocks=tuple(sorted(read)),
    )


__all__ = ["read_html_metadata"]
