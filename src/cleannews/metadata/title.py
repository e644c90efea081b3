"""Title: reconcile JSON-LD headline, Dublin Core, og:title, Twitter, `<title>` and `<h1>`.

Site names are stripped as prefixes or suffixes ("Title | Site", "Site - Title",
"Title - Section - Site") only when a segment matches a known site name
(og:site_name, JSON-LD publisher/WebSite, application-name) or the domain, or
names itself a site ("My website", "Le blog de Marie"); a `<title>` whose segments
match no known name is kept whole.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from cleannews.lang import merged_metadata
from cleannews.text import has_wide

#: Separators sites put between the headline and the site name, with spaces around
#: (a bare hyphen is part of words: "Just-released").
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|«|·|•|/|\\)\s+|\s*[|｜]\s*|\s+[-–—]\s*$")
#: A site-name segment is short: the longest site names seen run to about six words
#: ("The Times of India", "American Civil Liberties Union").
MAX_SITE_WORDS = 6
#: A domain stem marks a segment as the site only in a short segment ("Dropbox Blog",
#: not "How we designed Dropbox's ATF").
MAX_DOMAIN_SEGMENT_WORDS = 3
#: Words by which a site names itself in its own title: "Title – My website",
#: "Title | Jane's blog", "Title - Le blog de Marie" (English, German, French,
#: Spanish, Portuguese, Italian, Dutch, Scandinavian). An end segment of at most
#: MAX_DOMAIN_SEGMENT_WORDS words whose last word is one of these, or of at most
#: MAX_SELF_NAMED_WORDS whose first or second word (after an article) is one followed
#: by a preposition (the Romance and Germanic order), is the site even when no site
#: name is known. From Readability's "title-en-dash" test page; a longer segment ending
#: in "website" is more likely a headline's own words ("How to build your own website").
SITE_WORDS = merged_metadata().site_words
_SITE_WORD_PREPOSITIONS = merged_metadata().site_word_prepositions
MAX_SELF_NAMED_WORDS = 5
#: Stripping that leaves fewer words than this is undone: "Mozilla - Wikipedia" is
#: better kept whole than cut to one word (readability.js keeps such titles too).
MIN_STRIPPED_WORDS = 3
#: Headline candidates shorter than this many characters are labels, not titles.
MIN_TITLE_CHARS = 6
MAX_TITLE_CHARS = 400


#: What `norm` drops: `\W` is exactly "not str.isalnum()" but for the underscore.
_NOT_ALNUM = re.compile(r"[\W_]+")


def norm(s: str | None) -> str:
    """Lower-case letters and digits only, accents removed: for comparing titles and names."""
    if not s:
        return ""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKD", s.casefold()))


def _domain_stems(url: str | None) -> set[str]:
    if not url or "://" not in url:
        return set()
    host = url.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0].lower()
    parts = [p for p in host.split(".") if p not in ("www", "m", "amp", "mobile", "news", "blog", "blogs")]
    if len(parts) >= 2:
        parts = parts[:-1]  # drop the TLD
        if len(parts) >= 2 and len(parts[-1]) <= 3:  # co.uk, com.au
            parts = parts[:-1]
    return {norm(p) for p in parts if len(p) >= 3}


def _is_site(segment: str, sites: set[str], stems: set[str]) -> bool:
    n = norm(segment)
    if not n or len(segment.split()) > MAX_SITE_WORDS:
        return False
    if n in sites:
        return True
    for s in sites:
        if len(s) >= 3 and (n.startswith(s) or s.startswith(n) and len(n) >= 4):
            return True
    if len(segment.split()) <= MAX_DOMAIN_SEGMENT_WORDS:
        for d in stems:
            if n == d or n.startswith(d) or n.endswith(d) or (len(n) >= 4 and n in d):
                return True
    return _names_itself_a_site(segment)


def _names_itself_a_site(segment: str) -> bool:
    """ "My website", "Jane's blog", "Blog de Marie": a segment that says it is a site."""
    words = [w.strip(".,:;!?'’\"()") for w in segment.casefold().split()]
    if not words or len(words) > MAX_SELF_NAMED_WORDS:
        return False
    if words[-1] in SITE_WORDS and len(words) <= MAX_DOMAIN_SEGMENT_WORDS:
        return True
    # "Blog de Marie", "Le blog de Marie": the site word first or after an article
    return any(words[i] in SITE_WORDS and words[i + 1] in _SITE_WORD_PREPOSITIONS
               for i in range(min(2, len(words) - 2)))


def split_segments(title: str) -> list[str]:
    return [p for p in _SEPARATORS.split(title) if p and p.strip()]


def strip_site_name(
    title: str | None, site_names: Iterable[str] = (), url: str | None = None, others: Iterable[str] = ()
) -> str | None:
    """Drop leading and trailing segments that name the site, or that are exactly one of
    the names in `others` (the author of a personal site: the caller passes them when
    the page names no site).

    >>> strip_site_name("Obama admits X - BBC News", ["BBC News"])
    'Obama admits X'
    """
    if not title:
        return None
    title = " ".join(title.split())
    sites = {norm(s) for s in site_names if s}
    sites.discard("")
    owners = {norm(o) for o in others if o} - {""}
    stems = _domain_stems(url)
    segs = split_segments(title)
    if len(segs) < 2:
        return title
    # Keep the original text between kept segments: find the span of the kept ones.
    start, end = 0, len(segs)
    def is_site(seg: str) -> bool:
        return _is_site(seg, sites, stems) or norm(seg) in owners

    while end - start > 1 and is_site(segs[end - 1]):
        end -= 1
    while end - start > 1 and is_site(segs[start]):
        start += 1
    if (start, end) == (0, len(segs)):
        return title
    first, last = segs[start], segs[end - 1]
    i = title.find(first)
    j = title.rfind(last)
    kept = " ".join(segs[start:end]) if i < 0 or j < 0 else title[i : j + len(last)].strip()
    if len(kept.split()) < MIN_STRIPPED_WORDS and not has_wide(kept):
        return title
    return kept


#: Markdown heading marks a CMS left at the start of a title ("## Headline" in og:title):
#: hashes followed by a space ("#1 pick" is a number, kept).
_MD_HEADING = re.compile(r"^#{1,6}\s+")


def _clean(t: str | None) -> str | None:
    if not t:
        return None
    t = _MD_HEADING.sub("", " ".join(t.split()))
    if len(t) < MIN_TITLE_CHARS and not has_wide(t):  # CJK titles are short
        return None
    return t[:MAX_TITLE_CHARS]


#: A tail segment the visible headline leaves off is a site or section name when it
#: is this short ("| Sport", "| Börsen-Zeitung", "- Die Neue Südtiroler Tageszeitung"):
#: site names run to about six words (MAX_SITE_WORDS).
MAX_TAIL_WORDS = MAX_SITE_WORDS


#: The separators after which a tail the headline leaves off is furniture: a pipe
#: ("Headline | Sport") nearly always is; a dash only when the tail ends in the
#: domain's name ("- Die Neue Südtiroler Tageszeitung" on tageszeitung.it), since a
#: dash also sets off a serial's or a chapter's name ("Chapter 102 - Super Supportive").
_PIPE = re.compile(r"\s*[|｜]\s*")
#: "Video Games : Target": a colon with a space on both sides sets off the site too,
#: when the tail ends in the domain's name.
_SPACED_COLON = re.compile(r"\s+:\s+")


def headline_without_tail(title: str | None, heads: Sequence[str], authors: Iterable[str] = (),
                          url: str | None = None) -> str | None:
    """The page's visible headline when `title` is that headline plus a separator and a
    short tail the headline does not show ("Steigende US-Zinsen setzen Dax zu |
    Börsen-Zeitung" under the `<h1>` "Steigende US-Zinsen setzen Dax zu"): the tail names
    a site or section that no meta tag names, so stripping missed it. A tail that is
    one of the `authors` stays: "Headline | Eleanor Roy" names the column's writer as
    part of the title. Else None."""
    if not title:
        return None
    names = {norm(a) for a in authors}
    stems = _domain_stems(url)
    tn = norm(title)
    for h in heads:
        hn = norm(h)
        if len(hn) < 10 or hn == tn or not tn.startswith(hn):
            continue
        i = title.casefold().find(" ".join(h.split()).casefold())
        if i != 0:
            continue
        rest = title[len(" ".join(h.split())):]
        m = _SEPARATORS.match(rest) or _SPACED_COLON.match(rest)
        if m is None or m.start() != 0:
            continue
        tail = rest[m.end():]
        last = norm(tail.split()[-1]) if tail.split() else ""
        # "Headline – Journey To College – Realize your potential.": a dash tail that is
        # itself several segments is a site's name and slogan, not a subtitle (a
        # subtitle after a dash is one phrase: "Chapter 102 - Super Supportive").
        # Measured on the pages it changes: wcxb-dev +2/-0 on the first 913 pages,
        # readability and fundus-dev none.
        several = not _PIPE.match(rest) and len(split_segments(tail)) >= 2
        if not ((_PIPE.match(rest) and not _SPACED_COLON.match(rest)) or any(last.endswith(d) for d in stems)
                or several):
            continue
        # "| MIT News | Massachusetts Institute of Technology": every segment of the
        # tail is short, and none is an author's name
        segments = _PIPE.split(tail) if _PIPE.match(rest) else split_segments(tail) if several else [tail]
        if (tail.strip() and all(s.strip() and len(s.split()) <= MAX_TAIL_WORDS for s in segments)
                and not any(_SEPARATORS.search(s) for s in segments) and norm(tail) not in names
                and not any(norm(s) in names for s in segments)):
            return " ".join(h.split())
    return None


def without_pipe_tail(title: str | None, authors: Iterable[str] = (), heads: Sequence[str] = (),
                      owner_stripped: bool = False) -> str | None:
    """`title` cut at its first pipe: what follows a pipe is the site's furniture (its
    name, a section, a slogan, search keywords: "Auth | Supabase Docs", "History of
    coffee | Origin, Spread, Ethiopia, Arabia, Facts, & Timeline"), not the headline,
    even when no meta tag names that site. A tail that is one of the `authors` stays
    ("Headline | Eleanor Roy" names a column's writer as part of its title). A segment
    that is the page's heading (`heads`) is the title wherever it stands ("Fiercely
    Strong Coffee | Dark Roast Coffee" under the `<h1>` "Dark Roast Coffee").
    Measured as the last step of the title, page by page against the base: wcxb-dev
    +31/-5 pages, readability +0/-1 (a personal site's "Post | Code"), fundus-dev
    unchanged (no news headline there keeps a pipe).

    `owner_stripped`: `title` is a personal site's `<title>` with its owner's name
    already cut off ("Post | Code | Jane Doe" -> "Post | Code"); what is left is the
    site's own title and keeps its segments (readability +1 page, the others unchanged)."""
    if not title or owner_stripped:
        return title
    segments = _PIPE.split(title)
    if len(segments) < 2 or not norm(segments[0]):
        return title
    names = {norm(a) for a in authors} - {""}
    tail = title[len(segments[0]):]
    if names and any(norm(s) in names for s in _PIPE.split(tail) if s.strip()):
        return title
    shown = {norm(h) for h in heads} - {""}
    for seg in segments:
        if norm(seg) in shown:
            return seg.strip()
    return segments[0].strip()


#: The JSON-LD types of a blog post, lower-cased as `JsonLd.kind` holds them.
_BLOG_KINDS = frozenset(("blogposting",))


def blog_headline(title: str | None, h1s: Sequence[str], ld_kind: str | None,
                  authors: Iterable[str] = ()) -> str | None:
    """A blog post's title is its first `<h1>` (cut at a pipe): a blog's `<title>` and
    headline metadata are the line its SEO plugin writes, the heading is the post's own
    name. Only a heading of two words or more: a one-word `<h1>` ("Blog") is a label.
    Written from wcxb-dev's misses and measured as a whole benchmark run: wcxb-dev +18/-1
    pages; fundus-dev and readability have one BlogPosting page each, where the `<h1>`
    is already the title."""
    if not title or (ld_kind or "").casefold() not in _BLOG_KINDS:
        return title
    heads = [heading_text(h) for h in h1s if norm(h)]
    if not heads:
        return title
    head = without_pipe_tail(heads[0], authors) or heads[0]
    if norm(head) != norm(title) and len(head.split()) >= 2:
        return head
    return title


#: A kicker set before the headline with a colon: "SVP-Sonderparteitag zur Migration: "
#: (at most this many characters, the longest seen in fundus-dev being ~40).
_KICKER = re.compile(r"^(.{3,80}?):\s+")


def _without_kicker(title: str, others: Sequence[str]) -> str:
    """`title` without its kicker when another of the page's titles is the same
    headline without it ("SVP-Sonderparteitag zur Migration: Chiesa ruft ..." in
    JSON-LD, "Chiesa ruft ..." in og:title): the kicker is a label above the headline.
    Measured where a page's titles differ just so: the truth is the shorter title on
    readability 1/1, fundus-dev 4/4, wcxb-dev 6/8 (one keeps the kicker, one neither)."""
    m = _KICKER.match(title)
    if m is None:
        return title
    rest = norm(title[m.end():])
    return next((o for o in others if norm(o) == rest and len(rest) >= MIN_TITLE_CHARS), title)


_ELLIPSIS = re.compile(r"\s*(?:\.{3}|…)\s*$")


def _untruncated(title: str, others: Sequence[str]) -> str:
    """The whole title when `title` is another of the page's titles cut short: a JSON-LD
    headline or og:title capped at a length ("… Find Solutions (Including", "… in the
    watch...", "… monitor, laptop, and k") where `<title>` or the `<h1>` goes on. Cut
    short means it ends in an ellipsis, leaves a bracket open, or stops inside a word
    the longer title finishes."""
    stem = _ELLIPSIS.sub("", title)
    cut = stem != title or stem.count("(") > stem.count(")") or stem.count("[") > stem.count("]")
    for o in others:
        o = " ".join(o.split())
        if len(o) > len(stem) and o.startswith(stem) and (cut or o[len(stem)].isalnum()):
            return o
    return title


def choose_title(
    structured: Sequence[str | None],
    html_title: str | None,
    h1s: Sequence[str],
    site_names: Iterable[str] = (),
    url: str | None = None,
    authors: Iterable[str] = (),
) -> str | None:
    """The article title.

    `structured` are the metadata titles in order of trust (JSON-LD headline, Dublin
    Core, og:title, twitter:title); the first that is not the site's own name is taken
    after site-name stripping ("Yahoo News - Latest News" as og:title on an article
    page is the site's title, not the article's). Without structured titles, `<title>`
    is used. A segment is stripped only when it is a known site name (og:site_name,
    JSON-LD publisher or WebSite, application-name) or the domain: an unknown
    trailing segment may be part of the headline ("Evolve: Shared Mutable History —
    evolve extension for Mercurial"). When a site segment was stripped and what
    remains starts with an `<h1>`, the rest is a section ("Headline | News | Site").
    An author is not a site, except on a page that names no site: there a segment
    that is exactly the author's name is the personal site's name ("Post | Code |
    Jane Doe"; a news site's "Headline | Columnist" keeps the name, it has a site name).
    """
    sites = [s for s in site_names if s]
    owners = () if sites else tuple(a for a in authors if a)
    site_norms = {norm(s) for s in sites} - {""}
    page_norm = norm(html_title)
    # a site-level title, unless the page's own <title> says the same (then a badly
    # filled application-name is what repeats the headline)
    structured_ok = [s for s in structured if s and (norm(s) not in site_norms or norm(s) == page_norm)]
    cands = [c for c in (_clean(strip_site_name(s, sites, url, owners)) for s in structured_ok) if c]
    heads = [h for h in (_clean(h) for h in h1s) if h]
    if cands:
        page_cut = _clean(strip_site_name(html_title, sites, url, owners))
        others = [*cands[1:], *(c for c in (page_cut,) if c)]
        first = _untruncated(cands[0], [*others, *heads])
        return _without_kicker(first, others)
    whole = _clean(html_title)
    page_title = _clean(strip_site_name(html_title, sites, url, owners))
    if page_title:
        n = norm(page_title)
        if page_title != whole:
            # "Headline | Section | Site": the site is gone; the h1 is the headline the rest starts with
            for h in heads:
                hn = norm(h)
                if hn != n and len(hn) >= 10 and n.startswith(hn) and len(h.split()) >= 2:
                    return h
        return page_title
    return heads[0] if heads else None


def _words(s: str) -> list[str]:
    return [w for w in (norm(x) for x in s.split()) if w]


#: Permalink marks documentation generators put at the end of a heading (Sphinx's
#: "Quickstart¶", a link icon): not part of the heading's words.
_PERMALINK_MARK = re.compile(r"\s*[¶🔗]+\s*$")


def heading_text(text: str) -> str:
    """A heading's text as a title: whitespace collapsed, a trailing permalink mark dropped."""
    return _PERMALINK_MARK.sub("", " ".join(text.split()))


def headline_inside(title: str | None, headline: str | None) -> bool:
    """True when `title` is `headline` with more words around it (whole words, in
    order): "News | National Student Support Accelerator" around the `<h1>` "News"."""
    if not title or not headline:
        return False
    t, h = _words(title), _words(headline)
    if not h or len(h) >= len(t):
        return False
    return any(t[i:i + len(h)] == h for i in range(len(t) - len(h) + 1))


def title_for_page_type(title: str | None, h1s: Sequence[str], is_article: bool,
                        page_title: str | None = None) -> str | None:
    """The title a page of its type goes by: for an article, `title` (the SEO title
    cleaned of its site name: readability.js and most article sets keep what
    `<title>` says); for a page that is not an article (a service, product, listing,
    documentation or forum page), its first `<h1>` when `title` is that heading with
    more words around it: the `<title>` of such a page is a search-engine line
    ("Personal Training - UT RecSports", "Industry News — Consulting Point") and the
    page's own name is its heading. Measured on wcxb-dev, the one set with such pages
    (docs/design.md, "Titles by page type").

    Else, when `title` is part of the page's `<title>` (`page_title`) but not its first
    segment, such a page goes by that first segment (`first_segment_title`)."""
    if is_article or not title:
        return title
    heads = [heading_text(h) for h in h1s if norm(h)]
    if heads and headline_inside(title, heads[0]):
        return heads[0]
    return first_segment_title(title, page_title, heads)


#: A first segment of this many words or more names the page; a one-word first segment
#: is the brand ("Linear – The system for product development", "TechCrunch | Startup
#: and Technology News"), where wcxb-dev's truth keeps the rest (6 of 9 such pages).
MIN_FIRST_SEGMENT_WORDS = 2


def first_segment_title(title: str, page_title: str | None, heads: Sequence[str] = ()) -> str:
    """The first segment of `page_title` (the page's `<title>`) for a page that is not
    an article, when `title` is taken from that `<title>` but is not its first segment:
    the name a service, listing or forum page goes by comes first, and what the rules
    kept after cutting a site name (or a truncated og:title) is its slogan or section
    ("Stripe Payments | Global Payment Processing Platform", "San Francisco Local
    Movers - Moving Services & Help", "Question? / Board / Forum"). A `title` that is
    one of the page's headings (`heads`) stays. Written from wcxb-dev's misses (the one
    set with such pages) and measured there page by page: +18/-4 pages (services +11/-1,
    forums +3, listings +3, collections +1/-2, products -1); readability and fundus-dev
    have no such pages, so unchanged."""
    if not page_title:
        return title
    segs = split_segments(" ".join(page_title.split()))
    n = norm(title)
    if len(segs) < 2 or not n or n == norm(segs[0]) or n in {norm(h) for h in heads}:
        return title
    first = segs[0].strip()
    if n in norm(page_title) and norm(first) and (len(first.split()) >= MIN_FIRST_SEGMENT_WORDS or has_wide(first)):
        return first
    return title
