"""What a page is: article, forum, product, collection, listing, documentation,
service (WCXB's taxonomy, "WCXB, M. Foley, 2026", CC-BY-4.0), or error.

Two steps:

1. `error` by rule (`error_reason`): a page with no text, or an error title ("404",
   "Page not found", "Access denied") over a tiny body. Rules are enough there and
   they say why.
2. The other seven by a small gradient-boosted model over page-level signals that
   hold across sites (`page_features`): schema.org (JSON-LD) and OpenGraph types,
   the URL's shape (depth, slugs, dates, ids, path words such as /tag/, /forum/,
   /product/, /docs/), repeated block paths (item grids), link and text density
   profiles, the headline's shape (its length, whether the title repeats it),
   long paragraphs, quotation marks, headings, forms, prices, pagination, where the
   page's links go and the block scorer's own selection, plus a text model's seven
   probabilities (`TextModel`, `learn/pagetype-text-v5.npz`: a logistic regression
   over hashed words of the address, title and headings, stacked out-of-fold under
   the forest). It was trained on wcxb-dev's page-type labels plus the article sets
   (scrapinghub, readability, fundus-dev: all articles) by `python -m
   cleannews.training.pagetype`, folds grouped by registered domain; the shipped file
   `learn/pagetype-v5.npz` is evaluated with `cleannews.learn.Forest`, so run time
   needs numpy only. The file is versioned with the feature set (v5: `FEATURE_NAMES`);
   a file for other features is refused and the classifier falls back as without one.
   v4 added the link targets (under this page's path, beside it, slugs, member
   profiles, a cart, phone and mail links) and the text model. v5 drops v4's eight
   class-token families (post/reply, price/cart, toc, card/grid, byline, hero,
   pager, breadcrumb: a sixth of the classification time, no loss out-of-fold once
   the text model reads the page's words; see docs/design.md) and is trained on the
   features of main after the 2026-12-02 cleaners.

When the model file is missing the classifier says `article` for every page that
is not an error (the behaviour before it existed), never a crash.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, compress, count, repeat
from operator import attrgetter, methodcaller
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from cleannews.document import Document
from cleannews.lang import FURNITURE
from cleannews.lang.base import alternatives
from cleannews.learn.forest import Forest
from cleannews.models import BlockKind, Removal
from cleannews.scoring import Selection, rules
from cleannews.text import word_count

#: The model's classes, in the order of its outputs (WCXB's seven types).
MODEL_TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")
#: Every value `Article.page_type` takes.
PAGE_TYPES = (*MODEL_TYPES, "error")

#: The shipped model (see the module docstring); versioned by its name.
MODEL_FILE = Path(__file__).parent / "learn" / "pagetype-v5.npz"
#: The text model beside it (since v4): a multinomial logistic regression over hashed words
#: of the address, the <title> and the headings (`text_buckets`), whose probabilities
#: are the forest's last seven features (`TEXT_NAMES`).
TEXT_FILE = Path(__file__).parent / "learn" / "pagetype-text-v5.npz"

# --- error pages (rules) -------------------------------------------------------------
#: Titles and headings of error pages, in the languages the corpora hold most. English
#: and a few others: status codes are language-free, the phrases are not.
_ERROR_TITLE = re.compile(
    r"(?:^\s*|\b(?:error|http|status|code)\s*)(?:40[0134]|410|50[0234])\b|\b(?:40[0134]|410|50[0234])\s*(?:error|not found)|"
    + alternatives(w.error_titles for w in FURNITURE.values()),
    re.IGNORECASE,
)
#: An error page's own text is a sentence or two: with an error title, at most this
#: many words of body (kept blocks) make the page an error page. Real articles about
#: "404 errors" run far longer (handwritten tests; no wcxb-dev page is an error page).
ERROR_MAX_WORDS = 80


def error_reason(doc: Document, selection: Selection, title: str | None) -> str | None:
    """Why the page is an error page, or None: no text at all, or an error title over
    a tiny body."""
    if not doc.blocks:
        return "the page has no text"
    kept = selection.kept
    if not kept or not any(doc.blocks[i].text.strip() for i in kept):
        return "the page has no main text"
    heads = [title or ""]
    heads += [doc.blocks[i].text for i in kept[:5] if doc.blocks[i].kind is BlockKind.HEADING]
    if not any(_ERROR_TITLE.search(h) for h in heads if h):
        return None
    words = 0
    for i in kept:
        words += word_count(doc.blocks[i].text)
        if words > ERROR_MAX_WORDS:
            return None
    return "an error page (error title, tiny body)"


# --- page features -------------------------------------------------------------------
_LD_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("ld_article", frozenset(["article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "liveblogposting", "report", "scholarlyarticle", "review", "recipe"])),
    ("ld_product", frozenset(["product", "offer", "aggregateoffer", "productgroup", "individualproduct", "vehicle", "car", "softwareapplication", "book"])),
    ("ld_forum", frozenset(["discussionforumposting", "qapage", "question", "answer", "comment", "socialmediaposting"])),
    ("ld_collection", frozenset(["collectionpage", "itemlist", "offercatalog", "productcollection"])),
    ("ld_listing", frozenset(["searchresultspage", "jobposting", "event"])),
    ("ld_docs", frozenset(["techarticle", "apireference", "howto", "course"])),
    ("ld_service", frozenset(["service", "organization", "localbusiness", "professionalservice", "corporation", "faqpage", "aboutpage", "contactpage", "medicalorganization", "website"])),
    ("ld_webpage", frozenset(("webpage",))),
    ("ld_breadcrumb", frozenset(("breadcrumblist",))),
)
_OG_TYPES = ("article", "product", "website")


def _named_patterns(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(feature name, regex) pairs compiled, matched ignoring case."""
    return tuple((name, re.compile(rx, re.IGNORECASE)) for name, rx in pairs)


_PATH_WORDS = _named_patterns(
    (
        ("u_tag", r"/(?:tags?|topics?|category|categories|section|sections|archives?|collections?|c)/"),
        ("u_forum", r"/(?:t|d|forums?|threads?|topic|questions?|discussions?|community|boards?|viewtopic|showthread|r)(?:/|\.|$)"),
        ("u_product", r"/(?:products?|p|dp|item|items|shop|store|buy|sku)(?:/|$)|\.prd|/\d{6,}\.html"),
        ("u_docs", r"/(?:docs?|documentation|api|reference|manual|guides?|wiki|learn|tutorials?|library|handbook|kb|help)(?:/|$)"),
        ("u_news", r"/(?:news|blog|blogs|articles?|story|stories|posts?|press|opinion)(?:/|$)"),
        ("u_list", r"/(?:search|list|listings?|results|catalog|browse|jobs|events|directory|all)(?:/|$|\?)|[?&](?:q|page|s|query)="),
        ("u_service", r"/(?:about|contact|services?|pricing|solutions|features|plans|company|careers|team|industries)(?:/|$|-)"),
    )
)
_HOST_WORDS = _named_patterns(
    (
        ("h_forum", r"^(?:forums?|community|discuss|discussion|answers|boards?|users|talk)\.|stackexchange|stackoverflow|reddit"),
        ("h_docs", r"^(?:docs?|developer|developers|learn|help|support|api|wiki|kb)\."),
        ("h_shop", r"^(?:shop|store)\."),
        ("h_news", r"^(?:news|blog)\."),
    )
)
_DATE_PATH = re.compile(r"/(?:19|20)\d\d/(?:[01]?\d)(?:/|$)|/(?:19|20)\d\d-\d\d-\d\d|(?:19|20)\d\d(?:0[1-9]|1[0-2])\d\d")
_NUM_SEG = re.compile(r"^\d+$")
#: Currency signs: prices, counted with str.count (measured faster than one regex).
_CURRENCY = ("$", "€", "£", "¥", "₹", "zł", "Kč")
#: Years and "... ago": post streams carry one a post. Counted with str.count in the
#: short blocks (`DATE_BLOCK_MAX_CHARS`), where post headers and dates sit: "19"/"20"
#: stand for a year (a proxy; a regex for whole years cost ~0.2 ms a page).
_DATEISH = ("19", "20", " ago")
# --- v4: where the page's links go, and schema.org microdata ---------------------------
#: Paths of member profiles: a forum thread links each post to its author's page.
_USER_PATH = re.compile(r"/(?:members?|users?|u|profiles?|people|authors?)/|member\.php|memberlist|profile\.php|showuser", re.IGNORECASE)
#: Paths of a shop's cart and checkout (every product and collection page of a shop has one).
_SHOP_PATH = re.compile(r"/(?:cart|checkout|basket|bag|wishlist)(?:/|$|\.)", re.IGNORECASE)
#: A link target's last path segment with at least this many hyphens/underscores is a
#: slug ("/news/city-council-votes-on-budget"): what a listing of articles links to.
SLUG_MIN_HYPHENS = 3
_LINK_NAMES = ("l_internal", "l_ext_share", "l_frag", "l_tel", "l_mail", "l_child", "l_child_share", "l_sib",
               "l_slug", "l_slug_share", "l_dir_max", "l_dir_share", "l_user", "l_shop")


#: `_USER_PATH` and `_SHOP_PATH` over the page's link targets joined a line each: a page
#: with no match there (most) has none in any target, and its targets are not searched one
#: by one ("$" matches at each line's end, so a target's match is a match there).
_USER_LINES = re.compile(_USER_PATH.pattern, re.IGNORECASE | re.MULTILINE)
_SHOP_LINES = re.compile(_SHOP_PATH.pattern, re.IGNORECASE | re.MULTILINE)
_HREF = methodcaller("get", "href")


def _lines_matching(lines: re.Pattern[str], one: re.Pattern[str], targets: set[str]) -> int:
    """How many of `targets` `one` finds a match in: one scan of them joined a line each
    with `lines` (`one`'s pattern, MULTILINE), each match counted for the line it starts
    in. The patterns match no newline, so a match lies in one line; a target holding a
    newline of its own is searched alone."""
    order = list(targets)
    joined = "\n".join(order)
    if joined.count("\n") != len(order) - 1:
        return sum(1 for t in order if one.search(t))
    first = lines.search(joined)
    if first is None:
        return 0
    starts = list(accumulate((len(t) + 1 for t in order[:-1]), initial=0))
    return len({bisect_right(starts, m.start()) for m in lines.finditer(joined, first.start())})


def _link_features(anchors: Iterable[Any], host: str, path: str) -> list[float]:
    """_LINK_NAMES for the page's <a> elements: how many distinct same-site targets,
    how many lie under this page's path (a section's items), beside it, or are slugs
    (articles), member profiles or a cart; in-page, phone and mail links. String
    operations only (urlsplit a link cost ~2 us; a page has hundreds), once a distinct
    href (a page repeats a third of its links: menus, item cards), the counts of
    in-page, phone, mail and external links weighted by how often each occurs."""
    site = host.removeprefix("www.")
    here = path if path.endswith("/") else path + "/"
    parent = here[: here.rstrip("/").rfind("/") + 1] or "/"
    targets: set[str] = set()
    ext = frag = tel = mail = 0
    for raw, times in Counter(map(_HREF, anchors)).items():
        h = (raw or "").strip()
        if not h:
            continue
        c = h[0]
        if c == "#":
            frag += times
            continue
        if c != "/" and ":" in h[:12]:
            low = h[:7].lower()
            if low.startswith("tel:"):
                tel += times
            elif low.startswith("mailto:"):
                mail += times
            elif low.startswith("http"):
                rest = h.split("//", 1)[-1]
                hh, _, tail = rest.partition("/")
                if hh.lower().removeprefix("www.") != site:
                    ext += times
                else:
                    targets.add("/" + tail.split("?", 1)[0].split("#", 1)[0])
            continue
        if h.startswith("//"):
            ext += times
            continue
        if c != "/":
            h = here + h
        targets.add(h.split("?", 1)[0].split("#", 1)[0])
    targets.discard(path)
    targets.discard(here)
    n = len(targets)
    child = sib = slug = 0
    dirs: Counter[str] = Counter()
    root = here == "/"
    sibling = parent != "/"
    for t in targets:
        if not root and t.startswith(here):
            child += 1
        elif sibling and t.startswith(parent):
            sib += 1
        tt = t.rstrip("/")
        cut = tt.rfind("/")
        last = tt[cut + 1 :]
        if last.count("-") + last.count("_") >= SLUG_MIN_HYPHENS:
            slug += 1
        if cut > 0:
            dirs[tt[:cut]] += 1
    user = _lines_matching(_USER_LINES, _USER_PATH, targets)
    shop = _lines_matching(_SHOP_LINES, _SHOP_PATH, targets)
    dir_max = max(dirs.values()) if dirs else 0
    return [float(n), _share(float(ext), float(ext + n)), float(frag), float(tel), float(mail), float(child),
            _share(float(child), float(n)), float(sib), float(slug), _share(float(slug), float(n)), float(dir_max),
            _share(float(dir_max), float(n)), float(user), float(shop)]


#: meta names / properties that carry a publication date or an author (news CMSs,
#: Dublin Core, Parse.ly, Sailthru): articles say when and by whom, other pages rarely.
_DATE_METAS = frozenset(("article:published_time", "og:article:published_time", "datepublished", "pubdate",
                         "publishdate", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
                         "parsely-pub-date", "article.published", "publication_date"))
_AUTHOR_METAS = frozenset(("author", "article:author", "og:article:author", "dc.creator", "parsely-author",
                           "sailthru.author", "byl"))
#: The elements `_read_head` reads (picked from `Document.elements` in C).
_HEAD_TAGS = frozenset(("meta", "script", "link"))


@dataclass(frozen=True)
class _Head:
    """What one pass over the page's meta, script, link and body elements reads."""

    objs: tuple[dict[str, Any], ...]  # JSON-LD objects
    og: str  # og:type, lower-cased
    canonical: str  # the canonical link or og:url, the first in page order
    dated: bool  # a publication-date meta
    authored: bool  # an author meta
    paged: bool  # a <link rel="next"/"prev">: the page is one of a series
    article_meta: bool  # an "article:*" meta (section, tag, modified time)


def _jsonld_into(raw: str | None, objs: list[dict[str, Any]]) -> None:
    from cleannews.metadata.jsonld import MAX_JSONLD_CHARS, _loads, _objects

    if not raw or len(raw) > MAX_JSONLD_CHARS:
        return
    data, _error = _loads(raw)  # (value, error): a script that is not JSON gives None
    if data is not None:
        _objects(data, objs)


def _read_head(elements: Iterable[Any]) -> _Head:
    """One pass over `elements` (the page's meta, script and link elements, in page
    order) for what the features read from them."""
    objs: list[dict[str, Any]] = []
    og = canonical = ""
    dated = authored = paged = article_meta = False
    for el in elements:
        tag = el.tag
        if tag == "script":
            if "ld+json" in (el.get("type") or "").lower():
                _jsonld_into(el.text, objs)
        elif tag == "meta":
            key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
            if not key:
                continue
            if key == "og:type":
                og = og or (el.get("content") or "").strip().lower()
            elif key == "og:url":
                canonical = canonical or (el.get("content") or "").strip()
            elif key in _DATE_METAS:
                dated = True
            elif key in _AUTHOR_METAS:
                authored = True
            if key.startswith("article:"):
                article_meta = True
        elif tag == "link":
            rel = (el.get("rel") or "").lower()
            if rel in ("next", "prev", "previous"):
                paged = True
            elif not canonical and "canonical" in rel:
                canonical = (el.get("href") or "").strip()
    return _Head(tuple(objs), og, canonical, dated, authored, paged, article_meta)


def jsonld_objects(doc: Document) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page (@graph and arrays flattened); bad JSON is skipped.
    Read from `Document.elements` (built once a document, shared with the other
    stages): walking the tree again costs more than parsing the JSON."""
    objs: list[dict[str, Any]] = []
    for el in doc.elements:
        if el.tag == "script" and "ld+json" in (el.get("type") or "").lower():
            _jsonld_into(el.text, objs)
    return objs


def jsonld_types(objs: Iterable[dict[str, Any]]) -> set[str]:
    out: set[str] = set()
    for o in objs:
        t = o.get("@type")
        for x in t if isinstance(t, list) else [t]:
            if isinstance(x, str):
                out.add(x.lower().rsplit("/", 1)[-1])
    return out


#: Elements counted over the whole tree (a Counter over `Document.elements`' tags).
_COUNTED = ("form", "input", "time", "article", "nav", "aside", "textarea", "select", "button", "img", "a",
            "pre", "code", "dl", "table", "label", "option", "blockquote", "iframe", "video")


#: A run of prose (good blocks, headings between them) of at least this many
#: characters is an article-like stretch; articles have one long run, service pages
#: several short ones, listings none. 500 = about 80 words, three short paragraphs.
PROSE_RUN_MIN_CHARS = 500
#: A block path repeated at least this often is an item structure (cards, rows of a
#: list, posts).
REPEAT_MIN = 5
#: Blocks up to this long are where post headers, dates and prices sit.
DATE_BLOCK_MAX_CHARS = 80
#: A good block of at least this many words is a long paragraph (an article's body is
#: made of them; about three lines of a news column).
LONG_PARA_WORDS = 40
#: Quotation marks: articles quote people (counted in good blocks, per 1,000 chars).
_QUOTE_MARKS = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e")
#: Title separators ("Page | Site"): a section front's title is often the site's name.
_TITLE_SEPS = (" | ", " - ", " – ", " — ", " :: ", " » ", " · ")
_STOPS = (".", "!", "?", "。", ".\"", ".”", ":")
_KIND_CODE = {k: i for i, k in enumerate(BlockKind)}
_HEAD, _ITEM, _TABLE, _CODE = (_KIND_CODE[k] for k in (BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.TABLE, BlockKind.CODE))
_KIND_OF = attrgetter("kind")
_TEXT_OF = attrgetter("text")
_LEVEL_OF = attrgetter("level")
_LINKS_OF = attrgetter("link_chars")
_PATH_OF = attrgetter("path")
_TAG_OF = attrgetter("tag")


#: The page-structure features, in the model's column order (the training code writes rows in it).
STRUCTURE_NAMES: tuple[str, ...] = (
    *(name for name, _ in _LD_GROUPS),
    "ld_count",
    *(f"og_{t}" for t in _OG_TYPES),
    "og_other",
    "u_depth", "u_last_len", "u_last_hyphens", "u_date", "u_numeric", "u_html", "u_root", "u_query",
    *(name for name, _ in _PATH_WORDS),
    *(name for name, _ in _HOST_WORDS),
    "n_blocks", "log_chars", "link_share", "linky_blocks", "good_blocks", "good_share", "max_block",
    "mean_good", "headings", "h1", "h2", "h3plus", "linked_headings", "list_items", "table_rows", "code_blocks",
    "prices", "dateish", "short_blocks",
    *(f"x_{t}" for t in _COUNTED),
    "prose_share", "words_per_block", "full_stop_share",
    "sel_kept", "sel_share", "sel_link", "sel_article", "sel_headings", "sel_list", "sel_position",
    # added in v2
    "ld_date", "ld_author", "ld_items", "m_dated", "m_author",
    "u_slash", "u_last_digits", "u_len",
    "link_first", "link_middle", "link_last", "run_share", "runs", "head_pairs", "head_density",
    "rep_n", "rep_share", "rep_link", "rep_mean", "rep_groups", "rep_heads", "questions",
    "t_words", "t_seps", "sel_parents", "sel_good",
    # added in v3
    "m_paged", "m_article",
    "h1_words", "h1_pos", "title_h1", "head_words", "head_linked", "section_chars",
    "long_paras", "long_share", "p_share", "quote_marks", "digit_share", "a_per_kchar", "img_per_kchar",
    "run_start", "after_run",
    # added in v4
    *_LINK_NAMES,
)
#: v4: the text model's probability of each of MODEL_TYPES (`TextModel`), after
#: STRUCTURE_NAMES. In training rows they are out-of-fold (as an unseen page gets them).
TEXT_NAMES = tuple(f"tx_{t}" for t in MODEL_TYPES)
FEATURE_NAMES = STRUCTURE_NAMES + TEXT_NAMES


def _share(a: float, b: float) -> float:
    return a / b if b else 0.0


def page_features(doc: Document, selection: Selection, text: TextModel | None = None) -> np.ndarray:
    """One row of FEATURE_NAMES for the page: `structure_features` and the text model's
    probabilities (`text`, else the shipped one; uniform without one)."""
    tm = text or load_text_model()
    tx = tm.proba(text_buckets(doc)) if tm is not None else np.full(len(MODEL_TYPES), 1.0 / len(MODEL_TYPES))
    return np.concatenate([structure_features(doc, selection), tx])


def structure_features(doc: Document, selection: Selection) -> np.ndarray:
    """One row of STRUCTURE_NAMES for the page (floats, always finite). The block
    profile is computed over arrays (one `fromiter` a block attribute), the tree read
    in two passes in C (`iter` with tag filters), the class tokens once each."""
    f: dict[str, float] = {}
    tree = doc.tree
    # The tree is read through `doc.elements` (the other stages built it already): a
    # walk of the tree costs ~0.2 ms a page, the element tags' Counter a quarter of it.
    els = doc.elements
    tags = list(map(_TAG_OF, els))
    tally = Counter(tags)
    if tree is not None:
        head = _read_head(compress(els, map(_HEAD_TAGS.__contains__, tags)))
    else:
        head = _Head((), "", "", False, False, False, False)
    objs = head.objs
    types = jsonld_types(objs)
    for name, group in _LD_GROUPS:
        f[name] = float(bool(types & group))
    f["ld_count"] = float(len(objs))
    f["ld_date"] = float(any("datePublished" in o for o in objs))
    f["ld_author"] = float(any("author" in o for o in objs))
    f["ld_items"] = float(min(sum(len(o["itemListElement"]) for o in objs if isinstance(o.get("itemListElement"), list)), 200))
    f["m_dated"] = float(head.dated)
    f["m_author"] = float(head.authored)
    f["m_paged"] = float(head.paged)
    f["m_article"] = float(head.article_meta)
    og = head.og
    for t in _OG_TYPES:
        f[f"og_{t}"] = float(og == t or og.startswith(t + "."))
    f["og_other"] = float(bool(og) and not any(f[f"og_{t}"] for t in _OG_TYPES))

    url = doc.page.url or head.canonical
    try:
        parts = urlsplit(url)
        host, path, query = parts.netloc.lower(), parts.path or "/", parts.query
    except ValueError:
        host, path, query = "", "/", ""
    segs = [s for s in path.split("/") if s]
    last = segs[-1] if segs else ""
    f["u_depth"] = float(len(segs))
    f["u_last_len"] = float(len(last))
    f["u_last_hyphens"] = float(last.count("-") + last.count("_"))
    f["u_date"] = float(bool(_DATE_PATH.search(path)))
    f["u_numeric"] = float(sum(1 for s in segs if _NUM_SEG.match(s) or (len(s) > 5 and sum(c.isdigit() for c in s) >= 5)))
    f["u_html"] = float(last.endswith((".html", ".htm", ".php", ".asp", ".aspx")))
    f["u_root"] = float(not segs)
    f["u_query"] = float(bool(query))
    f["u_slash"] = float(path.endswith("/") and bool(segs))
    f["u_last_digits"] = float(sum(c.isdigit() for c in last))
    f["u_len"] = float(len(path))
    lpath = path.lower() + ("?" + query if query else "")
    for name, rx in _PATH_WORDS:
        f[name] = float(bool(rx.search(lpath)))
    for name, rx in _HOST_WORDS:
        f[name] = float(bool(rx.search(host)))

    blocks = doc.blocks
    n = len(blocks)
    nn = max(n, 1)
    texts = list(map(_TEXT_OF, blocks))
    L = np.fromiter(map(len, texts), np.float64, n)
    LC = np.fromiter(map(_LINKS_OF, blocks), np.float64, n)
    K = np.fromiter(map(_KIND_CODE.__getitem__, map(_KIND_OF, blocks)), np.int8, n)
    LV = np.fromiter(map(_LEVEL_OF, blocks), np.int8, n)
    W = np.fromiter(map(str.count, texts, repeat(" ")), np.float64, n) + 1.0
    STOP = np.fromiter(map(str.endswith, texts, repeat(_STOPS)), np.bool_, n)
    chars = float(L.sum())
    LD = LC / np.maximum(L, 1.0)
    linky = LD > rules.LINK_DENSITY_BAD
    good = (L >= rules.GOOD_MIN_CHARS) & (LD <= rules.LINK_DENSITY_GOOD)
    is_head = K == _HEAD
    kinds = np.bincount(K, minlength=len(_KIND_CODE))  # blocks of each kind
    heads = int(kinds[_HEAD])
    h1 = np.count_nonzero(is_head & (LV == 1))
    h2 = np.count_nonzero(is_head & (LV == 2))
    good_n = np.count_nonzero(good)
    good_chars = float(L[good].sum())
    f["n_blocks"] = float(n)
    f["log_chars"] = float(np.log1p(chars))
    f["link_share"] = _share(float(LC.sum()), chars)
    f["linky_blocks"] = np.count_nonzero(linky) / nn
    f["good_blocks"] = float(good_n)
    f["good_share"] = _share(good_chars, chars)
    f["max_block"] = float(L.max()) if n else 0.0
    f["mean_good"] = _share(good_chars, float(good_n))
    f["headings"] = float(heads)
    f["h1"] = float(h1)
    f["h2"] = float(h2)
    f["h3plus"] = float(heads - h1 - h2)
    f["linked_headings"] = float(np.count_nonzero(is_head & linky))
    f["list_items"] = kinds[_ITEM] / nn
    f["table_rows"] = kinds[_TABLE] / nn
    f["code_blocks"] = kinds[_CODE] / nn
    alltext = "\n".join(texts)
    f["prices"] = float(min(sum(alltext.count(c) for c in _CURRENCY), 200))
    shorttext = "\n".join(compress(texts, (L <= DATE_BLOCK_MAX_CHARS).tolist()))
    f["dateish"] = float(min(sum(shorttext.count(m) for m in _DATEISH), 200))
    f["short_blocks"] = np.count_nonzero(~good & (L < rules.SHORT_MAX_CHARS)) / nn
    prose = STOP & (W >= rules.PROSE_MIN_WORDS)
    f["prose_share"] = _share(float(L[prose].sum()), chars)
    f["words_per_block"] = float(W.sum()) / nn
    f["full_stop_share"] = np.count_nonzero(STOP) / nn
    f["questions"] = float(sum(map(str.endswith, texts, repeat("?")))) / nn
    # v3: the headline's shape. An article's <h1> is a sentence-long headline that its
    # <title> repeats; a service or listing page's is a name ("Our services", "Events").
    h1_at = np.flatnonzero(is_head & (LV == 1)) if n else np.zeros(0, np.int64)
    if h1_at.size == 0 and heads:
        h1_at = np.flatnonzero(is_head)
    if h1_at.size:
        first = int(h1_at[0])
        f["h1_words"] = float(W[first])
        f["h1_pos"] = first / nn
        hw = set(texts[first].lower().split())
        f["title_h1"] = _share(float(len(hw & set((doc.title or "").lower().split()))), float(len(hw)))
    else:
        f["h1_words"] = f["title_h1"] = 0.0
        f["h1_pos"] = 1.0
    f["head_words"] = _share(float(W[is_head].sum()), float(heads))
    f["head_linked"] = _share(float(np.count_nonzero(is_head & linky)), float(heads))
    f["section_chars"] = good_chars / 1000.0 / (heads + 1.0)
    # Long paragraphs: an article's body is made of them, a service page's of short pitches.
    longp = good & (W >= LONG_PARA_WORDS)
    f["long_paras"] = float(np.count_nonzero(longp))
    f["long_share"] = _share(float(L[longp].sum()), chars)
    TAGP = np.fromiter(map("p".__eq__, map(_TAG_OF, blocks)), np.bool_, n)
    f["p_share"] = _share(float(L[TAGP].sum()), chars)
    goodtext = "\n".join(compress(texts, good.tolist()))
    f["quote_marks"] = sum(goodtext.count(q) for q in _QUOTE_MARKS) / (good_chars / 1000.0 + 1.0)
    raw_bytes = np.frombuffer(alltext.encode("utf-8", "surrogatepass"), np.uint8)
    f["digit_share"] = _share(float(np.count_nonzero((raw_bytes >= 48) & (raw_bytes <= 57))), float(raw_bytes.size))
    f["a_per_kchar"] = tally["a"] / (chars / 1000.0 + 1.0)
    f["img_per_kchar"] = tally["img"] / (chars / 1000.0 + 1.0)

    # Link density by position (thirds of the page's characters): a listing is linky
    # throughout, an article in its edges only.
    if n and chars:
        third = np.minimum(((np.cumsum(L) - L / 2) * (3.0 / chars)).astype(np.int64), 2)
        lt = np.bincount(third, weights=LC, minlength=3) / np.maximum(np.bincount(third, weights=L, minlength=3), 1.0)
    else:
        lt = np.zeros(3)
    f["link_first"], f["link_middle"], f["link_last"] = (float(v) for v in lt)
    # Runs of prose: consecutive good blocks, headings allowed between them.
    if n:
        rid = np.cumsum(~(good | is_head))
        runs = np.bincount(rid, weights=np.where(good, L, 0.0))
        f["run_share"] = _share(float(runs.max()), chars)
        f["runs"] = float(np.count_nonzero(runs >= PROSE_RUN_MIN_CHARS))
        # where the longest run starts and how much text follows it: a listing's
        # introduction comes first and the items after it
        r = int(runs.argmax())
        at = np.flatnonzero(rid == r)
        before = float(L[: at[0]].sum()) if at.size else 0.0
        f["run_start"] = _share(before, chars)
        f["after_run"] = _share(chars - before - float(L[at].sum()), chars) if at.size else 0.0
        pairs = np.count_nonzero(is_head[:-2] & ~is_head[1:-1] & is_head[2:]) if n > 2 else 0
    else:
        f["run_share"] = f["runs"] = f["run_start"] = f["after_run"] = 0.0
        pairs = 0
    f["head_pairs"] = _share(float(pairs), heads)
    f["head_density"] = heads / (good_chars / 1000.0 + 1.0)
    # Repeated block paths ("body/div.grid/div.card/h3"): item structures.
    codes: dict[str, int] = {}
    pid = np.fromiter(map(codes.setdefault, map(_PATH_OF, blocks), count()), np.int64, n)
    if n:
        cnt = np.bincount(pid)
        pch = np.bincount(pid, weights=L)
        j = int(cnt.argmax())
        f["rep_n"] = float(cnt[j])
        f["rep_share"] = _share(float(pch[j]), chars)
        f["rep_link"] = _share(float(np.bincount(pid, weights=LC)[j]), float(pch[j]))
        f["rep_mean"] = float(pch[j] / cnt[j])
        f["rep_groups"] = float(np.count_nonzero(cnt >= REPEAT_MIN))
        f["rep_heads"] = float(np.bincount(pid[is_head]).max()) if heads else 0.0
    else:
        f["rep_n"] = f["rep_share"] = f["rep_link"] = f["rep_mean"] = f["rep_groups"] = f["rep_heads"] = 0.0

    title = doc.title or ""
    f["t_words"] = float(title.count(" ") + 1 if title.strip() else 0)
    f["t_seps"] = float(sum(title.count(s) for s in _TITLE_SEPS))

    for tag in _COUNTED:
        f[f"x_{tag}"] = float(tally[tag])

    kept = np.fromiter(selection.kept, np.int64, len(selection.kept))
    kept = kept[(kept >= 0) & (kept < n)]
    kchars = float(L[kept].sum())
    f["sel_kept"] = float(kept.size)
    f["sel_share"] = _share(kchars, chars)
    f["sel_link"] = _share(float(LC[kept].sum()), kchars)
    f["sel_article"] = float(selection.is_article)
    f["sel_headings"] = float(np.count_nonzero(is_head[kept]))
    f["sel_list"] = np.count_nonzero(K[kept] == _ITEM) / max(kept.size, 1)
    f["sel_position"] = float(kept[0]) / nn if kept.size else 1.0
    f["sel_parents"] = _share(float(len({blocks[i].ancestors[-1] if blocks[i].ancestors else -1 for i in kept.tolist()})), float(kept.size))
    f["sel_good"] = _share(float(L[kept][good[kept]].sum()), good_chars)
    anchors = compress(els, map("a".__eq__, tags))
    f.update(zip(_LINK_NAMES, _link_features(anchors, host, path)))
    return np.array([f[k] for k in STRUCTURE_NAMES], dtype=np.float64)


# --- v4: the text model ----------------------------------------------------------------
#: Hash buckets of the text model's words (crc32 of the marked word, masked): 2^14
#: keeps the weights at 7 x 16,384 float32 (~0.4 MB) with few collisions among the
#: ~20k distinct words of the training pages.
TEXT_BUCKETS = 1 << 14
_WORD = re.compile(r"\w\w+")
_URL_WORD = re.compile(r"[a-z]{2,}")


def text_words(doc: Document) -> list[str]:
    """The words the text model reads, each marked with where it stands: the address's
    letter runs ("u_services"), the <title>'s words ("t_..."), the unlinked headings' ("h_...")."""
    url = (doc.page.url or "").lower()
    url = url.split("://", 1)[-1]
    words = ["u_" + w for w in _URL_WORD.findall(url)]
    words += ["t_" + w for w in _WORD.findall((doc.title or "").lower())]
    # headings that are not links: a listing's item titles are links to the items (and
    # read like an article's headline; with them, a section front of 20 headlines was
    # an article to the text model)
    heads = " ".join(b.text for b in doc.blocks if b.kind is BlockKind.HEADING and 2 * b.link_chars < len(b.text)).lower()
    words += ["h_" + w for w in _WORD.findall(heads)]
    return words


def text_buckets(doc: Document) -> np.ndarray:
    """The distinct hash buckets of `text_words` (sorted int64)."""
    words = text_words(doc)
    codes = np.fromiter((zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in words), np.int64, len(words))
    return np.unique(codes & (TEXT_BUCKETS - 1))


@dataclass(frozen=True)
class TextModel:
    """Multinomial logistic regression over the buckets, each present bucket 1/sqrt(n)
    (an L2-normalised binary row, as in training)."""

    weights: np.ndarray  # (TEXT_BUCKETS, len(MODEL_TYPES)) float32
    bias: np.ndarray  # (len(MODEL_TYPES),) float64

    def proba(self, buckets: np.ndarray) -> np.ndarray:
        z = self.bias.astype(np.float64)
        if buckets.size:
            z = z + self.weights[buckets].sum(axis=0, dtype=np.float64) / np.sqrt(buckets.size)
        e = np.exp(z - z.max())
        out: np.ndarray = e / e.sum()
        return out

    def save(self, path: Path) -> None:
        with path.open("wb") as fh:
            np.savez_compressed(fh, weights=self.weights.astype(np.float32), bias=self.bias.astype(np.float64))

    @classmethod
    def load(cls, path: Path) -> TextModel:
        with np.load(path, allow_pickle=False) as z:
            return cls(np.asarray(z["weights"], np.float32), np.asarray(z["bias"], np.float64))


@lru_cache(maxsize=1)  # read once; a TextModel is never written to
def load_text_model(path: Path = TEXT_FILE) -> TextModel | None:
    """The shipped text model, or None when its file is missing or of another shape."""
    if not path.exists():
        return None
    tm = TextModel.load(path)
    if tm.weights.shape != (TEXT_BUCKETS, len(MODEL_TYPES)) or tm.bias.shape != (len(MODEL_TYPES),):
        return None
    return tm


# --- the classifier ------------------------------------------------------------------
@dataclass(frozen=True)
class PageType:
    """The classifier's answer: the type, the model's probability for each of
    MODEL_TYPES (empty for an error page or without a model), and why."""

    page_type: str
    probabilities: tuple[float, ...] = ()
    reason: str | None = None

    @property
    def is_article(self) -> bool:
        return self.page_type == "article"


#: A page is an article when the model gives `article` at least this probability,
#: even if another type scores higher. Swept OOF on wcxb-dev (accuracy, article-vs-not
#: F1, readability called article; v1 model): 0.5 -> 0.840, 0.917, 0.946; 0.4 -> 0.834, 0.913,
#: 0.954; 0.3 -> 0.822, 0.902, 0.985. v3 (folds by registered domain, mean of seeds
#: 7/8/9): 0.5 -> 0.847, 0.917, 0.977; 0.4 -> 0.843, 0.913, 0.977; 0.3 -> 0.836, 0.905,
#: 0.979; adding "or p(article) >= r * the top probability" for r = 0.9 / 0.7 / 0.5:
#: 0.845 / 0.840 / 0.833 accuracy, 0.915 / 0.909 / 0.900 F1, readability 0.977 / 0.977 /
#: 0.982. Favouring close articles costs more than it saves: the pages it would win
#: back (two Mozilla product pages, a Mercurial manual page, a New York Times front)
#: are not articles by WCXB's definitions. The label follows the model; the extraction of
#: an unsure article is decided apart (`scoring.pagetypes.ARTICLE_STRATEGY_P`).
ARTICLE_MIN_P = 0.5


@lru_cache(maxsize=1)  # the shipped model is read once; a Forest is immutable
def load_model(path: Path = MODEL_FILE) -> Forest | None:
    """The shipped page-type model, or None when its file is missing."""
    if not path.exists():
        return None
    forest = Forest.load(path)
    if forest.n_features != len(FEATURE_NAMES) or forest.n_classes != len(MODEL_TYPES):
        return None  # a file for another feature set: the classifier falls back
    return forest


def type_probabilities(doc: Document, selection: Selection, model: Forest | None = None,
                       text: TextModel | None = None) -> np.ndarray:
    """The model's probability for each of MODEL_TYPES (a feature for later stages);
    without a model, all of it on `article`. `text`: the text model (else the shipped one)."""
    forest = model or load_model()
    if forest is None or doc.page.kind != "html":
        out = np.zeros(len(MODEL_TYPES))
        out[0] = 1.0
        return out
    return np.asarray(forest.proba(page_features(doc, selection, text)[None, :])[0], dtype=np.float64)


def document_probabilities(doc: Document, removed: Mapping[int, Removal] | None = None) -> np.ndarray:
    """`type_probabilities` for a Document alone (the rules scorer's selection is made
    here): the page-type vector a block scorer can take as page-level features."""
    from cleannews.scoring.dom import select_html_blocks

    if doc.page.kind != "html":
        return type_probabilities(doc, Selection(kept=()))
    return type_probabilities(doc, select_html_blocks(doc, removed or {}))


def classify(doc: Document, selection: Selection, title: str | None = None, model: Forest | None = None,
             probabilities: Sequence[float] = (), text: TextModel | None = None) -> PageType:
    """The page's type: `error` by rule, else the model's most probable type.
    `probabilities`: `type_probabilities(doc, selection, model)` when a stage before
    computed them already (the learned scorer's gate), else empty."""
    why = error_reason(doc, selection, title)
    if why:
        return PageType("error", (), why)
    if doc.page.kind != "html":
        return PageType("article", (), None)  # dumps carry no page structure to read
    p = np.asarray(probabilities, dtype=np.float64) if len(probabilities) else type_probabilities(doc, selection, model, text)
    k = 0 if p[0] >= ARTICLE_MIN_P else int(np.argmax(p))
    t = MODEL_TYPES[k]
    reason = None if t == "article" else f"a {t} page (page-type model, p={p[k]:.2f})"
    return PageType(t, tuple(float(x) for x in p), reason)


def describe(features: np.ndarray) -> str:
    """The features by name (for the explain view and debugging)."""
    return json.dumps({k: round(float(v), 3) for k, v in zip(FEATURE_NAMES, features)})
