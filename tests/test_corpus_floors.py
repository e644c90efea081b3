"""Floors on the shared corpora: a change that lowers one fails here, not silently."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleannews

from conftest import CORPUS, corpus_page, corpus_rows, load_scorer

#: Measured 0.975 / 0.497 (body F1 / exact) when these floors were set; the scorer
#: issue asks for >= 0.970 / >= 0.40. Just under the measured values, so that a change
#: that loses a page or two fails here rather than silently.
SCRAPINGHUB_BODY_F1_FLOOR = 0.970
SCRAPINGHUB_BODY_EXACT_FLOOR = 0.48
#: Readability.js's test pages: measured 0.826 after the body work of issue #3 (0.823
#: before it). About 70 of their truth bodies are UTF-8 read as Latin-1, so a perfect,
#: correctly decoding extractor scores about 0.86 there (see docs/design.md).
READABILITY_BODY_F1_FLOOR = 0.82

pytestmark = pytest.mark.corpus


def _body_scores(dataset: str) -> dict:
    """score.py's own figures for cleannews's bodies on one corpus."""
    rows = corpus_rows(dataset)
    preds = {}
    for row in rows:
        a = cleannews.extract(corpus_page(dataset, row), url=row.get("url"), kind=row["kind"])
        preds[row["id"]] = {"id": row["id"], "body": a.body}
    return load_scorer().score(Path(CORPUS / dataset), preds)


def test_scrapinghub_body_f1_floor():
    res = _body_scores("scrapinghub")
    assert res["body_f1"] >= SCRAPINGHUB_BODY_F1_FLOOR, res
    assert res["body_exact"] >= SCRAPINGHUB_BODY_EXACT_FLOOR, res


def test_readability_body_f1_floor():
    res = _body_scores("readability")
    assert res["body_f1"] >= READABILITY_BODY_F1_FLOOR, res
