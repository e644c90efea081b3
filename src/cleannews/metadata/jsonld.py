"""JSON-LD (schema.org) metadata: NewsArticle and friends, @graph, arrays, nested authors.

`read_jsonld(tree)` returns a `JsonLd` with the fields of the best article object on
the page plus site-level facts (WebSite / Organization name, breadcrumbs). Bad JSON
is repaired where cheap (comments, trailing commas, raw control characters) and
otherwise skipped; nothing here raises.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any

from cleannews.metadata.values import clean_value

#: schema.org types that describe the page's article, most specific first
#: (schema.org CreativeWork > Article hierarchy, plus the types sites use in practice).
ARTICLE_TYPES = (
    "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "article", "blogposting", "socialmediaposting",
    "discussionforumposting", "liveblogposting", "techarticle", "scholarlyarticle", "report", "posting", "review", "recipe",
    "creativework", "videoobject", "medicalwebpage", "webpage", "itempage", "aboutpage",
)
#: Types whose `name` is the site's name.
SITE_TYPES = ("website", "organization", "newsmediaorganization", "corporation")
PERSON_TYPES = ("person", "organization", "newsmediaorganization")
#: A JSON-LD script larger than this is a data dump (product catalogues, state), not metadata.
MAX_JSONLD_CHARS = 200_000
#: Recorded errors are cut to this many characters (a message may quote the page).
MAX_ERROR_CHARS = 200

_TRAILING_COMMA = re.compile(r",\s*([\]}])")
_CONTROL = re.compile(r"[\x00-\x1f]")


@dataclass(frozen=True)
class JsonLd:
    headline: str | None = None
    name: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    language: str | None = None
    url: str | None = None
    publisher: str | None = None
    site_name: str | None = None
    breadcrumb: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    kind: str | None = None  # the article object's @type, lower-cased
    #: One line a script that is not JSON even after repairs ("jsonld: ValueError: ..."):
    #: the page's fault, recorded for the explain view, never raised.
    errors: tuple[str, ...] = ()


def _loads(raw: str) -> tuple[Any, str | None]:
    """The script's JSON value, repaired where sites commonly break it (HTML comment or
    CDATA wrappers, trailing commas, raw control characters); (None, error) when it is
    still not JSON."""
    raw = raw.strip()
    raw = raw.removeprefix("<!--").removesuffix("-->")
    raw = raw.replace("<![CDATA[", "").replace("]]>", "").strip().rstrip(";")
    try:
        return json.loads(raw), None
    except (ValueError, RecursionError):
        pass
    try:
        fixed = _TRAILING_COMMA.sub(r"\1", raw)
        fixed = _CONTROL.sub(" ", fixed)
        return json.loads(fixed), None
    except (ValueError, RecursionError) as exc:  # not JSON; or nested past Python's stack
        return None, f"jsonld: {type(exc).__name__}: {exc}"[:MAX_ERROR_CHARS]


def _objects(data: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    """Flatten @graph, arrays and top-level objects into a list of dicts."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            _objects(item, out, depth + 1)
    elif isinstance(data, dict):
        out.append(data)
        graph = data.get("@graph")
        if graph is not None:
            _objects(graph, out, depth + 1)
        main = data.get("mainEntity")
        if isinstance(main, (dict, list)):
            _objects(main, out, depth + 1)


def _types(obj: dict[str, Any]) -> tuple[str, ...]:
    t = obj.get("@type")
    if isinstance(t, str):
        return (t.lower().rsplit("/", 1)[-1],)
    if isinstance(t, list):
        return tuple(x.lower().rsplit("/", 1)[-1] for x in t if isinstance(x, str))
    return ()


def _text(v: Any) -> str | None:
    if isinstance(v, str):
        return clean_value(v)
    if isinstance(v, list) and v:
        return _text(v[0])
    if isinstance(v, dict):
        return _text(v.get("name") or v.get("@value"))
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    return None


def _names(v: Any, out: list[str], depth: int = 0) -> None:
    """Author names from a string, an object with `name`, or a list of either."""
    if depth > 3 or v is None:
        return
    if isinstance(v, str):
        s = clean_value(v)
        if s:
            out.append(s)
    elif isinstance(v, list):
        for item in v:
            _names(item, out, depth + 1)
    elif isinstance(v, dict):
        name = v.get("name")
        if isinstance(name, (str, list)):
            _names(name, out, depth + 1)
        elif v.get("givenName") or v.get("familyName"):
            out.append(" ".join(str(v.get(k) or "") for k in ("givenName", "familyName")).strip())


def _image_urls(v: Any) -> tuple[str, ...]:
    out: list[str] = []
    for item in v if isinstance(v, list) else [v]:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            u = item.get("url") or item.get("contentUrl")
            if isinstance(u, str):
                out.append(u)
    return tuple(out[:5])


def _rank(obj: dict[str, Any]) -> int:
    types = _types(obj)
    best = len(ARTICLE_TYPES)
    for t in types:
        if t in ARTICLE_TYPES:
            best = min(best, ARTICLE_TYPES.index(t))
    return best


def read_jsonld(tree: Any) -> JsonLd:
    """The page's JSON-LD, reduced to the fields the metadata stage reads; scripts
    that are not JSON are skipped and named in `errors`."""
    objs: list[dict[str, Any]] = []
    errors: list[str] = []
    for el in tree.iter("script"):
        t = (el.get("type") or "").lower()
        if "ld+json" not in t:
            continue
        raw = el.text
        if not raw or len(raw) > MAX_JSONLD_CHARS:
            continue
        data, error = _loads(raw)
        if error:
            errors.append(error)
        if data is not None:
            _objects(data, objs)
    if not objs:
        return JsonLd(errors=tuple(errors))
    return replace(_reduce(objs), errors=tuple(errors))


def _reduce(objs: list[dict[str, Any]]) -> JsonLd:
    site_name = publisher = None
    crumbs: tuple[str, ...] = ()
    for o in objs:
        types = _types(o)
        if site_name is None and "website" in types:
            site_name = _text(o.get("name"))
        if not crumbs and "breadcrumblist" in types:
            items = o.get("itemListElement")
            names: list[str] = []
            if isinstance(items, list):
                items = sorted((i for i in items if isinstance(i, dict)), key=lambda i: _pos(i.get("position")))
                for i in items:
                    n = _text(i.get("name")) or (_text(i.get("item")) if isinstance(i.get("item"), dict) else None)
                    if n:
                        names.append(n)
            crumbs = tuple(names)
    ranked = sorted((o for o in objs if _rank(o) < len(ARTICLE_TYPES)), key=_rank)
    if not ranked:
        return JsonLd(site_name=site_name, breadcrumb=crumbs)
    art = ranked[0]
    # An article object without the field borrows it from a lesser one (a WebPage
    # in the same @graph usually carries dates when the Article does not).
    def pick(key: str) -> Any:
        for o in ranked:
            v = o.get(key)
            if v not in (None, "", []):
                return v
        return None

    authors: list[str] = []
    _names(art.get("author") or pick("author") or art.get("creator"), authors)
    pub = art.get("publisher") or pick("publisher")
    publisher = _text(pub.get("name")) if isinstance(pub, dict) else _text(pub)
    section = _text(art.get("articleSection"))
    lang = art.get("inLanguage")
    url = art.get("url") or art.get("mainEntityOfPage")
    if isinstance(url, dict):
        url = url.get("@id") or url.get("url")
    return JsonLd(
        headline=_text(art.get("headline")),
        name=_text(art.get("name")),
        description=_text(art.get("description")),
        authors=tuple(authors),
        published=_text(art.get("datePublished") or pick("datePublished") or art.get("dateCreated")),
        modified=_text(art.get("dateModified") or pick("dateModified")),
        section=section,
        language=_text(lang) if isinstance(lang, (str, dict)) else None,
        url=url if isinstance(url, str) else None,
        publisher=publisher,
        site_name=site_name,
        breadcrumb=crumbs,
        # a forum post's `image` is its poster's avatar (XenForo), not an article image
        images=() if "discussionforumposting" in _types(art) else _image_urls(art.get("image")),
        kind=_types(art)[0] if _types(art) else None,
    )


def _pos(v: Any) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return 0
