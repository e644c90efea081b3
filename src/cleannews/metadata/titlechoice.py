"""The title as a learned choice among the page's candidate titles (a research tool:
no model ships, the pipeline's title is the rules' answer).

The rules of `metadata.title` reconcile the sources in a fixed order of trust (JSON-LD
headline, Dublin Core, og:title, Twitter, then `<title>` without its site name). This
module lists every candidate a page gives (the rules' own answer among them: the
visible `<h1>`s, the first `<h2>`, the heading above the selected body, every meta
title whole, site-stripped and cut at its first separator), describes each by where
it comes from and how it relates to the others (`FEATURE_NAMES`), and lets a binary
model rate them; `cleannews.training.title` trains one and reports it out of fold,
folds grouped by registered domain.

Why it does not ship (docs/design.md, "The title as a learned choice"): the sets'
truths define the title differently where the visible headline and the declared one
differ. WCXB's annotators took the visible headline, readability's truth is
readability.js's declared title and fundus's parsers mostly read JSON-LD or og:title;
a model fit on all of them gains on WCXB (OOF 0.748 -> 0.806) and loses on the other
two (fundus-dev 0.891 -> 0.837, readability 0.898 -> 0.780), and no weighting or
margin found a setting that loses on neither.

Candidates with the same text (whitespace collapsed, case folded) are one candidate
carrying every source that gave it; its text is the first form seen, in the order of
`SOURCES`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from cleannews.learn.forest import Forest
from cleannews.metadata.title import (
    MAX_TITLE_CHARS,
    MIN_TITLE_CHARS,
    _domain_stems,
    heading_text,
    norm,
    split_segments,
    strip_site_name,
)
from cleannews.text import has_wide

#: Where a candidate comes from. "*_cut" is that source with a site name stripped
#: (`title.strip_site_name`); "title_first" is `<title>`'s first segment (before its
#: first separator); "body_heading" the heading nearest above the selected body.
SOURCES = (
    "rules", "ld_headline", "ld_name", "dc", "og", "twitter", "parsely", "itemprop",
    "og_cut", "twitter_cut", "ld_cut", "title", "title_cut", "title_first", "og_first",
    "h1_first", "h1_other", "h2_first", "body_heading",
)
#: Sources that are the same text as another one re-read (not counted as agreement).
_DERIVED = frozenset(("rules", "og_cut", "twitter_cut", "ld_cut", "title_cut", "title_first", "og_first"))

#: Blocks above the first selected body block searched for its heading.
BODY_HEADING_WINDOW = 15

#: Class/id words of a heading that is an article's headline, and of one that is the
#: site's furniture (a logo, a menu, a sidebar).
_HEADLINE_CUES = re.compile(r"title|headline|entry|post|article|story|heading")
_FURNITURE_CUES = re.compile(r"logo|brand|site|header|masthead|nav|menu|footer|sidebar|widget|related|promo")
#: Distance reported for a candidate that is no heading of the page.
FAR = 60.0
_DIGITS_DATE = re.compile(r"\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?:19|20)\d\d)\b")
_SLUG_SPLIT = re.compile(r"[^0-9a-z]+")

FEATURE_NAMES: tuple[str, ...] = (
    *(f"src_{s}" for s in SOURCES),
    "n_sources", "n_words", "log_chars", "n_segments", "has_pipe", "has_colon",
    "jac_title", "jac_og", "jac_h1", "jac_rules", "prefix_of_title", "in_title",
    "slug_cover", "slug_recall", "upper_ratio", "has_site", "is_site", "has_date",
    "len_ratio_rules", "words_minus_rules",
    "head_level", "head_dist", "head_in_body", "head_title_cue", "head_furniture_cue",
    "page_news", "page_article", "page_blog", "page_og_article", "page_published",
    "page_n_h1", "page_has_ld", "page_has_og", "page_rules_is_h1", "page_h1_in_title", "page_n_cands",
)


@dataclass(frozen=True)
class TitleSources:
    """What a page gives for its title, as `read_html_metadata` read it."""

    rules: str | None
    structured: Mapping[str, str | None]  # ld_headline, ld_name, dc, og, twitter, parsely, itemprop
    html_title: str | None
    h1s: Sequence[str] = ()
    h2s: Sequence[str] = ()
    body_heading: str | None = None
    site_names: Sequence[str] = ()
    url: str | None = None
    authors: Sequence[str] = ()
    #: every heading of the page by its `title.norm` text (the first one of a text):
    #: (level, blocks from the body start, inside the selected body, its near cues)
    headings: Mapping[str, tuple[int, int, bool, str]] = field(default_factory=dict)
    #: the JSON-LD article object's @type (lower-cased), og:type, and whether a meta tag
    #: or JSON-LD gives a publication date: what kind of page publishes these titles
    ld_kind: str | None = None
    og_type: str | None = None
    has_published: bool = False


@dataclass
class Candidate:
    text: str
    sources: set[str] = field(default_factory=set)


def _clean(t: str | None) -> str | None:
    if not t:
        return None
    t = " ".join(t.split())
    if len(t) < MIN_TITLE_CHARS and not has_wide(t):
        return None
    return t[:MAX_TITLE_CHARS]


def candidates(src: TitleSources) -> list[Candidate]:
    """Every distinct candidate title, in the order of `SOURCES`."""
    sites = [s for s in src.site_names if s]
    owners = () if sites else tuple(a for a in src.authors if a)
    out: dict[str, Candidate] = {}

    def add(source: str, text: str | None) -> None:
        t = _clean(text)
        if t is None:
            return
        key = t.casefold()
        c = out.get(key)
        if c is None:
            out[key] = c = Candidate(t)
        c.sources.add(source)

    def cut(t: str | None) -> str | None:
        return strip_site_name(t, sites, src.url, owners) if t else None

    def first(t: str | None) -> str | None:
        segs = split_segments(" ".join(t.split())) if t else []
        return segs[0] if len(segs) >= 2 else None

    st = src.structured
    add("rules", src.rules)
    for k in ("ld_headline", "ld_name", "dc", "og", "twitter", "parsely", "itemprop"):
        add(k, st.get(k))
    add("og_cut", cut(st.get("og")))
    add("twitter_cut", cut(st.get("twitter")))
    add("ld_cut", cut(st.get("ld_headline") or st.get("ld_name")))
    add("title", src.html_title)
    add("title_cut", cut(src.html_title))
    add("title_first", first(src.html_title))
    add("og_first", first(st.get("og")))
    heads = [heading_text(h) for h in src.h1s if norm(h)]
    if heads:
        add("h1_first", heads[0])
        for h in heads[1:3]:
            add("h1_other", h)
    h2s = [heading_text(h) for h in src.h2s if norm(h)]
    if h2s:
        add("h2_first", h2s[0])
    if src.body_heading:
        add("body_heading", heading_text(src.body_heading))
    return list(out.values())


def _words(s: str | None) -> set[str]:
    return {w for w in (norm(x) for x in s.split()) if w} if s else set()


def _jac(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def features(cands: Sequence[Candidate], src: TitleSources) -> np.ndarray:
    """One row of `FEATURE_NAMES` a candidate."""
    st = src.structured
    title_w, og_w = _words(src.html_title), _words(st.get("og"))
    heads = [heading_text(h) for h in src.h1s if norm(h)]
    h1_w = _words(heads[0]) if heads else set()
    rules_w = _words(src.rules)
    title_n = norm(src.html_title)
    rules_n = norm(src.rules)
    sites = {n for n in (norm(s) for s in src.site_names) if len(n) >= 3} | _domain_stems(src.url)
    path = src.url.split("://", 1)[-1].split("/", 1)[1] if src.url and "/" in src.url.split("://", 1)[-1] else ""
    slug = {w for w in _SLUG_SPLIT.split(norm_slug(path)) if len(w) >= 2}
    h1_n = norm(heads[0]) if heads else ""
    kind = (src.ld_kind or "").casefold()
    page = (
        float("news" in kind or "report" in kind), float(kind in ("article", "scholarlyarticle", "techarticle")),
        float("blog" in kind or "posting" in kind), float((src.og_type or "").casefold() == "article"),
        float(src.has_published),
        float(len(heads)), float(bool(st.get("ld_headline") or st.get("ld_name"))), float(bool(st.get("og"))),
        float(bool(h1_n) and h1_n == rules_n), float(bool(h1_n) and h1_n in title_n), float(len(cands)),
    )
    rows = []
    for c in cands:
        n = norm(c.text)
        w = _words(c.text)
        segs = split_segments(c.text)
        letters = [ch for ch in c.text if ch.isalpha()]
        slug_hits = len({x for x in w if x in slug})
        rules_len = len(rules_n) or 1
        rows.append((
            *(float(s in c.sources) for s in SOURCES),
            float(len(c.sources - _DERIVED)), float(len(c.text.split())), math.log1p(len(c.text)),
            float(len(segs)), float("|" in c.text), float(":" in c.text),
            _jac(w, title_w), _jac(w, og_w), _jac(w, h1_w), _jac(w, rules_w),
            float(bool(n) and title_n.startswith(n) and n != title_n), float(bool(n) and n in title_n),
            slug_hits / len(w) if w else 0.0, slug_hits / len(slug) if slug else 0.0,
            sum(ch.isupper() for ch in letters) / len(letters) if letters else 0.0,
            float(any(s in n for s in sites)), float(n in sites), float(bool(_DIGITS_DATE.search(c.text))),
            len(n) / rules_len, float(len(w) - len(rules_w)),
            *_heading_features(src.headings.get(n)),
            *page,
        ))
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(FEATURE_NAMES))


def _heading_features(h: tuple[int, int, bool, str] | None) -> tuple[float, ...]:
    if h is None:
        return (0.0, FAR, 0.0, 0.0, 0.0)
    level, dist, inside, cues = h
    return (float(level), float(min(abs(dist), int(FAR))) * (1 if dist >= 0 else -1), float(inside),
            float(bool(_HEADLINE_CUES.search(cues))), float(bool(_FURNITURE_CUES.search(cues))))


def norm_slug(path: str) -> str:
    """The url path lower-cased with its accents removed (the slug's words)."""
    import unicodedata
    from urllib.parse import unquote

    return unicodedata.normalize("NFKD", unquote(path).casefold())


def choose(src: TitleSources, model: Forest) -> str | None:
    """The candidate `model` (a binary forest over `FEATURE_NAMES`: is this the title?)
    rates highest; the rules' answer when the page gives no candidate."""
    cands = candidates(src)
    if not cands:
        return src.rules
    scores = model.raw(features(cands, src))[:, 0]
    return cands[int(np.argmax(scores))].text


#: What `read_html_metadata` calls with a page's candidates, when given one.
Chooser = Callable[[TitleSources], "str | None"]
