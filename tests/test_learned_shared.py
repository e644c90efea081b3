"""The learned features' shared and column-at-a-time pieces against plain per-block
references: the block tree (`Document.block_tree`), the rules scorer's weights read
from its Selection, the page's stop-word counts, the page signals read from the
preorder node list, and the second stage's context features. Pages written here."""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from cleannews.cleaners.registry import resolve, run_cleaners
from cleannews.document import build_document
from cleannews.load import load
from cleannews.scoring import learned_features as lf
from cleannews.scoring.dom import block_weight
from cleannews.scoring.scorer import select_rules
from cleannews.scoring.stopwords import STOPWORDS


def _html() -> str:
    para = ("The ferry will run every hour from May, and the harbour office says that the new timetable "
            "is meant for the people who work in the town but live on the island.")
    nested = "".join(f'<div class="box-{i} wrap">' for i in range(8)) + f"<p>{para}</p>" + "</div>" * 8
    return (
        "<html><head><title>Ferry times</title><META property='og:type' content='Article'>"
        '<script type="application/ld+json">{"@type": "NewsArticle"}</script></head><body>'
        '<!-- a comment --><nav class="menu"><ul><li><a href="/a">Home</a></li><li><a href="/b">News</a></li></ul></nav>'
        f'<article class="post-body"><h1>Ferry times</h1><p>{para}</p><p>Der Hafen und die Stadt, las horas y el puerto.</p>'
        f'<blockquote><p>“Quoted 2026 words” ÀÉÎ ² ٣.</p></blockquote>{nested}'
        '<table><tr><td>Mon</td><td>09:00</td></tr><tr><td>Tue</td><td>10:00</td></tr></table></article>'
        '<noscript><meta name="og:type" content="website"><script type="application/ld+json">{"@type": "Product"}</script></noscript>'
        '<aside class="related"><p><a href="/c">More from the harbour</a></p></aside>'
        '<footer><p>Copyright, the town, 2026.</p></footer></body></html>'
    )


def _stages():  # type: ignore[no-untyped-def]
    doc = build_document(load(_html(), url="https://example.org/2026/05/ferry-times"))
    removed = run_cleaners(doc, resolve(None))
    return doc, removed, select_rules(doc, removed)


def test_the_block_tree_is_each_blocks_parent_chain_and_sums_its_subtrees() -> None:
    doc, _, _ = _stages()
    t = doc.block_tree
    assert list(t.ids) == sorted(t.ids)
    for i, b in enumerate(doc.blocks):
        assert t.ids[t.at[i]] == b.node
        for k in range(len(t.up)):
            want = b.ancestors[-k - 1] if len(b.ancestors) > k else None
            got = int(t.up[k][i])
            assert (t.ids[got] if got != t.none else None) == want
    chars = np.array([float(len(b.text)) for b in doc.blocks])
    (sums,) = t.subtree_sums(chars)
    for s, e in enumerate(t.ids):
        assert sums[s] == sum(len(b.text) for b in doc.blocks if b.node == e or e in b.ancestors)
    assert sums[t.none] == 0.0


def test_the_rules_weights_the_features_read_are_block_weight() -> None:
    doc, removed, sel = _stages()
    assert sel.weights == tuple(0.0 if b.index in removed else block_weight(b, 0.0) for b in doc.blocks)
    X = lf.block_features(doc, removed, sel)
    alone = lf.block_features(doc, removed, dataclasses.replace(sel, weights=()))
    assert X.tobytes() == alone.tobytes()


def test_stop_counts_a_page_at_once_are_the_per_block_counts() -> None:
    doc, _, _ = _stages()
    words = [lf._WORD.findall(b.text.lower()) for b in doc.blocks]
    got = lf._stop_counts_page(words, [len(w) for w in words])
    for row, ws in zip(got, words):
        assert row.tolist() == [float(sum(w in STOPWORDS[lang] for w in ws)) for lang in lf._STOP_LANGS]
    assert got.sum() > 0


def test_page_signals_read_every_meta_and_script_in_page_order() -> None:
    doc, _, _ = _stages()
    ref_og: list[str] = []
    ref_ld: list[str] = []
    for el in doc.tree.iter("meta", "script"):
        if el.tag == "meta" and "og:type" in (el.get("property"), el.get("name")) and el.get("content") is not None:
            ref_og.append(el.get("content"))
        elif el.tag == "script" and el.get("type") == "application/ld+json" and el.text is not None:
            ref_ld.append(el.text)
    assert ref_og == ["Article", "website"] and len(ref_ld) == 2  # the page's own, the <noscript>'s too
    sig = dict(zip(lf.PAGE_SIGNALS, lf.page_signals(doc)))
    assert sig["og_article"] == 1.0 and sig["ld_article"] == 1.0 and sig["ld_product"] == 1.0
    assert sig["url_has_date"] == 1.0


def _context_reference(doc, X, p):  # type: ignore[no-untyped-def]
    """The ancestor and path columns of `context_features` as dict loops by node id."""
    words = np.expm1(X[:, lf._OWN.index("log_words")]) + 1.0
    num: dict[int, float] = {}
    den: dict[int, float] = {}
    for i, b in enumerate(doc.blocks):
        num[b.node] = num.get(b.node, 0.0) + p[i] * words[i]
        den[b.node] = den.get(b.node, 0.0) + words[i]
    parent = doc.node_parent
    for node in sorted(set(den) | set(parent), reverse=True):
        up = parent.get(node)
        if up is None or node not in den:
            continue
        den[up] = den.get(up, 0.0) + den[node]
        num[up] = num.get(up, 0.0) + num[node]
    out = []
    for b in doc.blocks:
        row = []
        for k in range(1, lf.ANCESTOR_LEVELS + 1):
            a = b.ancestors[-k] if len(b.ancestors) >= k else None
            row.append(num[a] / den[a] if a is not None and den.get(a) else 0.0)
        same = [p[j] for j, c in enumerate(doc.blocks) if c.path == b.path]
        total = 0.0
        for v in same:
            total += v
        row.append(total / len(same))
        out.append(row)
    return np.array(out)


def test_context_features_ancestors_and_paths_are_the_dict_sums() -> None:
    doc, removed, sel = _stages()
    X = lf.block_features(doc, removed, sel)
    n = len(doc.blocks)
    p = np.array([math.sin(i * 1.7) ** 2 for i in range(n)])
    C = lf.context_features(doc, X, p)
    first = lf.CONTEXT_NAMES.index("p1_anc1")
    got = C[:, first:first + lf.ANCESTOR_LEVELS + 1]
    assert got.tobytes() == _context_reference(doc, X, p).tobytes()
    assert (got[:, 0] > 0).any()


def test_windows_of_columns_are_the_windows_of_each() -> None:
    v = np.array([[0.5, 1.0], [2.0, 0.1], [0.3, 0.7], [1.1, 0.0], [0.9, 4.0]])
    both = lf._window_mean(v, 2)
    for j in range(2):
        assert both[:, j].tobytes() == lf._window_mean(np.ascontiguousarray(v[:, j]), 2).tobytes()


def _cue_value_reference(cues: str) -> float | None:
    """`rules._cue_value` as it read before its ASCII fast path: IGNORECASE patterns."""
    from cleannews.scoring import rules

    if "-" in cues or "_" in cues:
        cues = " ".join(t for t in cues.split() if not rules._TAXONOMY_TOKEN.match(t))
    if rules._POSITIVE.search(cues):
        return -1.0 if not rules._NEGATIVE_STRONG.search(cues) else 1.0
    if rules._NEGATIVE_STRONG.search(cues):
        return 1.0
    if rules._NEGATIVE_WEAK.search(cues):
        return 0.5
    return None


def test_cue_values_of_ascii_class_strings_are_the_ignorecase_ones() -> None:
    from cleannews.scoring import rules

    samples = ["article-body", "Article-Body", "ENTRY-CONTENT sidebar", "post tag-news", "Tag-News comments",
               "main-content", "top-bar", "Top", "page-header", "ads", "my_Ads_box", "NAV", "prose", "rich-text x",
               "content \u212a", "sidebar \u017fhare", "text\u00e9 share", "\u0130tem-caption", "no-sidebar Footer",
               "Most-Popular", "box", "", "HIDDEN", "story-TEXT"]
    for s in samples:
        assert rules._cue_value(s) == _cue_value_reference(s), s
        assert rules._is_body_mark(s) == (bool(rules._BODY_MARK_RE.search(s)) and _cue_value_reference(s) == -1.0), s


def test_page_title_words_read_the_title_and_every_og_title() -> None:
    from cleannews.scoring.inside import page_title_words

    html = ("<html><head><title>Harbour news</title><!-- c --><meta property='og:title' content='Ferry Times'>"
            "</head><body><p>Text.</p><noscript><meta property='og:title' content='Night boats'></noscript></body></html>")
    doc = build_document(load(html))
    ref = {w.lower() for w in ["Harbour", "news"]}
    for m in doc.tree.iterdescendants("meta"):
        if m.get("property") == "og:title":
            ref.update(w.lower() for w in (m.get("content") or "").split())
    assert page_title_words(doc) == frozenset(ref) == {"harbour", "news", "ferry", "times", "night", "boats"}
