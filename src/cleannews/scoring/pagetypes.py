"""Per-type extraction: adjust a selection where the article strategy fails.

The block scorers (rules or learned) look for one article body: a dense container of
prose, with comment-like, card-like and link-heavy blocks dropped. That is right for
an article and wrong for the other page types WCXB names, whose main content is
spread over many repeated parts:

- forum: every post of the thread ("comment", "reply", "post" classes are the
  content there, not noise around it);
- product: the description and the specifications (tables, lists), plus the
  JSON-LD `Product.description` when the page's text does not show it;
- collection / listing: the items (title and teaser), link-heavy as they are;
- documentation: the text, without sidebars, tables of contents, version pickers;
- service: every section of the page, not the hero alone.

`adjust(doc, selection, page_type)` takes the scorer's selection and returns a new
one; it runs after either scorer. For non-article types it keeps the page's *main
region* (`main_region`): the element the page marks as main (`<main>`, role=main,
an id or class "main"/"content"), else the smallest element around the scorer's
choice that holds most of the page's text; inside it, every block except
structural furniture (nav, footer, aside, breadcrumbs, share bars, cookie banners,
forms). The type then decides what furniture is (forum: posts are content; docs:
sidebars and TOCs are furniture) and how link-heavy a kept block may be. With the
learned scorer, a region block it did not keep needs a small main-text probability
(REGION_PROB_MIN); and a non-article page other than documentation says each thing
once (UNIQUE_TYPES: repeated item titles, labels and quoted posts are dropped).
Measured on wcxb-dev by page type with the out-of-fold page type (see
docs/design.md); a change is kept only when it raises word F1 there.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from cleannews.document import Document
from cleannews.models import Block, BlockKind, Removal
from cleannews.pagetype import MODEL_TYPES, PageType
from cleannews.scoring import Selection, rules

#: Tags whose subtree is page furniture in every page type (a <fieldset> holds a
#: product card's size and colour pickers: collection word F1 0.693 -> 0.703).
FURNITURE_TAGS = frozenset(("nav", "footer", "aside", "form", "fieldset", "menu", "dialog"))
#: Tags that are furniture on one type only: a product page's <header> is the shop's
#: banner, not the product (product word F1 with the true type 0.645 -> 0.653; on the
#: other types it cost up to 0.004).
TYPE_FURNITURE_TAGS: dict[str, frozenset[str]] = {"product": frozenset(("header",))}
#: Class/id words of furniture on every page type (one token or a token prefix).
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|cookie|consent|gdpr|newsletter|"
    r"subscribe|signup|sign-up|login|share|sharing|social|skip|sr-only|screen-reader|visually-hidden|"
    r"modal|popup|banner-ad|advert|ads|ad|sponsor|pagination|pager|paging|onetrust|ot-sdk|ot-pc|didomi|"
    r"usercentrics|qc-cmp2?)(?:$|[\s_-])",
    re.IGNORECASE,
)
#: CSS-framework classes that hide an element (Bootstrap's "d-none", Tailwind's
#: "hidden") with no "d-md-block" / "md:block" beside it to show it on larger screens.
_HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:d-none|hidden|hide|is-hidden|invisible)(?:$|\s)")
_SHOWN_AGAIN = re.compile(r"(?:^|\s)(?:d-(?:sm|md|lg|xl)-|(?:sm|md|lg|xl):)(?:block|flex|inline|grid|table)")
#: Furniture of documentation pages (sidebars, tables of contents, version pickers,
#: "edit this page" and "was this helpful" boxes).
_DOCS_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:sidebar|sidenav|side-nav|toc|toctree|table-of-contents|on-this-page|version|versions|"
    r"edit-?page|edit-this|feedback|helpful|prev-next|prevnext|related)(?:$|[\s_-])",
    re.IGNORECASE,
)
#: Furniture of forum posts: the poster's card (name, title, join date, post count,
#: badges), signatures, vote and reaction bars (seen on wcxb-dev's forum pages:
#: phpBB "postprofile", XenForo "message-userExtras" and its "pairs--justified"
#: stats), and the one-line comments under a Q&A post ("comments-list", "comment-copy"), which WCXB's
#: truth leaves out of the thread. Forum word F1 with the true type: 0.753 before
#: the engines' user cards were added, 0.762 after, 0.780 with the Q&A comment lists.
_FORUM_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:user-?(?:info|details|title|stats|card|badge|profile|avatar)|usertitle|postprofile|signature|"
    r"badges?|flair|author_?stat\w*|member-?(?:info|stats)|post-?(?:badge|footer|actions|controls|menu)|postleft|"
    r"userextras|pairs--justified|pairsjustified|reactions?|likes|votes?|vote-?(?:count|cell|bar)|avatar|"
    r"contentalert|comments-list|comment-copy|comments__list-item__\w+)(?:$|[\s_-])",
    re.IGNORECASE,
)
#: Furniture of product pages: customer reviews and ratings, "recently viewed",
#: up-sell and cross-sell carousels (WCXB's truth keeps the product's own text).
_PRODUCT_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:reviews?|reviewer\w*|review-\w+|ratings?|rating-\w+|stars?|recently-?viewed|upsells?|"
    r"cross-?sells?|also-?(?:bought|viewed|like))(?:$|[\s_-])",
    re.IGNORECASE,
)
#: An element whose own class says it holds text is content even under a furniture
#: tag: Discourse quotes a post in <aside class="quote">, Reddit a comment in
#: <form class="usertext">.
_CONTENT_MARK = re.compile(r"quote|onebox|usertext|message|comment-?body|post-?body|(?:^|[\s_-])(?:content|text|body)(?:$|[\s_-])", re.IGNORECASE)
#: Each type's own furniture, besides what is furniture everywhere.
_TYPE_FURNITURE: dict[str, re.Pattern[str]] = {
    "documentation": _DOCS_FURNITURE,
    "forum": _FORUM_FURNITURE,
    "product": _PRODUCT_FURNITURE,
}
#: What a page marks as its main region.
_MAIN_MARK = re.compile(r"^(?:main|main-?content|maincontent|content|page-?content|site-?content|primary|main-?wrapper)$", re.IGNORECASE)

#: A non-article region holds at least this share of the page's link-poor text (a
#: <main> around the hero alone is not the page): the furniture rules, not the region's
#: bounds, take out the rest. Swept on wcxb-dev's non-article pages with their true type
#: (word F1 at 0.5 / 0.8 / 0.9 / 0.95): collection 0.663 / 0.679 / 0.692 / 0.692,
#: listing 0.712 / 0.733 / 0.733 / 0.749, product 0.622 / 0.635 / 0.628 / 0.616,
#: forum 0.753 / 0.750 / 0.753 / 0.662, service and documentation flat.
REGION_MIN_SHARE = 0.9
#: Link density over which a block is dropped on the types whose items are not links
#: (forum, product, documentation, service). Collections and listings keep their
#: linked item titles; they drop only link-only blocks shorter than ITEM_MIN_CHARS.
LINK_DROP = {"forum": 0.8, "product": 0.8, "documentation": 0.8, "service": 0.8}
ITEM_MIN_CHARS = 12
#: On these types, a link-dense block at least this long is a card that the page made
#: one link (a service's "Our consulting" tile with its description), kept. Service
#: word F1 with the true type: 0.831 without, 0.834 at 30 or 60 characters; on forum,
#: product and documentation pages it cost 0.000-0.002, so it is for service only.
CARD_LINK_CHARS: dict[str, int] = {"service": 30}
_NEVER = 1 << 30

#: With the learned scorer (its `Selection.probability`), a block of the region that the
#: scorer did not keep is added only when its main-text probability is at least this
#: (the rules scorer gives no probabilities: no floor). Swept with the `cv` run's
#: out-of-fold block probabilities and the out-of-fold page types (learned + per-type,
#: word F1 wcxb-dev all / collection / forum / product / service / listing): 0 ->
#: 0.8673 / 0.699 / 0.767 / 0.652 / 0.840 / 0.739; 0.1 -> 0.8699; 0.15 -> 0.8708 /
#: 0.711 / 0.777 / 0.669 / 0.844 / 0.734; 0.2 -> 0.8704; 0.3 -> 0.8672. Chosen nested
#: (one value for every type, picked on four folds by registered domain, scored on the
#: fifth): every fold picks 0.15, so the nested figure is 0.8708; readability 0.9640 ->
#: 0.9646, scrapinghub and fundus-dev unchanged. A floor on every kept block (the
#: scorer's too) only lost: 0.4 -> 0.8611, 0.5 -> 0.8505. Per-type values chosen the
#: same nested way gave 0.8692 (they overfit the folds), so one value.
REGION_PROB_MIN = 0.15

NON_ARTICLE = frozenset(("forum", "product", "collection", "listing", "documentation", "service"))


#: The article strategy (the scorer's selection as it is) is kept only when the page-type
#: model gives `article` at least this probability; below it, the page gets the
#: strategy of its most probable other type, even when it is still called an article:
#: the region strategy costs little on an article and saves much on a page that is not
#: one. Swept with the out-of-fold probabilities (word F1; wcxb-dev all / articles,
#: then readability body F1): 0.4 -> 0.841 / 0.935, 0.958; 0.7 -> 0.846 / 0.939, 0.959;
#: 0.8 -> 0.847 / 0.941, 0.956; 0.9 -> 0.849 / 0.941, 0.948. 0.7 costs no article set
#: anything (scrapinghub 0.975 throughout). Swept again with the v3 page-type model's
#: out-of-fold types (folds by registered domain; rules scorer, `pipeline.run`'s fields;
#: word F1 wcxb-dev all / listing / service, then readability): 0.5 -> 0.854 / 0.682 /
#: 0.827, 0.968; 0.6 -> 0.855 / 0.689 / 0.828, 0.968; 0.7 -> 0.856 / 0.695 / 0.841, 0.957;
#: 0.8 -> 0.858 / 0.703 / 0.836, 0.954; 0.9 -> 0.860 / 0.719 / 0.840, 0.953 (scrapinghub
#: 0.976 and fundus-dev 0.925 from 0.5 to 0.8, 0.973 / 0.925 at 0.9). Above 0.6 two
#: readability articles the model gives 0.65-0.70 (a blog post, a news story) lose most
#: of their body to the forum or listing strategy; a mis-extracted article costs more
#: than a listing's last points, so 0.6 (the v2 model at 0.7 on the same path gave
#: wcxb-dev 0.855, readability 0.968: no set loses against it).
ARTICLE_STRATEGY_P = 0.6


def strategy(page_type: PageType) -> str:
    """Which extraction a page gets: its type, or for an article the model is unsure
    of, its most probable other type (see ARTICLE_STRATEGY_P)."""
    p = page_type.probabilities
    if page_type.page_type != "article" or not p or p[0] >= ARTICLE_STRATEGY_P:
        return page_type.page_type
    k = max(range(1, len(p)), key=lambda i: (p[i], -i))
    return MODEL_TYPES[k]


def adjust(
    doc: Document,
    selection: Selection,
    page_type: str,
    removed: Mapping[int, Removal] | None = None,
    fields: Collection[int] = (),
) -> Selection:
    """The selection for a page of `page_type` (unchanged for article and error pages
    and for dumps, which have no tree to read). Blocks the cleaners `removed` stay out,
    and so do `fields`: the blocks the metadata stage read as an article's headline or
    byline, which the caller passes when the page is an article that only gets another
    type's strategy because the classifier is unsure (the region around an article's
    text holds its headline and byline; they are the Article's fields, not its body)."""
    if page_type not in NON_ARTICLE or doc.page.kind != "html" or not doc.blocks:
        return selection
    region, text = _region(doc, selection)
    if region is None:
        return selection
    furniture = _furniture_nodes(doc, page_type)
    # Furniture is read below the region only, and an element that holds most of the
    # region's text is layout whatever its tag (ASP.NET wraps whole pages in <form>).
    furniture = {n for n in furniture if text.get(n, 0) < REGION_MIN_SHARE * text.get(region, 0)}
    kept: list[int] = []
    dropped: dict[int, str] = {}
    limit = LINK_DROP.get(page_type)
    gone = removed or {}
    trailing = _trailing_link_lists(doc, selection) if limit is None else set()
    prob = selection.probability
    chosen = set(selection.kept)
    for b in doc.blocks:
        if b.kind is BlockKind.CAPTION or b.index in gone:
            continue
        if b.index in fields:
            dropped[b.index] = "an article's headline or byline: a field, not body"
            continue
        if not (b.node == region or region in b.ancestors):
            continue
        chain = (*b.ancestors, b.node)
        below = chain[chain.index(region) + 1 :]
        if any(a in furniture for a in below):
            dropped[b.index] = f"{page_type} page: furniture"
            continue
        pr = prob.get(b.index)
        if pr is not None and pr < REGION_PROB_MIN and b.index not in chosen:
            dropped[b.index] = f"{page_type} page: main-text probability {pr:.2f}"
            continue
        ld = b.link_density
        if limit is not None and ld > limit and b.kind is not BlockKind.HEADING and len(b.text) < CARD_LINK_CHARS.get(page_type, _NEVER):
            dropped[b.index] = f"{page_type} page: link density {ld:.2f}"
            continue
        if b.node in trailing:
            dropped[b.index] = f"{page_type} page: a list of links after the text"
            continue
        if limit is None and ld > rules.LINK_DENSITY_DROP and len(b.text) < ITEM_MIN_CHARS:
            dropped[b.index] = f"{page_type} page: a short link"
            continue
        kept.append(b.index)
    if page_type == "product":
        kept.extend(i for i in _described(doc) if i not in kept)
        for i in kept:
            dropped.pop(i, None)
    if not kept:
        return selection
    # The scorer's own choice stays: a region never loses what the scorer kept in it.
    merged = sorted(set(kept) | {i for i in selection.kept if i not in dropped})
    merged = _without_repeats(doc, merged, page_type, dropped)
    return Selection(
        kept=tuple(merged),
        dropped={i: r for i, r in {**selection.dropped, **dropped}.items() if i not in set(merged)},
        is_article=False,
        reason=f"a {page_type} page: its main region",
        items=item_groups(doc, merged, region) if page_type in ITEM_TYPES else (),
    )


#: The types whose body gives each item of their grid as one list block (issue #15:
#: collections and listings give their items, title and teaser, as list blocks).
ITEM_TYPES = frozenset(("collection", "listing"))
#: An element is an item when its parent holds at least this many elements of its tag
#: and first class name (a grid's cards, a result list's entries), and at least this
#: many of them hold kept blocks.
ITEM_MIN_SIBLINGS = 3


def item_groups(doc: Document, kept: Sequence[int], region: int) -> tuple[tuple[int, ...], ...]:
    """The kept blocks grouped by the grid item they sit in (see ITEM_MIN_SIBLINGS):
    for each kept block, its innermost ancestor below `region` that is one of at least
    ITEM_MIN_SIBLINGS like siblings; consecutive kept blocks of one item form a group.
    Blocks outside any item (the page's heading, an intro) stay on their own."""
    tags, cues, parent = doc.node_tags, doc.node_cues, doc.node_parent

    def signature(n: int) -> tuple[int, str, str]:
        c = cues.get(n, "").split()
        return (parent.get(n, -1), tags.get(n, ""), c[0] if c else "")

    counts: dict[tuple[int, str, str], int] = {}
    for n in tags:
        if n in parent:
            k = signature(n)
            counts[k] = counts.get(k, 0) + 1
    item_of: dict[int, int] = {}
    for i in kept:
        b = doc.blocks[i]
        chain = (*b.ancestors, b.node)
        if region not in chain:
            continue
        for n in reversed(chain[chain.index(region) + 1 :]):
            if counts.get(signature(n), 0) >= ITEM_MIN_SIBLINGS:
                item_of[i] = n
                break
    # an item signature counts only when enough of its items hold kept blocks
    used: dict[tuple[int, str, str], set[int]] = {}
    for n in item_of.values():
        used.setdefault(signature(n), set()).add(n)
    good = {n for k, ns in used.items() if len(ns) >= ITEM_MIN_SIBLINGS for n in ns}
    groups: list[tuple[int, ...]] = []
    cur: list[int] = []
    cur_item: int | None = None
    for i in kept:
        item = item_of.get(i)
        if item is not None and item not in good:
            item = None
        if cur and (item is None or item != cur_item):
            groups.append(tuple(cur))
            cur = []
        if item is not None:
            cur.append(i)
        cur_item = item
    if cur:
        groups.append(tuple(cur))
    return tuple(groups)


#: A block is part of the JSON-LD Product.description when it has at least this many
#: characters and its text is inside the description (a shorter one may be a label).
DESCRIPTION_MIN_CHARS = 40


def _described(doc: Document) -> list[int]:
    """Blocks whose text is the product's own description (JSON-LD `Product.description`,
    which sites write from the same source as the visible text): kept wherever they sit,
    often in a tab or an accordion that the region's furniture rules would drop."""
    from cleannews.pagetype import jsonld_objects, jsonld_types

    desc = ""
    for o in jsonld_objects(doc):
        if "product" in jsonld_types([o]) and isinstance(o.get("description"), str):
            desc = " ".join(o["description"].split())
            break
    if len(desc) < DESCRIPTION_MIN_CHARS:
        return []
    return [
        b.index
        for b in doc.blocks
        if len(b.text) >= DESCRIPTION_MIN_CHARS and b.kind is not BlockKind.CAPTION and b.text in desc
    ]


def _trailing_link_lists(doc: Document, selection: Selection) -> set[int]:
    """List items of lists made of links alone that come after the scorer's article
    text, when it found one: references and "more from" lists under a list article.
    A collection without prose (a headlines index) has no such text, and keeps them."""
    if not selection.is_article or not selection.kept:
        return set()
    last = max(doc.blocks[i].node for i in selection.kept)
    lists: dict[int, list[Block]] = {}
    for b in doc.blocks:
        if b.kind is BlockKind.LIST_ITEM and b.node > last:
            p = doc.node_parent.get(b.node)
            if p is not None:
                lists.setdefault(p, []).append(b)
    out: set[int] = set()
    for items in lists.values():
        if len(items) >= TRAILING_LIST_ITEMS and all(b.link_density > rules.LINK_DENSITY_DROP for b in items):
            out.update(b.node for b in items)
    return out


#: A list of links after the article text has at least this many items to be read as
#: references or "more" links (a short list of two links may be the page's own).
TRAILING_LIST_ITEMS = 5


def main_region(doc: Document, selection: Selection) -> int | None:
    """The element holding the page's main content (see the module docstring)."""
    return _region(doc, selection)[0]


def _region(doc: Document, selection: Selection) -> tuple[int | None, dict[int, int]]:
    """The main region and each element's characters of link-poor text."""
    blocks = doc.blocks
    plain: dict[int, int] = {}
    for b in blocks:
        v = len(b.text) - b.link_chars
        if v > 0:
            plain[b.node] = plain.get(b.node, 0) + v
    total = _sums(plain, doc.node_parent)
    page = sum(plain.values())
    if not page:
        return None, total
    marked = [
        n
        for n, tag in doc.node_tags.items()
        if tag == "main" or any(_MAIN_MARK.match(t) for t in doc.node_cues.get(n, "").split())
    ]
    good = [n for n in marked if total.get(n, 0) >= REGION_MIN_SHARE * page]
    if good:
        return max(good), total  # the innermost marked region that still holds most of the text
    # Else: climb from the scorer's container until the region holds most of the text.
    if not selection.kept:
        return None, total
    start = _common_ancestor(doc, [blocks[i] for i in selection.kept])
    cur: int | None = start
    while cur is not None and total.get(cur, 0) < REGION_MIN_SHARE * page:
        cur = doc.node_parent.get(cur)
    return cur, total


def _common_ancestor(doc: Document, blocks: list[Block]) -> int:
    chains = [(*b.ancestors, b.node) for b in blocks]
    first = chains[0]
    depth = min(len(c) for c in chains)
    k = 0
    while k < depth and all(c[k] == first[k] for c in chains):
        k += 1
    return first[k - 1] if k else first[0]


def _sums(own: Mapping[int, int], parent: Mapping[int, int]) -> dict[int, int]:
    sums = dict(own)
    for node in sorted(set(own) | set(parent), reverse=True):
        p = parent.get(node)
        if p is not None and sums.get(node):
            sums[p] = sums.get(p, 0) + sums[node]
    return sums


#: The rules scorer's strong noise words that are content on a page type: a forum's
#: posts are "comments" with bylines and timestamps; a collection's items are
#: "teasers", "related" or "promo" cards.
CONTENT_WORDS: dict[str, frozenset[str]] = {
    "forum": frozenset(("comment", "byline", "dateline", "timestamp", "share", "social", "widget", "meta")),
    "collection": frozenset(("teaser", "related", "promo", "recommend", "trending", "tag", "tags", "read-more", "readmore", "more-stories", "widget")),
    "listing": frozenset(("teaser", "related", "promo", "recommend", "trending", "tag", "tags", "read-more", "readmore", "more-stories", "widget")),
    "service": frozenset(("promo", "teaser", "banner", "widget")),
    "product": frozenset(("widget",)),
    "documentation": frozenset(),
}


def _strong_noise(cues: str, page_type: str) -> bool:
    """The cue holds a strong noise word of the rules scorer that is noise on this type."""
    exempt = CONTENT_WORDS.get(page_type, frozenset())
    for m in rules.NEGATIVE_STRONG.finditer(cues):
        word = m.group(0).strip(" _-").lower()
        if word not in exempt and not any(word.startswith(e) for e in exempt):
            return True
    return False


def _furniture_nodes(doc: Document, page_type: str) -> set[int]:
    out: set[int] = set()
    cues = doc.node_cues
    tags = FURNITURE_TAGS | TYPE_FURNITURE_TAGS.get(page_type, frozenset())
    for n, tag in doc.node_tags.items():
        if tag in tags and not _CONTENT_MARK.search(cues.get(n, "")):
            out.add(n)
    for n, c in cues.items():
        if _is_furniture(c, page_type):
            out.add(n)
    return out


#: Consent-manager class prefixes (OneTrust's "ot-", Complianz's "cmplz", CookieYes's
#: "cky-"): their ids ("onetrust-consent-sdk") have too many hyphens to be read as cues
#: (service word F1 with the true type 0.834 -> 0.838, the other types unchanged).
_CONSENT = re.compile(r"(?:^|\s)(?:ot-|onetrust|cmplz|cky-|cc-window|cookie)")


def _is_furniture(cues: str, page_type: str) -> bool:
    """One element's class/id says it is furniture on a page of this type."""
    if _FURNITURE.search(cues) or _CONSENT.search(cues):
        return True
    if _HIDDEN_CLASS.search(cues) and not _SHOWN_AGAIN.search(cues):
        return True
    extra = _TYPE_FURNITURE.get(page_type)
    if extra is not None and extra.search(cues):
        return True
    return page_type in STRONG_NOISE_TYPES and _strong_noise(cues, page_type)


#: The types on which the rules scorer's strong noise words (minus CONTENT_WORDS) are
#: furniture in the main region too. Measured on wcxb-dev, word F1 with the
#: out-of-fold page type, with / without: product 0.612 / 0.596, forum 0.720 / 0.716,
#: documentation 0.912 / 0.913, collection 0.632 / 0.653, listing 0.658 / 0.669,
#: service 0.810 / 0.813 (item grids and service sections are named like noise).
STRONG_NOISE_TYPES = frozenset(("product", "forum"))


#: The types whose body says each thing once: a block whose text (spaces normalised)
#: repeats a block kept before it is dropped. Item cards print their title two or three
#: times (image label, hidden label, link), shops print "Quick Shop" under every item,
#: forum posts quote the post they answer, pages ship a mobile and a desktop copy of a
#: section; WCXB's truth holds each once. Measured with the out-of-fold block
#: probabilities and page types (word F1, wcxb-dev all, learned + per-type / rules +
#: per-type): 0.8708 / 0.8550 before; repeats dropped on every non-article type 0.8757 /
#: 0.8604 (forum 0.777 -> 0.804, product 0.669 -> 0.688, collection 0.711 -> 0.716,
#: listing 0.734 -> 0.744, service 0.844 -> 0.847, documentation 0.929 -> 0.924); only
#: a repeat among the last 1 / 3 / 10 kept blocks 0.8711 / 0.8723 / 0.8742; short ones
#: (under 4 words) only near (3 blocks) 0.8756. Documentation repeats lines on purpose
#: (code samples' "},", reference tables): chosen nested per type (on or off, picked on
#: four folds by registered domain, scored on the fifth), every fold turns it off for
#: documentation and on for forum, product, listing and service, and on for collection
#: in 5 of 5 folds (learned) / 3 of 5 (rules); nested 0.8761 / 0.8598. Scrapinghub,
#: readability and fundus-dev move by at most 0.0001.
UNIQUE_TYPES = NON_ARTICLE - {"documentation"}


def _without_repeats(doc: Document, kept: list[int], page_type: str, dropped: dict[int, str]) -> list[int]:
    """`kept` minus the blocks whose text a block kept before it already says (see
    UNIQUE_TYPES)."""
    if page_type not in UNIQUE_TYPES:
        return kept
    seen: set[str] = set()
    out: list[int] = []
    for i in kept:
        t = " ".join(doc.blocks[i].text.split())
        if t in seen:
            dropped[i] = f"{page_type} page: a repeat of a block kept before"
            continue
        seen.add(t)
        out.append(i)
    return out or kept
