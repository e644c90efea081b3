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
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from cleannews import text as _text
from cleannews.document import Document
from cleannews.models import Block, BlockKind, Removal
from cleannews.scoring import rules
from cleannews.scoring.dom import _Cues, block_weight
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


def page_signals(doc: Document) -> tuple[float, ...]:
    """The PAGE_SIGNALS of a page (zeros where it has no tree or url)."""
    from urllib.parse import urlsplit

    og = ld_a = ld_o = ld_f = ld_p = 0.0
    tree = doc.tree
    if tree is not None:
        # One filtered walk in C (`iter` with tags) instead of two XPath queries (the
        # og:type contents; the JSON-LD scripts' text, in document order).
        og_types: list[str] = []
        lds: list[str] = []
        try:
            for el in tree.iter("meta", "script"):
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


def _reason_code(reason: str | None) -> int:
    if reason is None:
        return 0
    for i, prefix in enumerate(_REASONS[1:5], start=1):
        if reason.startswith(prefix):
            return i
    return 5


def _stop_counts(words: list[str]) -> list[int]:
    """Stop words of each language among `words` (one dict look-up a word, in C: the
    words' language masks counted, then each distinct mask spread over its languages)."""
    counts = [0] * len(_STOP_LANGS)
    by_mask = Counter(filter(None, map(_STOP_MASK.get, words)))
    for m, k in by_mask.items():
        for i in range(len(_STOP_LANGS)):
            if m >> i & 1:
                counts[i] += k
    return counts


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


def _add_up_subtrees(parent: Mapping[int, int], sums: Sequence[dict[int, float]]) -> None:
    """Per-element sums (element id -> sum over its own blocks) made subtree sums, in
    place: each element's sum is added to its parent's, children first (a child's id
    is larger than its parent's, so one pass in decreasing id order suffices). The
    first dict holds every element with a block; the others may leave some out."""
    first = sums[0]
    for node in sorted(set(first) | set(parent), reverse=True):
        up = parent.get(node)
        if up is None or node not in first:
            continue
        for d in sums:
            if node in d:
                d[up] = d.get(up, 0.0) + d[node]


def block_features(
    doc: Document,
    removed: Mapping[int, Removal],
    selection: Selection,
    extra: Sequence[float] = (),
) -> npt.NDArray[np.float64]:
    """One row per block of `doc` (an HTML document), columns `feature_names(...)`.

    `selection` is the rules scorer's answer on the same document and `extra` the
    page-level features appended to every row. The text of each block is read once
    in one loop (words, stop words, punctuation: string work); everything over the
    tree (subtree sums, ancestors, paths, windows) is numpy over arrays built from
    that loop, indexed by element id.
    """
    blocks = doc.blocks
    n = len(blocks)
    n_cols = len(FEATURE_NAMES) + len(extra)
    if n == 0:
        return np.zeros((0, n_cols), dtype=np.float64)
    kept = set(selection.kept)
    cues_memo = _Cues(doc)
    dropped = selection.dropped
    node_cues = doc.node_cues
    node_tags = doc.node_tags
    parent = doc.node_parent

    cue_val_memo: dict[int, float] = {}
    tag_memo: dict[int, int] = {-1: 0}
    hash_memo: dict[int, int] = {}

    def cue_of(node: int) -> float:
        v = cue_val_memo.get(node)
        if v is None:
            c = node_cues.get(node)
            cv = rules.cue_value(c) if c else None
            v = 0.0 if cv is None else cv
            cue_val_memo[node] = v
        return v

    def tags_above(node: int) -> int:
        """Bit j set when the element or one above it is _ANCESTOR_TAGS[j] (memoised up the tree)."""
        up: list[int] = []
        cur = node
        while cur not in tag_memo:  # iterative: pages nest thousands deep
            up.append(cur)
            cur = parent.get(cur, -1)
        m = tag_memo[cur]
        for el in reversed(up):
            m |= _TAG_BIT.get(node_tags.get(el, ""), 0)
            tag_memo[el] = m
        return m

    pen_memo: dict[int, float] = {}
    mask_memo: dict[int, int] = {}

    def penalty(b: Block) -> float:
        """`_Cues.penalty` of the block, memoised by element (it reads the element's
        chain only: blocks of one element share it)."""
        v = pen_memo.get(b.node)
        if v is None:
            v = pen_memo[b.node] = cues_memo.penalty(b)
        return v

    def hashes(node: int) -> int:
        m = hash_memo.get(node)
        if m is None:
            m = 0
            c = node_cues.get(node)
            if c:
                for tok in _CUE_TOKEN.findall(c):
                    m |= 1 << (zlib.crc32(tok.encode()) % CUE_BUCKETS)
            hash_memo[node] = m
        return m

    own_rows: list[tuple[float, ...]] = []
    stop_rows: list[list[int]] = []
    tag_masks: list[int] = []
    hash_masks: list[int] = []
    parent_tags: list[int] = []
    paths: list[str] = []
    nodes: list[int] = []
    anc_near: list[tuple[int, ...]] = []  # the nearest ANCESTOR_LEVELS ancestors, -1 past the root
    log1p = math.log1p
    findall = _WORD.findall
    text_length = _text.text_length
    punctuation = _text.sentence_punctuation
    tag_get = _TAG_ID.get
    pad = (-1,) * ANCESTOR_LEVELS
    for b in blocks:
        text = b.text
        nc = len(text)
        words = findall(text.lower())
        nw = len(words)
        sc = _stop_counts(words)
        head = text[:2000]
        nh = len(head)
        idx = b.index
        node = b.node
        above = b.ancestors
        is_removed = idx in removed
        w = 0.0 if is_removed else block_weight(b, 0.0)
        reason = 6 if is_removed else (0 if idx in kept else _reason_code(dropped.get(idx)))
        own_cue = node_cues.get(node)
        link_chars = b.link_chars
        own_rows.append((
            log1p(text_length(text)),
            log1p(nw),
            link_chars / nc if nc else 0.0,
            min(punctuation(text), 20),
            *_ends(text),
            (w > 0) - (w < 0),
            log1p(abs(w)),
            max(sc) / nw if nw else 0.0,
            _count_digits(head) / nh if nh else 0.0,
            _count_upper(head) / nh if nh else 0.0,
            float(is_removed),
            float(idx in kept),
            float(reason),
            float(_KIND_ID[b.kind]),
            float(b.level),
            float(tag_get(b.tag, 0)),
            cue_of(node),
            penalty(b),
            float(bool(own_cue) and rules.is_body_mark(own_cue or "")),
            float(len(above)),
            float(nc > 0 and link_chars >= nc * 0.95),
            text.count(",") / nw if nw else 0.0,
        ))
        stop_rows.append(sc)
        tag_masks.append(tags_above(node))
        hm = mask_memo.get(node)
        if hm is None:  # the element's and its CUE_LEVELS nearest ancestors' tokens
            hm = hashes(node)
            for a in above[-CUE_LEVELS:]:
                hm |= hashes(a)
            mask_memo[node] = hm
        hash_masks.append(hm)
        parent_tags.append(tag_get(node_tags.get(above[-1], ""), 0) if above else 0)
        paths.append(b.path)
        nodes.append(node)
        near = above[-1:-ANCESTOR_LEVELS - 1:-1]
        anc_near.append(near + pad[len(near):] if len(near) < ANCESTOR_LEVELS else near)
    own = np.array(own_rows, dtype=np.float64)
    stop_lang = np.array(stop_rows, dtype=np.float64)
    chars = np.fromiter((len(b.text) for b in blocks), dtype=np.float64, count=n)
    links = np.fromiter((b.link_chars for b in blocks), dtype=np.float64, count=n)
    words_n = np.expm1(own[:, 1])
    in_tags = _bits(tag_masks, len(_ANCESTOR_TAGS))
    cue_hash = _bits(hash_masks, CUE_BUCKETS)
    parent_tag = np.array(parent_tags, dtype=np.float64)
    k_ = own[:, _OWN.index("rules_kept")]

    # Subtree sums over elements (chars, link chars, blocks, kept chars), carried up the
    # tree in O(elements) (`_add_up_subtrees`; a bincount over every block's ancestor
    # chain is quadratic on deep nesting), then laid out as arrays by element id.
    node_chars: dict[int, float] = {}
    node_links: dict[int, float] = {}
    node_blocks: dict[int, float] = {}
    node_kept: dict[int, float] = {}
    kept_chars_of = (chars * k_).tolist()
    for node, c, lk, kc in zip(nodes, chars.tolist(), links.tolist(), kept_chars_of):
        node_chars[node] = node_chars.get(node, 0.0) + c
        node_links[node] = node_links.get(node, 0.0) + lk
        node_blocks[node] = node_blocks.get(node, 0.0) + 1.0
        if kc:
            node_kept[node] = node_kept.get(node, 0.0) + kc
    _add_up_subtrees(parent, (node_chars, node_links, node_blocks, node_kept))
    size = max(max(node_chars), max(parent, default=-1)) + 2  # the last slot: "no element"
    sub_chars, sub_links, sub_blocks, sub_kept = (_dense(d, size) for d in (node_chars, node_links, node_blocks, node_kept))
    total_chars = float(chars.sum()) or 1.0
    near_ids = np.array(anc_near, dtype=np.int64).reshape(n, ANCESTOR_LEVELS)
    has = near_ids >= 0
    ids = np.where(has, near_ids, size - 1)
    cue_table = {a: cue_of(a) for a in set(near_ids[has].tolist())}
    anc = np.zeros((n, 6 * ANCESTOR_LEVELS))
    with np.errstate(divide="ignore", invalid="ignore"):
        for k in range(ANCESTOR_LEVELS):
            at = ids[:, k]
            mass = np.where(has[:, k], sub_chars[at], 0.0)
            safe = mass > 0
            base = 6 * k
            anc[:, base] = _log1p(mass)
            anc[:, base + 1] = np.where(safe, sub_links[at] / mass, 0.0)
            anc[:, base + 2] = _log1p(np.where(has[:, k], sub_blocks[at], 0.0))
            anc[:, base + 3] = np.where(safe, sub_kept[at] / mass, 0.0)
            anc[:, base + 4] = mass / total_chars
            anc[:, base + 5] = [cue_table[x] if x >= 0 else 0.0 for x in near_ids[:, k].tolist()]

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
    ld_ = own[:, _OWN.index("link_density")]
    sd_ = own[:, _OWN.index("stopword_density")]
    lc_ = own[:, _OWN.index("log_chars")]
    win = np.stack([_window_mean(v, WINDOW) for v in (k_, ld_, sd_, lc_)], axis=1)

    cum = np.cumsum(chars) - chars
    pos = np.zeros((n, 4))
    pos[:, 0] = np.arange(n) / max(n - 1, 1)
    pos[:, 1] = cum / total_chars
    path_id: dict[str, int] = {}
    inv = np.fromiter((path_id.setdefault(pth, len(path_id)) for pth in paths), dtype=np.int64, count=n)
    path_count = np.bincount(inv)
    path_kept = np.bincount(inv, weights=k_)
    pos[:, 2] = _log1p(path_count[inv].astype(np.float64))
    pos[:, 3] = path_kept[inv] / path_count[inv]

    kept_chars = float((chars * k_).sum())
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
    parts = [own, in_tags, parent_tag[:, None], anc, *nb_parts, win, pos, np.broadcast_to(page, (n, page.size)), cue_hash,
             np.broadcast_to(sig, (n, sig.size))]
    if extra:
        parts.append(np.broadcast_to(np.asarray(extra, dtype=np.float64), (n, len(extra))))
    X: npt.NDArray[np.float64] = np.nan_to_num(np.concatenate(parts, axis=1), copy=False, nan=0.0, posinf=0.0, neginf=0.0)
    return X


def _dense(values: Mapping[int, float], size: int) -> npt.NDArray[np.float64]:
    """A per-element dict as an array by element id (0 where it has no entry)."""
    out = np.zeros(size)
    if values:
        out[np.fromiter(values.keys(), dtype=np.int64, count=len(values))] = np.fromiter(
            values.values(), dtype=np.float64, count=len(values))
    return out


def _log1p(v: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """`math.log1p` of each value: numpy's log1p can differ from it in the last bit,
    and the shipped model was trained on `math.log1p` values."""
    return np.fromiter(map(math.log1p, v.tolist()), dtype=np.float64, count=v.size)


def _bits(masks: list[int], width: int) -> npt.NDArray[np.float64]:
    """Rows of 0/1 from integer bit masks (bit j -> column j)."""
    out = np.zeros((len(masks), width))
    for lo in range(0, width, 32):  # 32 bits at a time: numpy's integers are 64-bit signed
        part = np.array([(m >> lo) & 0xFFFFFFFF for m in masks], dtype=np.int64)
        cols = min(32, width - lo)
        out[:, lo:lo + cols] = (part[:, None] >> np.arange(cols)) & 1
    return out


def _window_mean(v: npt.NDArray[np.float64], half: int) -> npt.NDArray[np.float64]:
    """Mean of v over [i - half, i + half], clipped at the ends."""
    c = np.concatenate(([0.0], np.cumsum(v)))
    n = v.size
    # np.maximum / np.minimum, not np.clip: the same integers, without np.clip's
    # Python-level dispatch (~7 us a call, 14 calls a page: fixed cost on small pages)
    idx = np.arange(n)
    lo = np.maximum(idx - half, 0)
    hi = np.minimum(idx + (half + 1), n)
    out: npt.NDArray[np.float64] = (c.take(hi) - c.take(lo)) / (hi - lo)
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
    parent = doc.node_parent
    num: dict[int, float] = {}
    den: dict[int, float] = {}
    for i, b in enumerate(blocks):
        num[b.node] = num.get(b.node, 0.0) + p[i] * words[i]
        den[b.node] = den.get(b.node, 0.0) + words[i]
    _add_up_subtrees(parent, (den, num))
    for i, b in enumerate(blocks):
        for k in range(1, ANCESTOR_LEVELS + 1):
            if len(b.ancestors) >= k:
                a = b.ancestors[-k]
                out[i, col + k - 1] = num[a] / den[a] if den.get(a) else 0.0
    col += ANCESTOR_LEVELS
    path_sum: dict[str, float] = {}
    path_n: dict[str, int] = {}
    for i, b in enumerate(blocks):
        path_sum[b.path] = path_sum.get(b.path, 0.0) + p[i]
        path_n[b.path] = path_n.get(b.path, 0) + 1
    out[:, col] = [path_sum[b.path] / path_n[b.path] for b in blocks]
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
