"""Reconcile the metadata sources of an HTML page into one `Metadata`."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from cleannews.metadata import meta as M
from cleannews.metadata.byline import (
    MAX_BYLINE_CHARS,
    clean_authors,
    looks_like_byline,
    looks_like_person,
    parse_byline,
)
from cleannews.metadata.dates import (
    MODIFIED_WORDS,
    DateValue,
    date_from_url,
    day_of,
    dayfirst_for_language,
    has_ambiguous_numeric,
    parse_date_text,
    parse_iso,
    split_labelled_dates,
)
from cleannews.metadata.images import html_images
from cleannews.metadata.jsonld import JsonLd, read_jsonld
from cleannews.metadata.language import guess_language, normalize_language
from cleannews.metadata.title import choose_title, norm, strip_site_name
from cleannews.models import Block, BlockKind, Metadata, Removal

#: Class/id tokens that mark a byline container (the conventions of WordPress,
#: hNews/hAtom microformats and the big news CMSs).
BYLINE_CUES = re.compile(r"byline|author|writer|contributor|by-line|reporter")
#: Class/id tokens of elements holding the article's dates.
DATE_CUES = re.compile(r"date|time|publish|posted|meta|byline|updated")
#: How many blocks before and after the first body block a visible byline or date
#: may sit (headline, kicker, standfirst, share bar come first; some put it below).
HEAD_WINDOW = 12
TAIL_WINDOW = 4
#: Blocks before and after the title heading searched for the date (kicker above it;
#: standfirst, byline and date below it).
TITLE_BEFORE = 1
TITLE_AFTER = 8
#: How many blocks under the headline a visible byline may sit, when the body starts
#: further down: a share bar of a dozen buttons (one block each) comes between them on
#: the Washington Post's pages (14 blocks in Readability's wapo-1), with room to spare.
HEADLINE_BYLINE_WINDOW = 20
#: How many blocks from the top a visible byline/date may sit when no body is known.
NO_BODY_WINDOW = 60
#: htmldate's extensive search finds 3-4 more dates in 100 on the htmldate corpus
#: but costs ~12 ms a call against ~4 ms for the fast search; the speed target
#: (metadata ~2 ms a page) rules it out as the default.
HTMLDATE_EXTENSIVE = False
#: Cues of page furniture whose dates are today's date or a menu's, not the article's
#: ("Sa, 19. Okt 2019" in a WordPress theme's navigation bar above the headline).
#: Tokens that start with "nav" or "menu", or name a kind of navigation ("navtitle",
#: "currentnav", "mainmenu": a site's menu of its weekly reports names their days), are
#: furniture too; not every token ending in "nav" ("storytmplbottomnav" holds a date line).
#: So are comments, named by a whole class token: their dates are the readers'
#: ("sect_commentlinks", "comment-meta"; not "date-comments", a post's date and comment count).
_FURNITURE_CUES = re.compile(
    r"(?:^|[\s_-])(?:nav[a-z]*|(?:main|sub|top|side|current)(?:nav|menu)|menu[a-z]*|topbar|current-date|"
    r"currentdate|today|weather)(?:$|[\s_-])"
    r"|(?:^|[\s_])(?:commentlinks?|commentlist|comment-meta|comment-body|commentmetadata)(?:$|[\s_])"
)
#: Characters of a block's inherited cues that stand for its nearest elements when the
#: document has no per-node cues.
NEAR_CUES_CHARS = 80
#: Blocks longer than this are prose; the wide search reads only short lines.
WIDE_MAX_CHARS = 120
#: Time elements' cues that say "this is the publication date" (hAtom, WordPress).
_PUB_CUES = re.compile(r"publish|publication|pubdate|datepublished|entry-date|post-date|created|dateline|article-date")
_MOD_CUES = re.compile(r"updated|modified|datemodified")


#: Labels that open a date line, in the languages of the corpora (English, German,
#: French, Spanish, Portuguese, Italian, Dutch).
_DATE_LABEL = re.compile(
    r"\s*(?:published|posted|updated|by\b|on\b|date|datum|stand\b|veröffentlicht|aktualisiert|erschienen|"
    r"publié|mis à jour|le\s+\d|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|geplaatst)",
    re.I,
)
#: A bare date line is at most this long: "Pressemitteilung vom 20.01.2022",
#: "Stars (1 / 1) 06.11.2023 13:30 von Olga Symbolbild imago" (htmldate corpus, dev half).
DATE_LINE_CHARS = 64
_STARTS_WITH_DATE = re.compile(r"\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+[^\W\d]{3,}\.?\s+\d{4})")
_SHORT_NUMERIC = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{2})\s*(?:\d{1,2}:\d{2}(?:\s*uhr)?)?\s*$", re.I)
#: Longer blocks are prose: only a date opening them counts (a dateline), not a date
#: anywhere inside. (Date lines with a label, a byline and a time stay well under it.)
DATE_BLOCK_CHARS = 200
#: A cheap pre-check before the date parser: a year-like number.
_HAS_YEAR = re.compile(r"(?:19|20)\d\d")


def _window(blocks: Sequence[Block], kept: Sequence[int]) -> list[Block]:
    if kept:
        first = min(kept)
        lo, hi = max(0, first - HEAD_WINDOW), min(len(blocks), first + TAIL_WINDOW)
        return list(blocks[lo:hi])
    return list(blocks[:NO_BODY_WINDOW])


def _byline_window(blocks: Sequence[Block], kept: Sequence[int], titles: Sequence[str | None]) -> list[Block]:
    """The window around the body start, plus the blocks under the headline down to the
    body start: a share bar or a photo gallery can push the body far below the byline."""
    seen = {b.index: b for b in _window(blocks, kept)}
    head = _headline_index(blocks, titles)
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
) -> tuple[str | None, tuple[str, ...], int]:
    """The raw byline line near the body start, the names it gives, and how sure it is:
    0 for a line that starts like a byline ("By X", "Par X", "Von X"), 1 for a line in
    an element whose own class says byline/author, 2 for one whose parents say so
    (both 1 and 2 only when the names look like people's names), 3 for none.
    Headings are headlines and section titles, except a heading element whose own
    class says byline (some themes set the byline in an `<h5 class="byline">`)."""
    best: tuple[int, str, tuple[str, ...]] | None = None
    for b in _byline_window(blocks, kept, titles):
        text = b.text.strip()
        if not text or len(text) > MAX_BYLINE_CHARS:
            continue
        if b.kind is BlockKind.HEADING and not (node_cues and BYLINE_CUES.search(node_cues.get(b.node, ""))):
            continue
        if looks_like_byline(text):
            rank = 0
        elif node_cues and BYLINE_CUES.search(node_cues.get(b.node, "")):
            rank = 1
        elif BYLINE_CUES.search(_near_cues(b, node_cues or {})):
            rank = 2
        else:
            continue
        if best is not None and rank >= best[0]:
            continue
        names = parse_byline(text)
        if rank and not (names and all(looks_like_person(n) for n in names)):
            continue
        if names:
            best = (rank, text, names)
            if rank == 0:
                break
    return (best[1], best[2], best[0]) if best else (None, (), 3)


def _headline_index(blocks: Sequence[Block], titles: Sequence[str | None]) -> int | None:
    """Index of the first h1/h2 that repeats one of the titles (the whole title, or its
    start when the title adds a site name or the heading a kicker)."""
    ts = [t for t in (norm(x) for x in titles) if len(t) >= 8]
    if not ts:
        return None
    for b in blocks:
        if b.kind is BlockKind.HEADING and b.level <= 2:
            h = norm(b.text)
            if h and any(h == t or len(h) >= 10 and (t.startswith(h) or h.startswith(t)) for t in ts):
                return b.index
    return None


def _title_window(blocks: Sequence[Block], title: str | None) -> range:
    """Blocks around the heading that repeats the title: the date and byline sit next to
    the headline even when the scorer's body starts far below it (comments, teasers)."""
    i = _headline_index(blocks, (title,))
    if i is None:
        return range(0)
    return range(max(0, i - TITLE_BEFORE), min(len(blocks), i + TITLE_AFTER + 1))


def _date_blocks(blocks: Sequence[Block], kept: Sequence[int], title: str | None) -> list[Block]:
    """The blocks where the article's own date may be written, in page order."""
    seen = {b.index: b for b in _window(blocks, kept)}
    for i in _title_window(blocks, title):
        seen.setdefault(i, blocks[i])
    return [seen[i] for i in sorted(seen)]


def _line_date(text: str, dayfirst: bool | None = None) -> DateValue | None:
    """The date of a short line that is (mostly) a date: "23.01.2019", "14. Februar 2012",
    "Pressemitteilung vom 20.01.2022", "02.02.2022 10:16 Uhr - 1. Bundesliga"."""
    m = _SHORT_NUMERIC.match(text)
    if m:  # dd.mm.yy, written alone (two-digit years only in a line that is nothing else)
        y = int(m.group(3))
        return parse_iso(f"{2000 + y if y < 70 else 1900 + y:04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}")
    if not _HAS_YEAR.search(text):
        return None
    if len(text) <= DATE_LINE_CHARS:
        return parse_date_text(text, dayfirst=dayfirst)
    if _STARTS_WITH_DATE.match(text):  # a dateline opening a longer block
        return parse_date_text(text[:DATE_LINE_CHARS], dayfirst=dayfirst)
    return None


@dataclass(frozen=True)
class _DateReader:
    """Reads visible dates the way the page writes them.

    `dayfirst` is the page language's order for numeric dates (None: unknown, slashes
    read month first). `hints` are the days the machine-readable sources give: when a
    numeric date read one way is none of them and read the other way is one
    ("08/11/2023" on an Irish page whose JSON-LD says 8 November), the agreeing reading
    is the one the page meant."""

    dayfirst: bool | None = None
    hints: frozenset[_dt.date] = frozenset()

    def _agree(self, text: str, d: DateValue | None, read: Callable[[bool], DateValue | None]) -> DateValue | None:
        """`d`, read in the page's order, or the other reading when only that one agrees."""
        if d is None or not self.hints or day_of(d) in self.hints or not has_ambiguous_numeric(text):
            return d
        for other in (True, False):
            if other is not self.dayfirst:
                alt = read(other)
                if alt is not None and day_of(alt) in self.hints:
                    return alt
        return d

    def line(self, text: str) -> DateValue | None:
        return self._agree(text, _line_date(text, self.dayfirst), lambda df: _line_date(text, df))

    def labelled(self, text: str) -> tuple[DateValue | None, DateValue | None]:
        pub, mod = split_labelled_dates(text, dayfirst=self.dayfirst)
        return self._agree(text, pub, lambda df: split_labelled_dates(text, dayfirst=df)[0]), mod


def _near_cues(b: Block, node_cues: Mapping[int, str]) -> str:
    """Class/id of the block's element and its two nearest ancestors (a block's `cues`
    run up to the body, where classes like "topbar-enabled" describe the whole page)."""
    if not node_cues:
        return b.cues[-NEAR_CUES_CHARS:]
    return " ".join(node_cues.get(n, "") for n in (*b.ancestors[-2:], b.node))


def _visible_dates(
    blocks: Sequence[Block], kept: Sequence[int], title: str | None = None, node_cues: Mapping[int, str] | None = None,
    reader: _DateReader = _DateReader(),
) -> tuple[DateValue | None, DateValue | None, DateValue | None]:
    """(published by cue or label, modified by cue or label, first bare date line)."""
    pub = mod = line = None
    kept_set = set(kept)
    t = norm(title)
    for b in _date_blocks(blocks, kept, title):
        text = b.text.strip()
        if not text or _FURNITURE_CUES.search(_near_cues(b, node_cues or {})):
            continue
        if b.kind is BlockKind.HEADING and t and norm(text) == t or len(text) > DATE_BLOCK_CHARS:
            # The headline and prose give the article's day only in a dateline opening
            # them ("23.01.2022 - Wierer jubelt", "31. Oktober 2023. Dragqueens sind ...");
            # a day inside names an event ("Minutes of the meeting of 10 October 2019").
            if line is None and _STARTS_WITH_DATE.match(text):
                line = reader.line(text[:DATE_LINE_CHARS])
            continue
        in_body = b.index in kept_set
        if (DATE_CUES.search(b.cues) or _DATE_LABEL.match(text)) and not (in_body and len(text) > 80):
            if not _HAS_YEAR.search(text):
                continue
            p, m = reader.labelled(text)
            mod = mod or m
            pub = pub or p
            continue
        if line is None:
            # a date line that also gives an update: only its publication part counts
            if len(text) <= DATE_LINE_CHARS and MODIFIED_WORDS.search(text):
                d = reader.labelled(text)[0]
            else:
                d = reader.line(text)
            if d is not None:
                line = d
    return pub, mod, line


def _wide_dates(blocks: Sequence[Block], kept: Sequence[int], reader: _DateReader = _DateReader()) -> DateValue | None:
    """A date in any short block outside the window: above the headline, after the
    body ("Posted on ..." footers), in sidebars of blog posts. Least trusted."""
    last = max(kept) if kept else -1
    in_body = frozenset(kept)  # a set: `in` on the sequence made this quadratic in page size
    for b in blocks:
        text = b.text
        if len(text) > WIDE_MAX_CHARS or b.index in in_body:
            continue
        if not _HAS_YEAR.search(text):
            continue
        if not (DATE_CUES.search(b.cues) or _DATE_LABEL.match(text) or b.index > last >= 0):
            continue
        d = reader.labelled(text)[0]
        if d is not None:
            return d
    return None


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
    """htmldate's fast search on the page's own markup. Only called when no other
    source gives a date.

    It gets the markup as a string: htmldate then parses it once and prunes its own
    tree (given a tree, it deep-copies it first, which costs as much as the parse), and
    a string keeps pages with an encoding declaration, which `lxml.html` refuses as a
    str. A string starting with "http" and without spaces is a URL to htmldate, which
    it would fetch: such a string is never handed over, and a URL never is."""
    text = getattr(doc.page, "text", None)
    if not isinstance(text, str) or not text.strip():
        return None
    if text.lstrip().startswith("http"):
        return None  # not markup; htmldate would treat it as a URL to download
    if url is not None and not url.startswith(("http://", "https://")):
        url = None
    try:
        from htmldate import find_date

        found = find_date(text, url=url, original_date=True, extensive_search=HTMLDATE_EXTENSIVE,
                          outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a fallback must not raise
        return None
    return parse_iso(found) if found else None


def _first_iso(values: Sequence[str | None]) -> DateValue | None:
    for v in values:
        d = parse_iso(v)
        if d is not None:
            return d
    return None


def date_candidates(ld: JsonLd, mt: M.MetaTags, blocks: Sequence[Block], kept: Sequence[int],
                    url: str | None, title: str | None = None,
                    node_cues: Mapping[int, str] | None = None,
                    language: str | None = None) -> dict[str, DateValue | None]:
    """Every source's answer for the dates, by source name (also what the explain view shows).

    `language` is the page's declared language (`<html lang>`), for the order of numeric dates."""
    t_pub, t_mod, t_first = _time_dates(mt.times)
    jsonld, meta = parse_iso(ld.published), _first_iso(mt.all(M.PUBLISHED_KEYS))
    hints = frozenset(d for d in (day_of(jsonld), day_of(meta), day_of(t_pub), day_of(t_first)) if d is not None)
    reader = _DateReader(dayfirst_for_language(language), hints)
    v_pub, v_mod, v_line = _visible_dates(blocks, kept, title, node_cues, reader)
    return {
        "jsonld": jsonld,
        "meta": meta,
        "time": t_pub,
        "visible": v_pub,
        "line": v_line,
        "url": date_from_url(url),
        "time_first": t_first,
        "wide": _wide_dates(blocks, kept, reader),
        "jsonld_modified": parse_iso(ld.modified),
        "meta_modified": _first_iso(mt.all(M.MODIFIED_KEYS)),
        "time_modified": t_mod,
        "visible_modified": v_mod,
    }


#: Votes of each date source, from their precision on the dev half of the htmldate
#: and readability corpora (url 0.98, visible 0.97, <time> with a pub cue 0.95, meta
#: 0.92, JSON-LD 0.90, first <time> 0.90): the day with most weight wins, so two
#: lesser sources that agree outvote one better source.
DATE_WEIGHTS = {"url": 3.0, "visible": 2.0, "line": 1.5, "time": 1.5, "meta": 1.2, "jsonld": 1.0, "time_first": 0.5}


def _pick_date(c: Mapping[str, DateValue | None]) -> tuple[DateValue | None, DateValue | None]:
    """Publication and modification date from the candidates, reconciled by weighted vote.

    The value returned is the most precise one for the winning day (a datetime with
    zone beats a naive one beats a bare date)."""
    c = _local_zone(c)
    score: dict[_dt.date, float] = {}
    best: dict[_dt.date, DateValue] = {}
    for src, w in DATE_WEIGHTS.items():
        v = c.get(src)
        d = day_of(v)
        if v is None or d is None:
            continue
        score[d] = score.get(d, 0.0) + w
        if d not in best:
            best[d] = v
        else:
            best[d] = _more_precise(v, best[d])
    published: DateValue | None = None
    if score:
        published = best[max(score, key=lambda d: score[d])]
    url_day = c.get("url")
    # The URL day is written once, when the article is first published: a later
    # date is a republication or an update.
    if url_day is not None and published is not None:
        pd = day_of(published)
        if pd is not None and pd > url_day:
            published = url_day
    modified = c["jsonld_modified"] or c["meta_modified"] or c["time_modified"] or c["visible_modified"]
    return published, modified


#: Sources that write the page's local wall-clock time, often without a zone, and the
#: machine-readable ones that carry a zone (often UTC).
_LOCAL_SOURCES = ("visible", "line")
_ZONED_SOURCES = ("jsonld", "meta", "time", "time_first")
#: Real UTC offsets lie within -12 h and +14 h and are whole quarter hours (IANA tz).
_MAX_OFFSET = _dt.timedelta(hours=14)
_OFFSET_STEP = _dt.timedelta(minutes=15)


def _offset_between(local: DateValue | None, zoned: DateValue | None) -> _dt.timedelta | None:
    """The UTC offset that makes a naive wall-clock time the same instant as a zoned
    one (same minute), if it is a real offset; else None."""
    if not (isinstance(local, _dt.datetime) and local.tzinfo is None
            and isinstance(zoned, _dt.datetime) and zoned.tzinfo is not None):
        return None
    utc = zoned.astimezone(_dt.timezone.utc).replace(tzinfo=None, second=0, microsecond=0)
    offset = local.replace(second=0, microsecond=0) - utc
    if abs(offset) <= _MAX_OFFSET and offset % _OFFSET_STEP == _dt.timedelta(0):
        return offset
    return None


def _local_zone(c: Mapping[str, DateValue | None]) -> Mapping[str, DateValue | None]:
    """A visible "November 8, 2023, 11:15 PM" and a JSON-LD "2023-11-09T04:15:00Z" are one
    instant: the machine value is shown in the page's own zone (-05:00), so both vote
    for the day the page shows and the date keeps the zone the visible text lacks."""
    out: dict[str, DateValue | None] | None = None
    for local in _LOCAL_SOURCES:
        v = c.get(local)
        if not isinstance(v, _dt.datetime) or v.tzinfo is not None:
            continue
        for src in _ZONED_SOURCES:
            z = c.get(src)
            offset = _offset_between(v, z)
            if offset is not None and isinstance(z, _dt.datetime):
                out = out if out is not None else dict(c)
                out[src] = z.astimezone(_dt.timezone(offset))
    return out if out is not None else c


def _more_precise(v: DateValue, than: DateValue) -> DateValue:
    """The more precise of two values for one day: a zone beats none, a time beats a
    bare day. The same minute once with seconds (a machine value) and once without
    (visible text rounds to the minute) gives the second value with the seconds."""
    pv, pt = _precision(v), _precision(than)
    if pv != pt:
        return v if pv > pt else than
    if (isinstance(v, _dt.datetime) and isinstance(than, _dt.datetime) and than.second == 0 and v.second != 0
            and v.replace(second=0, microsecond=0) == than.replace(second=0, microsecond=0)):
        return than.replace(second=v.second)
    return than


def _precision(v: DateValue) -> int:
    if isinstance(v, _dt.datetime):
        return 2 if v.tzinfo is not None else 1
    return 0


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


def read_html_metadata(
    doc: Any, removed: Mapping[int, Removal], kept: Sequence[int], *, fallback: bool = True
) -> Metadata:
    """The page's metadata; `fallback=False` skips htmldate's search when no source
    gives a date (the benchmark measures the stage with and without it)."""
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

    html_title = None
    t = tree.find(".//title")
    if t is not None:
        html_title = " ".join("".join(t.itertext()).split()) or None
    og_title = mt.first(("og:title",))

    # Authors: structured sources first, then microdata and visible bylines.
    # A "By X" line near the title outranks rel=author links (often the wire service or
    # a related article's author); a line found by class names alone comes last. The
    # titles find the headline, under which the visible byline is looked for too.
    byline_line, visible, sure = _visible_byline(blocks, kept, getattr(doc, "node_cues", None),
                                                 (html_title, og_title, ld.headline))
    authors = clean_authors(ld.authors)
    if not authors:
        authors = clean_authors(mt.first_key(("dc.creator", "dcterms.creator", "author", "article:author",
                                              "og:article:author", "parsely-author", "sailthru.author",
                                              "citation_author", "byl", "article:author_name")))
    if not authors and sure == 0:
        authors = visible
    if not authors:
        # microdata / rel=author: the first one (later ones are often related articles)
        authors = clean_authors(mt.author_links[:1])
    if not authors:
        authors = visible
    # An author equal to the site or publisher is the site speaking, not a byline,
    # unless the page has nothing else.
    sites_n = {norm(s) for s in site_names}
    if len(authors) > 1:
        authors = tuple(a for a in authors if norm(a) not in sites_n) or authors

    structured_titles = [_jsonld_title(ld, html_title or og_title), mt.first(("dc.title", "dcterms.title")),
                         og_title, mt.first(("twitter:title",)), mt.first(("parsely-title",))]
    title = choose_title(structured_titles, html_title, _h1s(blocks), site_names, url, authors)

    description = mt.first(("og:description", "description", "twitter:description", "dc.description")) or ld.description

    cands = date_candidates(ld, mt, blocks, kept, url, title, getattr(doc, "node_cues", None), mt.html_lang)
    published, modified = _pick_date(cands)
    if published is None:
        published = (_htmldate(doc, url) if fallback else None) or cands["wide"]

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
