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
from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from cleannews.document import Document
from cleannews.models import BlockKind, Removal
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
#: The rules scorer's verdict on a block, as a small category.
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
    counts = [0] * len(_STOP_LANGS)
    for w in words:
        m = _STOP_MASK.get(w)
        if m:
            for i in range(len(_STOP_LANGS)):
                if m >> i & 1:
                    counts[i] += 1
    return counts


def block_features(
    doc: Document,
    removed: Mapping[int, Removal],
    selection: Selection,
    extra: Sequence[float] = (),
) -> npt.NDArray[np.float64]:
    """One row per block of `doc` (an HTML document), columns `feature_names(...)`.

    `selection` is the rules scorer's answer on the same document and `extra` the
    page-level features appended to every row.
    """
    blocks = doc.blocks
    n = len(blocks)
    n_cols = len(FEATURE_NAMES) + len(extra)
    if n == 0:
        return np.zeros((0, n_cols), dtype=np.float64)
    kept = set(selection.kept)
    cues_memo = _Cues(doc)
    node_cues = doc.node_cues
    node_tags = doc.node_tags
    parent = doc.node_parent

    own = np.zeros((n, len(_OWN)), dtype=np.float64)
    chars = np.zeros(n)
    links = np.zeros(n)
    stop_lang = np.zeros((n, len(_STOP_LANGS)))
    words_n = np.zeros(n)
    in_tags = np.zeros((n, len(_ANCESTOR_TAGS)))
    parent_tag = np.zeros(n)
    cue_hash = np.zeros((n, CUE_BUCKETS))
    paths: list[str] = []
    tag_index = {t: i for i, t in enumerate(_ANCESTOR_TAGS)}
    cue_val_memo: dict[int, float] = {}

    def cue_of(node: int) -> float:
        v = cue_val_memo.get(node)
        if v is None:
            c = node_cues.get(node)
            cv = rules.cue_value(c) if c else None
            v = 0.0 if cv is None else cv
            cue_val_memo[node] = v
        return v

    hash_memo: dict[int, list[int]] = {}
    for i, b in enumerate(blocks):
        text = b.text
        nc = len(text)
        chars[i] = nc
        links[i] = b.link_chars
        low = text.lower()
        words = _WORD.findall(low)
        nw = len(words)
        words_n[i] = nw
        sc = _stop_counts(words)
        stop_lang[i] = sc
        digits = sum(ch.isdigit() for ch in text) if nc < 2000 else sum(ch.isdigit() for ch in text[:2000])
        upper = sum(ch.isupper() for ch in text[:2000])
        w = 0.0 if b.index in removed else block_weight(b, 0.0)
        reason = 6 if b.index in removed else (0 if b.index in kept else _reason_code(selection.dropped.get(b.index)))
        chain = (*b.ancestors, b.node)
        ld = b.link_chars / nc if nc else 0.0
        own[i] = (
            math.log1p(rules.text_length(text)),
            math.log1p(nw),
            ld,
            min(rules.sentence_punctuation(text), 20),
            float(rules.ends_sentence(text)),
            float(rules.ends_with_full_stop(text)),
            float(np.sign(w)),
            math.log1p(abs(w)),
            max(sc) / nw if nw else 0.0,
            digits / min(nc, 2000) if nc else 0.0,
            upper / min(nc, 2000) if nc else 0.0,
            float(b.index in removed),
            float(b.index in kept),
            float(reason),
            float(_KINDS.index(b.kind)),
            float(b.level),
            float(_TAG_ID.get(b.tag, 0)),
            cue_of(b.node),
            cues_memo.penalty(b),
            float(bool(node_cues.get(b.node)) and rules.is_body_mark(node_cues.get(b.node, ""))),
            float(len(b.ancestors)),
            float(nc > 0 and b.link_chars >= nc * 0.95),
            text.count(",") / nw if nw else 0.0,
        )
        for a in chain:
            t = node_tags.get(a)
            j = tag_index.get(t) if t else None
            if j is not None:
                in_tags[i, j] = 1.0
        if b.ancestors:
            parent_tag[i] = _TAG_ID.get(node_tags.get(b.ancestors[-1], ""), 0)
        for a in chain[-(CUE_LEVELS + 1):]:
            hs = hash_memo.get(a)
            if hs is None:
                c = node_cues.get(a)
                hs = [zlib.crc32(tok.encode()) % CUE_BUCKETS for tok in _CUE_TOKEN.findall(c)] if c else []
                hash_memo[a] = hs
            for h in hs:
                cue_hash[i, h] = 1.0
        paths.append(b.path)

    # Subtree sums over elements: chars, link chars, blocks, kept chars (children have
    # larger ids than their parents, so one pass in decreasing id order suffices).
    node_chars: dict[int, float] = {}
    node_links: dict[int, float] = {}
    node_blocks: dict[int, float] = {}
    node_kept: dict[int, float] = {}
    for i, b in enumerate(blocks):
        node_chars[b.node] = node_chars.get(b.node, 0.0) + chars[i]
        node_links[b.node] = node_links.get(b.node, 0.0) + links[i]
        node_blocks[b.node] = node_blocks.get(b.node, 0.0) + 1.0
        if b.index in kept:
            node_kept[b.node] = node_kept.get(b.node, 0.0) + chars[i]
    for node in sorted(set(node_chars) | set(parent), reverse=True):
        p = parent.get(node)
        if p is None or node not in node_chars:
            continue
        node_chars[p] = node_chars.get(p, 0.0) + node_chars[node]
        node_links[p] = node_links.get(p, 0.0) + node_links.get(node, 0.0)
        node_blocks[p] = node_blocks.get(p, 0.0) + node_blocks[node]
        if node in node_kept:
            node_kept[p] = node_kept.get(p, 0.0) + node_kept[node]
    total_chars = float(chars.sum()) or 1.0
    anc = np.zeros((n, 6 * ANCESTOR_LEVELS))
    for i, b in enumerate(blocks):
        a_list = b.ancestors
        for k in range(1, ANCESTOR_LEVELS + 1):
            if len(a_list) < k:
                break
            a = a_list[-k]
            c = node_chars.get(a, 0.0)
            base = 6 * (k - 1)
            anc[i, base] = math.log1p(c)
            anc[i, base + 1] = node_links.get(a, 0.0) / c if c else 0.0
            anc[i, base + 2] = math.log1p(node_blocks.get(a, 0.0))
            anc[i, base + 3] = node_kept.get(a, 0.0) / c if c else 0.0
            anc[i, base + 4] = c / total_chars
            anc[i, base + 5] = cue_of(a)

    # Neighbours (zeros past the ends) and windows.
    cols = [_OWN.index(f) for f in _NEIGHBOUR_FEATS]
    nb_parts = []
    for off in NEIGHBOURS:
        shifted = np.zeros((n, len(cols)))
        src = own[:, cols]
        if off < 0:
            shifted[-off:] = src[: n + off]
        else:
            shifted[: n - off] = src[off:]
        nb_parts.append(shifted)
    k_ = own[:, _OWN.index("rules_kept")]
    ld_ = own[:, _OWN.index("link_density")]
    sd_ = own[:, _OWN.index("stopword_density")]
    lc_ = own[:, _OWN.index("log_chars")]
    win = np.stack([_window_mean(v, WINDOW) for v in (k_, ld_, sd_, lc_)], axis=1)

    cum = np.cumsum(chars) - chars
    pos = np.zeros((n, 4))
    pos[:, 0] = np.arange(n) / max(n - 1, 1)
    pos[:, 1] = cum / total_chars
    path_count: dict[str, int] = {}
    path_kept: dict[str, int] = {}
    for i, p in enumerate(paths):
        path_count[p] = path_count.get(p, 0) + 1
        if k_[i]:
            path_kept[p] = path_kept.get(p, 0) + 1
    for i, p in enumerate(paths):
        pos[i, 2] = math.log1p(path_count[p])
        pos[i, 3] = path_kept.get(p, 0) / path_count[p]

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
    parts = [own, in_tags, parent_tag[:, None], anc, *nb_parts, win, pos, np.broadcast_to(page, (n, page.size)), cue_hash]
    if extra:
        parts.append(np.broadcast_to(np.asarray(extra, dtype=np.float64), (n, len(extra))))
    X = np.concatenate(parts, axis=1)
    return np.nan_to_num(X, copy=False, nan=0.0, posinf=0.0, neginf=0.0)


def _window_mean(v: npt.NDArray[np.float64], half: int) -> npt.NDArray[np.float64]:
    """Mean of v over [i - half, i + half], clipped at the ends."""
    c = np.concatenate(([0.0], np.cumsum(v)))
    n = v.size
    lo = np.clip(np.arange(n) - half, 0, n)
    hi = np.clip(np.arange(n) + half + 1, 0, n)
    out: npt.NDArray[np.float64] = (c[hi] - c[lo]) / (hi - lo)
    return out
