"""Block features for the learned scorer: one row of numbers a block, one code path
for training (`cleannews.training`) and inference (`scoring.learned`).

A block's own evidence (length, links, punctuation, stop words, the rules scorer's
weight and cue verdicts) is rarely enough on its own: a short paragraph is body text
between two paragraphs and furniture between two menus. So each row also carries the
block's context: its neighbours' evidence, its ancestors' text mass and link density,
the tags it sits under (`<nav>`, `<aside>`, `<article>`, `<li>`...), hashed class/id
tokens of its nearest elements, its position in the page, the rules scorer's own
verdict (kept, or why it was dropped) and page-level figures. Page-level features from
other stages (e.g. page-type probabilities) are appended with `extra`, after the
fixed ones, so a model knows them by name (`feature_names(extra_names)`).

All features are finite floats (the model is trained with missing values disabled).
"""

from __future__ import annotations

import math
import re
import zlib
from itertools import chain, compress, repeat
from operator import attrgetter
from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from cleannews import text as _text
from cleannews.document import Document
from cleannews.models import BlockKind, Removal
from cleannews.scoring import rules
from cleannews.scoring.dom import block_weight
from cleannews.scoring.scorer import Selection
from cleannews.scoring.stopwords import STOPWORDS

#: Hashed class/id tokens go into this many buckets (a power of two; 64 keeps the
#: rows small while the common CMS tokens rarely share a bucket).
CUE_BUCKETS = 64
#: Class/id tokens are read from the block's own element and this many ancestors
#: (the nearest ones name the widget; further up they describe page layout).
CUE_LEVELS = 3
#: Ancestor levels whose subtree text and link density are features (1 = parent).
ANCESTOR_LEVELS = 3
#: Neighbour offsets whose own features are copied into a row.
NEIGHBOURS = (-2, -1, 1, 2)
#: Half-width of the window over which the rules verdict and text density are averaged.
WINDOW = 3

_TAGS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "td", "section", "article", "span", "dd", "dt",
         "blockquote", "pre", "figcaption", "caption", "header", "footer", "aside", "nav", "main", "form", "ul", "ol",
         "table", "body", "center", "address", "summary", "details")
_TAG_ID = {t: i + 1 for i, t in enumerate(_TAGS)}
#: Ancestor tags that say where a block sits in the page's layout.
_ANCESTOR_TAGS = ("article", "main", "nav", "aside", "footer", "header", "form", "li", "table", "section", "ul", "ol",
                  "figure", "blockquote", "dl", "details")
_KINDS = tuple(BlockKind)
_KIND_ID = {k: i for i, k in enumerate(_KINDS)}
#: The rules scorer's verdict on a block, as a small category.
_TAG_BIT = {t: 1 << j for j, t in enumerate(_ANCESTOR_TAGS)}
_REASONS = ("kept", "outside the article container", "link density", "under a noise class", "image caption", "other",
            "cleaner")
_CUE_TOKEN = re.compile(r"[a-z][a-z0-9]+")
_WORD = re.compile(r"\w+")
_STOP_LANGS = tuple(sorted(STOPWORDS))
_STOP_MASK: dict[str, int] = {}
for _i, _lang in enumerate(_STOP_LANGS):
    for _w in STOPWORDS[_lang]:
        _STOP_MASK[_w] = _STOP_MASK.get(_w, 0) | (1 << _i)

# The per-block own features, copied for neighbours (a subset) and averaged over windows.
_OWN = (
    "log_chars", "log_words", "link_density", "punct", "ends_sentence", "ends_full_stop", "weight_sign",
    "log_abs_weight", "stopword_density", "digit_share", "upper_share", "removed", "rules_kept", "rules_reason",
    "kind", "level", "tag", "cue_own", "cue_penalty", "body_mark", "depth", "is_link_only", "comma_share",
)
_NEIGHBOUR_FEATS = ("log_chars", "link_density", "stopword_density", "rules_kept", "weight_sign", "kind", "punct")


#: Page-level hints of what kind of page this is (an article's comments are not its
#: text; a forum's posts are): structured-data and OpenGraph types, and the url's shape.
PAGE_SIGNALS = (
    "og_article", "ld_article", "ld_other_type", "ld_forum", "ld_product", "url_depth", "url_slug_hyphens",
    "url_has_date", "url_digits", "url_is_root", "n_article_elements", "n_h1", "n_forms",
)
_LD_ARTICLE = re.compile(r'"@type"\s*:\s*\[?\s*"(?:News|Blog|Tech|Scholarly|Report|Opinion|Analysis)?(?:Article|Posting|Story)', re.IGNORECASE)
_LD_FORUM = re.compile(r'"@type"\s*:\s*\[?\s*"(?:DiscussionForumPosting|QAPage|Question|Comment)', re.IGNORECASE)
_LD_PRODUCT = re.compile(r'"@type"\s*:\s*\[?\s*"(?:Product|Offer|Recipe|Event|Service|SoftwareApplication)', re.IGNORECASE)
_LD_TYPE = re.compile(r'"@type"', re.IGNORECASE)
_URL_DATE = re.compile(r"/(?:19|20)\d\d[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)|/(?:19|20)\d{6}")
#: Structured data is read up to this many characters (pages inline megabytes of it).
MAX_LD_CHARS = 200_000


_SIGNAL_TAGS = frozenset(("meta", "script"))
_LAYOUT_TAGS = frozenset(("html", "body"))


def page_signals(doc: Document) -> tuple[float, ...]:
    """The PAGE_SIGNALS of a page (zeros where it has no tree or url)."""
    from urllib.parse import urlsplit

    og = ld_a = ld_o = ld_f = ld_p = 0.0
    tree = doc.tree
    if tree is not None:
        # The tree's meta and script elements in document order, picked from the
        # preorder node list the walk kept (`Document.elements`: a C loop over their
        # tags, a quarter of the time of `tree.iter("meta", "script")`), for the og:type
        # contents and the JSON-LD scripts' text.
        og_types: list[str] = []
        lds: list[str] = []
        try:
            els = doc.elements
            for el in compress(els, map(_SIGNAL_TAGS.__contains__, map(_TAG_OF, els))):
                get = el.get
                if el.tag == "meta":
                    if get("property") == "og:type" or get("name") == "og:type":
                        content = get("content")
                        if content is not None:
                            og_types.append(content)
                elif get("type") == "application/ld+json" and el.text is not None:
                    lds.append(el.text)
            og = float(any("article" in v.lower() for v in og_types))
            ld = "".join(lds)[:MAX_LD_CHARS]
        except (ValueError, TypeError):  # a tree lxml cannot query: no signal
            ld = ""
        if ld:
            ld_a = float(bool(_LD_ARTICLE.search(ld)))
            ld_f = float(bool(_LD_FORUM.search(ld)))
            ld_p = float(bool(_LD_PRODUCT.search(ld)))
            ld_o = float(len(_LD_TYPE.findall(ld)) > 0 and not ld_a)
    url = doc.page.url or ""
    try:
        path = urlsplit(url).path if url else ""
    except ValueError:
        path = ""
    segs = [x for x in path.split("/") if x]
    last = segs[-1] if segs else ""
    tags = list(doc.node_tags.values())
    return (
        og, ld_a, ld_o, ld_f, ld_p,
        float(len(segs)),
        float(last.count("-")),
        float(bool(_URL_DATE.search(path))),
        float(sum(ch.isdigit() for ch in path)),
        float(bool(url) and not segs),
        float(min(tags.count("article"), 50)),
        float(min(tags.count("h1"), 50)),
        float(min(tags.count("form"), 50)),
    )


def feature_names(extra_names: Sequence[str] = ()) -> tuple[str, ...]:
    """The columns of `block_features`, in order."""
    names: list[str] = list(_OWN)
    names += [f"in_{t}" for t in _ANCESTOR_TAGS]
    names += ["parent_tag"]
    for k in range(1, ANCESTOR_LEVELS + 1):
        names += [f"anc{k}_log_chars", f"anc{k}_link_density", f"anc{k}_log_blocks", f"anc{k}_kept_share",
                  f"anc{k}_char_share", f"anc{k}_cue"]
    for off in NEIGHBOURS:
        names += [f"nb{off:+d}_{f}" for f in _NEIGHBOUR_FEATS]
    names += ["win_rules_kept", "win_link_density", "win_stopword_density", "win_log_chars"]
    names += ["pos_index", "pos_chars", "same_path_blocks", "same_path_kept"]
    names += ["page_log_blocks", "page_log_chars", "page_link_density", "page_kept_share", "page_rules_article",
              "page_stop_lang_density"]
    names += [f"cue_hash_{i}" for i in range(CUE_BUCKETS)]
    names += list(PAGE_SIGNALS)
    names += list(extra_names)
    return tuple(names)


FEATURE_NAMES = feature_names()


def _cue_hash(cues: str) -> int:
    """The CUE_BUCKETS bit mask of an element's class/id tokens (a bit a token's crc32
    bucket); memoised by string like `rules.cue_value` (class strings repeat within
    and across pages), up to `rules.MEMO_MAX_CHARS`."""
    return _cue_hash_memo(cues) if len(cues) <= rules.MEMO_MAX_CHARS else _cue_hash_of(cues)


@lru_cache(maxsize=16384)  # a pure function of the string; bounded like rules' memos
def _cue_hash_memo(cues: str) -> int:
    return _cue_hash_of(cues)


def _cue_hash_of(cues: str) -> int:
    m = 0
    for tok in _CUE_TOKEN.findall(cues):
        m |= 1 << (zlib.crc32(tok.encode()) % CUE_BUCKETS)
    return m


def _reason_code(reason: str | None) -> int:
    if reason is None:
        return 0
    for i, prefix in enumerate(_REASONS[1:5], start=1):
        if reason.startswith(prefix):
            return i
    return 5


#: The last characters `text.ends_sentence` and `text.ends_with_full_stop` look for
#: (their patterns' classes, which must stay in step with `cleannews.text`).
_SENTENCE_END = frozenset(".!?。！？…:\"'”’»)")
_FULL_STOP_MARK = frozenset(".!?。！？…")
_CLOSERS = "\"'”’»)]"


def _ends(text: str) -> tuple[float, float]:
    """(`text.ends_sentence(text)`, `text.ends_with_full_stop(text)`) as floats, read
    from the text's last characters: their patterns end in `\\s*$`, which a regex
    search tries at every position of the block (a quarter of the features' time)."""
    r = text.rstrip()
    if not r:
        return 0.0, 0.0
    r2 = r.rstrip(_CLOSERS)
    return float(r[-1] in _SENTENCE_END), float(bool(r2) and r2[-1] in _FULL_STOP_MARK)


_ASCII_DIGITS = b"0123456789"
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))


def _count_digits(s: str) -> int:
    """`sum(map(str.isdigit, s))`; on ASCII text (most blocks) by deleting the ten
    digits in C, which is the same count there."""
    if s.isascii():
        return len(s) - len(s.encode("ascii").translate(None, _ASCII_DIGITS))
    return sum(map(str.isdigit, s))


def _count_upper(s: str) -> int:
    """`sum(map(str.isupper, s))`, the ASCII case in C as `_count_digits`."""
    if s.isascii():
        return len(s) - len(s.encode("ascii").translate(None, _ASCII_UPPER))
    return sum(map(str.isupper, s))


def block_features(
    doc: Document,
    removed: Mapping[int, Removal],
    selection: Selection,
    extra: Sequence[float] = (),
) -> npt.NDArray[np.float64]:
    """One row per block of `doc` (an HTML document), columns `feature_names(...)`.

    `selection` is the rules scorer's answer on the same document and `extra` the
    page-level features appended to every row. The block features are built a column
    at a time: each string fact is one `map` over the blocks' texts (a C loop calling
    one function, no row tuples), the counts that need every character (stop words a
    language, digits, capitals) are numpy over the page's words and bytes at once, and
    everything over the tree (subtree sums, ancestors, paths, windows) is numpy over
    arrays by element slot (`Document.block_tree`, which the context features share).
    The values are the row-at-a-time loop's, bit for bit (the training cache and the
    shipped model were built from it): each float comes from the same operations on
    the same operands, and sums of whole numbers are exact in any order.
    """
    blocks = doc.blocks
    n = len(blocks)
    n_cols = len(FEATURE_NAMES) + len(extra)
    if n == 0:
        return np.zeros((0, n_cols), dtype=np.float64)
    kept = set(selection.kept)
    dropped = selection.dropped
    node_cues = doc.node_cues
    node_tags = doc.node_tags
    log1p = math.log1p

    texts: list[str] = list(map(_TEXT_OF, blocks))
    nodes: list[int] = list(map(_NODE_OF, blocks))
    aboves: list[tuple[int, ...]] = list(map(_ANCESTORS_OF, blocks))
    link_list: list[int] = list(map(_LINKS_OF, blocks))
    words = list(map(_WORD.findall, map(str.lower, texts)))
    nw_list = list(map(len, words))
    chars = np.fromiter(map(len, texts), dtype=np.float64, count=n)
    links = np.array(link_list, dtype=np.float64)
    nw = np.array(nw_list, dtype=np.float64)
    has_words = nw > 0
    stop_lang = _stop_counts_page(words, nw_list)

    own = np.zeros((n, len(_OWN)))
    own[:, _C_LOG_CHARS] = list(map(log1p, map(_text.text_length, texts)))
    own[:, _C_LOG_WORDS] = list(map(log1p, nw_list))
    np.divide(links, chars, out=own[:, _C_LINK_DENSITY], where=chars > 0)
    own[:, _C_PUNCT] = np.minimum(np.fromiter(map(_text.sentence_punctuation, texts), dtype=np.float64, count=n), 20.0)
    own[:, _C_ENDS:_C_ENDS + 2] = list(map(_ends, texts))
    gone = [b.index in removed for b in blocks]
    weights: Sequence[float] = selection.weights  # the rules scorer's, when it ran with the defaults
    if len(weights) != n:
        weights = [0.0 if g else block_weight(b, 0.0) for b, g in zip(blocks, gone)]
    w_arr = np.array(weights, dtype=np.float64)
    own[:, _C_WEIGHT_SIGN] = (w_arr > 0).astype(np.float64) - (w_arr < 0)
    own[:, _C_LOG_ABS_WEIGHT] = list(map(log1p, map(abs, weights)))
    np.divide(stop_lang.max(axis=1), nw, out=own[:, _C_STOP_DENSITY], where=has_words)
    heads = [t[:2000] for t in texts]
    n_head = np.fromiter(map(len, heads), dtype=np.float64, count=n)
    for col, count in ((_C_DIGIT_SHARE, _count_digits), (_C_UPPER_SHARE, _count_upper)):
        np.divide(np.fromiter(map(count, heads), dtype=np.float64, count=n), n_head, out=own[:, col], where=n_head > 0)
    own[:, _C_REMOVED] = gone
    is_kept = [b.index in kept for b in blocks]
    own[:, _C_KEPT] = is_kept
    own[:, _C_REASON] = [6 if g else (0 if k else _reason_code(dropped.get(b.index)))
                         for b, g, k in zip(blocks, gone, is_kept)]
    own[:, _C_KIND] = list(map(_KIND_ID.__getitem__, map(_KIND_OF, blocks)))
    own[:, _C_LEVEL] = list(map(_LEVEL_OF, blocks))
    tag_get = _TAG_ID.get
    own[:, _C_TAG] = [tag_get(t, 0) for t in map(_TAG_OF, blocks)]

    # Per element: its own cue value (0 without one), the rules' cue penalty over its
    # chain (`dom._Cues.penalty` on a page without layout mass: `_penalty`) and
    # whether its class names the article's text box. An empty class string says
    # nothing, as a missing one: value 0.0 and no penalty.
    cue_values = [rules.cue_value(c) if c else None for c in node_cues.values()]
    cue_pen: dict[int, float | None] = dict(zip(node_cues, cue_values))
    for node in compress(node_tags, map(_LAYOUT_TAGS.__contains__, node_tags.values())):
        cue_pen.pop(node, None)  # <html>'s and <body>'s class is page layout (`dom._Cues`)
    cue_vals: dict[int, float] = dict(zip(node_cues, [0.0 if v is None else v for v in cue_values]))
    cue_get = cue_vals.get
    own[:, _C_CUE_OWN] = [cue_get(x, 0.0) for x in nodes]
    pen_memo: dict[int, float] = {}
    own[:, _C_CUE_PENALTY] = [_penalty(x, above, cue_pen, pen_memo) for x, above in zip(nodes, aboves)]
    is_body_mark = rules.is_body_mark
    own[:, _C_BODY_MARK] = [bool(c) and is_body_mark(c) for c in map(node_cues.get, nodes, repeat(""))]
    own[:, _C_DEPTH] = list(map(len, aboves))
    own[:, _C_LINK_ONLY] = (chars > 0) & (links >= chars * 0.95)
    commas = np.fromiter(map(str.count, texts, repeat(",")), dtype=np.float64, count=n)
    np.divide(commas, nw, out=own[:, _C_COMMA_SHARE], where=has_words)

    # The tree, over the page's block elements numbered densely in id order (slot m:
    # "no element"): each element's parent, the tags it sits under (its own and its
    # ancestors', one pass down the tree: a parent's id is smaller than its child's)
    # and its class/id token hashes; then each block's nearest ANCESTOR_LEVELS
    # ancestors (its `ancestors`, which are its element's parent chain).
    tree = doc.block_tree
    elems = tree.ids
    m = tree.none
    par = tree.parent
    tag_bit = _TAG_BIT.get
    under = [0] * (m + 1)
    for i, e in enumerate(elems):
        under[i] = under[par[i]] | tag_bit(node_tags.get(e, ""), 0)
    under[m] = 0
    at0 = tree.at
    near = tree.up
    hash_of = np.array([_cue_hash(cue) if (cue := node_cues.get(e)) else 0 for e in elems] + [0], dtype=np.uint64)
    hm = hash_of[at0]
    for k in range(CUE_LEVELS):
        hm = hm | hash_of[near[k]]
    in_tags = _bit_columns(np.array(under, dtype=np.uint64)[at0], len(_ANCESTOR_TAGS))
    cue_hash_cols = _bit_columns(hm, CUE_BUCKETS)
    tag_ids = np.array([tag_get(node_tags.get(e, ""), 0) for e in elems] + [0], dtype=np.float64)
    parent_tag = tag_ids[near[0]]
    k_ = own[:, _C_KEPT]

    # Subtree sums over elements (chars, link chars, blocks, kept chars), carried up the
    # tree in O(elements) (`BlockTree.subtree_sums`; a bincount over every block's ancestor
    # chain is quadratic on deep nesting), by slot.
    sub_chars, sub_links, sub_blocks, sub_kept = tree.subtree_sums(chars, links, np.ones(n), chars * k_)
    total_chars = float(chars.sum()) or 1.0
    cue_slot = np.array([cue_get(e, 0.0) for e in elems] + [0.0])
    anc = np.zeros((n, 6 * ANCESTOR_LEVELS))
    with np.errstate(divide="ignore", invalid="ignore"):
        for k in range(ANCESTOR_LEVELS):
            at = near[k]
            has = at != m
            mass = np.where(has, sub_chars[at], 0.0)
            safe = mass > 0
            base = 6 * k
            anc[:, base] = _log1p(mass)
            anc[:, base + 1] = np.where(safe, sub_links[at] / mass, 0.0)
            anc[:, base + 2] = _log1p(np.where(has, sub_blocks[at], 0.0))
            anc[:, base + 3] = np.where(safe, sub_kept[at] / mass, 0.0)
            anc[:, base + 4] = mass / total_chars
            anc[:, base + 5] = cue_slot[at]

    # Neighbours (zeros past the ends) and windows.
    src = own[:, [_OWN.index(f) for f in _NEIGHBOUR_FEATS]]
    nb_parts = []
    for off in NEIGHBOURS:
        shifted = np.zeros_like(src)
        if off < 0:
            shifted[-off:] = src[: n + off]
        else:
            shifted[: n - off] = src[off:]
        nb_parts.append(shifted)
    ld_ = own[:, _C_LINK_DENSITY]
    sd_ = own[:, _C_STOP_DENSITY]
    lc_ = own[:, _C_LOG_CHARS]
    win = _window_mean(np.stack((k_, ld_, sd_, lc_), axis=1), WINDOW)

    cum = np.cumsum(chars) - chars
    pos = np.zeros((n, 4))
    pos[:, 0] = np.arange(n) / max(n - 1, 1)
    pos[:, 1] = cum / total_chars
    path_id: dict[str, int] = {}
    inv = np.fromiter((path_id.setdefault(pth, len(path_id)) for pth in map(_PATH_OF, blocks)), dtype=np.int64, count=n)
    path_count = np.bincount(inv)
    path_kept = np.bincount(inv, weights=k_)
    pos[:, 2] = _log1p(path_count[inv].astype(np.float64))
    pos[:, 3] = path_kept[inv] / path_count[inv]

    kept_chars = float((chars * k_).sum())
    words_n = np.expm1(own[:, _C_LOG_WORDS])
    words_total = float(words_n.sum()) or 1.0
    page = np.array([
        math.log1p(n),
        math.log1p(total_chars),
        float(links.sum()) / total_chars,
        kept_chars / total_chars,
        float(selection.is_article),
        float(stop_lang.sum(axis=0).max()) / words_total,
    ])
    sig = np.array(page_signals(doc))
    parts = [own, in_tags, parent_tag[:, None], anc, *nb_parts, win, pos, np.broadcast_to(page, (n, page.size)),
             cue_hash_cols, np.broadcast_to(sig, (n, sig.size))]
    if extra:
        parts.append(np.broadcast_to(np.asarray(extra, dtype=np.float64), (n, len(extra))))
    X: npt.NDArray[np.float64] = np.nan_to_num(np.concatenate(parts, axis=1), copy=False, nan=0.0, posinf=0.0, neginf=0.0)
    return X


_TEXT_OF = attrgetter("text")
_NODE_OF = attrgetter("node")
_ANCESTORS_OF = attrgetter("ancestors")
_LINKS_OF = attrgetter("link_chars")
_KIND_OF = attrgetter("kind")
_LEVEL_OF = attrgetter("level")
_TAG_OF = attrgetter("tag")
_PATH_OF = attrgetter("path")
(_C_LOG_CHARS, _C_LOG_WORDS, _C_LINK_DENSITY, _C_PUNCT, _C_ENDS, _C_ENDS_FULL_STOP, _C_WEIGHT_SIGN, _C_LOG_ABS_WEIGHT,
 _C_STOP_DENSITY, _C_DIGIT_SHARE, _C_UPPER_SHARE, _C_REMOVED, _C_KEPT, _C_REASON, _C_KIND, _C_LEVEL, _C_TAG,
 _C_CUE_OWN, _C_CUE_PENALTY, _C_BODY_MARK, _C_DEPTH, _C_LINK_ONLY, _C_COMMA_SHARE) = range(len(_OWN))


def _penalty(node: int, above: tuple[int, ...], values: Mapping[int, float | None], memo: dict[int, float]) -> float:
    """`dom._Cues(doc).penalty(block)` for a block of element `node` (ancestors `above`)
    on a page read without layout mass (every element's cue counts but <html>'s and
    <body>'s): `values` holds the cue values of the elements that have one, and the
    answer is memoised by element (it reads the element's chain only)."""
    v = memo.get(node)
    if v is not None:
        return v
    positive = weak = False
    up = len(above)
    cur = node
    out = -1.0
    for _ in range(rules.CUE_DEPTH):
        if cur == -1:  # `_Cues.penalty`'s stop_at: no element
            break
        cv = values.get(cur)
        if cv is not None:
            if cv >= 1.0:
                out = 1.0
                break
            if cv < 0:
                positive = True
            elif not positive:
                weak = True
        up -= 1
        if up < 0:
            break
        cur = above[up]
    if out < 0:
        out = 0.5 if weak else 0.0
    memo[node] = out
    return out


def _stop_counts_page(words: Sequence[list[str]], counts: Sequence[int]) -> npt.NDArray[np.float64]:
    """Stop words of each language (columns, `_STOP_LANGS` order) among each block's
    `words` (rows; `counts` their lengths): every word's language mask read in one C
    loop over the page, then one bincount by block for each language."""
    n = len(words)
    out = np.zeros((n, len(_STOP_LANGS)))
    total = sum(counts)
    if not total:
        return out
    masks = np.fromiter(map(_STOP_MASK.get, chain.from_iterable(words), repeat(0)), dtype=np.int64, count=total)
    hit = masks != 0
    if not hit.any():
        return out
    owner = np.repeat(np.arange(n), counts)[hit]
    masks = masks[hit]
    for i in range(len(_STOP_LANGS)):
        out[:, i] = np.bincount(owner[(masks >> i) & 1 == 1], minlength=n)
    return out


def _log1p(v: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """`math.log1p` of each value: numpy's log1p can differ from it in the last bit,
    and the shipped model was trained on `math.log1p` values."""
    return np.fromiter(map(math.log1p, v.tolist()), dtype=np.float64, count=v.size)


def _bit_columns(masks: npt.NDArray[np.uint64], width: int) -> npt.NDArray[np.float64]:
    """Rows of 0/1 from bit masks (bit j -> column j)."""
    out: npt.NDArray[np.float64] = ((masks[:, None] >> np.arange(width, dtype=np.uint64)) & np.uint64(1)).astype(np.float64)
    return out


def _window_mean(v: npt.NDArray[np.float64], half: int) -> npt.NDArray[np.float64]:
    """Mean of v over [i - half, i + half], clipped at the ends (of each column, for a
    2-D v: the same sums as column by column, one cumulative sum down each)."""
    c = np.concatenate((np.zeros((1,) + v.shape[1:]), np.cumsum(v, axis=0)))
    n = v.shape[0]
    # np.maximum / np.minimum, not np.clip: the same integers, without np.clip's
    # Python-level dispatch (~7 us a call: a fixed cost on small pages)
    idx = np.arange(n)
    lo = np.maximum(idx - half, 0)
    hi = np.minimum(idx + (half + 1), n)
    width = hi - lo
    out: npt.NDArray[np.float64] = (c.take(hi, axis=0) - c.take(lo, axis=0)) / (
        width if v.ndim == 1 else width[:, None])
    return out


# --- the second stage: the first model's probabilities in context ---------------------
#: Half-widths of the windows over which first-stage probabilities are averaged.
PROB_WINDOWS = (1, 3, 10)
#: How far (in blocks) the distance to the nearest likely main-text block is counted.
MAX_GAP = 20
#: A first-stage probability at or over this is "likely main text" for the gap features.
LIKELY = 0.5

CONTEXT_NAMES: tuple[str, ...] = (
    "p1", "p1_prev", "p1_next", "p1_prev2", "p1_next2",
    *(f"p1_win{w}" for w in PROB_WINDOWS),
    *(f"p1_anc{k}" for k in range(1, ANCESTOR_LEVELS + 1)),
    "p1_same_path", "p1_gap_before", "p1_gap_after", "p1_page_max", "p1_page_mean", "p1_page_likely_share",
    "p1_rank",
)


def context_features(doc: Document, X: npt.NDArray[np.float64], prob: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """The first-stage probabilities of a block's neighbours, windows, ancestors and
    page: what lets the second stage make the body one coherent region (a short line
    between two likely paragraphs, a paragraph inside a box of furniture)."""
    blocks = doc.blocks
    n = len(blocks)
    out = np.zeros((n, len(CONTEXT_NAMES)))
    if n == 0:
        return out
    words = np.expm1(X[:, _OWN.index("log_words")]) + 1.0
    p = prob
    out[:, 0] = p
    for col, off in ((1, -1), (2, 1), (3, -2), (4, 2)):
        sh = np.zeros(n)
        if off < 0:
            sh[-off:] = p[: n + off]
        else:
            sh[: n - off] = p[off:]
        out[:, col] = sh
    col = 5
    for w in PROB_WINDOWS:
        out[:, col] = _window_mean(p, w)
        col += 1
    # The ancestors' word-weighted mean probability (the subtree sums in the order a
    # dict accumulation by node id adds them: `BlockTree.subtree_sums`) and each DOM
    # path's mean probability (summed in block order by bincount).
    tree = doc.block_tree
    den, num = tree.subtree_sums(words, p * words)
    with np.errstate(divide="ignore", invalid="ignore"):
        for k in range(ANCESTOR_LEVELS):
            a = tree.up[k]
            d = den[a]
            out[:, col + k] = np.where(d != 0, num[a] / d, 0.0)
    col += ANCESTOR_LEVELS
    path_id: dict[str, int] = {}
    inv = np.fromiter((path_id.setdefault(pth, len(path_id)) for pth in map(_PATH_OF, blocks)), dtype=np.int64, count=n)
    out[:, col] = (np.bincount(inv, weights=p) / np.bincount(inv))[inv]
    col += 1
    likely = np.flatnonzero(p >= LIKELY)
    idx = np.arange(n)
    if likely.size:
        pos = np.searchsorted(likely, idx, side="left")  # first likely >= i
        before = np.where(pos > 0, idx - likely[np.maximum(pos - 1, 0)], MAX_GAP)
        after_pos = np.searchsorted(likely, idx, side="right")
        after = np.where(after_pos < likely.size, likely[np.minimum(after_pos, likely.size - 1)] - idx, MAX_GAP)
        out[:, col] = np.minimum(np.where(pos > 0, before, MAX_GAP), MAX_GAP)
        out[:, col + 1] = np.minimum(after, MAX_GAP)
    else:
        out[:, col] = out[:, col + 1] = MAX_GAP
    col += 2
    out[:, col] = p.max()
    out[:, col + 1] = float((p * words).sum() / words.sum())
    out[:, col + 2] = float(words[p >= LIKELY].sum() / words.sum())
    out[:, col + 3] = (np.argsort(np.argsort(-p)) / max(n - 1, 1))
    return out
