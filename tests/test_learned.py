"""The learned block scorer: its shipped model, determinism, fallback, and behaviour
on a page written for this test (no corpus text)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import cleannews
from cleannews.cleaners.registry import resolve, run_cleaners
from cleannews.document import build_document
from cleannews.load import load
from cleannews.scoring import learned
from cleannews.scoring.dom import select_html_blocks
from cleannews.scoring.learned_features import FEATURE_NAMES, block_features
from cleannews.scoring.scorer import select_blocks, select_rules

PARAGRAPHS = [
    ("The city council voted on Tuesday to extend the night bus network to the northern districts, "
     "after a year in which ridership on the existing lines grew by almost a third."),
    ("Supporters said the change would help shift workers who now walk long distances after midnight, "
     "while opponents worried about the cost, which the transport office puts at four million a year."),
    ("The first new routes will start in March, and the council will review the figures in the autumn "
     "before deciding whether to add weekend services as well."),
    ("Residents can comment on the proposed timetables until the end of next month, either online or "
     "at the public library, where the plans are on display."),
]
MENU = ["Home", "News", "Sport", "Weather", "Contact us", "About"]
RELATED = ["Bridge repairs to finish early", "School meals get a new supplier", "Park reopens after storm"]


def _page() -> str:
    nav = "".join(f'<li><a href="/{m.lower()}">{m}</a></li>' for m in MENU)
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    rel = "".join(f'<li><a href="/r{i}">{t}</a></li>' for i, t in enumerate(RELATED))
    foot = '<p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a> Copyright 2026 Example Media</p>'
    return (
        "<html><head><title>Night buses for the north</title></head><body>"
        f'<header><nav class="main-menu"><ul>{nav}</ul></nav></header>'
        f'<main><article><h1>Night buses for the north</h1><div class="article-body">{body}</div></article>'
        f'<aside class="related"><h3>More news</h3><ul>{rel}</ul></aside></main>'
        f'<footer class="site-footer">{foot}</footer></body></html>'
    )


def _stages(html: str):  # type: ignore[no-untyped-def]
    doc = build_document(load(html))
    removed = run_cleaners(doc, resolve(None))
    return doc, removed


def test_the_shipped_model_loads_is_small_and_versioned() -> None:
    model = learned.load_model()
    assert model is not None, "the package ships scoring/models/blocks.npz"
    npz = learned.MODEL_DIR / f"{learned.MODEL_NAME}.npz"
    assert npz.stat().st_size < 5_000_000
    meta = json.loads((learned.MODEL_DIR / f"{learned.MODEL_NAME}.json").read_text())
    assert meta["version"].startswith("blocks-")
    assert tuple(meta["features"]) == FEATURE_NAMES
    assert model.forest.n_features == len(FEATURE_NAMES)
    assert 0.0 < model.threshold < 1.0


def test_features_are_finite_and_one_row_a_block() -> None:
    doc, removed = _stages(_page())
    X = block_features(doc, removed, select_rules(doc, removed))
    assert X.shape == (len(doc.blocks), len(FEATURE_NAMES))
    assert np.isfinite(X).all()


def test_inference_is_deterministic() -> None:
    doc, removed = _stages(_page())
    model = learned.load_model()
    assert model is not None
    rules = select_rules(doc, removed)
    a = learned.probabilities(model, doc, removed, rules)
    b = learned.probabilities(model, doc, removed, rules)
    assert np.array_equal(a, b)
    assert cleannews.extract(_page()).body == cleannews.extract(_page()).body


def test_the_learned_scorer_keeps_the_article_and_drops_the_furniture() -> None:
    body = cleannews.extract(_page(), scorer="learned").body
    for p in PARAGRAPHS:
        assert p in body
    for word in (*MENU, *RELATED, "Privacy", "Copyright"):
        assert word not in body
    sel = select_blocks(*_stages(_page()), scorer="learned")
    assert sel.probability, "the learned selection carries each block's probability"


def test_without_a_model_file_the_rules_scorer_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert learned.load_model(tmp_path) is None
    monkeypatch.setattr(learned, "load_model", lambda directory=tmp_path: None)
    assert cleannews.extract(_page(), scorer="learned").body == cleannews.extract(_page(), scorer="rules").body


def test_scorer_rules_is_the_rules_scorer() -> None:
    doc, removed = _stages(_page())
    assert select_blocks(doc, removed, scorer="rules") == select_html_blocks(doc, removed)
    with pytest.raises(ValueError):
        select_blocks(doc, removed, scorer="magic")  # type: ignore[arg-type]


def test_explain_shows_each_blocks_probability_and_strongest_features() -> None:
    from cleannews.explain import block_rows
    from cleannews.pipeline import run

    rows = block_rows(run(_page()))
    assert all(r.learned.startswith("p=") for r in rows)
    assert "=" in rows[0].learned.split(":", 1)[1]


def test_alignment_labels_blocks_of_the_truth_in_order_and_not_their_repeats() -> None:
    from cleannews.training.align import align

    doc, _ = _stages(_page())
    truth = "\n\n".join(PARAGRAPHS)
    al = align(doc, truth)
    labelled = [b.text for b, lab in zip(doc.blocks, al.labels) if lab]
    # Every paragraph, and no block of three words or more that is not in the truth
    # (a short block whose words occur in the truth next to the body, a menu's "About",
    # can be labelled main text: a known looseness of the short-block rule).
    assert [t for t in labelled if len(t.split()) >= 3] == PARAGRAPHS
    # A teaser that repeats the first paragraph before the article is not main text twice.
    teaser = f'<html><body><div class="promo"><p>{PARAGRAPHS[0]}</p></div>' + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</body></html>"
    doc2, _ = _stages(teaser)
    al2 = align(doc2, truth)
    assert sum(al2.labels) == len(PARAGRAPHS)
    assert al2.labels[0] == 0


def test_site_groups_are_registered_domains() -> None:
    from cleannews.training.data import site_of

    assert site_of("https://www.bbc.co.uk/news/x", "d", "1") == "bbc.co.uk"
    assert site_of("https://edition.cnn.com/2024/x", "d", "1") == "cnn.com"
    assert site_of(None, "readability", "wordpress") == "readability:wordpress"


def test_page_type_features_are_fed_only_to_a_model_trained_with_them() -> None:
    import dataclasses

    from cleannews.pagetype import MODEL_TYPES

    doc, removed = _stages(_page())
    model = learned.load_model()
    assert model is not None
    rules = select_rules(doc, removed)
    assert learned.page_extra(model, doc, rules) == ()  # the shipped model: no page-type columns
    extra = learned.page_extra(dataclasses.replace(model, page_types=True), doc, rules)
    assert len(extra) == len(learned.PAGETYPE_NAMES) == len(MODEL_TYPES)
    assert [n.removeprefix("pt_") for n in learned.PAGETYPE_NAMES] == list(MODEL_TYPES)
    assert abs(sum(extra) - 1.0) < 1e-6


def test_nested_page_type_probabilities_never_see_the_held_out_sites() -> None:
    """No page's probabilities move when the held-out pages' labels change: neither the
    model that scores the held-out pages nor the training pages' out-of-fold models saw
    them (the leak `cv --page-types` must avoid). Flipping the other pages' labels does
    move them (the check can fail)."""
    pytest.importorskip("lightgbm")
    pytest.importorskip("sklearn")
    from cleannews.pagetype import FEATURE_NAMES as PT_FEATURES
    from cleannews.training.cv import PageTypes, page_type_probabilities

    rng = np.random.default_rng(0)
    n = 140
    X = rng.normal(size=(n, len(PT_FEATURES)))
    y = (X[:, 0] > 0).astype(np.int64) * 3  # two of the seven types
    sites = np.array([f"s{i % 20}" for i in range(n)])
    held = {"s0", "s1", "s2", "s3"}
    pt = PageTypes(X, y, sites, np.arange(n))
    a = page_type_probabilities(pt, held, 3)
    flipped = y.copy()
    mask = np.isin(sites, list(held))
    flipped[mask] = 3 - flipped[mask]
    b = page_type_probabilities(PageTypes(X, flipped, sites, np.arange(n)), held, 3)
    assert np.allclose(a, b)
    other = y.copy()
    other[~mask] = 3 - other[~mask]
    c = page_type_probabilities(PageTypes(X, other, sites, np.arange(n)), held, 3)
    assert not np.allclose(a[mask], c[mask])
    assert np.allclose(a.sum(axis=1), 1.0)


def test_the_article_gate_follows_the_model_file(tmp_path: Path) -> None:
    import dataclasses
    import shutil

    from cleannews.pagetype import MODEL_TYPES, type_probabilities

    doc, removed = _stages(_page())
    rules = select_rules(doc, removed)
    X = block_features(doc, removed, rules)
    model = learned.load_model()
    assert model is not None
    # the page has no OpenGraph/JSON-LD type and no url: the signals gate says no
    assert not learned.is_article(dataclasses.replace(model, gate="signals"), doc, rules, X)
    p = type_probabilities(doc, rules)[MODEL_TYPES.index("article")]
    assert learned.is_article(dataclasses.replace(model, gate="page_type"), doc, rules, X) == (p >= learned.ARTICLE_TYPE_MIN)
    # a model file written before the gate existed decodes with the page signals
    for f in learned.MODEL_DIR.glob(f"{learned.MODEL_NAME}*"):
        shutil.copy(f, tmp_path / f.name)
    meta_path = tmp_path / f"{learned.MODEL_NAME}.json"
    meta = json.loads(meta_path.read_text())
    meta.pop("gate", None)
    meta_path.write_text(json.dumps(meta))
    old = learned.load_model(tmp_path)
    assert old is not None and old.gate == "signals"
    meta["gate"] = "astrology"
    meta_path.write_text(json.dumps(meta))
    learned.load_model.cache_clear()
    with pytest.raises(ValueError):
        learned.load_model(tmp_path)


def test_the_learned_selection_keeps_the_rules_basis() -> None:
    doc, removed = _stages(_page())
    sel = select_blocks(doc, removed, scorer="learned")
    assert sel.probability and sel.basis == select_rules(doc, removed)
    assert sel.rules_basis == select_rules(doc, removed)
    assert select_rules(doc, removed).rules_basis == select_rules(doc, removed)


def test_metadata_and_page_type_read_the_rules_basis_once() -> None:
    """The page type is the page-type model's on the rules' selection, computed once by
    the learned scorer's gate and reused (the same numbers as computing it again)."""
    from cleannews.metadata import read_metadata
    from cleannews.pagetype import load_model as load_pagetype_model, type_probabilities
    from cleannews.pipeline import run

    if load_pagetype_model() is None:
        pytest.skip("no page-type model file")
    trace = run(_page(), scorer="learned")
    assert trace.scored is not None and trace.scored.basis is not None
    basis = trace.scored.basis
    assert trace.page_type is not None
    expected = type_probabilities(trace.document, basis)
    assert np.array_equal(np.asarray(trace.scored.page_types), expected)
    assert np.array_equal(np.asarray(trace.page_type.probabilities), expected)
    assert trace.metadata == read_metadata(trace.document, trace.removed, basis)


def test_the_features_text_shortcuts_agree_with_cleannews_text() -> None:
    """`learned_features` reads sentence ends and digit/capital counts its own faster
    way; the values must be `cleannews.text`'s and `str`'s exactly."""
    from cleannews import text
    from cleannews.scoring.learned_features import _count_digits, _count_upper, _ends

    samples = ["", "   ", "Plain words", "A sentence.", "Quoted.”  ", "Asked?\")\n", "Photos:", "(see below)",
               "Ellipsis…", "終わり。", "Trailing ] bracket.]", "Mixed.\" x", "Label: ", "x.\u00a0", "x\u3000",
               "Number 42 and ٣ and ² and Ⅻ", "ÀÉÎ ABC déf", "A.\"\n\t", ".", "\"", "]."]
    for s in samples:
        assert _ends(s) == (float(text.ends_sentence(s)), float(text.ends_with_full_stop(s))), s
        assert _count_digits(s) == sum(map(str.isdigit, s)), s
        assert _count_upper(s) == sum(map(str.isupper, s)), s


def test_the_headline_that_repeats_the_title_is_not_body() -> None:
    html = ("<html><head><title>Dredging to start in May</title></head><body><article>"
            "<h1>Dredging to start in May</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>")
    article = cleannews.extract(html, scorer="learned")
    assert article.title == "Dredging to start in May"
    assert article.body == "\n\n".join(PARAGRAPHS)
    # a heading that is not the title stays
    other = html.replace("<h1>Dredging to start in May</h1>", "<h1>Dredging to start in May</h1><h2>Six weeks of work</h2>")
    assert "Six weeks of work" in cleannews.extract(other, scorer="learned").body


def test_window_mean_is_the_clipped_window_mean():
    from cleannews.scoring.learned_features import _window_mean

    rng = np.random.default_rng(3)
    for n in (1, 2, 3, 7, 25):
        v = rng.random(n)
        for half in (1, 3, 10):
            want = [v[max(0, i - half) : i + half + 1].mean() for i in range(n)]
            assert np.allclose(_window_mean(v, half), want, rtol=0, atol=1e-12)


def test_shipped_forests_walk_like_a_plain_tree_walk():
    """`Forest.raw` on the shipped models, for one row and for a few (a page's blocks),
    gives what a plain walk down each tree gives: `x[feature] <= threshold` goes left."""
    from cleannews.pagetype import load_model as load_pagetype_model

    model = learned.load_model()
    assert model is not None
    forests = [model.forest, model.context, load_pagetype_model()]
    rng = np.random.default_rng(11)
    for forest in forests:
        assert forest is not None
        for rows in (1, 3, 17):
            X = rng.random((rows, forest.n_features)) * rng.choice([0.0, 1.0, 10.0, 1000.0], size=(rows, forest.n_features))
            want = np.zeros((rows, forest.n_classes))
            for r in range(rows):
                for t, root in enumerate(forest.roots.tolist()):
                    node = root
                    while forest.feature[node] >= 0:
                        go_left = X[r, forest.feature[node]] <= forest.threshold[node]
                        node = int(forest.left[node] if go_left else forest.right[node])
                    want[r, forest.tree_class[t]] += forest.value[node]
            assert np.allclose(forest.raw(X), want, rtol=0, atol=1e-9)


def test_an_article_whose_rules_answer_the_model_disowns_gets_the_plain_threshold() -> None:
    # blocks 0-1: the rules' answer (a footer line the model gives 0.05); 2-4: the
    # article the model sees elsewhere, at 0.5: under `outside` (0.6), over the threshold
    prob = np.array([0.05, 0.05, 0.5, 0.7, 0.5])
    removed = np.zeros(5, dtype=bool)
    ruled = np.array([True, True, False, False, False])
    words = np.array([10.0, 10.0, 50.0, 50.0, 50.0])
    assert not learned.trusts_rules(prob, removed, ruled, words, 0.6)
    kept = learned.decode(prob, removed, ruled, 0.3, 0.6, True, words)
    assert kept.tolist() == [False, False, True, True, True]
    # without the word weights, the old decoding: only the sure block passes `outside`
    assert learned.decode(prob, removed, ruled, 0.3, 0.6, True).tolist() == [False, False, False, True, False]
    # when the rules' answer holds the sure text, it is trusted
    ruled2 = np.array([False, False, False, True, False])
    assert learned.trusts_rules(prob, removed, ruled2, words, 0.6)
    assert learned.decode(prob, removed, ruled2, 0.3, 0.6, True, words).tolist() == [False, False, False, True, False]
