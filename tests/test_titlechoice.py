"""The title candidates a page gives (`metadata.titlechoice`) and the chooser hook of
`read_html_metadata`: hand-written pages only."""

from __future__ import annotations

import numpy as np

from cleannews.document import build_document
from cleannews.learn.forest import Forest
from cleannews.metadata.html import read_html_metadata
from cleannews.metadata.titlechoice import FEATURE_NAMES, TitleSources, candidates, choose, features
from cleannews.models import Page

PAGE = """<html><head><title>Harbour ferry returns after winter repairs | The Coastal Courier</title>
<meta property="og:title" content="Harbour ferry returns after winter repairs">
<meta property="og:site_name" content="The Coastal Courier">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry back on the harbour run",
"datePublished": "2024-03-02T08:00:00Z"}</script></head>
<body><header class="masthead"><h2 class="site-title">The Coastal Courier</h2></header>
<article><h1 class="entry-title">The old ferry is back on the harbour run</h1>
<p>The ferry that links the two quays went back into service on Saturday after three months in dry dock.</p>
<p>Passengers queued from seven in the morning for the first crossing of the season.</p></article></body></html>"""


def _doc():
    return build_document(Page(PAGE, "html", "https://coastal-courier.example/news/ferry-returns"))


def _sources() -> TitleSources:
    doc = _doc()
    seen: list[TitleSources] = []

    def record(src: TitleSources) -> str | None:
        seen.append(src)
        return src.rules

    read_html_metadata(doc, {}, (), fallback=False, title_chooser=record)
    assert len(seen) == 1
    return seen[0]


def test_without_a_chooser_the_title_is_the_rules_answer():
    doc = _doc()
    plain = read_html_metadata(doc, {}, (), fallback=False)
    recorded = read_html_metadata(doc, {}, (), fallback=False, title_chooser=lambda s: s.rules)
    assert plain.title == recorded.title == "Ferry back on the harbour run"  # JSON-LD's headline first


def test_candidates_carry_every_source_that_gives_them():
    src = _sources()
    by_text = {c.text: c.sources for c in candidates(src)}
    assert {"rules", "ld_headline"} <= by_text["Ferry back on the harbour run"]
    assert {"og", "title_cut", "title_first"} <= by_text["Harbour ferry returns after winter repairs"]
    assert "title" in by_text["Harbour ferry returns after winter repairs | The Coastal Courier"]
    assert "h1_first" in by_text["The old ferry is back on the harbour run"]
    # the heading's place and class words are known to the features
    h = src.headings["theoldferryisbackontheharbourrun"]
    assert h[0] == 1 and "entry-title" in h[3]


def test_features_are_one_finite_row_a_candidate():
    src = _sources()
    cands = candidates(src)
    X = features(cands, src)
    assert X.shape == (len(cands), len(FEATURE_NAMES))
    assert np.isfinite(X).all()
    col = FEATURE_NAMES.index("page_news")
    assert (X[:, col] == 1).all()  # a NewsArticle page


def _stump(feature: str, n: int) -> Forest:
    """One tree: score 1 when `feature` is set, else 0."""
    f = FEATURE_NAMES.index(feature)
    return Forest(feature=np.array([f, -1, -1], dtype=np.int32), threshold=np.array([0.5, 0.0, 0.0]),
                  left=np.array([1, 1, 2], dtype=np.int32), right=np.array([2, 1, 2], dtype=np.int32),
                  value=np.array([0.0, 0.0, 1.0]), roots=np.array([0], dtype=np.int32),
                  tree_class=np.array([0], dtype=np.int32), n_classes=1, n_features=n, depth=1)


def test_choose_takes_the_candidate_the_model_rates_highest():
    src = _sources()
    assert choose(src, _stump("src_h1_first", len(FEATURE_NAMES))) == "The old ferry is back on the harbour run"
    assert choose(src, _stump("src_og", len(FEATURE_NAMES))) == "Harbour ferry returns after winter repairs"


def test_a_page_without_titles_gives_the_rules_answer():
    empty = TitleSources(rules=None, structured={}, html_title=None)
    assert candidates(empty) == []
    assert choose(empty, _stump("src_og", len(FEATURE_NAMES))) is None
