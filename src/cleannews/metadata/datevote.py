"""The publication and modification dates of an HTML page: every source's candidate
(JSON-LD, meta tags, `<time>` elements, visible date lines near the headline and the
body start, the URL, a wide search of short lines, htmldate's search as the last
resort) and the weighted vote that reconciles them.

`date_candidates` gives each source's answer by name (the explain view shows them);
`pick_date` votes. The parsing of one written date lives in `metadata.dates`.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from cleannews.lang import merged_metadata
from cleannews.metadata import meta as M
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
from cleannews.metadata.jsonld import MAX_ERROR_CHARS, JsonLd
from cleannews.metadata.title import norm
from cleannews.metadata.window import body_window, near_cues, title_window
from cleannews.models import Block, BlockKind

#: Class/id tokens of elements holding the article's dates.
DATE_CUES = re.compile(r"date|time|publish|posted|meta|byline|updated")


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


#: Blocks longer than this are prose; the wide search reads only short lines.
WIDE_MAX_CHARS = 120
#: Time elements' cues that say "this is the publication date" (hAtom, WordPress;
#: "entry-time" is the Genesis theme's, beside its "entry-modified-time").
_PUB_CUES = re.compile(
    r"publish|publication|pubdate|datepublished|entry-date|entry-time|post-date|created|dateline|article-date")
_MOD_CUES = re.compile(r"updated|modified|datemodified")


#: Labels that open a date line, in the languages of the corpora (English, German,
#: French, Spanish, Portuguese, Italian, Dutch).
_DATE_LABEL = re.compile(
    r"\s*(?:" + "|".join(merged_metadata().date_line_labels) + ")",
    re.IGNORECASE,
)
#: A bare date line is at most this long: "Pressemitteilung vom 20.01.2022",
#: "Stars (1 / 1) 06.11.2023 13:30 von Olga Symbolbild imago" (htmldate corpus, dev half).
DATE_LINE_CHARS = 64
_STARTS_WITH_DATE = re.compile(r"\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+[^\W\d]{3,}\.?\s+\d{4})")
_SHORT_NUMERIC = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{2})\s*(?:\d{1,2}:\d{2}(?:\s*uhr)?)?\s*$", re.IGNORECASE)
#: Longer blocks are prose: only a date opening them counts (a dateline), not a date
#: anywhere inside. (Date lines with a label, a byline and a time stay well under it.)
DATE_BLOCK_CHARS = 200
#: A cheap pre-check before the date parser: a year-like number.
_HAS_YEAR = re.compile(r"(?:19|20)\d\d")


def _date_blocks(blocks: Sequence[Block], kept: Sequence[int], title: str | None) -> list[Block]:
    """The blocks where the article's own date may be written, in page order."""
    seen = {b.index: b for b in body_window(blocks, kept)}
    for i in title_window(blocks, title):
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
        if not text or _FURNITURE_CUES.search(near_cues(b, node_cues or {})):
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
                # ...and its update part is the modification date ("Madrid Actualizado: ...")
                d, m = reader.labelled(text)
                mod = mod or m
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


#: What htmldate's search can raise on a hostile page: its own parse and date checks
#: (ValueError, TypeError on odd attribute values), lxml's errors, and Python's
#: recursion limit on a tree nested deeper than its walk handles. Anything else is a
#: bug and propagates.
HTMLDATE_ERRORS: tuple[type[BaseException], ...] = (ValueError, TypeError, etree.LxmlError, RecursionError)


#: A full date as markup may write it, in any language: numeric ("2024-03-05",
#: "05.03.2024", "3/5/2024"), or a day, a word and a year ("17. Dezember 2025",
#: "5 de marzo de 2024"), a word, a day and a year ("Dec 17, 2025"), a year, a word
#: and a day, or a CJK year. Deliberately loose (any word stands for the month): it
#: only decides whether htmldate's search is worth running.
_DATE_STRING = re.compile(
    r"(?<!\d)(?:19|20)\d\d[-/.][01]?\d[-/.][0-3]?\d(?!\d)"
    r"|(?<!\d)[0-3]?\d[-/.][01]?\d[-/.](?:19|20)\d\d(?!\d)"
    r"|(?<!\d)[0-3]?\d(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?[^\W\d_]{3,}\.?,?\s+(?:de\s+)?(?:19|20)\d\d(?!\d)"
    r"|[^\W\d_]{3,}\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d(?!\d)"
    r"|(?:19|20)\d\d\.?\s+[^\W\d_]{3,}\.?\s+[0-3]?\d(?!\d)"
    r"|(?:19|20)\d\d年"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
#: The date pattern is tried only this many characters before and after each year in
#: the markup: the longest form, "17th of September, 2025", fits. Run over the whole
#: markup, the loose word patterns cost 15-110 ms a page; around the years, 0.4-6 ms.
DATE_STRING_BEFORE, DATE_STRING_AFTER = 24, 16


def has_date_string(markup: str) -> bool:
    """Whether the markup writes a full date anywhere (text, attributes, scripts), so
    that htmldate's fast search, which reads dates only where they are written out,
    could find one. Measured on the pages where none of our sources gave a date
    (htmldate, readability, fundus-dev, wcxb-dev: 36, 53, 2 and 575 pages), the
    check passes 28, 9, 2 and 307 of them and keeps every day htmldate got right
    (16, 0, 2, 17); on the 44 readability pages it skips, htmldate had found 2 dates,
    both wrong (and no truth date there). extract()'s metadata share on readability
    (`benchmarks/metadata_eval.py`): 17.0% -> 13.8%."""
    for m in _YEAR.finditer(markup):
        if _DATE_STRING.search(markup, max(0, m.start() - DATE_STRING_BEFORE), m.end() + DATE_STRING_AFTER):
            return True
    return False


def htmldate_date(doc: Any, url: str | None) -> tuple[DateValue | None, str | None]:
    """htmldate's fast search on the page's own markup, and the error it raised (as
    "htmldate: Type: message") when it failed. Only called when no other source gives
    a date, and run only when the markup writes one (`has_date_string`).

    It gets the markup as a string: htmldate then parses it once and prunes its own
    tree (given a tree, it deep-copies it first, which costs as much as the parse), and
    a string keeps pages with an encoding declaration, which `lxml.html` refuses as a
    str. A string starting with "http" and without spaces is a URL to htmldate, which
    it would fetch: such a string is never handed over, and a URL never is."""
    text = getattr(doc.page, "text", None)
    if not isinstance(text, str) or not text.strip():
        return None, None
    if text.lstrip().startswith("http"):
        return None, None  # not markup; htmldate would treat it as a URL to download
    if url is not None and not url.startswith(("http://", "https://")):
        url = None
    if not has_date_string(text):
        return None, None
    from htmldate import find_date

    try:
        found = find_date(text, url=url, original_date=True, extensive_search=HTMLDATE_EXTENSIVE,
                          outputformat="%Y-%m-%d")
    except HTMLDATE_ERRORS as exc:
        return None, f"htmldate: {type(exc).__name__}: {exc}"[:MAX_ERROR_CHARS]
    return (parse_iso(found) if found else None), None


def _first_iso(values: Sequence[str | None]) -> DateValue | None:
    for v in values:
        d = parse_iso(v)
        if d is not None:
            return d
    return None


#: A meta key whose values name more days than this is a listing's: microdata
#: `datePublished` on each card of a "related stories" rail (13 days on one wcxb-dev
#: page, where the article's own day is in `<meta name=date>`), not the page's date.
MAX_KEY_DAYS = 2


def _first_meta_date(mt: M.MetaTags, keys: tuple[str, ...]) -> DateValue | None:
    """The first date of the first key (in `keys`' order of trust) whose values are the
    page's own, not a listing's (`MAX_KEY_DAYS`); when no other key gives one, the
    listing's first: on a forum thread each post carries `datePublished`, the first
    post's is the thread's (wcxb-dev forum pages)."""
    values = mt.values
    if not values:
        return None
    listing: DateValue | None = None
    for k in keys:
        vals = values.get(k)
        if not vals:
            continue
        if len(vals) > MAX_KEY_DAYS:
            parsed = [parse_iso(v) for v in vals]
            first = next((d for d in parsed if d is not None), None)
            if len({day_of(d) for d in parsed if d is not None}) > MAX_KEY_DAYS:
                listing = listing or first
                continue
            d = first
        else:
            d = _first_iso(vals)
        if d is not None:
            return d
    return listing


def date_candidates(ld: JsonLd, mt: M.MetaTags, blocks: Sequence[Block], kept: Sequence[int],
                    url: str | None, title: str | None = None,
                    node_cues: Mapping[int, str] | None = None,
                    language: str | None = None) -> dict[str, DateValue | None]:
    """Every source's answer for the dates, by source name (also what the explain view shows).

    `language` is the page's declared language (`<html lang>`), for the order of numeric dates."""
    t_pub, t_mod, t_first = _time_dates(mt.times)
    jsonld, meta = parse_iso(ld.published), _first_meta_date(mt, M.PUBLISHED_KEYS)
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
        "meta_modified": _first_meta_date(mt, M.MODIFIED_KEYS),
        "time_modified": t_mod,
        "visible_modified": v_mod,
    }


#: Votes of each date source, from their precision on the dev half of the htmldate
#: and readability corpora (url 0.98, visible 0.97, <time> with a pub cue 0.95, meta
#: 0.92, JSON-LD 0.90, first <time> 0.90): the day with most weight wins, so two
#: lesser sources that agree outvote one better source. Checked out-of-fold across
#: htmldate, fundus-dev, readability and wcxb-dev (folds grouped by site,
#: `benchmarks/date_weights_oof.py`): re-tuned weights do no better on any set.
DATE_WEIGHTS = {"url": 3.0, "visible": 2.0, "line": 1.5, "time": 1.5, "meta": 1.2, "jsonld": 1.0, "time_first": 0.5}


def pick_date(c: Mapping[str, DateValue | None]) -> tuple[DateValue | None, DateValue | None]:
    """Publication and modification date from the candidates, reconciled by weighted vote.

    The value returned is the most precise one for the winning day (a datetime with
    zone beats a naive one beats a bare date). Between two zoned values, a machine-
    readable one beats one read off the page: a visible zone is an abbreviation that
    may be wrong for the season ("17:50 CET" in summer is 17:50 CEST, +02:00)."""
    c = _local_zone(c)
    score: dict[_dt.date, float] = {}
    best: dict[_dt.date, DateValue] = {}
    best_src: dict[_dt.date, str] = {}
    for src, w in DATE_WEIGHTS.items():
        v = c.get(src)
        d = day_of(v)
        if v is None or d is None:
            continue
        score[d] = score.get(d, 0.0) + w
        if d not in best or (src in _ZONED_SOURCES and best_src[d] in _LOCAL_SOURCES
                             and _precision(v) == _precision(best[d]) == 2):
            best[d], best_src[d] = v, src
        else:
            kept = _more_precise(v, best[d])
            if kept is not best[d]:
                best[d], best_src[d] = kept, src
    published: DateValue | None = None
    if score:
        published = _not_mislabelled_utc(best[max(score, key=lambda d: score[d])], c)
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


def _not_mislabelled_utc(v: DateValue, c: Mapping[str, DateValue | None]) -> DateValue:
    """A machine value that says UTC while another machine source gives the same
    wall-clock time with a real offset is the page's local time labelled "Z" or
    "+0000" by its CMS (a meta tag "20:00:27Z" beside JSON-LD and `<time>`
    "20:00:27+02:00"): the value with the offset is the instant meant."""
    if not (isinstance(v, _dt.datetime) and v.tzinfo is not None and v.utcoffset() == _dt.timedelta(0)):
        return v
    wall = v.replace(tzinfo=None, second=0, microsecond=0)
    for src in _ZONED_SOURCES:
        z = c.get(src)
        if (isinstance(z, _dt.datetime) and z.tzinfo is not None and z.utcoffset() not in (None, _dt.timedelta(0))
                and z.replace(tzinfo=None, second=0, microsecond=0) == wall):
            return z
    return v


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
