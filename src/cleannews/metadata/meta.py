"""Meta tags (OpenGraph, article:*, Twitter cards, Dublin Core, name=author/date...),
microdata (itemprop) and RDFa (property) attributes, `<html lang>`, canonical link.

`read_meta(tree)` makes one pass over the elements that can carry metadata and
returns a `MetaTags`: a mapping of lower-cased key -> values in page order, plus the
few things that are not meta elements. Keys are the `name`, `property`,
`itemprop` or `http-equiv` attribute as written (e.g. "og:title",
"article:published_time", "author", "dc.creator", "itemprop:datepublished"), except
that Dublin Core's RDFa form "dc:title" is read as its meta-name form "dc.title".
When a page gives the same key in `<meta property=...>` and `<meta name=...>`, the
`property` values win (RDFa is the stricter markup; Readability.js prefers it too).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from cleannews.lang import merged_metadata
from cleannews.metadata.values import clean_value

#: Meta keys that give the publication date, most trusted first. Sources: OpenGraph
#: article namespace, schema.org microdata, Dublin Core, and the site-specific names
#: htmldate and trafilatura check (sailthru, parsely, citation_*, pubdate...).
PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "article:published", "og:published_time",
    "itemprop:datepublished", "datepublished", "article.published", "published_time", "published-date",
    "publish-date", "publishdate", "publish_date", "published", "pubdate", "pub_date", "publication_date",
    "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date", "dc.date.issued",
    "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
    "originalpublicationdate", "article_date_original", "cxenseparse:recs:publishtime", "og:pubdate",
    "bt:pubdate", "date", "created", "creation_date", "datecreated", "itemprop:datecreated",
    "release_date", "rnews:datepublished", "dc.created", "last-modified-date-original",
    # OpenGraph's keys written with a colon for the underscore (an Angular storefront CMS)
    "article:published:time",
)
MODIFIED_KEYS = (
    "article:modified_time", "og:updated_time", "article:modified", "itemprop:datemodified", "datemodified",
    "dcterms.modified", "dc.date.modified", "last-modified", "lastmod", "modified", "updated",
    "article:modified:time",
)
#: Meta keys that name the author, most trusted first (Dublin Core, then the common
#: name=author, OpenGraph's article namespace and the analytics tags of news CMSs).
#: The first key that has values is read (`MetaTags.first_key`).
AUTHOR_KEYS = (
    "dc.creator", "dcterms.creator", "author", "article:author", "og:article:author", "parsely-author",
    "sailthru.author", "citation_author", "byl", "article:author_name",
)
#: Meta keys of the description (the standfirst or SEO summary), most trusted first.
DESCRIPTION_KEYS = ("og:description", "description", "twitter:description", "dc.description")
#: Meta keys of the section: OpenGraph's and microdata's first; the analytics tags
#: only after JSON-LD's articleSection and breadcrumb (`LATE_SECTION_KEYS`).
SECTION_KEYS = ("article:section", "og:article:section", "itemprop:articlesection")
LATE_SECTION_KEYS = ("parsely-section", "section")
LANGUAGE_KEYS = ("content-language", "language", "og:locale", "dc.language", "dcterms.language", "lang")

#: Elements outside <head> that carry microdata we read (itemprop values).
MICRODATA_PROPS = frozenset(("author", "creator", "datepublished", "datecreated", "datemodified",
                             "headline", "name", "description", "articlesection", "publisher",
                             "dateline", "inlanguage"))


#: Microdata date properties.
_DATE_PROPS = frozenset(("datepublished", "datecreated", "datemodified"))
#: RDFa properties worth reading off visible elements (Dublin Core, schema.org,
#: OpenGraph names); others (articleBody, about...) would copy whole sections.
_RDFA_WANTED = re.compile(r"title|headline|creator|author|date|published|modified|issued|created|section|site_name")
#: Microdata values longer than this are containers, not values.
MAX_VALUE_CHARS = 300

#: Dublin Core written as an RDFa CURIE ("dc:creator", "dcterms:issued") names the
#: same term as the meta-name form ("DC.creator", "dcterms.issued").
_DC_CURIE = re.compile(r"^(dc|dcterms):")


def _key(attr_value: str) -> str:
    if not attr_value.startswith(("dc:", "dcterms:")):  # the common case, without a regex call
        return attr_value
    return _DC_CURIE.sub(r"\1.", attr_value)


#: One C-level query for every element that can carry metadata, for a bare tree;
#: `//@itemprop/..` is `//*[@itemprop]` without testing every element (1.6x cheaper).
_XPATH = etree.XPath("//meta|//link|//time|//@itemprop/..|//@property/..|//a[@rel]")
#: The tags `_XPATH` takes whatever their attributes.
_META_TAGS = frozenset(("meta", "link", "time"))


def metadata_elements(elements: Sequence[Any]) -> list[Any]:
    """What `_XPATH` finds, in the same (document) order, picked from the tree's nodes
    as a preorder sequence (`Document.elements`, built once and shared with the
    author-element walk and later stages): building it and this loop cost 0.70 ms a
    page against the XPath's 0.80 ms (CPU time, readability and fundus-dev, 259
    fresh pages, the same elements on every page)."""
    out = []
    for el in elements:
        tag = el.tag
        if tag in _META_TAGS:
            out.append(el)
            continue
        attrs = el.attrib  # empty for comments and processing instructions
        if attrs and ("itemprop" in attrs or "property" in attrs or (tag == "a" and "rel" in attrs)):
            out.append(el)
    return out
#: Elements whose class may name the author (filtered by `AUTHOR_CLASS` below): one
#: C-level query, a substring test on the class attribute.
#: Substrings a class or an href must hold before the regexes below are tried: one
#: walk over the tree with plain `in` tests costs about 0.6 ms a page, where an XPath
#: with four contains() predicates cost 4 ms (fundus-dev, 60 pages).
_AUTHOR_CLASS_HINTS = ("uthor", "autor", "yline")
_AUTHOR_HREF_HINTS = ("/author", "/autor", "/auteur")
#: A class token that says "this element is the author's name": WordPress and news
#: themes' "author-name", "author", "byline__name", "post-author", "entry-author",
#: Spanish "autor", French "auteur" (not "author-bio", "author-image", "authors-list").
AUTHOR_CLASS = re.compile(
    r"^(?:[\w-]*[-_])?(?:authors?|autor|autores|auteur|byline)(?:[-_]{1,2}(?:name|link|title)|name)?$"
)
#: An author element's text is a name: at most this many characters.
MAX_AUTHOR_TEXT = 80
#: Links to an author's archive page: WordPress "/author/jane-roe/", and the same
#: path in the CMSs that copied it ("/authors/", "/autor/", "/auteur/", "/autore/").
_AUTHOR_HREF = re.compile(r"/(?:" + "|".join(merged_metadata().author_url_segments) + r")/[^/?#]+/?(?:[?#]|$)", re.IGNORECASE)
#: Yoast SEO's reading-time card writes the author as twitter:labelN = "Written by",
#: twitter:dataN = the name (the label in the site's language).
_WRITTEN_BY = re.compile(r"^(?:" + "|".join(merged_metadata().written_by_labels) + ")$", re.IGNORECASE)


@dataclass(frozen=True)
class MetaTags:
    values: dict[str, tuple[str, ...]] = field(default_factory=dict)
    html_lang: str | None = None
    canonical: str | None = None
    author_links: tuple[str, ...] = ()  # text of <a rel=author>, <... itemprop=author> elements

    def card_author(self) -> str | None:
        """The name in a "Written by" twitter card (twitter:labelN / twitter:dataN), or
        in Yoast's `<meta name="twitter:misc:Written by" content=...>` (its name holds a
        space, so it is read as the keys "twitter:misc:written" and "by")."""
        misc = self.first(("twitter:misc:written",))
        if misc:
            return misc
        for n in range(1, 5):
            label = self.first((f"twitter:label{n}",))
            if label and _WRITTEN_BY.match(label.strip()):
                return self.first((f"twitter:data{n}",))
        return None
    times: tuple[tuple[str, str], ...] = ()  # (<time datetime>, the element's cues) in page order

    def first(self, keys: tuple[str, ...]) -> str | None:
        for k in keys:
            for v in self.values.get(k, ()):
                if v:
                    return v
        return None

    def first_key(self, keys: tuple[str, ...]) -> list[str]:
        """All values of the first key in `keys` that has any."""
        for k in keys:
            vals = [v for v in self.values.get(k, ()) if v]
            if vals:
                return vals
        return []

    def all(self, keys: tuple[str, ...]) -> list[str]:
        values = self.values
        if not values:  # a page without meta tags (most fuzzed ones): no key to look up
            return []
        return [v for k in keys for v in values.get(k, ()) if v]


def _text(el: Any, limit: int = 2000) -> str:
    """Visible text of an element, at most about `limit` characters (containers are cut)."""
    try:
        parts: list[str] = []
        n = 0
        for t in el.itertext():
            parts.append(t)
            n += len(t)
            if n > limit:
                break
        return " ".join("".join(parts).split())
    except (ValueError, TypeError):
        return ""


def _cues(el: Any) -> str:
    parts = []
    for e in (el, el.getparent()):
        if e is None:
            continue
        parts.append(f"{e.get('class') or ''} {e.get('id') or ''} {e.get('itemprop') or ''}")
    return " ".join(parts).lower()


def author_elements(tree: Any, elements: Sequence[Any] | None = None) -> tuple[list[str], list[str]]:
    """Texts of links to an author archive ("/author/jane-roe/") and of elements
    classed as the author's name (span.author-name, span.autor), in page order, from
    one walk over the tree (or over `elements`, its nodes in preorder when the
    document already holds them). Not part of `read_meta`: the metadata stage walks
    only when no other source names the author."""
    hrefs: list[str] = []
    classes: list[str] = []
    for el in tree.iter() if elements is None else elements:
        if el.tag.__class__ is not str:
            continue  # comments, processing instructions
        c = el.get("class")
        if c and ("uthor" in c or "autor" in c or "yline" in c) and any(  # _AUTHOR_CLASS_HINTS, unrolled
                AUTHOR_CLASS.match(x) for x in c.lower().split()):
            t = _text(el, MAX_AUTHOR_TEXT)
            if t and len(t) <= MAX_AUTHOR_TEXT:
                classes.append(t)
        if el.tag == "a":
            h = el.get("href")
            if h and ("/author" in h or "/autor" in h or "/auteur" in h) and _AUTHOR_HREF.search(h):  # _AUTHOR_HREF_HINTS
                t = _text(el, MAX_AUTHOR_TEXT)
                if t and len(t) <= MAX_AUTHOR_TEXT:
                    hrefs.append(t)
    return hrefs, classes


def _author_name(el: Any) -> str:
    """The name an `itemprop=author` element gives: its `itemprop=name` child's text
    or `content` (a `<meta>` holds it in the attribute), else its own content or text."""
    named = [n for n in el.iter() if (n.get("itemprop") or "").lower() == "name"]
    if named:
        return _text(named[0], MAX_VALUE_CHARS) or clean_value(named[0].get("content")) or ""
    return str(el.get("content") or _text(el, MAX_VALUE_CHARS))


#: Class tokens of the element that holds a forum post's author: XenForo and phpBB
#: "username", vBulletin "bigusername", microformats "u-author"/"p-author", and the
#: common "post-author"/"postauthor"/"poster"/"author".
POSTER_CLASSES = frozenset(("username", "bigusername", "u-author", "p-author", "post-author", "postauthor",
                            "poster", "author", "user-name"))
#: Attributes whose value is the post's author (XenForo's `data-author` on each
#: message, Reddit's `author` on a post element).
POSTER_ATTRS = ("data-author", "author")
#: A poster's name is a user name: at most this many characters and words.
MAX_POSTER_CHARS = 40
MAX_POSTER_WORDS = 4


def _poster_text(value: str | None) -> str | None:
    v = " ".join((value or "").split())
    if not v or len(v) > MAX_POSTER_CHARS or len(v.split()) > MAX_POSTER_WORDS or not any(c.isalnum() for c in v):
        return None
    return v


def first_poster(elements: Sequence[Any]) -> str | None:
    """The user name of a forum page's first post, in page order: an author attribute
    (`data-author`), an element classed as the post's author (`a.username`), a
    microdata author, or an `<a rel=author>`. Forum posters go by handles
    ("jdoe", "user3080392"), which the byline rules reject as not a person's name, so
    this is read only for a page the page-type classifier calls a forum."""
    for el in elements:
        if el.tag.__class__ is not str:
            continue
        attrs = el.attrib
        if not attrs:
            continue
        for a in POSTER_ATTRS:
            if a in attrs:
                v = _poster_text(attrs[a])
                if v:
                    return v
        c = attrs.get("class")
        if c and POSTER_CLASSES.intersection(c.lower().split()):
            v = _poster_text(_text(el, MAX_POSTER_CHARS + 1))
            if v:
                return v
        if "author" in (attrs.get("itemprop") or "").lower().split():
            v = _poster_text(_author_name(el))
            if v:
                return v
        if el.tag == "a" and (attrs.get("rel") or "").lower() == "author":
            v = _poster_text(_text(el, MAX_POSTER_CHARS + 1))
            if v:
                return v
    return None


def read_meta(tree: Any, elements: Sequence[Any] | None = None) -> MetaTags:
    """Collect meta tags, microdata, RDFa, `<time>` and author links in one pass;
    `elements` are the tree's nodes in preorder (`Document.elements`), when known."""
    values: dict[str, list[str]] = {}
    # values of <meta property=...>: they replace <meta name=...> values of the same key
    props: dict[str, list[str]] = {}
    canonical = None
    author_links: list[str] = []
    times: list[tuple[str, str]] = []

    def add(key: str, value: str | None, into: dict[str, list[str]] | None = None) -> None:
        v = clean_value(value)
        if v:
            (values if into is None else into).setdefault(key, []).append(v)

    html_lang = tree.get("lang") or tree.get("xml:lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    for el in _XPATH(tree) if elements is None else metadata_elements(elements):
        tag = el.tag
        if tag == "meta":
            content = el.get("content")
            if content is None:
                content = el.get("value")
            for attr in ("property", "name", "itemprop", "http-equiv"):
                k = el.get(attr)
                if k:
                    prefix = "itemprop:" if attr == "itemprop" else ""
                    # RDFa allows several space-separated properties in one attribute.
                    for key in k.lower().split():
                        add(prefix + _key(key), content, props if attr == "property" else values)
            continue
        if tag == "link":
            rel = (el.get("rel") or "").lower()
            if canonical is None and rel == "canonical":
                canonical = el.get("href")
            elif el.get("itemprop"):
                add("itemprop:" + el.get("itemprop").lower(), el.get("href"))
            continue
        dt = None
        if tag == "time":
            dt = el.get("datetime") or el.get("content")
            if dt:
                times.append((dt, _cues(el) + (" pubdate" if el.get("pubdate") is not None else "")))
        prop = el.get("itemprop")
        if prop:
            for p in prop.lower().split():
                if p not in MICRODATA_PROPS:
                    continue
                if dt and p in _DATE_PROPS:
                    # a <time itemprop=datePublished datetime=...> is one source: it is read
                    # as a time element (its itemprop is among its cues), not a second time
                    # as a meta value, so that one element casts one vote
                    continue
                if p in ("author", "creator"):
                    # <span itemprop=author><span itemprop=name>X</span></span>, or
                    # <div itemprop=author><meta itemprop=name content=X></div>
                    text = _author_name(el)
                    if text:
                        author_links.append(text)
                    continue
                value = el.get("datetime") or el.get("content") or (
                    el.get("href") if tag == "a" and p == "publisher" else None
                ) or _text(el, MAX_VALUE_CHARS)
                add("itemprop:" + p, value[:MAX_VALUE_CHARS])
        rdfa = el.get("property")
        if rdfa and tag != "meta":
            for p in rdfa.lower().split():
                if _RDFA_WANTED.search(p):
                    add(_key(p), (el.get("content") or _text(el, MAX_VALUE_CHARS))[:MAX_VALUE_CHARS])
        if tag == "a" and (el.get("rel") or "").lower() == "author":
            t = _text(el, MAX_VALUE_CHARS)
            if t:
                author_links.append(t)
    values.update(props)
    return MetaTags(
        values={k: tuple(v) for k, v in values.items()},
        html_lang=html_lang,
        canonical=canonical,
        author_links=tuple(author_links),

        times=tuple(times),
    )
